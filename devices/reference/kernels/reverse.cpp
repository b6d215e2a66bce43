// Reverse: flips the data along the chosen axes.
#include "reduction.h"

namespace ovkit::reference {
namespace {

void reverse(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    const Shape& shape = in[0].shape();
    std::vector<bool> flip;
    if (n.attrs.get_string("mode") == "mask") {
        auto m = in[1].as_int64();
        check(m.size() == shape.size(), n.describe(), ": mask has ", m.size(), " entries for rank ", shape.size());
        for (int64_t v : m) flip.push_back(v != 0);
    } else {
        flip = axes_mask(in[1].as_int64(), shape.size(), n);
    }
    auto st = strides_of(shape);
    size_t bytes = element_size(in[0].type());
    const char* x = static_cast<const char*>(in[0].data());
    char* y = static_cast<char*>(out[0].data());
    std::vector<int64_t> idx(shape.size(), 0);
    for (int64_t i = 0, total = in[0].size(); i < total; ++i) {
        int64_t src = 0;
        for (size_t d = 0; d < shape.size(); ++d) src += (flip[d] ? shape[d] - 1 - idx[d] : idx[d]) * st[d];
        std::memcpy(y + i * bytes, x + src * bytes, bytes);
        for (int64_t d = int64_t(shape.size()) - 1; d >= 0 && ++idx[size_t(d)] == shape[size_t(d)]; --d) idx[size_t(d)] = 0;
    }
}

}  // namespace

OVKIT_REFERENCE_KERNEL("Reverse", reverse);

}  // namespace ovkit::reference
