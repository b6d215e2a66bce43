// Concat: each input is an [outer, len, inner] block copied next to the previous ones.
#include "movement.h"

namespace ovkit::reference {
namespace {
void concat(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    const Shape& s = out[0].shape();
    size_t axis = size_t(normalize_axis(n.attrs.get_int("axis"), int64_t(s.size()), n.name));
    int64_t outer = shape_size(Shape(s.begin(), s.begin() + axis));
    int64_t inner = shape_size(Shape(s.begin() + axis + 1, s.end()));
    size_t es = element_size(out[0].type());
    int64_t offset = 0;  // along the axis
    for (const Tensor& t : in) {
        int64_t len = t.shape()[axis];
        for (int64_t o = 0; o < outer; ++o)
            copy_elements(out[0].data(), (o * s[axis] + offset) * inner, t.data(), o * len * inner, es, len * inner);
        offset += len;
    }
}
}  // namespace
OVKIT_REFERENCE_KERNEL("Concat", concat);
}  // namespace ovkit::reference
