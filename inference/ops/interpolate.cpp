// Interpolate (OpenVINO opset11): inputs data, scales_or_sizes, axes (optional).
// Output dims on `axes` come from the sizes, or floor(padded_dim * scale) for
// shape_calculation_mode="scales"; other dims are padded by pads_begin/pads_end.
//
// ovkit extension (for ONNX Resize): coordinate_transformation_mode="tf_crop_and_resize"
// takes a fourth input `roi` (starts then ends per axis, normalized) and uses the
// `extrapolation_value` attribute; `exclude_outside` renormalizes cubic weights.
#include <cmath>

#include "infer_helpers.h"

namespace ovkit {
namespace {

void infer_interpolate(ShapeContext& c) {
    const PartialShape& data = c.in_shapes[0];
    check(c.in_shapes[1].rank() <= 1, c.node.describe(), ": scales_or_sizes must be 1-D, got ",
          c.in_shapes[1].to_string());
    if (!data.rank_is_static()) {
        c.set_output(0, c.in_types[0], PartialShape::dynamic());
        return;
    }
    const int64_t rank = data.rank();
    auto pads_begin = c.node.attrs.get_ints("pads_begin", {});
    auto pads_end = c.node.attrs.get_ints("pads_end", {});
    std::vector<Dimension> dims = data.dims();
    for (int64_t d = 0; d < rank; ++d) {
        int64_t pad = (size_t(d) < pads_begin.size() ? pads_begin[d] : 0) +
                      (size_t(d) < pads_end.size() ? pads_end[d] : 0);
        check(pad >= 0, c.node.describe(), ": negative padding on axis ", d);
        if (pad && dims[d].is_static()) dims[d] = Dimension(dims[d].value() + pad);
        else if (pad) dims[d] = Dimension::dynamic();
    }

    std::vector<int64_t> axes;
    if (c.inputs() > 2) {
        if (!c.int_values(2, axes)) {  // unknown axes: any dim may change
            c.set_output(0, c.in_types[0], PartialShape::dynamic(rank));
            return;
        }
        for (auto& a : axes) a = normalize_axis(a, rank, c.node.name);
    } else {
        for (int64_t d = 0; d < rank; ++d) axes.push_back(d);
    }

    const bool by_sizes = c.node.attrs.get_string("shape_calculation_mode", "sizes") == "sizes";
    const Tensor* target = c.value(1);
    if (target) {
        check(size_t(target->size()) == axes.size(), c.node.describe(), ": ", target->size(),
              by_sizes ? " sizes" : " scales", " given for ", axes.size(), " axes");
        check(!by_sizes || is_integral(target->type()), c.node.describe(), ": sizes must be integers, got ",
              type_name(target->type()));
    }
    std::vector<int64_t> sizes;
    std::vector<double> scales;
    if (target && by_sizes) sizes = target->as_int64();
    if (target && !by_sizes) scales = target->as_double();
    for (size_t i = 0; i < axes.size(); ++i) {
        Dimension& dim = dims[axes[i]];
        if (!target) {
            dim = Dimension::dynamic();
        } else if (by_sizes) {
            check(sizes[i] >= 0, c.node.describe(), ": negative size ", sizes[i], " for axis ", axes[i]);
            dim = Dimension(sizes[i]);
        } else {
            check(scales[i] > 0, c.node.describe(), ": scale ", scales[i], " for axis ", axes[i],
                  " must be positive");
            if (dim.is_static()) dim = Dimension(int64_t(std::floor(double(dim.value()) * scales[i] + 1e-5)));
            else dim = Dimension::dynamic();
        }
    }
    c.set_output(0, c.in_types[0], PartialShape(dims));
}

}  // namespace

OVKIT_OP("Interpolate", infer_interpolate, 2, 4);
OVKIT_OP_VERSION("Interpolate", "opset11");

}  // namespace ovkit
