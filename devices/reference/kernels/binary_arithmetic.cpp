// Add, Subtract, Multiply, Divide, Maximum, Minimum, SquaredDifference, FloorMod, Mod, Power.
// Integers wrap like C++ unsigned arithmetic; integer Divide truncates toward zero unless the
// node's `pythondivision` attribute asks for floor division (OpenVINO's Divide); integer
// division or remainder by zero is an error naming the node.
#include "elementwise.h"

namespace ovkit::reference {
namespace {

template <typename Op>
void binary(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    binary_numeric(n, in[0], in[1], out[0], Op{});
}

// Integer arithmetic runs in an unsigned type at least as wide as unsigned int, so that it
// wraps instead of overflowing (signed overflow, and uint16 * uint16 promoted to int, are UB).
template <typename C>
using wrap_t = std::conditional_t<(sizeof(C) < sizeof(unsigned)), unsigned, std::make_unsigned_t<C>>;

template <typename C, typename F>
C wrapping(C a, C b, F f) {
    if constexpr (std::is_integral_v<C>) return C(f(wrap_t<C>(a), wrap_t<C>(b)));
    else return C(f(a, b));
}

struct AddOp { template <typename C> C operator()(C a, C b) const { return wrapping(a, b, [](auto x, auto y) { return x + y; }); } };
struct SubOp { template <typename C> C operator()(C a, C b) const { return wrapping(a, b, [](auto x, auto y) { return x - y; }); } };
struct MulOp { template <typename C> C operator()(C a, C b) const { return wrapping(a, b, [](auto x, auto y) { return x * y; }); } };
struct MaxOp { template <typename C> C operator()(C a, C b) const { return a < b ? b : a; } };
struct MinOp { template <typename C> C operator()(C a, C b) const { return b < a ? b : a; } };
struct SquaredDifferenceOp {
    template <typename C> C operator()(C a, C b) const {
        C d = SubOp{}(a, b);
        return MulOp{}(d, d);
    }
};

template <typename C>
void check_divisor(const Node& n, C b) {
    if constexpr (std::is_integral_v<C>) check(b != 0, n.describe(), ": integer division by zero");
}

// Remainder with the sign of the dividend (C's %, fmod).
template <typename C>
C truncated_mod(C a, C b) {
    if constexpr (std::is_integral_v<C>) {
        if constexpr (std::is_signed_v<C>)
            if (b == C(-1)) return 0;  // INT_MIN % -1 overflows
        return C(a % b);
    } else {
        return std::fmod(a, b);
    }
}

// Whether a truncated result r of a op b must move one step toward floor semantics.
template <typename C>
bool floor_adjust(C r, C b) {
    if constexpr (std::is_unsigned_v<C>) return false;
    else return r != C(0) && ((r < C(0)) != (b < C(0)));
}

void divide(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    bool python = n.attrs.get_bool("pythondivision", false);
    binary_numeric(n, in[0], in[1], out[0], [&](auto a, auto b) {
        using C = decltype(a);
        check_divisor(n, b);
        if constexpr (std::is_integral_v<C>) {
            if constexpr (std::is_signed_v<C>)
                if (b == C(-1)) return C(-a);  // INT_MIN / -1 overflows
            C q = C(a / b);
            if (python && floor_adjust(truncated_mod(a, b), b)) --q;
            return q;
        } else {
            return C(a / b);
        }
    });
}

void mod(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    binary_numeric(n, in[0], in[1], out[0], [&](auto a, auto b) {
        check_divisor(n, b);
        return truncated_mod(a, b);
    });
}

// Remainder with the sign of the divisor (Python's %).
void floor_mod(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    binary_numeric(n, in[0], in[1], out[0], [&](auto a, auto b) {
        using C = decltype(a);
        check_divisor(n, b);
        C r = truncated_mod(a, b);
        return floor_adjust(r, b) ? C(r + b) : r;
    });
}

// Integer power by squaring (exact for 64-bit values, wraps on overflow).
template <typename C>
C int_power(C base, C exp) {
    if constexpr (std::is_signed_v<C>) {
        if (exp < 0) return base == 1 ? C(1) : base == -1 ? C(exp % 2 ? -1 : 1) : C(0);
    }
    C result = 1;
    for (; exp; exp = C(exp / 2), base = C(base * base))
        if (exp % 2) result = C(result * base);
    return result;
}

void power(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    binary_numeric(n, in[0], in[1], out[0], [](auto a, auto b) {
        using C = decltype(a);
        if constexpr (std::is_integral_v<C>) return int_power(a, b);
        else return C(std::pow(a, b));
    });
}

}  // namespace

OVKIT_REFERENCE_KERNEL("Add", binary<AddOp>);
OVKIT_REFERENCE_KERNEL("Subtract", binary<SubOp>);
OVKIT_REFERENCE_KERNEL("Multiply", binary<MulOp>);
OVKIT_REFERENCE_KERNEL("Maximum", binary<MaxOp>);
OVKIT_REFERENCE_KERNEL("Minimum", binary<MinOp>);
OVKIT_REFERENCE_KERNEL("SquaredDifference", binary<SquaredDifferenceOp>);
OVKIT_REFERENCE_KERNEL("Divide", divide);
OVKIT_REFERENCE_KERNEL("Mod", mod);
OVKIT_REFERENCE_KERNEL("FloorMod", floor_mod);
OVKIT_REFERENCE_KERNEL("Power", power);

}  // namespace ovkit::reference
