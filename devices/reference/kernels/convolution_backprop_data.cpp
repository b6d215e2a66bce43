// ConvolutionBackpropData and GroupConvolutionBackpropData (transposed convolution): per
// image and group, gemm computes filters^T * data, i.e. every output channel's tap times
// every input position, in column chunks, and col2im adds each product to the output
// position the tap reaches. Pads and output_shape are resolved by make_window.
#include "gemm.h"
#include "window.h"

namespace ovkit::reference {
namespace {

template <typename T>
void backprop(const Node& n, const Tensor& data, const Tensor& filters, Tensor& out, bool grouped) {
    const Shape& xs = data.shape();
    const Shape& fs = filters.shape();
    int64_t groups = grouped ? fs[0] : 1;
    int64_t cin = xs[1] / groups, cout = out.shape()[1] / groups;
    // The window of the forward convolution this op transposes: its input is our output.
    Window w = make_window(n, xs, out.shape(), std::vector<int64_t>(fs.end() - int64_t(xs.size() - 2), fs.end()), true);
    int64_t rows = cout * w.kernel_size(), cols = w.out_size();
    int64_t chunk = std::min(cols, std::max<int64_t>(64, 65536 / std::max<int64_t>(rows, 1) / 8 * 8));
    thread_local std::vector<T> col;
    col.resize(size_t(rows * chunk));
    const T* x = data.data<T>();
    const T* f = filters.data<T>();
    T* y = out.data<T>();
    std::fill(y, y + out.size(), T(0));
    for (int64_t b = 0; b < xs[0]; ++b)
        for (int64_t g = 0; g < groups; ++g) {
            const T* xg = x + (b * groups + g) * cin * cols;
            const T* fg = f + g * cin * rows;
            T* yg = y + (b * groups + g) * cout * w.in_size();
            for (int64_t c0 = 0; c0 < cols; c0 += chunk) {
                int64_t c1 = std::min(cols, c0 + chunk), width = c1 - c0;
                gemm(rows, width, cin, fg, MatrixView::transposed(rows), xg + c0, MatrixView::rows(cols), col.data(), width);
                for_each_im2col_run(w, cout, c0, c1,
                                    [&](int64_t row, int64_t c, int64_t, int64_t lo, int64_t hi, int64_t base, int64_t step) {
                                        const T* src = col.data() + row * width + c;
                                        for (int64_t j = lo; j < hi; ++j) yg[base + j * step] += src[j];
                                    });
            }
        }
}

template <bool Grouped>
void backprop_data(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    visit_gemm_type(n, in, out[0], [&](auto tag, const std::vector<Tensor>& ins, Tensor& result) {
        backprop<decltype(tag)>(n, ins[0], ins[1], result, Grouped);
    });
}

}  // namespace

OVKIT_REFERENCE_KERNEL("ConvolutionBackpropData", backprop_data<false>);
OVKIT_REFERENCE_KERNEL("GroupConvolutionBackpropData", backprop_data<true>);

}  // namespace ovkit::reference
