// Normalization ops whose output has the input's shape:
//   MVN (opset6): inputs data, axes; normalize_variance, eps, eps_mode (inside_sqrt/outside_sqrt).
//   LRN (opset1): inputs data, axes; alpha, beta, bias, size.
//   BatchNormInference (opset5): inputs data [N,C,...], gamma, beta, mean, variance (each [C]); epsilon.
#include "axes_input.h"

namespace ovkit {
namespace {

void check_float(const ShapeContext& c) {
    check(is_float(c.in_types[0]), c.node.describe(), ": input must be floating point, got ", type_name(c.in_types[0]));
}

void infer_along_axes(ShapeContext& c) {
    check_float(c);
    std::vector<int64_t> axes;
    if (c.in_shapes[0].rank_is_static()) infer::axes_input(c, 1, c.in_shapes[0].rank(), axes);
    infer::same_as_input(c);
}

void infer_mvn(ShapeContext& c) {
    std::string mode = c.node.attrs.get_string("eps_mode");
    check(mode == "inside_sqrt" || mode == "outside_sqrt", c.node.describe(),
          ": eps_mode must be inside_sqrt or outside_sqrt, got '", mode, "'");
    infer_along_axes(c);
}

void infer_lrn(ShapeContext& c) {
    int64_t size = c.node.attrs.get_int("size");
    check(size > 0, c.node.describe(), ": size must be positive, got ", size);
    infer_along_axes(c);
}

void infer_batch_norm(ShapeContext& c) {
    check_float(c);
    const PartialShape& x = c.in_shapes[0];
    check(!x.rank_is_static() || x.rank() >= 2, c.node.describe(), ": data must have rank >= 2, got ", x.to_string());
    for (size_t i = 1; i < 5; ++i) {
        check(c.in_types[i] == c.in_types[0], c.node.describe(), ": input ", i, " has type ", type_name(c.in_types[i]),
              ", expected ", type_name(c.in_types[0]));
        const PartialShape& p = c.in_shapes[i];
        bool ok = !p.rank_is_static() || (p.rank() == 1 && (!x.rank_is_static() || x[1].is_dynamic() ||
                                                            p[0].is_dynamic() || p[0] == x[1]));
        if (!ok) c.fail_input(i, "expected shape [C] for data " + x.to_string() + ", got " + p.to_string());
    }
    infer::same_as_input(c);
}

}  // namespace

OVKIT_OP("MVN", infer_mvn, 2, 2);
OVKIT_OP_VERSION("MVN", "opset6");
OVKIT_OP("LRN", infer_lrn, 2, 2);
OVKIT_OP("BatchNormInference", infer_batch_norm, 5, 5);
OVKIT_OP_VERSION("BatchNormInference", "opset5");

}  // namespace ovkit
