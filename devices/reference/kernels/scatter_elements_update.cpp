// ScatterElementsUpdate: out = data; for each updates position p, the element of out at p with
// p[axis] replaced by indices[p] is combined with updates[p]. Without use_init_val, reduced
// positions start from their first update instead of data; mean divides by the number of
// values combined.
#include "movement.h"
#include "scatter_reduction.h"

namespace ovkit::reference {
namespace {
void scatter_elements_update(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    const Shape& s = in[0].shape();
    size_t axis = size_t(normalize_axis(in[3].as_int64().at(0), int64_t(s.size()), n.name));
    ScatterReduction r = scatter_reduction(n);
    bool use_init = n.attrs.get_bool("use_init_val", true);
    check(in[1].shape() == in[2].shape(), n.describe(), ": indices ", to_string(in[1].shape()), " and updates ",
          to_string(in[2].shape()), " differ in shape");
    check(r == ScatterReduction::none || in[0].type() != ElementType::boolean, n.describe(),
          ": reduction '", n.attrs.get_string("reduction", "none"), "' on boolean data");
    copy_all(in[0], out[0]);
    auto strides = strides_of(s);
    auto indices = in[1].as_int64();
    std::vector<int64_t> counts(size_t(out[0].size()), use_init ? 1 : 0);
    visit_type(in[0].type(), [&](auto tag) {
        using T = decltype(tag);
        T* dst = out[0].data<T>();
        const T* upd = in[2].data<T>();
        for_each_index(in[2].shape(), [&](int64_t u, const std::vector<int64_t>& idx) {
            int64_t pos = 0;
            for (size_t d = 0; d < idx.size(); ++d) {
                int64_t i = d == axis ? checked_index(indices[size_t(u)], s[d], n) : idx[d];
                check(i < s[d], n.describe(), ": updates ", to_string(in[2].shape()), " exceed data ", to_string(s));
                pos += i * strides[d];
            }
            dst[pos] = counts[size_t(pos)] == 0 ? upd[u] : scatter_combine(r, dst[pos], upd[u]);
            ++counts[size_t(pos)];
        });
        if (r == ScatterReduction::mean)
                for (int64_t i = 0; i < out[0].size(); ++i)
                    if (counts[size_t(i)] > 1) dst[i] = T(compute_t<T>(dst[i]) / compute_t<T>(counts[size_t(i)]));
    });
}
}  // namespace
OVKIT_REFERENCE_KERNEL("ScatterElementsUpdate", scatter_elements_update);
}  // namespace ovkit::reference
