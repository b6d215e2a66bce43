// Softmax and LogSoftmax along one axis, shifted by the slice maximum for stability.
#include "reduction.h"

namespace ovkit::reference {
namespace {

template <bool Log>
void softmax(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    const Shape& shape = in[0].shape();
    AxisSplit s = split_at_axis(shape, normalize_axis(n.attrs.get_int("axis", 1), int64_t(shape.size()), n.name));
    visit_type(in[0].type(), [&](auto tag) {
        using T = decltype(tag);
        if constexpr (!is_floating_v<T>) {
            fail(n.describe(), ": input must be floating point");
        } else {
            const T* x = in[0].data<T>();
            T* y = out[0].data<T>();
            for (int64_t o = 0; o < s.outer; ++o) {
                for (int64_t i = 0; i < s.inner; ++i) {
                    double max = -INFINITY, sum = 0;
                    for (int64_t j = 0; j < s.dim; ++j) max = std::max(max, double(x[s.at(o, j, i)]));
                    for (int64_t j = 0; j < s.dim; ++j) sum += std::exp(double(x[s.at(o, j, i)]) - max);
                    for (int64_t j = 0; j < s.dim; ++j) {
                        double shifted = double(x[s.at(o, j, i)]) - max;
                        y[s.at(o, j, i)] = T(Log ? shifted - std::log(sum) : std::exp(shifted) / sum);
                    }
                }
            }
        }
    });
}

}  // namespace

OVKIT_REFERENCE_KERNEL("Softmax", softmax<false>);
OVKIT_REFERENCE_KERNEL("LogSoftmax", softmax<true>);

}  // namespace ovkit::reference
