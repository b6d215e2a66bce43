// Pad: each output coordinate c maps to input coordinate c - pads_begin; outside the input,
// constant mode writes pad_value, edge clamps, reflect mirrors without repeating the border
// element, symmetric mirrors with it.
#include "movement.h"

namespace ovkit::reference {
namespace {

enum class PadMode { constant, edge, reflect, symmetric };

// Input coordinate for `c` along an axis of size `dim`, or -1 for the pad value.
int64_t source_coordinate(int64_t c, int64_t dim, PadMode mode) {
    if (c >= 0 && c < dim) return c;
    switch (mode) {
    case PadMode::constant: return -1;
    case PadMode::edge: return c < 0 ? 0 : dim - 1;
    case PadMode::reflect: return c < 0 ? -c : 2 * (dim - 1) - c;
    case PadMode::symmetric: return c < 0 ? -c - 1 : 2 * dim - 1 - c;
    }
    return -1;
}

void pad(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    std::string m = n.attrs.get_string("pad_mode", "constant");
    PadMode mode = m == "edge" ? PadMode::edge
                 : m == "reflect" ? PadMode::reflect
                 : m == "symmetric" ? PadMode::symmetric
                                    : PadMode::constant;
    const Shape& s = in[0].shape();
    auto begin = in[1].as_int64();
    auto strides = strides_of(s);
    size_t es = element_size(in[0].type());
    Tensor value = in.size() > 3 ? in[3] : Tensor(in[0].type(), {});
    for_each_index(out[0].shape(), [&](int64_t o, const std::vector<int64_t>& idx) {
        int64_t src = 0;
        for (size_t d = 0; d < idx.size() && src >= 0; ++d) {
            int64_t c = source_coordinate(idx[d] - begin[d], s[d], mode);
            src = c < 0 ? -1 : src + c * strides[d];
        }
        if (src >= 0) copy_elements(out[0].data(), o, in[0].data(), src, es);
        else copy_elements(out[0].data(), o, value.data(), 0, es);
    });
}

}  // namespace
OVKIT_REFERENCE_KERNEL("Pad", pad);
}  // namespace ovkit::reference
