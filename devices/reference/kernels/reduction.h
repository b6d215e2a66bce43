#pragma once
// Index bookkeeping shared by reductions and ops that work along axes (Reduce*, MVN,
// Softmax, TopK, CumSum, losses): which output element each input element folds into,
// and the outer/axis/inner split of a shape at one axis.
#include "helpers.h"

namespace ovkit::reference {

// Marks the axes (possibly negative) of a shape of rank `rank`.
inline std::vector<bool> axes_mask(const std::vector<int64_t>& axes, size_t rank, const Node& n) {
    std::vector<bool> mask(rank, false);
    for (int64_t a : axes) mask[size_t(normalize_axis(a, int64_t(rank), n.name))] = true;
    return mask;
}

// Calls fn(in_index, out_index) for every element of a tensor of shape `in`, in order, where
// out_index addresses the tensor with the `reduced` axes collapsed to size 1 (or removed).
template <typename Fn>
void for_each_reduced(const Shape& in, const std::vector<bool>& reduced, Fn&& fn) {
    size_t rank = in.size();
    Shape kept = in;
    for (size_t d = 0; d < rank; ++d)
        if (reduced[d]) kept[d] = 1;
    auto st = strides_of(kept);
    for (size_t d = 0; d < rank; ++d)
        if (reduced[d]) st[d] = 0;
    std::vector<int64_t> idx(rank, 0);
    int64_t o = 0;
    for (int64_t i = 0, n = shape_size(in); i < n; ++i) {
        fn(i, o);
        for (int64_t d = int64_t(rank) - 1; d >= 0; --d) {
            if (++idx[d] < in[d]) {
                o += st[d];
                break;
            }
            o -= st[d] * (in[d] - 1);
            idx[d] = 0;
        }
    }
}

// Number of input elements folded into each output element.
inline int64_t reduced_count(const Shape& in, const std::vector<bool>& reduced) {
    int64_t n = 1;
    for (size_t d = 0; d < in.size(); ++d)
        if (reduced[d]) n *= in[d];
    return n;
}

// A shape seen as [outer, dim, inner] around one axis: element (o, k, i) is at
// (o * dim + k) * inner + i.
struct AxisSplit {
    int64_t outer = 1, dim = 1, inner = 1;
    int64_t at(int64_t o, int64_t k, int64_t i) const { return (o * dim + k) * inner + i; }
};

inline AxisSplit split_at_axis(const Shape& s, int64_t axis) {
    AxisSplit r;
    for (int64_t d = 0; d < int64_t(s.size()); ++d) {
        if (d < axis) r.outer *= s[d];
        else if (d == axis) r.dim = s[d];
        else r.inner *= s[d];
    }
    return r;
}

// Accumulator type: floating inputs accumulate in double, integers in their own type.
template <typename T>
using acc_t = std::conditional_t<is_floating_v<T>, double, T>;

}  // namespace ovkit::reference
