// Add, Subtract, Multiply, Divide. Integer Divide truncates toward zero unless the
// node's `pythondivision` attribute asks for floor division (OpenVINO's Divide).
#include "helpers.h"

namespace ovkit::reference {
namespace {

template <typename Op>
void binary(const Node&, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    visit_type(in[0].type(), [&](auto tag) {
        using T = decltype(tag);
        if constexpr (std::is_same_v<T, bool>) fail("arithmetic on boolean tensors");
        else binary_broadcast<T, T>(in[0], in[1], out[0], Op{});
    });
}

struct AddOp { template <typename T> T operator()(T a, T b) const { return a + b; } };
struct SubOp { template <typename T> T operator()(T a, T b) const { return a - b; } };
struct MulOp { template <typename T> T operator()(T a, T b) const { return a * b; } };

void divide(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    bool python = n.attrs.get_bool("pythondivision", false);
    visit_type(in[0].type(), [&](auto tag) {
        using T = decltype(tag);
        if constexpr (std::is_same_v<T, bool>) {
            fail("Divide on boolean tensors");
        } else {
            binary_broadcast<T, T>(in[0], in[1], out[0], [&](auto a, auto b) {
                using C = decltype(a);
                if constexpr (std::is_integral_v<C>) {
                    check(b != 0, "integer division by zero");
                    C q = a / b;
                    if constexpr (std::is_signed_v<C>)
                        if (python && (a % b != 0) && ((a < 0) != (b < 0))) --q;
                    return q;
                } else {
                    return a / b;
                }
            });
        }
    });
}

}  // namespace

OVKIT_REFERENCE_KERNEL("Add", binary<AddOp>);
OVKIT_REFERENCE_KERNEL("Subtract", binary<SubOp>);
OVKIT_REFERENCE_KERNEL("Multiply", binary<MulOp>);
OVKIT_REFERENCE_KERNEL("Divide", divide);

}  // namespace ovkit::reference
