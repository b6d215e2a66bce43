#include "common/preprocess.h"

#include <algorithm>
#include <cmath>

namespace ovkit::gst {
namespace {

inline uint8_t clamp8(int v) { return uint8_t(v < 0 ? 0 : v > 255 ? 255 : v); }

inline void yuv_to_rgb(int y, int u, int v, uint8_t* out) {
    int c = 298 * (y - 16), d = u - 128, e = v - 128;
    out[0] = clamp8((c + 409 * e + 128) >> 8);
    out[1] = clamp8((c - 100 * d - 208 * e + 128) >> 8);
    out[2] = clamp8((c + 516 * d + 128) >> 8);
}

}  // namespace

void frame_to_rgb(const GstVideoFrame& frame, Rect r, std::vector<uint8_t>& rgb) {
    rgb.resize(size_t(r.w) * r.h * 3);
    GstVideoFormat format = GST_VIDEO_FRAME_FORMAT(&frame);
    for (int y = 0; y < r.h; ++y) {
        int sy = r.y + y;
        uint8_t* out = rgb.data() + size_t(y) * r.w * 3;
        const uint8_t* p0 = static_cast<const uint8_t*>(GST_VIDEO_FRAME_PLANE_DATA(&frame, 0)) +
                            size_t(sy) * GST_VIDEO_FRAME_PLANE_STRIDE(&frame, 0);
        for (int x = 0; x < r.w; ++x, out += 3) {
            int sx = r.x + x;
            switch (format) {
                case GST_VIDEO_FORMAT_RGB: std::copy_n(p0 + sx * 3, 3, out); break;
                case GST_VIDEO_FORMAT_RGBx: std::copy_n(p0 + sx * 4, 3, out); break;
                case GST_VIDEO_FORMAT_BGR:
                case GST_VIDEO_FORMAT_BGRx: {
                    const uint8_t* p = p0 + sx * (format == GST_VIDEO_FORMAT_BGR ? 3 : 4);
                    out[0] = p[2], out[1] = p[1], out[2] = p[0];
                    break;
                }
                case GST_VIDEO_FORMAT_GRAY8: out[0] = out[1] = out[2] = p0[sx]; break;
                case GST_VIDEO_FORMAT_NV12: {
                    const uint8_t* uv = static_cast<const uint8_t*>(GST_VIDEO_FRAME_PLANE_DATA(&frame, 1)) +
                                        size_t(sy / 2) * GST_VIDEO_FRAME_PLANE_STRIDE(&frame, 1) + (sx / 2) * 2;
                    yuv_to_rgb(p0[sx], uv[0], uv[1], out);
                    break;
                }
                case GST_VIDEO_FORMAT_I420: {
                    auto plane = [&](int i) {
                        return static_cast<const uint8_t*>(GST_VIDEO_FRAME_PLANE_DATA(&frame, i)) +
                               size_t(sy / 2) * GST_VIDEO_FRAME_PLANE_STRIDE(&frame, i) + sx / 2;
                    };
                    yuv_to_rgb(p0[sx], *plane(1), *plane(2), out);
                    break;
                }
                default: out[0] = out[1] = out[2] = 0; break;  // excluded by the caps
            }
        }
    }
}

void input_size(const PartialShape& nchw, int src_w, int src_h, const PreProc& pre, int& out_h, int& out_w) {
    const Dimension& dh = nchw[2];
    const Dimension& dw = nchw[3];
    auto fit = [&](double v) {
        int m = pre.size_multiple;
        int r = int(std::ceil(v / m)) * m;
        return std::clamp(r, std::max(m, pre.min_size), std::max(m, pre.max_size));
    };
    if (dh.is_static() && dw.is_static()) {
        out_h = int(dh.value()), out_w = int(dw.value());
    } else if (dh.is_static()) {
        out_h = int(dh.value());
        out_w = fit(double(out_h) * src_w / std::max(1, src_h));
    } else if (dw.is_static()) {
        out_w = int(dw.value());
        out_h = fit(double(out_w) * src_h / std::max(1, src_w));
    } else {
        double scale = std::min(1.0, double(pre.max_size) / std::max(src_w, src_h));
        out_h = fit(src_h * scale), out_w = fit(src_w * scale);
    }
}

Placement write_input(const uint8_t* rgb, int src_w, int src_h, float* dst, int channels, int out_h, int out_w,
                      const PreProc& pre) {
    Placement pl{out_w, out_h};
    if (pre.keep_aspect) {
        double s = std::min(double(out_w) / src_w, double(out_h) / src_h);
        pl.content_w = std::clamp(int(std::ceil(src_w * s)), 1, out_w);
        pl.content_h = std::clamp(int(std::ceil(src_h * s)), 1, out_h);
    }
    const size_t plane = size_t(out_h) * out_w;
    std::fill(dst, dst + plane * channels, 0.f);
    // Per channel c of the model: which RGB component, and the affine map from 0..255.
    int comp[3] = {0, 1, 2};
    if (pre.color_space == "BGR") comp[0] = 2, comp[2] = 0;
    float mul[3], add[3];
    for (int c = 0; c < 3; ++c) {
        float m = c < int(pre.mean.size()) ? pre.mean[c] : 0.f;
        float s = c < int(pre.std.size()) ? pre.std[c] : 1.f;
        float k = (pre.range_max - pre.range_min) / 255.f;
        mul[c] = k / s;
        add[c] = (pre.range_min - m) / s;
    }
    const bool gray = channels == 1 || pre.color_space == "GRAY";
    const float sx = float(src_w) / pl.content_w, sy = float(src_h) / pl.content_h;
    for (int y = 0; y < pl.content_h; ++y) {
        float fy = std::clamp((y + 0.5f) * sy - 0.5f, 0.f, float(src_h - 1));
        int y0 = int(fy), y1 = std::min(y0 + 1, src_h - 1);
        float wy = fy - y0;
        for (int x = 0; x < pl.content_w; ++x) {
            float fx = std::clamp((x + 0.5f) * sx - 0.5f, 0.f, float(src_w - 1));
            int x0 = int(fx), x1 = std::min(x0 + 1, src_w - 1);
            float wx = fx - x0;
            float px[3];
            for (int k = 0; k < 3; ++k) {
                auto at = [&](int yy, int xx) { return float(rgb[(size_t(yy) * src_w + xx) * 3 + k]); };
                float top = at(y0, x0) + (at(y0, x1) - at(y0, x0)) * wx;
                float bottom = at(y1, x0) + (at(y1, x1) - at(y1, x0)) * wx;
                px[k] = top + (bottom - top) * wy;
            }
            size_t i = size_t(y) * out_w + x;
            if (gray) {
                float g = 0.299f * px[0] + 0.587f * px[1] + 0.114f * px[2];
                for (int c = 0; c < channels; ++c) dst[c * plane + i] = g * mul[0] + add[0];
            } else {
                for (int c = 0; c < channels && c < 3; ++c) dst[c * plane + i] = px[comp[c]] * mul[c] + add[c];
            }
        }
    }
    return pl;
}

}  // namespace ovkit::gst
