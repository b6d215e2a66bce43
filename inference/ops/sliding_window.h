#pragma once
// Output sizes of the sliding-window ops (Convolution, GroupConvolution, their backprop
// forms, MaxPool, AvgPool), shared by their shape inference. Attribute names follow
// OpenVINO: strides, dilations, pads_begin, pads_end, auto_pad ("explicit", "same_upper",
// "same_lower", "valid"), rounding_type ("floor", "ceil").
#include <string>
#include <vector>

#include "infer_helpers.h"

namespace ovkit::infer {

struct WindowAttrs {
    std::vector<int64_t> strides, dilations, pads_begin, pads_end;
    std::string auto_pad = "explicit";
    bool ceil = false;
};

// Reads the window attributes of `c.node` for `spatial` dims and checks their sizes and
// values. Missing dilations/pads default to 1/0; strides are required.
inline WindowAttrs window_attrs(const ShapeContext& c, size_t spatial) {
    const Attributes& a = c.node.attrs;
    WindowAttrs w;
    w.strides = a.get_ints("strides");
    w.dilations = a.get_ints("dilations", std::vector<int64_t>(spatial, 1));
    w.pads_begin = a.get_ints("pads_begin", std::vector<int64_t>(spatial, 0));
    w.pads_end = a.get_ints("pads_end", std::vector<int64_t>(spatial, 0));
    w.auto_pad = a.get_string("auto_pad", "explicit");
    if (w.auto_pad == "notset") w.auto_pad = "explicit";
    w.ceil = a.get_string("rounding_type", "floor") != "floor";
    auto sized = [&](const std::vector<int64_t>& v, const char* name, bool positive) {
        check(v.size() == spatial, c.node.describe(), ": '", name, "' has ", v.size(), " values for ", spatial,
              " spatial dimensions");
        for (int64_t x : v)
            check(positive ? x > 0 : true, c.node.describe(), ": '", name, "' values must be positive, got ", x);
    };
    sized(w.strides, "strides", true);
    sized(w.dilations, "dilations", true);
    sized(w.pads_begin, "pads_begin", false);
    sized(w.pads_end, "pads_end", false);
    check(w.auto_pad == "explicit" || w.auto_pad == "valid" || w.auto_pad == "same_upper" ||
              w.auto_pad == "same_lower",
          c.node.describe(), ": unknown auto_pad '", w.auto_pad, "'");
    return w;
}

// Forward window (convolution, pooling): output size along spatial axis i for input size
// `in` and kernel size `kernel` (-1: unknown).
inline Dimension window_output(const ShapeContext& c, const WindowAttrs& w, size_t i, const Dimension& in,
                               int64_t kernel) {
    if (in.is_dynamic() || kernel < 0) return Dimension::dynamic();
    int64_t s = w.strides[i], size = in.value();
    auto ceil_div = [](int64_t a, int64_t b) { return (a + b - 1) / b; };  // a >= 0, b > 0
    if (w.auto_pad == "same_upper" || w.auto_pad == "same_lower") return ceil_div(size, s);
    int64_t pads = w.auto_pad == "valid" ? 0 : w.pads_begin[i] + w.pads_end[i];
    int64_t span = size + pads - (kernel - 1) * w.dilations[i] - 1;
    check(span >= 0, c.node.describe(), ": window of size ", kernel, " (dilation ", w.dilations[i],
          ") does not fit input size ", size, " with padding ", pads, " on spatial axis ", i);
    return (w.ceil ? ceil_div(span, s) : span / s) + 1;
}

// Spatial rank of data input 0, or -1 when unknown; checks it is at least 1.
inline int64_t spatial_rank(const ShapeContext& c, int64_t known_rank) {
    if (known_rank < 0) return -1;
    check(known_rank >= 3, c.node.describe(), ": data input must have rank >= 3 (N, C, spatial...), got rank ",
          known_rank);
    return known_rank - 2;
}

}  // namespace ovkit::infer
