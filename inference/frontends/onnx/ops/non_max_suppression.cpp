// ONNX NonMaxSuppression (opset 10, 11) -> NonMaxSuppression (OpenVINO opset9) with results
// ordered by batch, class, then score (sort_result_descending = false), i64 indices.
// Missing optional inputs: no output boxes, IoU threshold 0, no score threshold.
#include <limits>

#include "../node_context.h"

namespace ovkit::onnx_frontend {
namespace {

std::vector<Output> non_max_suppression(NodeContext& c) {
    const ElementType score_type = c.input(1).type();
    std::vector<Output> inputs{c.input(0), c.input(1)};
    inputs.push_back(c.has_input(2) ? c.input(2) : c.scalar_i64(0));
    inputs.push_back(c.has_input(3) ? c.input(3) : c.scalar(score_type, 0.0));
    inputs.push_back(c.has_input(4) ? c.input(4)
                                    : c.scalar(score_type, -double(std::numeric_limits<float>::infinity())));
    Node* nms = c.make_node("NonMaxSuppression", inputs,
                            Attributes{{"box_encoding", std::string(c.attr_int("center_point_box", 0) ? "center" : "corner")},
                                       {"sort_result_descending", false},
                                       {"output_type", std::string("i64")}},
                            3);
    return {nms->output(0)};
}

}  // namespace

ONNX_OP("NonMaxSuppression", 10, non_max_suppression);

}  // namespace ovkit::onnx_frontend
