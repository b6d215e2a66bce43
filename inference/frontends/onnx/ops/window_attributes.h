#pragma once
// ONNX Conv/ConvTranspose/pooling attributes (kernel_shape, strides, pads, dilations,
// auto_pad) translated to OpenVINO's (strides, pads_begin, pads_end, dilations, auto_pad),
// and the small graph helpers those translators share.
#include "../node_context.h"

namespace ovkit::onnx_frontend {

// Number of spatial dims of an ONNX Conv/Pool node: from kernel_shape, else from the
// rank of `shaped` (data or weights, both [N|M, C, spatial...]).
inline int64_t spatial_rank(NodeContext& c, Output shaped) {
    if (c.has_attr("kernel_shape")) return int64_t(c.attr_ints("kernel_shape").size());
    if (!shaped.shape().rank_is_static()) c.fail("the number of spatial dimensions is unknown (dynamic rank)");
    int64_t spatial = shaped.shape().rank() - 2;
    if (spatial < 1) c.fail("input of shape ", shaped.shape().to_string(), " has no spatial dimensions");
    return spatial;
}

inline std::string auto_pad_attr(NodeContext& c) {
    std::string s = c.attr_string("auto_pad", "NOTSET");
    if (s == "NOTSET") return "explicit";
    if (s == "SAME_UPPER") return "same_upper";
    if (s == "SAME_LOWER") return "same_lower";
    if (s == "VALID") return "valid";
    c.fail("unknown auto_pad '", s, "'");
}

// strides, pads_begin, pads_end, auto_pad and (with `dilations`) dilations for `spatial` dims.
inline Attributes window_attributes(NodeContext& c, int64_t spatial, bool dilations) {
    auto n = size_t(spatial);
    auto sized = [&](const char* name, std::vector<int64_t> v, size_t expected) {
        if (v.size() != expected) c.fail("'", name, "' has ", v.size(), " values, expected ", expected);
        return v;
    };
    auto pads = sized("pads", c.attr_ints("pads", std::vector<int64_t>(2 * n, 0)), 2 * n);
    Attributes a{{"strides", sized("strides", c.attr_ints("strides", std::vector<int64_t>(n, 1)), n)},
                 {"pads_begin", std::vector<int64_t>(pads.begin(), pads.begin() + spatial)},
                 {"pads_end", std::vector<int64_t>(pads.begin() + spatial, pads.end())}};
    if (dilations) a.set("dilations", sized("dilations", c.attr_ints("dilations", std::vector<int64_t>(n, 1)), n));
    a.set("auto_pad", auto_pad_attr(c));
    return a;
}

// Input i, or a null Output when the optional input is omitted.
inline Output optional_input(NodeContext& c, size_t i) { return c.has_input(i) ? c.input(i) : Output{}; }

// x reshaped to `shape` (Reshape without special zero); folded when x is a constant.
inline Output reshape_folded(NodeContext& c, Output x, const std::vector<int64_t>& shape) {
    if (const Tensor* v = c.constant_value(x)) {
        Shape s(shape);
        int64_t known = 1, unknown = -1;
        for (size_t i = 0; i < s.size(); ++i) {
            if (s[i] < 0) unknown = int64_t(i);
            else known *= s[i];
        }
        if (unknown >= 0 && known > 0) s[size_t(unknown)] = v->size() / known;
        if (shape_size(s) == v->size()) return c.constant(v->reshaped(s));
    }
    return c.make("Reshape", {x, c.const_i64(shape)}, {{"special_zero", false}});
}

// A 1-D per-channel parameter (bias, scale, zero point) of an operand of rank `rank`,
// reshaped to [C, 1, ...] so that it broadcasts along `axis`. Scalars pass through.
inline Output per_axis(NodeContext& c, Output p, int64_t rank, int64_t axis) {
    const PartialShape& s = p.shape();
    if (!s.rank_is_static() || s.rank() != 1 || axis >= rank - 1) return p;
    std::vector<int64_t> shape{-1};
    shape.insert(shape.end(), size_t(rank - axis - 1), 1);
    return reshape_folded(c, p, shape);
}

// Weights [A, B, k...] of a grouped (transposed) convolution as [G, A/G, B, k...].
inline Output split_groups(NodeContext& c, Output w, int64_t group) {
    const PartialShape& ws = w.shape();
    if (!ws.is_static()) c.fail("group ", group, " needs weights of known shape, got ", ws.to_string());
    Shape s = ws.to_shape();
    if (s.empty() || s[0] % group != 0)
        c.fail("weights of shape ", to_string(s), " do not split into ", group, " groups");
    std::vector<int64_t> grouped{group, s[0] / group};
    grouped.insert(grouped.end(), s.begin() + 1, s.end());
    return reshape_folded(c, w, grouped);
}

// The `group` attribute, checked.
inline int64_t group_attr(NodeContext& c) {
    int64_t group = c.attr_int("group", 1);
    if (group < 1) c.fail("group must be positive, got ", group);
    return group;
}

}  // namespace ovkit::onnx_frontend
