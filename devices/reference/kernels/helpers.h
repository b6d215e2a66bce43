#pragma once
// Building blocks for reference kernels: strides, broadcasting loops, type dispatch.
// Kernels stay plain loops over raw pointers; these only remove index bookkeeping.
#include <cmath>
#include <type_traits>
#include <vector>

#include "ovkit/exception.h"
#include "ovkit/op_registry.h"
#include "ovkit/tensor.h"

namespace ovkit::reference {

// Arithmetic type for T: half types compute in float.
template <typename T>
using compute_t = std::conditional_t<std::is_same_v<T, float16> || std::is_same_v<T, bfloat16>, float, T>;

template <typename T>
constexpr bool is_half_v = std::is_same_v<T, float16> || std::is_same_v<T, bfloat16>;
template <typename T>
constexpr bool is_floating_v = std::is_floating_point_v<T> || is_half_v<T>;

inline std::vector<int64_t> strides_of(const Shape& s) {
    std::vector<int64_t> st(s.size(), 1);
    for (int64_t i = int64_t(s.size()) - 2; i >= 0; --i) st[i] = st[i + 1] * s[i + 1];
    return st;
}

// Strides of `in` as seen from `out` under numpy broadcasting (0 where broadcast).
inline std::vector<int64_t> broadcast_strides(const Shape& in, const Shape& out) {
    std::vector<int64_t> st(out.size(), 0);
    auto own = strides_of(in);
    size_t off = out.size() - in.size();
    for (size_t i = 0; i < in.size(); ++i) st[off + i] = in[i] == 1 ? 0 : own[i];
    return st;
}

// Calls fn(out_index, a_index, b_index) for every element of out = broadcast(a, b).
// The innermost dimension runs as a plain loop with fixed strides (0 or 1), so per-channel
// bias adds and scalar operands vectorize; only the outer dimensions pay for index updates.
template <typename Fn>
void for_each_broadcast(const Shape& out, const Shape& a, const Shape& b, Fn&& fn) {
    int64_t n = shape_size(out);
    if (n == 0) return;
    if (a == out && b == out) {
        for (int64_t i = 0; i < n; ++i) fn(i, i, i);
        return;
    }
    auto sa = broadcast_strides(a, out), sb = broadcast_strides(b, out);
    size_t rank = out.size();
    if (rank == 0) {
        fn(0, 0, 0);
        return;
    }
    int64_t inner = out[rank - 1], ia_step = sa[rank - 1], ib_step = sb[rank - 1];
    std::vector<int64_t> idx(rank, 0);
    int64_t ia = 0, ib = 0;
    for (int64_t o = 0; o < n; o += inner) {
        for (int64_t k = 0; k < inner; ++k) fn(o + k, ia + k * ia_step, ib + k * ib_step);
        for (int64_t d = int64_t(rank) - 2; d >= 0; --d) {
            if (++idx[d] < out[d]) {
                ia += sa[d];
                ib += sb[d];
                break;
            }
            ia -= sa[d] * (out[d] - 1);
            ib -= sb[d] * (out[d] - 1);
            idx[d] = 0;
        }
    }
}

// out[i] = op(a[i], b[i]) with broadcasting; A and R are the storage types.
template <typename A, typename R, typename Op>
void binary_broadcast(const Tensor& a, const Tensor& b, Tensor& out, Op&& op) {
    const A* pa = a.data<A>();
    const A* pb = b.data<A>();
    R* po = out.data<R>();
    for_each_broadcast(out.shape(), a.shape(), b.shape(), [&](int64_t o, int64_t i, int64_t j) {
        po[o] = R(op(compute_t<A>(pa[i]), compute_t<A>(pb[j])));
    });
}

template <typename A, typename R, typename Op>
void unary(const Tensor& in, Tensor& out, Op&& op) {
    const A* p = in.data<A>();
    R* o = out.data<R>();
    for (int64_t i = 0, n = in.size(); i < n; ++i) o[i] = R(op(compute_t<A>(p[i])));
}

}  // namespace ovkit::reference
