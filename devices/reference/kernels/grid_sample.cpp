// GridSample (OpenVINO opset9), following PyTorch's grid_sample: grid values in [-1, 1]
// map to the input's corner pixel centres (align_corners) or outer edges; padding_mode
// zeros / border / reflection; bilinear, nearest (round half to even) or bicubic (A = -0.75).
#include <algorithm>

#include "helpers.h"

namespace ovkit::reference {
namespace {

enum class Padding { zeros, border, reflection };

Padding padding_from(const std::string& name) {
    if (name == "zeros") return Padding::zeros;
    if (name == "border") return Padding::border;
    if (name == "reflection") return Padding::reflection;
    fail("unsupported padding_mode '", name, "'");
}

double unnormalize(double v, int64_t size, bool align_corners) {
    return align_corners ? (v + 1) / 2 * double(size - 1) : ((v + 1) * double(size) - 1) / 2;
}

// Reflects x into [twice_low / 2, twice_high / 2].
double reflect(double x, double twice_low, double twice_high) {
    if (twice_low == twice_high) return 0;
    const double low = twice_low / 2, span = (twice_high - twice_low) / 2;
    x = std::fabs(x - low);
    const double extra = std::fmod(x, span);
    const int64_t flips = int64_t(std::floor(x / span));
    return flips % 2 == 0 ? extra + low : span - extra + low;
}

// Applies border / reflection padding to a source coordinate.
double pad_coordinate(double x, int64_t size, Padding padding, bool align_corners) {
    if (padding == Padding::border) return std::clamp(x, 0.0, double(size - 1));
    if (padding == Padding::reflection) {
        x = align_corners ? reflect(x, 0, 2 * double(size - 1)) : reflect(x, -1, 2 * double(size) - 1);
        return std::clamp(x, 0.0, double(size - 1));
    }
    return x;
}

double cubic_weight(double s) {
    constexpr double a = -0.75;
    s = std::fabs(s);
    if (s <= 1) return ((a + 2) * s - (a + 3)) * s * s + 1;
    if (s < 2) return ((a * s - 5 * a) * s + 8 * a) * s - 4 * a;
    return 0;
}

struct Plane {
    const double* data;
    int64_t h, w;
    double at(int64_t y, int64_t x) const {  // zero outside
        return y < 0 || y >= h || x < 0 || x >= w ? 0.0 : data[y * w + x];
    }
};

void grid_sample(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    const bool align = n.attrs.get_bool("align_corners", false);
    const std::string mode = n.attrs.get_string("mode", "bilinear");
    const Padding padding = padding_from(n.attrs.get_string("padding_mode", "zeros"));
    check(mode == "bilinear" || mode == "nearest" || mode == "bicubic", "unsupported mode '", mode, "'");

    const Shape& ds = in[0].shape();
    const Shape& gs = in[1].shape();
    const int64_t N = ds[0], C = ds[1], H = ds[2], W = ds[3], Ho = gs[1], Wo = gs[2];
    const std::vector<double> data = in[0].as_double(), grid = in[1].as_double();
    std::vector<double> result(size_t(N * C * Ho * Wo));

    for (int64_t b = 0; b < N; ++b)
        for (int64_t ch = 0; ch < C; ++ch) {
            const Plane p{data.data() + (b * C + ch) * H * W, H, W};
            double* dst = result.data() + (b * C + ch) * Ho * Wo;
            for (int64_t i = 0; i < Ho * Wo; ++i) {
                const double* g = grid.data() + (b * Ho * Wo + i) * 2;
                double x = unnormalize(g[0], W, align), y = unnormalize(g[1], H, align);
                if (mode == "bicubic") {
                    // Taps are padded one by one, the coordinate itself is not.
                    const double x0 = std::floor(x), y0 = std::floor(y);
                    double v = 0;
                    for (int dy = -1; dy <= 2; ++dy)
                        for (int dx = -1; dx <= 2; ++dx) {
                            double ty = pad_coordinate(y0 + dy, H, padding, align);
                            double tx = pad_coordinate(x0 + dx, W, padding, align);
                            v += cubic_weight(y - (y0 + dy)) * cubic_weight(x - (x0 + dx)) *
                                 p.at(int64_t(ty), int64_t(tx));
                        }
                    dst[i] = v;
                    continue;
                }
                x = pad_coordinate(x, W, padding, align);
                y = pad_coordinate(y, H, padding, align);
                if (mode == "nearest") {
                    dst[i] = p.at(int64_t(std::nearbyint(y)), int64_t(std::nearbyint(x)));
                    continue;
                }
                const int64_t x0 = int64_t(std::floor(x)), y0 = int64_t(std::floor(y));
                const double fx = x - double(x0), fy = y - double(y0);
                dst[i] = (1 - fy) * ((1 - fx) * p.at(y0, x0) + fx * p.at(y0, x0 + 1)) +
                         fy * ((1 - fx) * p.at(y0 + 1, x0) + fx * p.at(y0 + 1, x0 + 1));
            }
        }
    out[0] = Tensor::from_double(in[0].type(), result, out[0].shape());
}

}  // namespace

OVKIT_REFERENCE_KERNEL("GridSample", grid_sample);

}  // namespace ovkit::reference
