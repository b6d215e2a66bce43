// ONNX Resize (opsets 10, 11, 13) and Upsample (7, 9) -> Interpolate (OpenVINO opset11).
// ONNX "linear" is Interpolate "linear_onnx". Resize-10 and Upsample use asymmetric
// coordinates with nearest_mode "simple" (floor when upscaling), as OpenVINO's frontend does.
// tf_crop_and_resize and exclude_outside use ovkit's Interpolate extension (roi input 3).
#include "../node_context.h"

namespace ovkit::onnx_frontend {
namespace {

std::string interpolate_mode(NodeContext& c, const std::string& onnx_mode) {
    if (onnx_mode == "nearest") return "nearest";
    if (onnx_mode == "linear" || onnx_mode == "bilinear") return "linear_onnx";
    if (onnx_mode == "cubic") return "cubic";
    c.fail("unsupported mode '", onnx_mode, "'");
}

Attributes base_attrs(NodeContext& c, const std::string& mode, const std::string& calc) {
    Attributes a{{"mode", interpolate_mode(c, mode)},
                 {"shape_calculation_mode", calc},
                 {"coordinate_transformation_mode", std::string("asymmetric")},
                 {"nearest_mode", std::string("simple")},
                 {"antialias", false}};
    int64_t rank = c.input(0).shape().rank();
    if (rank >= 0) {
        a.set("pads_begin", std::vector<int64_t>(size_t(rank), 0));
        a.set("pads_end", std::vector<int64_t>(size_t(rank), 0));
    }
    a.set("cube_coeff", -0.75);
    return a;
}

// Upsample-9 / Resize-10: (X, scales).
std::vector<Output> upsample_scales_input(NodeContext& c) {
    return {c.make("Interpolate", {c.input(0), c.input(1)},
                   base_attrs(c, c.attr_string("mode", "nearest"), "scales"))};
}

// Upsample-7: scales as an attribute.
std::vector<Output> upsample_opset_7(NodeContext& c) {
    auto scales = c.attr_floats("scales");
    if (scales.empty()) c.fail("attribute 'scales' is required");
    Output s = c.constant(Tensor::from_vector(scales, {int64_t(scales.size())}));
    return {c.make("Interpolate", {c.input(0), s}, base_attrs(c, c.attr_string("mode", "nearest"), "scales"))};
}

bool is_empty_input(NodeContext& c, size_t i) {
    if (!c.has_input(i)) return true;
    const Tensor* v = c.constant_value(c.input(i));
    return v && v->size() == 0;
}

// Resize-11 and later: (X, roi, scales, sizes).
std::vector<Output> resize_opset_11(NodeContext& c) {
    const Output x = c.input(0);
    const int64_t rank = x.shape().rank();
    const bool by_sizes = !is_empty_input(c, 3);
    if (!by_sizes && is_empty_input(c, 2)) c.fail("neither scales nor sizes is given");
    Attributes a = base_attrs(c, c.attr_string("mode", "nearest"), by_sizes ? "sizes" : "scales");
    const std::string transform = c.attr_string("coordinate_transformation_mode", "half_pixel");
    a.set("coordinate_transformation_mode", transform);
    a.set("nearest_mode", c.attr_string("nearest_mode", "round_prefer_floor"));
    a.set("cube_coeff", double(c.attr_float("cubic_coeff_a", -0.75f)));
    if (c.attr_int("exclude_outside", 0)) a.set("exclude_outside", true);

    std::vector<Output> inputs{x, c.input(by_sizes ? 3 : 2)};
    if (transform == "tf_crop_and_resize") {  // inputs: data, sizes/scales, axes, roi
        if (rank < 0) c.fail("tf_crop_and_resize needs an input of known rank");
        std::vector<int64_t> axes;
        for (int64_t d = 0; d < rank; ++d) axes.push_back(d);
        inputs.push_back(c.const_i64(axes));
        if (!c.has_input(1)) c.fail("tf_crop_and_resize needs the roi input");
        inputs.push_back(c.input(1));
        a.set("extrapolation_value", double(c.attr_float("extrapolation_value", 0.0f)));
    }
    return {c.make("Interpolate", std::move(inputs), std::move(a))};
}

}  // namespace

ONNX_OP("Upsample", 7, upsample_opset_7);
ONNX_OP("Upsample", 9, upsample_scales_input);
ONNX_OP("Resize", 10, upsample_scales_input);
ONNX_OP("Resize", 11, resize_opset_11);

}  // namespace ovkit::onnx_frontend
