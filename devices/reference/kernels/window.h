#pragma once
// Run-time geometry of the sliding-window kernels (convolutions, their backprop forms and
// pooling). Spatial dims are padded in front to three (D, H, W), so every kernel is one
// set of 3-D loops for 1-D, 2-D and 3-D data. Pads are resolved from auto_pad and the
// shapes shape inference produced.
#include <algorithm>
#include <array>
#include <string>

#include "helpers.h"

namespace ovkit::reference {

struct Window {
    std::array<int64_t, 3> in{1, 1, 1}, out{1, 1, 1}, kernel{1, 1, 1}, stride{1, 1, 1}, dilation{1, 1, 1};
    std::array<int64_t, 3> pad_begin{0, 0, 0}, pad_end{0, 0, 0};
    int64_t in_size() const { return in[0] * in[1] * in[2]; }
    int64_t out_size() const { return out[0] * out[1] * out[2]; }
    int64_t kernel_size() const { return kernel[0] * kernel[1] * kernel[2]; }
    // Range [lo, hi) of output positions o along axis a whose tap t lands inside the input:
    // 0 <= o * stride - pad_begin + t * dilation < in.
    std::pair<int64_t, int64_t> valid_outputs(int a, int64_t t) const {
        int64_t off = t * dilation[a] - pad_begin[a];
        int64_t s = stride[a];
        int64_t lo = off >= 0 ? 0 : (-off + s - 1) / s;
        int64_t hi = in[a] - off <= 0 ? 0 : (in[a] - off + s - 1) / s;
        return {std::min(lo, out[a]), std::clamp(hi, lo, out[a])};
    }
};

// Geometry of a forward window op (input `in` -> output `out`, both [N, C, spatial...]),
// or of a backprop convolution (`backprop`: data `in` is the forward op's output, so the
// roles of in and out swap; `output_padding` adds to the padding total).
inline Window make_window(const Node& n, const Shape& in, const Shape& out, const std::vector<int64_t>& kernel,
                          bool backprop = false) {
    const Attributes& a = n.attrs;
    size_t spatial = in.size() - 2, off = 3 - spatial;
    check(spatial >= 1 && spatial <= 3, n.describe(), ": only 1-D, 2-D and 3-D data are supported, got shape ",
          to_string(in));
    auto ones = std::vector<int64_t>(spatial, 1), zeros = std::vector<int64_t>(spatial, 0);
    auto strides = a.get_ints("strides", ones), dilations = a.get_ints("dilations", ones);
    auto pb = a.get_ints("pads_begin", zeros), pe = a.get_ints("pads_end", zeros);
    auto output_padding = a.get_ints("output_padding", zeros);
    std::string auto_pad = a.get_string("auto_pad", "explicit");
    Window w;
    for (size_t i = 0; i < spatial; ++i) {
        size_t j = off + i;
        w.in[j] = (backprop ? out : in)[2 + i];
        w.out[j] = (backprop ? in : out)[2 + i];
        w.kernel[j] = kernel[i];
        w.stride[j] = strides[i];
        w.dilation[j] = dilations[i];
        if (auto_pad == "same_upper" || auto_pad == "same_lower") {
            int64_t total = (w.out[j] - 1) * w.stride[j] + (w.kernel[j] - 1) * w.dilation[j] + 1 - w.in[j];
            if (backprop) total += output_padding[i];
            else total = std::max<int64_t>(total, 0);
            int64_t half = total >= 0 ? total / 2 : -((-total + 1) / 2);  // floor(total / 2)
            w.pad_begin[j] = auto_pad == "same_upper" ? half : total - half;
            w.pad_end[j] = total - w.pad_begin[j];
        } else if (auto_pad != "valid") {
            w.pad_begin[j] = pb[i];
            w.pad_end[j] = pe[i];
        }
    }
    return w;
}

// Walks the im2col matrix of `w` over `channels` input channels: rows are (channel, kd, kh,
// kw), columns [c0, c1) are flat output positions. Columns go in runs along the last
// output axis; for each run fn(row, column - c0, length, lo, hi, base, step) is called,
// where run element j in [lo, hi) reads input element base + j * step and the others fall
// into padding. im2col copies through it; the backprop convolution scatters back.
template <typename Fn>
void for_each_im2col_run(const Window& w, int64_t channels, int64_t c0, int64_t c1, Fn&& fn) {
    int64_t row = 0;
    for (int64_t ci = 0; ci < channels; ++ci)
        for (int64_t kd = 0; kd < w.kernel[0]; ++kd)
            for (int64_t kh = 0; kh < w.kernel[1]; ++kh)
                for (int64_t kw = 0; kw < w.kernel[2]; ++kw, ++row) {
                    auto [wlo, whi] = w.valid_outputs(2, kw);
                    for (int64_t idx = c0; idx < c1;) {
                        int64_t ow = idx % w.out[2], oh = idx / w.out[2] % w.out[1];
                        int64_t od = idx / w.out[2] / w.out[1];
                        int64_t run = std::min(w.out[2] - ow, c1 - idx);
                        int64_t id = od * w.stride[0] - w.pad_begin[0] + kd * w.dilation[0];
                        int64_t ih = oh * w.stride[1] - w.pad_begin[1] + kh * w.dilation[1];
                        int64_t lo = 0, hi = 0;
                        if (id >= 0 && id < w.in[0] && ih >= 0 && ih < w.in[1]) {
                            lo = std::clamp(wlo - ow, int64_t(0), run);
                            hi = std::clamp(whi - ow, lo, run);
                        }
                        int64_t base = ((ci * w.in[0] + id) * w.in[1] + ih) * w.in[2] + ow * w.stride[2] +
                                       kw * w.dilation[2] - w.pad_begin[2];
                        fn(row, idx - c0, run, lo, hi, base, w.stride[2]);
                        idx += run;
                    }
                }
}

}  // namespace ovkit::reference
