// Split and VariadicSplit: the output shapes (set by shape inference) say each part's length.
#include "movement.h"

namespace ovkit::reference {
namespace {
void split(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    const Shape& s = in[0].shape();
    size_t axis = size_t(normalize_axis(in[1].as_int64().at(0), int64_t(s.size()), n.name));
    int64_t outer = shape_size(Shape(s.begin(), s.begin() + axis));
    int64_t inner = shape_size(Shape(s.begin() + axis + 1, s.end()));
    size_t es = element_size(in[0].type());
    int64_t offset = 0;
    for (Tensor& t : out) {
        int64_t len = t.shape()[axis];
        for (int64_t o = 0; o < outer; ++o)
            copy_elements(t.data(), o * len * inner, in[0].data(), (o * s[axis] + offset) * inner, es, len * inner);
        offset += len;
    }
}
}  // namespace
OVKIT_REFERENCE_KERNEL("Split", split);
OVKIT_REFERENCE_KERNEL("VariadicSplit", split);
}  // namespace ovkit::reference
