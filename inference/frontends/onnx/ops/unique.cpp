// ONNX Unique -> Unique (opset10); both list the unique values, first-occurrence indices,
// inverse indices and counts, in that order.
#include "../node_context.h"

namespace ovkit::onnx_frontend {
namespace {
std::vector<Output> unique(NodeContext& c) {
    std::vector<Output> in{c.input(0)};
    if (c.has_attr("axis")) in.push_back(c.scalar_i64(c.attr_int("axis")));
    Node* n = c.make_node("Unique", in,
                          Attributes{{"sorted", c.attr_int("sorted", 1) != 0},
                                     {"index_element_type", std::string("i64")},
                                     {"count_element_type", std::string("i64")}},
                          4);
    return {n->output(0), n->output(1), n->output(2), n->output(3)};
}
}  // namespace
ONNX_OP("Unique", 11, unique);
}  // namespace ovkit::onnx_frontend
