// Unique: the input is a list of items (elements, or slices along axis); items are grouped by
// value with a stable sort, so each group's first member is its first occurrence. Groups come
// out sorted by value, or in order of first occurrence when sorted is false.
#include <algorithm>
#include <numeric>

#include "movement.h"

namespace ovkit::reference {
namespace {

// Items of `in` as [outer, count, inner]: item j is {in[o, j, i]} for all o, i.
struct Items {
    int64_t outer = 1, count = 1, inner = 1;
};

void unique(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    const Shape& s = in[0].shape();
    Items it;
    int64_t axis = -1;
    if (in.size() > 1) {
        axis = normalize_axis(in[1].as_int64().at(0), int64_t(s.size()), n.name);
        it.outer = shape_size(Shape(s.begin(), s.begin() + axis));
        it.count = s[size_t(axis)];
        it.inner = shape_size(Shape(s.begin() + axis + 1, s.end()));
    } else {
        it.count = in[0].size();
    }
    // Lexicographic comparison of two items, -1/0/1.
    auto compare = [&](int64_t a, int64_t b) {
        return visit_type(in[0].type(), [&](auto tag) {
            using T = decltype(tag);
            const T* p = in[0].data<T>();
            for (int64_t o = 0; o < it.outer; ++o)
                for (int64_t i = 0; i < it.inner; ++i) {
                    auto x = compute_t<T>(p[(o * it.count + a) * it.inner + i]);
                    auto y = compute_t<T>(p[(o * it.count + b) * it.inner + i]);
                    if (x < y) return -1;
                    if (y < x) return 1;
                }
            return 0;
        });
    };
    std::vector<int64_t> order(size_t(it.count));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int64_t a, int64_t b) { return compare(a, b) < 0; });
    std::vector<int64_t> firsts;                        // first occurrence of each group
    std::vector<int64_t> group_of(size_t(it.count));    // item -> group (in `firsts` order)
    for (size_t k = 0; k < order.size(); ++k) {
        if (k == 0 || compare(order[k - 1], order[k]) != 0) firsts.push_back(order[k]);
        group_of[size_t(order[k])] = int64_t(firsts.size()) - 1;
    }
    int64_t groups = int64_t(firsts.size());
    std::vector<int64_t> position(static_cast<size_t>(groups));  // group -> output position
    std::iota(position.begin(), position.end(), 0);
    if (!n.attrs.get_bool("sorted", true)) {
        std::vector<int64_t> by_first(position);
        std::sort(by_first.begin(), by_first.end(), [&](int64_t a, int64_t b) { return firsts[a] < firsts[b]; });
        for (int64_t p = 0; p < groups; ++p) position[size_t(by_first[size_t(p)])] = p;
    }
    std::vector<int64_t> indices(static_cast<size_t>(groups)), inverse(static_cast<size_t>(it.count)),
        counts(static_cast<size_t>(groups), 0);
    for (int64_t g = 0; g < groups; ++g) indices[size_t(position[size_t(g)])] = firsts[size_t(g)];
    for (int64_t j = 0; j < it.count; ++j) {
        inverse[size_t(j)] = position[size_t(group_of[size_t(j)])];
        ++counts[size_t(inverse[size_t(j)])];
    }
    Shape values_shape{groups};
    if (axis >= 0) {
        values_shape = s;
        values_shape[size_t(axis)] = groups;
    }
    Tensor values(in[0].type(), values_shape);
    size_t es = element_size(in[0].type());
    for (int64_t o = 0; o < it.outer; ++o)
        for (int64_t p = 0; p < groups; ++p)
            copy_elements(values.data(), (o * groups + p) * it.inner, in[0].data(),
                          (o * it.count + indices[size_t(p)]) * it.inner, es, it.inner);
    out[0] = values;
    out[1] = Tensor::from_int64(n.outputs[1].type, indices, {groups});
    out[2] = Tensor::from_int64(n.outputs[2].type, inverse, {it.count});
    out[3] = Tensor::from_int64(n.outputs[3].type, counts, {groups});
}

}  // namespace
OVKIT_REFERENCE_KERNEL("Unique", unique);
}  // namespace ovkit::reference
