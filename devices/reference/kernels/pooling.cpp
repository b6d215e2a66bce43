// MaxPool (values and optional flat indices over the whole input tensor, like opset8 with
// axis 0) and AvgPool (exclude-pad: divide by the taps inside the data, else by the taps
// inside the padded data). Windows cut by ceil rounding only cover what exists.
#include <limits>

#include "window.h"

namespace ovkit::reference {
namespace {

// Calls tap(flat spatial index) for each tap of output position (od, oh, ow) that lies in
// the data; returns how many taps lie in the padded data.
template <typename Fn>
int64_t visit_window(const Window& w, const std::array<int64_t, 3>& o, Fn&& tap) {
    std::array<int64_t, 3> first{}, padded{};
    for (int a = 0; a < 3; ++a) {
        first[a] = o[a] * w.stride[a] - w.pad_begin[a];
        padded[a] = 0;
        for (int64_t k = 0; k < w.kernel[a]; ++k) {
            int64_t p = first[a] + k * w.dilation[a];
            padded[a] += p >= -w.pad_begin[a] && p < w.in[a] + w.pad_end[a];
        }
    }
    for (int64_t kd = 0; kd < w.kernel[0]; ++kd) {
        int64_t d = first[0] + kd * w.dilation[0];
        if (d < 0 || d >= w.in[0]) continue;
        for (int64_t kh = 0; kh < w.kernel[1]; ++kh) {
            int64_t h = first[1] + kh * w.dilation[1];
            if (h < 0 || h >= w.in[1]) continue;
            for (int64_t kw = 0; kw < w.kernel[2]; ++kw) {
                int64_t x = first[2] + kw * w.dilation[2];
                if (x >= 0 && x < w.in[2]) tap((d * w.in[1] + h) * w.in[2] + x);
            }
        }
    }
    return padded[0] * padded[1] * padded[2];
}

// Calls fn(plane, o, flat output index) for every output position of every (N, C) plane.
template <typename Fn>
void for_each_output(const Window& w, int64_t planes, Fn&& fn) {
    int64_t i = 0;
    for (int64_t p = 0; p < planes; ++p)
        for (int64_t d = 0; d < w.out[0]; ++d)
            for (int64_t h = 0; h < w.out[1]; ++h)
                for (int64_t x = 0; x < w.out[2]; ++x) fn(p, std::array<int64_t, 3>{d, h, x}, i++);
}

Window pool_window(const Node& n, const Tensor& in, const Tensor& out) {
    return make_window(n, in.shape(), out.shape(), n.attrs.get_ints("kernel"));
}

void max_pool(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    Window w = pool_window(n, in[0], out[0]);
    int64_t planes = in[0].shape()[0] * in[0].shape()[1];
    std::vector<int64_t> indices(size_t(out[0].size()));
    visit_type(in[0].type(), [&](auto tag) {
        using T = decltype(tag);
        using C = compute_t<T>;
        if constexpr (std::is_same_v<T, bool>) {
            fail(n.describe(), ": boolean input is not supported");
        } else {
            const T* x = in[0].data<T>();
            T* y = out[0].data<T>();
            for_each_output(w, planes, [&](int64_t p, const std::array<int64_t, 3>& o, int64_t i) {
                const T* plane = x + p * w.in_size();
                int64_t best = -1;
                visit_window(w, o, [&](int64_t j) {
                    if (best < 0 || C(plane[j]) > C(plane[best])) best = j;
                });
                y[i] = best < 0 ? T(std::numeric_limits<C>::lowest()) : plane[best];
                indices[size_t(i)] = best < 0 ? -1 : p * w.in_size() + best;
            });
        }
    });
    if (out.size() > 1) {
        visit_type(out[1].type(), [&](auto tag) {
            using I = decltype(tag);
            if constexpr (std::is_same_v<I, int64_t> || std::is_same_v<I, int32_t>)
                for (size_t i = 0; i < indices.size(); ++i) out[1].data<I>()[i] = I(indices[i]);
            else
                fail(n.describe(), ": index_element_type must be i32 or i64, got ", type_name(out[1].type()));
        });
    }
}

void avg_pool(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    Window w = pool_window(n, in[0], out[0]);
    bool exclude_pad = n.attrs.get_bool("exclude-pad", false);
    int64_t planes = in[0].shape()[0] * in[0].shape()[1];
    visit_type(in[0].type(), [&](auto tag) {
        using T = decltype(tag);
        using C = compute_t<T>;
        if constexpr (!is_floating_v<T>) {
            fail(n.describe(), ": AvgPool needs a floating-point input, got ", type_name(in[0].type()));
        } else {
            const T* x = in[0].data<T>();
            T* y = out[0].data<T>();
            for_each_output(w, planes, [&](int64_t p, const std::array<int64_t, 3>& o, int64_t i) {
                const T* plane = x + p * w.in_size();
                C sum = 0;
                int64_t inside = 0;
                int64_t padded = visit_window(w, o, [&](int64_t j) {
                    sum += C(plane[j]);
                    ++inside;
                });
                int64_t count = exclude_pad ? inside : padded;
                y[i] = T(count > 0 ? sum / C(count) : C(0));
            });
        }
    });
}

}  // namespace

OVKIT_REFERENCE_KERNEL("MaxPool", max_pool);
OVKIT_REFERENCE_KERNEL("AvgPool", avg_pool);

}  // namespace ovkit::reference
