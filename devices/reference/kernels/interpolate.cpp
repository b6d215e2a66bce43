// Interpolate (OpenVINO opset11, plus ovkit's tf_crop_and_resize / exclude_outside extension).
// Separable: for every resized axis, each output position gets a list of (input index,
// weight) taps; the axes are then resized one after the other in double precision.
#include <algorithm>
#include <limits>

#include "helpers.h"

namespace ovkit::reference {
namespace {

struct Tap {
    int64_t index;
    double weight;
};

struct AxisPlan {
    int64_t axis;
    int64_t out_len;
    std::vector<std::vector<Tap>> taps;  // per output position; empty: extrapolation_value
};

struct Settings {
    std::string mode, transform, nearest_mode;
    double cube_coeff;
    bool antialias, exclude_outside;
};

// Output coordinate -> input coordinate (OpenVINO / ONNX coordinate_transformation_mode).
// As in ONNX, `out_len` is in_len * scale before flooring when scales are given.
double source_coordinate(const Settings& s, int64_t o, int64_t in_len, double out_len, double scale,
                         double roi_start, double roi_end) {
    const double x = double(o), last = double(in_len - 1);
    const std::string& t = s.transform;
    if (t == "half_pixel") return (x + 0.5) / scale - 0.5;
    if (t == "pytorch_half_pixel") return out_len > 1 ? (x + 0.5) / scale - 0.5 : 0.0;
    if (t == "asymmetric") return x / scale;
    if (t == "tf_half_pixel_for_nn") return (x + 0.5) / scale;
    if (t == "align_corners") return out_len == 1 ? 0.0 : x * last / (out_len - 1);
    if (t == "tf_crop_and_resize")
        return out_len > 1 ? roi_start * last + x * (roi_end - roi_start) * last / (out_len - 1)
                           : 0.5 * (roi_start + roi_end) * last;
    fail("unsupported coordinate_transformation_mode '", t, "'");
}

int64_t nearest_index(const std::string& mode, double x, double scale) {
    if (mode == "round_prefer_floor") return x == std::floor(x) + 0.5 ? int64_t(std::floor(x)) : int64_t(std::round(x));
    if (mode == "round_prefer_ceil") return int64_t(std::round(x));
    if (mode == "floor") return int64_t(std::floor(x));
    if (mode == "ceil") return int64_t(std::ceil(x));
    if (mode == "simple") return scale < 1.0 ? int64_t(std::ceil(x)) : int64_t(x);
    fail("unsupported nearest_mode '", mode, "'");
}

double cubic_weight(double s, double a) {
    s = std::fabs(s);
    if (s <= 1) return ((a + 2) * s - (a + 3)) * s * s + 1;
    if (s < 2) return ((a * s - 5 * a) * s + 8 * a) * s - 4 * a;
    return 0;
}

// Taps of a linear or cubic filter centred on input coordinate x. With antialias and
// downscaling the filter is stretched by 1/scale (as Pillow and ONNX Resize-18 do).
std::vector<Tap> filter_taps(const Settings& s, double x, int64_t in_len, double scale) {
    const bool cubic = s.mode == "cubic";
    const double support = cubic ? 2.0 : 1.0;
    const double stretch = s.antialias && scale < 1.0 ? scale : 1.0;
    auto kernel = [&](double d) {
        d *= stretch;
        return cubic ? cubic_weight(d, s.cube_coeff) : std::max(0.0, 1.0 - std::fabs(d));
    };
    int64_t first, last;
    if (stretch == 1.0) {
        first = int64_t(std::floor(x)) - int64_t(support) + 1;
        last = int64_t(std::floor(x)) + int64_t(support);
    } else {
        first = int64_t(std::ceil(x - support / stretch));
        last = int64_t(std::floor(x + support / stretch));
    }
    const bool drop_outside = s.exclude_outside || stretch != 1.0;
    std::vector<Tap> taps;
    double sum = 0;
    for (int64_t i = first; i <= last; ++i) {  // outside indices clamp to the edge unless dropped
        double w = kernel(x - double(i));
        if (w == 0) continue;
        if ((i < 0 || i >= in_len) && drop_outside) continue;
        taps.push_back({std::clamp<int64_t>(i, 0, in_len - 1), w});
        sum += w;
    }
    if (drop_outside && sum != 0)
        for (auto& t : taps) t.weight /= sum;
    return taps;
}

AxisPlan plan_axis(const Settings& s, int64_t axis, int64_t in_len, int64_t out_len, bool by_sizes,
                   double scale, double roi_start, double roi_end) {
    const double exact_len = by_sizes ? double(out_len) : double(in_len) * scale;
    AxisPlan p{axis, out_len, std::vector<std::vector<Tap>>(size_t(out_len))};
    for (int64_t o = 0; o < out_len; ++o) {
        double x = source_coordinate(s, o, in_len, exact_len, scale, roi_start, roi_end);
        if (s.transform == "tf_crop_and_resize" && (x < 0 || x > double(in_len - 1))) continue;
        if (s.mode == "nearest") {
            int64_t i = std::clamp<int64_t>(nearest_index(s.nearest_mode, x, scale), 0, in_len - 1);
            p.taps[o] = {{i, 1.0}};
        } else {
            p.taps[o] = filter_taps(s, x, in_len, scale);
        }
    }
    return p;
}

bool is_identity(const AxisPlan& p, int64_t in_len) {
    if (p.out_len != in_len) return false;
    for (int64_t o = 0; o < p.out_len; ++o)
        if (p.taps[o].size() != 1 || p.taps[o][0].index != o || p.taps[o][0].weight != 1.0) return false;
    return true;
}

// Resizes `buf` (shape `shape`) along one axis.
void apply_axis(std::vector<double>& buf, Shape& shape, const AxisPlan& p, double extrapolation) {
    int64_t outer = 1, inner = 1;
    for (int64_t d = 0; d < p.axis; ++d) outer *= shape[d];
    for (size_t d = size_t(p.axis) + 1; d < shape.size(); ++d) inner *= shape[d];
    const int64_t in_len = shape[p.axis];
    std::vector<double> out(size_t(outer * p.out_len * inner));
    for (int64_t a = 0; a < outer; ++a) {
        const double* src = buf.data() + a * in_len * inner;
        double* dst = out.data() + a * p.out_len * inner;
        for (int64_t o = 0; o < p.out_len; ++o) {
            double* row = dst + o * inner;
            const auto& taps = p.taps[o];
            if (taps.empty()) {
                std::fill(row, row + inner, extrapolation);
                continue;
            }
            for (int64_t i = 0; i < inner; ++i) {
                double v = 0;
                for (const Tap& t : taps) v += t.weight * src[t.index * inner + i];
                row[i] = v;
            }
        }
    }
    buf.swap(out);
    shape[p.axis] = p.out_len;
}

template <typename T>
T from_double(double v) {
    if constexpr (std::is_same_v<T, bool>) {
        return v != 0;
    } else if constexpr (std::is_integral_v<T>) {
        v = std::round(v);
        v = std::clamp(v, double(std::numeric_limits<T>::lowest()), double(std::numeric_limits<T>::max()));
        return T(v);
    } else {
        return T(compute_t<T>(v));
    }
}

void interpolate(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    const Settings s{n.attrs.get_string("mode"),
                     n.attrs.get_string("coordinate_transformation_mode", "half_pixel"),
                     n.attrs.get_string("nearest_mode", "round_prefer_floor"),
                     n.attrs.get_float("cube_coeff", -0.75),
                     n.attrs.get_bool("antialias", false),
                     n.attrs.get_bool("exclude_outside", false)};
    check(s.mode == "nearest" || s.mode == "linear" || s.mode == "linear_onnx" || s.mode == "cubic",
          "unsupported Interpolate mode '", s.mode, "'");
    const Shape& in_shape = in[0].shape();
    const int64_t rank = int64_t(in_shape.size());

    // Zero padding (pads_begin / pads_end) into the working buffer.
    auto pads_begin = n.attrs.get_ints("pads_begin", {});
    Shape shape = in_shape;
    auto pb = [&](int64_t d) { return size_t(d) < pads_begin.size() ? pads_begin[d] : 0; };
    auto pads_end = n.attrs.get_ints("pads_end", {});
    for (int64_t d = 0; d < rank; ++d) shape[d] += pb(d) + (size_t(d) < pads_end.size() ? pads_end[d] : 0);
    std::vector<double> buf(size_t(shape_size(shape)), 0.0);
    visit_type(in[0].type(), [&](auto tag) {
        using T = decltype(tag);
        const T* src = in[0].data<T>();
        auto dst_strides = strides_of(shape);
        std::vector<int64_t> idx(size_t(rank), 0);
        for (int64_t i = 0, count = in[0].size(); i < count; ++i) {
            int64_t off = 0;
            for (int64_t d = 0; d < rank; ++d) off += (idx[d] + pb(d)) * dst_strides[d];
            buf[size_t(off)] = double(compute_t<T>(src[i]));
            for (int64_t d = rank - 1; d >= 0 && ++idx[d] == in_shape[d]; --d) idx[d] = 0;
        }
    });

    std::vector<int64_t> axes;
    if (in.size() > 2) {
        for (int64_t a : in[2].as_int64()) axes.push_back(normalize_axis(a, rank, n.name));
    } else {
        for (int64_t d = 0; d < rank; ++d) axes.push_back(d);
    }
    const bool by_sizes = n.attrs.get_string("shape_calculation_mode", "sizes") == "sizes";
    const auto scales = by_sizes ? std::vector<double>{} : in[1].as_double();
    std::vector<double> roi;
    if (s.transform == "tf_crop_and_resize") {
        check(in.size() > 3, "tf_crop_and_resize needs the roi input");
        roi = in[3].as_double();
        check(roi.size() == 2 * axes.size(), "roi has ", roi.size(), " values; expected ", 2 * axes.size());
    }
    const Shape& out_shape = out[0].shape();
    const double extrapolation = n.attrs.get_float("extrapolation_value", 0.0);
    for (size_t i = 0; i < axes.size(); ++i) {
        const int64_t axis = axes[i], in_len = shape[axis], out_len = out_shape[axis];
        if (out_len == 0 || in_len == 0) {
            buf.clear();
            shape[axis] = out_len;
            continue;
        }
        double scale = by_sizes ? double(out_len) / double(in_len) : scales[i];
        AxisPlan p = plan_axis(s, axis, in_len, out_len, by_sizes, scale, roi.empty() ? 0.0 : roi[i],
                               roi.empty() ? 1.0 : roi[axes.size() + i]);
        if (!is_identity(p, in_len)) apply_axis(buf, shape, p, extrapolation);
    }
    check(shape == out_shape, "computed shape ", to_string(shape), " differs from ", to_string(out_shape));
    visit_type(out[0].type(), [&](auto tag) {
        using T = decltype(tag);
        T* dst = out[0].data<T>();
        for (size_t i = 0; i < buf.size(); ++i) dst[i] = from_double<T>(buf[i]);
    });
}

}  // namespace

OVKIT_REFERENCE_KERNEL("Interpolate", interpolate);

}  // namespace ovkit::reference
