#pragma once
// Type dispatch shared by the elementwise reference kernels (unary math, activations,
// arithmetic, comparison, Convert). Each op is one generic function applied per element;
// these helpers pick the C++ type and reject the element types an op does not take.
#include <cmath>
#include <limits>

#include "helpers.h"

namespace ovkit::reference {

// out[i] = fn(in[i]) for every numeric type (fn sees compute_t<T>, its result is stored as T).
template <typename Fn>
void unary_numeric(const Node& n, const Tensor& in, Tensor& out, Fn&& fn) {
    visit_type(in.type(), [&](auto tag) {
        using T = decltype(tag);
        if constexpr (std::is_same_v<T, bool>) fail(n.describe(), ": boolean input is not supported");
        else unary<T, T>(in, out, fn);
    });
}

// out = fn(a, b) with numpy broadcasting, one numeric type in and out.
template <typename Fn>
void binary_numeric(const Node& n, const Tensor& a, const Tensor& b, Tensor& out, Fn&& fn) {
    visit_type(a.type(), [&](auto tag) {
        using T = decltype(tag);
        if constexpr (std::is_same_v<T, bool>) fail(n.describe(), ": boolean inputs are not supported");
        else binary_broadcast<T, T>(a, b, out, fn);
    });
}

// out = fn(a, b) -> bool with numpy broadcasting, any input type (comparisons).
template <typename Fn>
void binary_predicate(const Tensor& a, const Tensor& b, Tensor& out, Fn&& fn) {
    visit_type(a.type(), [&](auto tag) {
        using T = decltype(tag);
        binary_broadcast<T, bool>(a, b, out, fn);
    });
}

// Float to integer the way Convert does it: truncate toward zero, saturate to the range of
// To, NaN gives 0 (a plain cast of an out-of-range float is undefined behaviour).
template <typename To>
To saturate_cast(double v) {
    if (std::isnan(v)) return To(0);
    v = std::trunc(v);
    if (v <= double(std::numeric_limits<To>::lowest())) return std::numeric_limits<To>::lowest();
    if (v >= double(std::numeric_limits<To>::max())) return std::numeric_limits<To>::max();
    return To(v);
}

// Result r of a math function stored in compute type C: integers saturate (sqrt of an int
// comes back as double), other types convert directly.
template <typename C, typename R>
C from_real(R r) {
    if constexpr (std::is_integral_v<C> && std::is_floating_point_v<R>) return saturate_cast<C>(double(r));
    else return C(r);
}

// Single value of a scalar-like input (Selu's alpha, HardSigmoid's beta), checked.
inline double scalar_input(const Node& n, const std::vector<Tensor>& in, size_t i, const char* what) {
    check(in[i].size() == 1, n.describe(), ": ", what, " (input ", i, ") must hold one value, got shape ",
          to_string(in[i].shape()));
    return in[i].as_double()[0];
}

}  // namespace ovkit::reference
