// ReduceSum, ReduceMean, ReduceMax, ReduceMin, ReduceProd, ReduceL1, ReduceL2: one pass over
// the input folding each element into its output accumulator.
#include <limits>

#include "reduction.h"

namespace ovkit::reference {
namespace {

enum class Kind { sum, mean, max, min, prod, l1, l2 };

template <Kind K, typename A>
A initial() {
    if constexpr (K == Kind::max)
        return std::numeric_limits<A>::has_infinity ? -std::numeric_limits<A>::infinity()
                                                    : std::numeric_limits<A>::lowest();
    if constexpr (K == Kind::min)
        return std::numeric_limits<A>::has_infinity ? std::numeric_limits<A>::infinity()
                                                    : std::numeric_limits<A>::max();
    if constexpr (K == Kind::prod) return A(1);
    return A(0);
}

template <Kind K, typename A>
A step(A acc, A x) {
    if constexpr (K == Kind::max) return x > acc ? x : acc;
    if constexpr (K == Kind::min) return x < acc ? x : acc;
    if constexpr (K == Kind::prod) return A(acc * x);
    if constexpr (K == Kind::l2) return A(acc + x * x);
    if constexpr (K == Kind::l1) {
        if constexpr (std::is_signed_v<A>) return A(acc + (x < 0 ? -x : x));
        else return A(acc + x);
    }
    return A(acc + x);
}

template <Kind K, typename A>
A finish(A acc, int64_t count) {
    if constexpr (K == Kind::mean) return count ? A(acc / A(count)) : acc;
    if constexpr (K == Kind::l2) return A(std::sqrt(acc));
    return acc;
}

template <Kind K>
void reduce(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    const Shape& shape = in[0].shape();
    auto mask = axes_mask(in[1].as_int64(), shape.size(), n);
    int64_t count = reduced_count(shape, mask);
    visit_type(in[0].type(), [&](auto tag) {
        using T = decltype(tag);
        if constexpr (std::is_same_v<T, bool>) {
            fail(n.describe(), ": boolean input is not supported");
        } else {
            using A = acc_t<T>;
            std::vector<A> acc(size_t(out[0].size()), initial<K, A>());
            const T* x = in[0].data<T>();
            for_each_reduced(shape, mask, [&](int64_t i, int64_t o) { acc[o] = step<K, A>(acc[o], A(x[i])); });
            T* y = out[0].data<T>();
            for (size_t o = 0; o < acc.size(); ++o) y[o] = T(finish<K, A>(acc[o], count));
        }
    });
}

}  // namespace

OVKIT_REFERENCE_KERNEL("ReduceSum", reduce<Kind::sum>);
OVKIT_REFERENCE_KERNEL("ReduceMean", reduce<Kind::mean>);
OVKIT_REFERENCE_KERNEL("ReduceMax", reduce<Kind::max>);
OVKIT_REFERENCE_KERNEL("ReduceMin", reduce<Kind::min>);
OVKIT_REFERENCE_KERNEL("ReduceProd", reduce<Kind::prod>);
OVKIT_REFERENCE_KERNEL("ReduceL1", reduce<Kind::l1>);
OVKIT_REFERENCE_KERNEL("ReduceL2", reduce<Kind::l2>);

}  // namespace ovkit::reference
