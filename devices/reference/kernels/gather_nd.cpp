// GatherND: per batch entry, each index tuple (last indices dimension, k values) selects a
// block of data[batch_dims + k:].
#include "movement.h"

namespace ovkit::reference {
namespace {
void gather_nd(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    const Shape& s = in[0].shape();
    const Shape& is = in[1].shape();
    size_t bd = size_t(n.attrs.get_int("batch_dims", 0));
    size_t k = size_t(is.back());
    int64_t batch = shape_size(Shape(s.begin(), s.begin() + bd));
    int64_t tuples = shape_size(Shape(is.begin() + bd, is.end() - 1));
    int64_t block = shape_size(Shape(s.begin() + bd + k, s.end()));
    int64_t batch_size = shape_size(Shape(s.begin() + bd, s.end()));
    auto strides = strides_of(Shape(s.begin() + bd, s.end()));
    auto indices = in[1].as_int64();
    size_t es = element_size(in[0].type());
    for (int64_t b = 0; b < batch; ++b)
        for (int64_t t = 0; t < tuples; ++t) {
            const int64_t* tuple = &indices[size_t((b * tuples + t) * int64_t(k))];
            int64_t src = b * batch_size;
            for (size_t d = 0; d < k; ++d) src += checked_index(tuple[d], s[bd + d], n) * strides[d];
            copy_elements(out[0].data(), (b * tuples + t) * block, in[0].data(), src, es, block);
        }
}
}  // namespace
OVKIT_REFERENCE_KERNEL("GatherND", gather_nd);
}  // namespace ovkit::reference
