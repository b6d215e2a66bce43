// TopK: per slice along the axis, the k largest (mode max) or smallest (mode min) elements.
// Equal values keep their index order, so results are stable; sort=index lists the chosen
// elements by index, sort=value and sort=none by value.
#include <algorithm>
#include <numeric>

#include "reduction.h"

namespace ovkit::reference {
namespace {

void topk(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    const Shape& shape = in[0].shape();
    int64_t axis = normalize_axis(n.attrs.get_int("axis"), int64_t(shape.size()), n.name);
    bool largest = n.attrs.get_string("mode") == "max";
    bool by_index = n.attrs.get_string("sort", "none") == "index";
    AxisSplit src = split_at_axis(shape, axis), dst = split_at_axis(out[0].shape(), axis);
    int64_t k = dst.dim;
    visit_type(in[0].type(), [&](auto tag) {
        using T = decltype(tag);
        using C = compute_t<T>;
        const T* x = in[0].data<T>();
        T* values = out[0].data<T>();
        std::vector<int64_t> order(size_t(src.dim));
        for (int64_t o = 0; o < src.outer; ++o) {
            for (int64_t i = 0; i < src.inner; ++i) {
                std::iota(order.begin(), order.end(), 0);
                auto value = [&](int64_t j) { return C(x[src.at(o, j, i)]); };
                std::stable_sort(order.begin(), order.end(), [&](int64_t a, int64_t b) {
                    return largest ? value(a) > value(b) : value(a) < value(b);
                });
                if (by_index) std::sort(order.begin(), order.begin() + k);
                for (int64_t j = 0; j < k; ++j) {
                    values[dst.at(o, j, i)] = x[src.at(o, order[size_t(j)], i)];
                    if (out[1].type() == ElementType::i64) out[1].data<int64_t>()[dst.at(o, j, i)] = order[size_t(j)];
                    else out[1].data<int32_t>()[dst.at(o, j, i)] = int32_t(order[size_t(j)]);
                }
            }
        }
    });
}

}  // namespace

OVKIT_REFERENCE_KERNEL("TopK", topk);

}  // namespace ovkit::reference
