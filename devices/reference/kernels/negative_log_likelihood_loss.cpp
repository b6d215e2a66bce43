// NegativeLogLikelihoodLoss: loss[n, d] = -input[n, target[n, d], d] * weight[target[n, d]],
// zero (and weightless) where target == ignore_index; "mean" divides the sum by the weights.
#include "reduction.h"

namespace ovkit::reference {
namespace {

void nll(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    AxisSplit s = split_at_axis(in[0].shape(), 1);
    auto target = in[1].as_int64();
    std::string reduction = n.attrs.get_string("reduction", "mean");
    bool has_ignore = n.attrs.has("ignore_index");
    int64_t ignore = has_ignore ? n.attrs.get_int("ignore_index") : 0;
    visit_type(in[0].type(), [&](auto tag) {
        using T = decltype(tag);
        if constexpr (!is_floating_v<T>) {
            fail(n.describe(), ": input must be floating point");
        } else {
            const T* x = in[0].data<T>();
            const T* weight = in.size() > 2 ? in[2].data<T>() : nullptr;
            T* y = out[0].data<T>();
            double total = 0, total_weight = 0;
            for (int64_t o = 0; o < s.outer; ++o) {
                for (int64_t i = 0; i < s.inner; ++i) {
                    int64_t at = o * s.inner + i, t = target[size_t(at)];
                    double loss = 0, w = 0;
                    if (!has_ignore || t != ignore) {
                        check(t >= 0 && t < s.dim, n.describe(), ": target value ", t, " at ", at,
                              " is outside [0, ", s.dim, ")");
                        w = weight ? double(weight[t]) : 1.0;
                        loss = -double(x[s.at(o, t, i)]) * w;
                    }
                    if (reduction == "none") y[at] = T(loss);
                    total += loss;
                    total_weight += w;
                }
            }
            if (reduction == "sum") y[0] = T(total);
            if (reduction == "mean") y[0] = T(total / total_weight);
        }
    });
}

}  // namespace

OVKIT_REFERENCE_KERNEL("NegativeLogLikelihoodLoss", nll);

}  // namespace ovkit::reference
