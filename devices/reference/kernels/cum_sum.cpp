// CumSum: running sums along one axis, optionally exclusive (skip the current element) and
// reversed (from the end).
#include "reduction.h"

namespace ovkit::reference {
namespace {

void cum_sum(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    const Shape& shape = in[0].shape();
    int64_t axis = in.size() > 1 ? in[1].as_int64().at(0) : 0;
    AxisSplit s = split_at_axis(shape, normalize_axis(axis, int64_t(shape.size()), n.name));
    bool exclusive = n.attrs.get_bool("exclusive", false), reverse = n.attrs.get_bool("reverse", false);
    visit_type(in[0].type(), [&](auto tag) {
        using T = decltype(tag);
        if constexpr (std::is_same_v<T, bool>) {
            fail(n.describe(), ": boolean input is not supported");
        } else {
            const T* x = in[0].data<T>();
            T* y = out[0].data<T>();
            for (int64_t o = 0; o < s.outer; ++o) {
                for (int64_t i = 0; i < s.inner; ++i) {
                    acc_t<T> sum = 0;
                    for (int64_t j = 0; j < s.dim; ++j) {
                        int64_t at = s.at(o, reverse ? s.dim - 1 - j : j, i);
                        if (exclusive) y[at] = T(sum);
                        sum += acc_t<T>(x[at]);
                        if (!exclusive) y[at] = T(sum);
                    }
                }
            }
        }
    });
}

}  // namespace

OVKIT_REFERENCE_KERNEL("CumSum", cum_sum);

}  // namespace ovkit::reference
