// Convert / ConvertLike. Floating to integer truncates toward zero and saturates (NaN -> 0);
// integer narrowing wraps; anything to boolean is "!= 0".
#include "elementwise.h"

namespace ovkit::reference {
namespace {

// v is the source value in its compute type (half types arrive as float).
template <typename To, typename C>
To convert_value(C v) {
    if constexpr (std::is_same_v<To, bool>) return v != C(0);
    else if constexpr (std::is_integral_v<To> && std::is_floating_point_v<C>) return saturate_cast<To>(double(v));
    else return To(v);
}

// Output type comes from shape inference (destination_type or input 1's type).
void convert(const Node&, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    visit_type(in[0].type(), [&](auto from_tag) {
        using From = decltype(from_tag);
        visit_type(out[0].type(), [&](auto to_tag) {
            using To = decltype(to_tag);
            unary<From, To>(in[0], out[0], [](auto x) { return convert_value<To>(x); });
        });
    });
}

}  // namespace

OVKIT_REFERENCE_KERNEL("Convert", convert);
OVKIT_REFERENCE_KERNEL("ConvertLike", convert);

}  // namespace ovkit::reference
