// Convolution and GroupConvolution. Per image and group: groups reading one input channel
// (depthwise) run a direct loop; unpadded stride-1 1x1 kernels multiply the data as is;
// everything else is im2col, in column chunks that stay in cache, followed by the shared gemm.
#include "gemm.h"
#include "window.h"

namespace ovkit::reference {
namespace {

// Columns [c0, c1) of the im2col matrix of one group's input x [channels, D, H, W], row-major
// with c1 - c0 columns; taps that fall into padding read zero.
template <typename T>
void im2col(const T* x, int64_t channels, const Window& w, int64_t c0, int64_t c1, T* col) {
    int64_t width = c1 - c0;
    for_each_im2col_run(w, channels, c0, c1,
                        [&](int64_t row, int64_t c, int64_t n, int64_t lo, int64_t hi, int64_t base, int64_t step) {
                            T* d = col + row * width + c;
                            std::fill(d, d + lo, T(0));
                            for (int64_t j = lo; j < hi; ++j) d[j] = x[base + j * step];
                            std::fill(d + hi, d + n, T(0));
                        });
}

// y[out positions] = sum over taps of filter[tap] * x[tap position] for one input channel.
template <typename T>
void direct_single_channel(const T* x, const T* filter, const Window& w, T* y) {
    std::fill(y, y + w.out_size(), T(0));
    for (int64_t od = 0; od < w.out[0]; ++od)
        for (int64_t oh = 0; oh < w.out[1]; ++oh) {
            T* row = y + (od * w.out[1] + oh) * w.out[2];
            for (int64_t kd = 0; kd < w.kernel[0]; ++kd) {
                int64_t id = od * w.stride[0] - w.pad_begin[0] + kd * w.dilation[0];
                if (id < 0 || id >= w.in[0]) continue;
                for (int64_t kh = 0; kh < w.kernel[1]; ++kh) {
                    int64_t ih = oh * w.stride[1] - w.pad_begin[1] + kh * w.dilation[1];
                    if (ih < 0 || ih >= w.in[1]) continue;
                    for (int64_t kw = 0; kw < w.kernel[2]; ++kw) {
                        T f = filter[(kd * w.kernel[1] + kh) * w.kernel[2] + kw];
                        auto [lo, hi] = w.valid_outputs(2, kw);
                        int64_t base = (id * w.in[1] + ih) * w.in[2] + kw * w.dilation[2] - w.pad_begin[2];
                        for (int64_t o = lo; o < hi; ++o) row[o] += f * x[base + o * w.stride[2]];
                    }
                }
            }
        }
}

bool is_pointwise(const Window& w) {
    for (int a = 0; a < 3; ++a)
        if (w.kernel[a] != 1 || w.stride[a] != 1 || w.pad_begin[a] != 0 || w.in[a] != w.out[a]) return false;
    return true;
}

template <typename T>
void convolve(const Node& n, const Tensor& data, const Tensor& filters, Tensor& out, bool grouped) {
    const Shape& xs = data.shape();
    const Shape& fs = filters.shape();
    int64_t groups = grouped ? fs[0] : 1;
    int64_t cin = xs[1] / groups, cout = out.shape()[1] / groups;
    Window w = make_window(n, xs, out.shape(), std::vector<int64_t>(fs.end() - int64_t(xs.size() - 2), fs.end()));
    int64_t k = cin * w.kernel_size(), cols = w.out_size();
    // Column chunk: about 64K im2col values, a multiple of the gemm's column tile.
    int64_t chunk = std::min(cols, std::max<int64_t>(64, 65536 / std::max<int64_t>(k, 1) / 8 * 8));
    thread_local std::vector<T> col;
    const T* x = data.data<T>();
    const T* f = filters.data<T>();
    T* y = out.data<T>();
    bool pointwise = is_pointwise(w);
    for (int64_t b = 0; b < xs[0]; ++b)
        for (int64_t g = 0; g < groups; ++g) {
            const T* xg = x + (b * groups + g) * cin * w.in_size();
            const T* fg = f + g * cout * k;
            T* yg = y + (b * groups + g) * cout * cols;
            if (pointwise) {
                gemm(cout, cols, k, fg, MatrixView::rows(k), xg, MatrixView::rows(cols), yg, cols);
            } else if (cin == 1) {
                for (int64_t oc = 0; oc < cout; ++oc) direct_single_channel(xg, fg + oc * k, w, yg + oc * cols);
            } else {
                col.resize(size_t(k * chunk));
                for (int64_t c0 = 0; c0 < cols; c0 += chunk) {
                    int64_t c1 = std::min(cols, c0 + chunk);
                    im2col(xg, cin, w, c0, c1, col.data());
                    gemm(cout, c1 - c0, k, fg, MatrixView::rows(k), col.data(), MatrixView::rows(c1 - c0), yg + c0, cols);
                }
            }
        }
}

template <bool Grouped>
void convolution(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    visit_gemm_type(n, in, out[0], [&](auto tag, const std::vector<Tensor>& ins, Tensor& result) {
        convolve<decltype(tag)>(n, ins[0], ins[1], result, Grouped);
    });
}

}  // namespace

OVKIT_REFERENCE_KERNEL("Convolution", convolution<false>);
OVKIT_REFERENCE_KERNEL("GroupConvolution", convolution<true>);

}  // namespace ovkit::reference
