// NonZero: row d of the output holds coordinate d of each non-zero element, in row-major order.
#include "movement.h"

namespace ovkit::reference {
namespace {
void non_zero(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    const Shape& s = in[0].shape();
    auto values = in[0].as_double();
    std::vector<std::vector<int64_t>> found;
    for_each_index(s, [&](int64_t i, const std::vector<int64_t>& idx) {
        if (values[size_t(i)] != 0) found.push_back(idx);
    });
    int64_t count = int64_t(found.size());
    std::vector<int64_t> flat(s.size() * found.size());
    for (size_t k = 0; k < found.size(); ++k)
        for (size_t d = 0; d < s.size(); ++d) flat[d * found.size() + k] = found[k][d];
    out[0] = Tensor::from_int64(n.outputs[0].type, flat, {int64_t(s.size()), count});
}
}  // namespace
OVKIT_REFERENCE_KERNEL("NonZero", non_zero);
}  // namespace ovkit::reference
