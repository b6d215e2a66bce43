// Tile: output element i reads input element i mod the input dimension, per axis.
#include "movement.h"

namespace ovkit::reference {
namespace {
void tile(const Node&, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    const Shape& os = out[0].shape();
    Shape s(os.size() - in[0].shape().size(), 1);
    s.insert(s.end(), in[0].shape().begin(), in[0].shape().end());
    auto strides = strides_of(s);
    size_t es = element_size(in[0].type());
    for_each_index(os, [&](int64_t o, const std::vector<int64_t>& idx) {
        int64_t src = 0;
        for (size_t d = 0; d < idx.size(); ++d) src += idx[d] % s[d] * strides[d];
        copy_elements(out[0].data(), o, in[0].data(), src, es);
    });
}
}  // namespace
OVKIT_REFERENCE_KERNEL("Tile", tile);
}  // namespace ovkit::reference
