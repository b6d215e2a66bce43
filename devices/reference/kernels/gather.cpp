// Gather: data viewed as [batch, outer, axis, inner], indices as [batch, count]; each index
// copies one inner block. Out-of-range indices give zeros (OpenVINO Gather-8).
#include "movement.h"

namespace ovkit::reference {
namespace {
void gather(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    const Shape& s = in[0].shape();
    const Shape& is = in[1].shape();
    size_t axis = size_t(normalize_axis(in[2].as_int64().at(0), int64_t(s.size()), n.name));
    int64_t bd = n.attrs.get_int("batch_dims", 0);
    size_t batch_dims = size_t(bd < 0 ? bd + int64_t(is.size()) : bd);
    int64_t batch = shape_size(Shape(s.begin(), s.begin() + batch_dims));
    int64_t outer = shape_size(Shape(s.begin() + batch_dims, s.begin() + axis));
    int64_t inner = shape_size(Shape(s.begin() + axis + 1, s.end()));
    int64_t count = shape_size(Shape(is.begin() + batch_dims, is.end()));
    int64_t dim = s[axis];
    auto indices = in[1].as_int64();
    size_t es = element_size(in[0].type());
    int64_t o = 0;
    for (int64_t b = 0; b < batch; ++b)
        for (int64_t j = 0; j < outer; ++j)
            for (int64_t k = 0; k < count; ++k, o += inner) {
                int64_t i = indices[size_t(b * count + k)];
                if (i < 0) i += dim;
                if (i < 0 || i >= dim) continue;  // stays zero
                copy_elements(out[0].data(), o, in[0].data(), ((b * outer + j) * dim + i) * inner, es, inner);
            }
}
}  // namespace
OVKIT_REFERENCE_KERNEL("Gather", gather);
}  // namespace ovkit::reference
