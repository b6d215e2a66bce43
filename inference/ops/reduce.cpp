// ReduceSum, ReduceMean, ReduceMax, ReduceMin, ReduceProd, ReduceL1, ReduceL2 (opset1/4):
// inputs data and axes, attribute keep_dims. Empty axes reduce nothing (output = input).
#include "axes_input.h"

namespace ovkit {
namespace {

void infer_reduce(ShapeContext& c) {
    const PartialShape& in = c.in_shapes[0];
    bool keep = c.node.attrs.get_bool("keep_dims", false);
    std::vector<int64_t> axes;
    if (!in.rank_is_static() || !infer::axes_input(c, 1, in.rank(), axes)) {
        c.set_output(0, c.in_types[0], keep && in.rank_is_static() ? PartialShape::dynamic(in.rank()) : PartialShape());
        return;
    }
    std::vector<Dimension> out;
    for (int64_t d = 0; d < in.rank(); ++d) {
        bool reduced = std::find(axes.begin(), axes.end(), d) != axes.end();
        if (!reduced) out.push_back(in[size_t(d)]);
        else if (keep) out.emplace_back(1);
    }
    c.set_output(0, c.in_types[0], PartialShape(out));
}

}  // namespace

OVKIT_OP("ReduceSum", infer_reduce, 2, 2);
OVKIT_OP("ReduceMean", infer_reduce, 2, 2);
OVKIT_OP("ReduceMax", infer_reduce, 2, 2);
OVKIT_OP("ReduceMin", infer_reduce, 2, 2);
OVKIT_OP("ReduceProd", infer_reduce, 2, 2);
OVKIT_OP("ReduceL1", infer_reduce, 2, 2);
OVKIT_OP_VERSION("ReduceL1", "opset4");
OVKIT_OP("ReduceL2", infer_reduce, 2, 2);
OVKIT_OP_VERSION("ReduceL2", "opset4");

}  // namespace ovkit
