#include "movement.h"

namespace ovkit::reference {
namespace {
void gather_elements(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    const Shape& s = in[0].shape();
    size_t axis = size_t(normalize_axis(n.attrs.get_int("axis"), int64_t(s.size()), n.name));
    auto strides = strides_of(s);
    auto indices = in[1].as_int64();
    size_t es = element_size(in[0].type());
    for_each_index(out[0].shape(), [&](int64_t o, const std::vector<int64_t>& idx) {
        int64_t src = 0;
        for (size_t d = 0; d < idx.size(); ++d) {
            int64_t i = d == axis ? checked_index(indices[size_t(o)], s[d], n) : idx[d];
            check(i < s[d], n.describe(), ": indices ", to_string(in[1].shape()), " exceed data ", to_string(s),
                  " outside axis ", axis);
            src += i * strides[d];
        }
        copy_elements(out[0].data(), o, in[0].data(), src, es);
    });
}
}  // namespace
OVKIT_REFERENCE_KERNEL("GatherElements", gather_elements);
}  // namespace ovkit::reference
