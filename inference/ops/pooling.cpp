// MaxPool (opset8: values and, when the node has two outputs, flat indices of the maxima)
// and AvgPool (opset1, `exclude-pad`). Attribute `kernel` gives the window size.
#include "sliding_window.h"

namespace ovkit {
namespace {

PartialShape pooled_shape(ShapeContext& c) {
    const PartialShape& in = c.in_shapes[0];
    if (!in.rank_is_static()) return PartialShape::dynamic();
    int64_t spatial = infer::spatial_rank(c, in.rank());
    auto kernel = c.node.attrs.get_ints("kernel");
    check(int64_t(kernel.size()) == spatial, c.node.describe(), ": 'kernel' has ", kernel.size(), " values for ",
          spatial, " spatial dimensions");
    for (int64_t k : kernel) check(k > 0, c.node.describe(), ": 'kernel' values must be positive, got ", k);
    auto w = infer::window_attrs(c, size_t(spatial));
    std::vector<Dimension> out{in[0], in[1]};
    for (int64_t i = 0; i < spatial; ++i) out.push_back(infer::window_output(c, w, size_t(i), in[2 + i], kernel[i]));
    return PartialShape(out);
}

void max_pool(ShapeContext& c) {
    PartialShape out = pooled_shape(c);
    c.set_output(0, c.in_types[0], out);
    if (c.out_types.size() > 1) {
        int64_t axis = c.node.attrs.get_int("axis", 0);
        check(axis == 0, c.node.describe(), ": only axis 0 (indices over the whole tensor) is supported, got ", axis);
        c.set_output(1, type_from_name(c.node.attrs.get_string("index_element_type", "i64")), out);
    }
}

void avg_pool(ShapeContext& c) {
    check(is_float(c.in_types[0]), c.node.describe(), ": AvgPool needs a floating-point input, got ",
          type_name(c.in_types[0]));
    c.set_output(0, c.in_types[0], pooled_shape(c));
}

}  // namespace

OVKIT_OP("MaxPool", max_pool, 1, 1);
OVKIT_OP_VERSION("MaxPool", "opset8");
OVKIT_OP("AvgPool", avg_pool, 1, 1);

}  // namespace ovkit
