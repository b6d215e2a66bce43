// ONNX ArgMax/ArgMin -> TopK (k=1, mode max/min, sort none, i64 indices), then Squeeze of
// the axis unless keepdims. select_last_index (opset 12) runs TopK on the data reversed
// along the axis and maps the index back: dim - 1 - index.
#include "../node_context.h"

namespace ovkit::onnx_frontend {
namespace {

template <const char* Mode>
std::vector<Output> arg_extreme(NodeContext& c) {
    Output data = c.input(0);
    int64_t rank = data.shape().rank();
    if (rank < 0) c.fail("the input rank must be known");
    int64_t axis = normalize_axis(c.attr_int("axis", 0), rank, c.name());
    bool last = c.attr_int("select_last_index", 0) != 0;
    if (last) data = c.make("Reverse", {data, c.const_i64({axis})}, Attributes{{"mode", std::string("index")}});
    Node* topk = c.make_node("TopK", {data, c.scalar_i64(1)},
                             Attributes{{"axis", axis},
                                        {"mode", std::string(Mode)},
                                        {"sort", std::string("none")},
                                        {"index_element_type", std::string("i64")}},
                             2);
    Output index = topk->output(1);
    if (last) {
        const Dimension& dim = data.shape()[size_t(axis)];
        if (dim.is_dynamic()) c.fail("select_last_index needs a static size of axis ", axis, ", got ", dim.to_string());
        index = c.make("Subtract", {c.scalar_i64(dim.value() - 1), index});
    }
    if (c.attr_int("keepdims", 1) == 0) index = c.make("Squeeze", {index, c.const_i64({axis})});
    return {index};
}

constexpr char kMax[] = "max";
constexpr char kMin[] = "min";

}  // namespace

ONNX_OP("ArgMax", 1, arg_extreme<kMax>);
ONNX_OP("ArgMin", 1, arg_extreme<kMin>);

}  // namespace ovkit::onnx_frontend
