#pragma once
// Building blocks for the data-movement kernels (Transpose, Slice, Gather, Pad, ...). These
// kernels never look at values, so they copy elements as bytes and serve every element type.
#include <cstring>

#include "helpers.h"

namespace ovkit::reference {

// Calls fn(flat, index) for every multi-index of `shape` in row-major order.
template <typename Fn>
void for_each_index(const Shape& shape, Fn&& fn) {
    int64_t n = shape_size(shape);
    std::vector<int64_t> idx(shape.size(), 0);
    for (int64_t i = 0; i < n; ++i) {
        fn(i, static_cast<const std::vector<int64_t>&>(idx));
        for (int64_t d = int64_t(shape.size()) - 1; d >= 0; --d) {
            if (++idx[size_t(d)] < shape[size_t(d)]) break;
            idx[size_t(d)] = 0;
        }
    }
}

inline int64_t offset_of(const std::vector<int64_t>& idx, const std::vector<int64_t>& strides) {
    int64_t o = 0;
    for (size_t i = 0; i < idx.size(); ++i) o += idx[i] * strides[i];
    return o;
}

// Copies `count` elements of `esize` bytes from src element `si` to dst element `di`.
inline void copy_elements(void* dst, int64_t di, const void* src, int64_t si, size_t esize, int64_t count = 1) {
    if (count > 0)
        std::memcpy(static_cast<char*>(dst) + size_t(di) * esize, static_cast<const char*>(src) + size_t(si) * esize,
                    size_t(count) * esize);
}

inline void copy_all(const Tensor& in, Tensor& out) {
    check(in.size() == out.size(), "copy of ", in.size(), " elements into ", out.size());
    copy_elements(out.data(), 0, in.data(), 0, element_size(in.type()), in.size());
}

// out = in (viewed with `shape`) with its axes permuted: out axis i is input axis perm[i].
inline void transpose_copy(const Tensor& in, const Shape& shape, const std::vector<int64_t>& perm, Tensor& out) {
    auto in_strides = strides_of(shape);
    Shape out_shape(perm.size());
    std::vector<int64_t> strides(perm.size());
    for (size_t i = 0; i < perm.size(); ++i) {
        out_shape[i] = shape[size_t(perm[i])];
        strides[i] = in_strides[size_t(perm[i])];
    }
    size_t es = element_size(in.type());
    for_each_index(out_shape, [&](int64_t o, const std::vector<int64_t>& idx) {
        copy_elements(out.data(), o, in.data(), offset_of(idx, strides), es);
    });
}

// Index value `v` along an axis of size `dim`, negative counting from the end; throws when out
// of range.
inline int64_t checked_index(int64_t v, int64_t dim, const Node& n) {
    int64_t i = v < 0 ? v + dim : v;
    check(i >= 0 && i < dim, n.describe(), ": index ", v, " is out of range for a dimension of size ", dim);
    return i;
}

}  // namespace ovkit::reference
