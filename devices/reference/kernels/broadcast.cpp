// Broadcast: numpy-style repetition of data to the output shape; in explicit mode data's
// dimensions are first placed at the axes_mapping positions (1 elsewhere).
#include "movement.h"

namespace ovkit::reference {
namespace {
void broadcast(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    const Shape& os = out[0].shape();
    Shape s = in[0].shape();
    if (n.attrs.get_string("mode", "numpy") == "explicit") {
        Shape placed(os.size(), 1);
        auto mapping = in.at(2).as_int64();
        for (size_t i = 0; i < mapping.size(); ++i) placed[size_t(mapping[i])] = s[i];
        s = placed;
    }
    auto strides = broadcast_strides(s, os);
    size_t es = element_size(in[0].type());
    for_each_index(os, [&](int64_t o, const std::vector<int64_t>& idx) {
        copy_elements(out[0].data(), o, in[0].data(), offset_of(idx, strides), es);
    });
}
}  // namespace
OVKIT_REFERENCE_KERNEL("Broadcast", broadcast);
}  // namespace ovkit::reference
