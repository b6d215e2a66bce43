// OneHot: indices viewed as [outer, inner]; the output as [outer, depth, inner].
#include "movement.h"

namespace ovkit::reference {
namespace {
void one_hot(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    const Shape& s = in[0].shape();
    size_t axis = size_t(normalize_axis(n.attrs.get_int("axis", -1), int64_t(s.size()) + 1, n.name));
    bool normalize = n.attrs.get_string("negative_indices_mode", "ignore_negative") == "normalize";
    int64_t depth = out[0].shape()[axis];
    int64_t outer = shape_size(Shape(s.begin(), s.begin() + axis));
    int64_t inner = shape_size(Shape(s.begin() + axis, s.end()));
    size_t es = element_size(out[0].type());
    for (int64_t i = 0; i < out[0].size(); ++i) copy_elements(out[0].data(), i, in[3].data(), 0, es);
    auto indices = in[0].as_double();  // ONNX allows float indices
    for (int64_t o = 0; o < outer; ++o)
        for (int64_t j = 0; j < inner; ++j) {
            auto v = int64_t(indices[size_t(o * inner + j)]);
            if (v < 0 && normalize) v += depth;
            if (v >= 0 && v < depth) copy_elements(out[0].data(), (o * depth + v) * inner + j, in[2].data(), 0, es);
        }
}
}  // namespace
OVKIT_REFERENCE_KERNEL("OneHot", one_hot);
}  // namespace ovkit::reference
