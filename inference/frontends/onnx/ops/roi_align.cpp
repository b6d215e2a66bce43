// ONNX RoiAlign (opset 10, 16) -> ROIAlign (OpenVINO opset9). Opset 10 behaves as
// coordinate_transformation_mode "output_half_pixel" (OpenVINO aligned_mode "asymmetric");
// opset 16 defaults to "half_pixel" (OpenVINO "half_pixel_for_nn"). Mode "max" takes the
// maximum of the bilinear samples, as OpenVINO does.
#include "../node_context.h"

namespace ovkit::onnx_frontend {
namespace {

std::vector<Output> roi_align(NodeContext& c, const std::string& transform) {
    std::string aligned;
    if (transform == "half_pixel") aligned = "half_pixel_for_nn";
    else if (transform == "output_half_pixel") aligned = "asymmetric";
    else c.fail("unsupported coordinate_transformation_mode '", transform, "'");
    return {c.make("ROIAlign", {c.input(0), c.input(1), c.input(2)},
                   Attributes{{"pooled_h", c.attr_int("output_height", 1)},
                              {"pooled_w", c.attr_int("output_width", 1)},
                              {"sampling_ratio", c.attr_int("sampling_ratio", 0)},
                              {"spatial_scale", double(c.attr_float("spatial_scale", 1.0f))},
                              {"mode", c.attr_string("mode", "avg")},
                              {"aligned_mode", aligned}})};
}

std::vector<Output> roi_align_opset_10(NodeContext& c) { return roi_align(c, "output_half_pixel"); }
std::vector<Output> roi_align_opset_16(NodeContext& c) {
    return roi_align(c, c.attr_string("coordinate_transformation_mode", "half_pixel"));
}

}  // namespace

ONNX_OP("RoiAlign", 10, roi_align_opset_10);
ONNX_OP("RoiAlign", 16, roi_align_opset_16);

}  // namespace ovkit::onnx_frontend
