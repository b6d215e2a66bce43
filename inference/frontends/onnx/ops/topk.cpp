// ONNX TopK -> TopK (opset11 attributes, i64 indices). k is an attribute before opset 10 and
// a 1-element input after; largest/sorted arrive in opset 11 (before: largest, sorted).
#include "../node_context.h"

namespace ovkit::onnx_frontend {
namespace {

std::vector<Output> make_topk(NodeContext& c, Output k) {
    Output data = c.input(0);
    bool largest = c.attr_int("largest", 1) != 0, sorted = c.attr_int("sorted", 1) != 0;
    Node* topk = c.make_node("TopK", {data, k},
                             Attributes{{"axis", c.attr_int("axis", -1)},
                                        {"mode", std::string(largest ? "max" : "min")},
                                        {"sort", std::string(sorted ? "value" : "none")},
                                        {"index_element_type", std::string("i64")},
                                        {"stable", true}},
                             2);
    return {topk->output(0), topk->output(1)};
}

std::vector<Output> topk_opset_1(NodeContext& c) { return make_topk(c, c.scalar_i64(c.attr_int("k"))); }

// k is a 1-D tensor of one element; TopK takes a scalar.
std::vector<Output> topk_opset_10(NodeContext& c) {
    Output k = c.input(1);
    if (const Tensor* v = c.constant_value(k)) {
        if (v->size() != 1) c.fail("k must hold one value, got shape ", to_string(v->shape()));
        return make_topk(c, c.scalar_i64(v->as_int64()[0]));
    }
    if (k.shape().rank() != 0) k = c.make("Squeeze", {k, c.const_i64({0})});
    return make_topk(c, k);
}

}  // namespace

ONNX_OP("TopK", 1, topk_opset_1);
ONNX_OP("TopK", 10, topk_opset_10);

}  // namespace ovkit::onnx_frontend
