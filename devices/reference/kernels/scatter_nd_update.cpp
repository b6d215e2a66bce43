// ScatterNDUpdate: out = data; each index tuple (last indices dimension, k values) selects a
// block of data[k:] that is combined with the matching block of updates.
#include "movement.h"
#include "scatter_reduction.h"

namespace ovkit::reference {
namespace {
void scatter_nd_update(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    const Shape& s = in[0].shape();
    const Shape& is = in[1].shape();
    ScatterReduction r = scatter_reduction(n);
    check(!is.empty() && size_t(is.back()) <= s.size(), n.describe(), ": indices ", to_string(is),
          " do not index data ", to_string(s));
    size_t k = size_t(is.back());
    Shape want(is.begin(), is.end() - 1);
    want.insert(want.end(), s.begin() + k, s.end());
    check(in[2].shape() == want, n.describe(), ": updates ", to_string(in[2].shape()), " should have shape ",
          to_string(want));
    check(r == ScatterReduction::none || in[0].type() != ElementType::boolean, n.describe(), ": reduction '",
          n.attrs.get_string("reduction", "none"), "' on boolean data");
    copy_all(in[0], out[0]);
    int64_t tuples = shape_size(Shape(is.begin(), is.end() - 1));
    int64_t block = shape_size(Shape(s.begin() + k, s.end()));
    auto strides = strides_of(s);
    auto indices = in[1].as_int64();
    visit_type(in[0].type(), [&](auto tag) {
        using T = decltype(tag);
        T* dst = out[0].data<T>();
        const T* upd = in[2].data<T>();
        for (int64_t t = 0; t < tuples; ++t) {
            int64_t pos = 0;
            for (size_t d = 0; d < k; ++d)
                pos += checked_index(indices[size_t(t * int64_t(k) + int64_t(d))], s[d], n) * strides[d];
            for (int64_t e = 0; e < block; ++e) dst[pos + e] = scatter_combine(r, dst[pos + e], upd[t * block + e]);
        }
    });
}
}  // namespace
OVKIT_REFERENCE_KERNEL("ScatterNDUpdate", scatter_nd_update);
}  // namespace ovkit::reference
