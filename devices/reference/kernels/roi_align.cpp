// ROIAlign (OpenVINO opset9). Each output bin averages (mode "avg") or takes the maximum
// (mode "max") of sampling_ratio x sampling_ratio bilinear samples (adaptive when 0).
// aligned_mode: "asymmetric" (rois scaled as is, at least 1x1), "half_pixel_for_nn" and
// "half_pixel" (shifted by half a pixel after / before scaling).
#include <algorithm>
#include <limits>

#include "helpers.h"

namespace ovkit::reference {
namespace {

// Bilinear sample at (y, x) of an H x W plane; 0 well outside, edge-clamped near it.
double sample(const double* plane, int64_t H, int64_t W, double y, double x) {
    if (y < -1.0 || y > double(H) || x < -1.0 || x > double(W)) return 0;
    y = std::max(y, 0.0);
    x = std::max(x, 0.0);
    int64_t y0 = int64_t(y), x0 = int64_t(x), y1 = y0 + 1, x1 = x0 + 1;
    if (y0 >= H - 1) y0 = y1 = H - 1, y = double(y0);
    if (x0 >= W - 1) x0 = x1 = W - 1, x = double(x0);
    const double ly = y - double(y0), lx = x - double(x0);
    return (1 - ly) * ((1 - lx) * plane[y0 * W + x0] + lx * plane[y0 * W + x1]) +
           ly * ((1 - lx) * plane[y1 * W + x0] + lx * plane[y1 * W + x1]);
}

void roi_align(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    const int64_t ph = n.attrs.get_int("pooled_h"), pw = n.attrs.get_int("pooled_w");
    const int64_t ratio = n.attrs.get_int("sampling_ratio", 0);
    const double scale = n.attrs.get_float("spatial_scale", 1.0);
    const std::string mode = n.attrs.get_string("mode", "avg");
    const std::string aligned = n.attrs.get_string("aligned_mode", "asymmetric");
    check(mode == "avg" || mode == "max", "unsupported mode '", mode, "'");
    double offset_src = 0, offset_dst = 0;
    if (aligned == "half_pixel_for_nn") offset_dst = -0.5;
    else if (aligned == "half_pixel") offset_src = offset_dst = -0.5;
    else check(aligned == "asymmetric", "unsupported aligned_mode '", aligned, "'");

    const Shape& ds = in[0].shape();
    const int64_t N = ds[0], C = ds[1], H = ds[2], W = ds[3];
    const int64_t R = in[1].shape()[0];
    const auto data = in[0].as_double(), rois = in[1].as_double();
    const auto batch = in[2].as_int64();
    check(int64_t(batch.size()) == R, R, " rois but ", batch.size(), " batch indices");
    std::vector<double> result(size_t(R * C * ph * pw));
    for (int64_t r = 0; r < R; ++r) {
        check(batch[r] >= 0 && batch[r] < N, "batch index ", batch[r], " of roi ", r, " is out of range [0, ", N, ")");
        const double* box = rois.data() + r * 4;
        const double x1 = (box[0] + offset_src) * scale + offset_dst, y1 = (box[1] + offset_src) * scale + offset_dst;
        const double x2 = (box[2] + offset_src) * scale + offset_dst, y2 = (box[3] + offset_src) * scale + offset_dst;
        double roi_w = x2 - x1, roi_h = y2 - y1;
        if (aligned == "asymmetric") roi_w = std::max(roi_w, 1.0), roi_h = std::max(roi_h, 1.0);
        const double bin_h = roi_h / double(ph), bin_w = roi_w / double(pw);
        const int64_t grid_h = ratio > 0 ? ratio : int64_t(std::ceil(roi_h / double(ph)));
        const int64_t grid_w = ratio > 0 ? ratio : int64_t(std::ceil(roi_w / double(pw)));
        const double count = double(std::max<int64_t>(grid_h * grid_w, 1));
        for (int64_t ch = 0; ch < C; ++ch) {
            const double* plane = data.data() + (batch[r] * C + ch) * H * W;
            double* dst = result.data() + (r * C + ch) * ph * pw;
            for (int64_t py = 0; py < ph; ++py)
                for (int64_t px = 0; px < pw; ++px) {
                    double sum = 0, best = -std::numeric_limits<double>::infinity();
                    for (int64_t iy = 0; iy < grid_h; ++iy) {
                        const double y = y1 + double(py) * bin_h + (double(iy) + 0.5) * bin_h / double(grid_h);
                        for (int64_t ix = 0; ix < grid_w; ++ix) {
                            const double x = x1 + double(px) * bin_w + (double(ix) + 0.5) * bin_w / double(grid_w);
                            const double v = sample(plane, H, W, y, x);
                            sum += v;
                            best = std::max(best, v);
                        }
                    }
                    dst[py * pw + px] = mode == "avg" ? sum / count : (grid_h * grid_w > 0 ? best : 0.0);
                }
        }
    }
    out[0] = Tensor::from_double(in[0].type(), result, out[0].shape());
}

}  // namespace

OVKIT_REFERENCE_KERNEL("ROIAlign", roi_align);

}  // namespace ovkit::reference
