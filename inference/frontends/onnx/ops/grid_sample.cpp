// ONNX GridSample (opset 16: bilinear / nearest / bicubic; opset 20 names linear / cubic,
// 4-D only here) -> GridSample (OpenVINO opset9).
#include "../node_context.h"

namespace ovkit::onnx_frontend {
namespace {

std::vector<Output> grid_sample(NodeContext& c) {
    std::string mode = c.attr_string("mode", c.opset() >= 20 ? "linear" : "bilinear");
    if (mode == "linear") mode = "bilinear";
    if (mode == "cubic") mode = "bicubic";
    return {c.make("GridSample", {c.input(0), c.input(1)},
                   Attributes{{"align_corners", c.attr_int("align_corners", 0) != 0},
                              {"mode", mode},
                              {"padding_mode", c.attr_string("padding_mode", "zeros")}})};
}

}  // namespace

ONNX_OP("GridSample", 16, grid_sample);

}  // namespace ovkit::onnx_frontend
