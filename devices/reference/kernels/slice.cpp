#include "../../../inference/ops/slice.h"

#include "movement.h"

namespace ovkit::reference {
namespace {
void slice(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    const Shape& s = in[0].shape();
    auto start = in[1].as_int64(), stop = in[2].as_int64(), step = in[3].as_int64();
    std::vector<int64_t> axes;
    if (in.size() > 4) axes = in[4].as_int64();
    else for (size_t i = 0; i < start.size(); ++i) axes.push_back(int64_t(i));
    // Per input axis: first index and step (untouched axes: 0 and 1).
    std::vector<int64_t> first(s.size(), 0), stride = strides_of(s);
    for (size_t i = 0; i < axes.size(); ++i) {
        size_t a = size_t(normalize_axis(axes[i], int64_t(s.size()), n.name));
        first[a] = slice_range(start[i], stop[i], step[i], s[a]).start;
        stride[a] *= step[i];
    }
    int64_t base = offset_of(first, strides_of(s));
    size_t es = element_size(in[0].type());
    for_each_index(out[0].shape(), [&](int64_t o, const std::vector<int64_t>& idx) {
        copy_elements(out[0].data(), o, in[0].data(), base + offset_of(idx, stride), es);
    });
}
}  // namespace
OVKIT_REFERENCE_KERNEL("Slice", slice);
}  // namespace ovkit::reference
