// Elementwise math: Abs, Negative, Sqrt, Exp, Log, trigonometric and hyperbolic functions,
// Ceiling, Floor, Round, Sign, Erf. Integer inputs compute through double and store back
// (rounding ops leave integers unchanged).
#include "elementwise.h"

namespace ovkit::reference {
namespace {

template <typename Op>
void math(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    unary_numeric(n, in[0], out[0], [](auto x) { return from_real<decltype(x)>(Op{}(x)); });
}

struct Abs {
    template <typename C> C operator()(C x) const {
        if constexpr (std::is_unsigned_v<C>) return x;
        else return x < C(0) ? C(-x) : x;
    }
};
struct Negative { template <typename C> C operator()(C x) const { return C(-x); } };
struct Sqrt { template <typename C> auto operator()(C x) const { return std::sqrt(x); } };
struct Exp { template <typename C> auto operator()(C x) const { return std::exp(x); } };
struct Log { template <typename C> auto operator()(C x) const { return std::log(x); } };
struct Sin { template <typename C> auto operator()(C x) const { return std::sin(x); } };
struct Cos { template <typename C> auto operator()(C x) const { return std::cos(x); } };
struct Tan { template <typename C> auto operator()(C x) const { return std::tan(x); } };
struct Asin { template <typename C> auto operator()(C x) const { return std::asin(x); } };
struct Acos { template <typename C> auto operator()(C x) const { return std::acos(x); } };
struct Atan { template <typename C> auto operator()(C x) const { return std::atan(x); } };
struct Sinh { template <typename C> auto operator()(C x) const { return std::sinh(x); } };
struct Cosh { template <typename C> auto operator()(C x) const { return std::cosh(x); } };
struct Asinh { template <typename C> auto operator()(C x) const { return std::asinh(x); } };
struct Acosh { template <typename C> auto operator()(C x) const { return std::acosh(x); } };
struct Atanh { template <typename C> auto operator()(C x) const { return std::atanh(x); } };
struct Erf { template <typename C> auto operator()(C x) const { return std::erf(x); } };
struct Sign { template <typename C> C operator()(C x) const { return C((C(0) < x) - (x < C(0))); } };

// Rounding is the identity on integers (going through double would lose int64 precision).
template <typename C, typename F>
C round_float(C x, F&& f) {
    if constexpr (std::is_integral_v<C>) return x;
    else return f(x);
}
struct Ceiling { template <typename C> C operator()(C x) const { return round_float(x, [](auto v) { return std::ceil(v); }); } };
struct Floor { template <typename C> C operator()(C x) const { return round_float(x, [](auto v) { return std::floor(v); }); } };

void round(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    // Validated by shape inference: "half_to_even" or "half_away_from_zero".
    bool to_even = n.attrs.get_string("mode", "half_to_even") == "half_to_even";
    unary_numeric(n, in[0], out[0], [&](auto x) {
        // nearbyint uses the default rounding mode: to nearest, ties to even.
        return round_float(x, [&](auto v) { return to_even ? std::nearbyint(v) : std::round(v); });
    });
}

}  // namespace

OVKIT_REFERENCE_KERNEL("Abs", math<Abs>);
OVKIT_REFERENCE_KERNEL("Negative", math<Negative>);
OVKIT_REFERENCE_KERNEL("Sqrt", math<Sqrt>);
OVKIT_REFERENCE_KERNEL("Exp", math<Exp>);
OVKIT_REFERENCE_KERNEL("Log", math<Log>);
OVKIT_REFERENCE_KERNEL("Sin", math<Sin>);
OVKIT_REFERENCE_KERNEL("Cos", math<Cos>);
OVKIT_REFERENCE_KERNEL("Tan", math<Tan>);
OVKIT_REFERENCE_KERNEL("Asin", math<Asin>);
OVKIT_REFERENCE_KERNEL("Acos", math<Acos>);
OVKIT_REFERENCE_KERNEL("Atan", math<Atan>);
OVKIT_REFERENCE_KERNEL("Sinh", math<Sinh>);
OVKIT_REFERENCE_KERNEL("Cosh", math<Cosh>);
OVKIT_REFERENCE_KERNEL("Asinh", math<Asinh>);
OVKIT_REFERENCE_KERNEL("Acosh", math<Acosh>);
OVKIT_REFERENCE_KERNEL("Atanh", math<Atanh>);
OVKIT_REFERENCE_KERNEL("Erf", math<Erf>);
OVKIT_REFERENCE_KERNEL("Sign", math<Sign>);
OVKIT_REFERENCE_KERNEL("Ceiling", math<Ceiling>);
OVKIT_REFERENCE_KERNEL("Floor", math<Floor>);
OVKIT_REFERENCE_KERNEL("Round", round);

}  // namespace ovkit::reference
