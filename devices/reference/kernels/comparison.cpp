// Comparisons, logical ops and IsNaN/IsInf/IsFinite; all write boolean tensors.
#include "elementwise.h"

namespace ovkit::reference {
namespace {

template <typename Op>
void compare(const Node&, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    binary_predicate(in[0], in[1], out[0], Op{});
}

struct Eq { template <typename C> bool operator()(C a, C b) const { return a == b; } };
struct Ne { template <typename C> bool operator()(C a, C b) const { return a != b; } };
struct Lt { template <typename C> bool operator()(C a, C b) const { return a < b; } };
struct Le { template <typename C> bool operator()(C a, C b) const { return a <= b; } };
struct Gt { template <typename C> bool operator()(C a, C b) const { return a > b; } };
struct Ge { template <typename C> bool operator()(C a, C b) const { return a >= b; } };
// Inputs are boolean (checked by shape inference).
struct And { bool operator()(bool a, bool b) const { return a && b; } };
struct Or { bool operator()(bool a, bool b) const { return a || b; } };
struct Xor { bool operator()(bool a, bool b) const { return a != b; } };

void logical_not(const Node&, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    unary<bool, bool>(in[0], out[0], [](bool x) { return !x; });
}

// out = test(x) over a floating input (checked by shape inference).
template <typename Test>
void float_test(const Tensor& in, Tensor& out, Test&& test) {
    visit_type(in.type(), [&](auto tag) {
        using T = decltype(tag);
        if constexpr (is_floating_v<T>) unary<T, bool>(in, out, test);
    });
}

void is_nan(const Node&, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    float_test(in[0], out[0], [](auto x) { return std::isnan(x); });
}

void is_finite(const Node&, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    float_test(in[0], out[0], [](auto x) { return std::isfinite(x); });
}

void is_inf(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    bool negative = n.attrs.get_bool("detect_negative", true), positive = n.attrs.get_bool("detect_positive", true);
    float_test(in[0], out[0], [&](auto x) { return std::isinf(x) && (x > 0 ? positive : negative); });
}

}  // namespace

OVKIT_REFERENCE_KERNEL("Equal", compare<Eq>);
OVKIT_REFERENCE_KERNEL("NotEqual", compare<Ne>);
OVKIT_REFERENCE_KERNEL("Less", compare<Lt>);
OVKIT_REFERENCE_KERNEL("LessEqual", compare<Le>);
OVKIT_REFERENCE_KERNEL("Greater", compare<Gt>);
OVKIT_REFERENCE_KERNEL("GreaterEqual", compare<Ge>);
OVKIT_REFERENCE_KERNEL("LogicalAnd", compare<And>);
OVKIT_REFERENCE_KERNEL("LogicalOr", compare<Or>);
OVKIT_REFERENCE_KERNEL("LogicalXor", compare<Xor>);
OVKIT_REFERENCE_KERNEL("LogicalNot", logical_not);
OVKIT_REFERENCE_KERNEL("IsNaN", is_nan);
OVKIT_REFERENCE_KERNEL("IsInf", is_inf);
OVKIT_REFERENCE_KERNEL("IsFinite", is_finite);

}  // namespace ovkit::reference
