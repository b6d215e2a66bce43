// Trilu: copies the kept triangle of each trailing [rows, cols] matrix; the rest stays zero.
#include "movement.h"

namespace ovkit::reference {
namespace {
void trilu(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    const Shape& s = in[0].shape();
    int64_t rows = s[s.size() - 2], cols = s.back();
    int64_t k = in.size() > 1 ? in[1].as_int64().at(0) : 0;
    bool upper = n.attrs.get_bool("upper", true);
    size_t es = element_size(in[0].type());
    for (int64_t i = 0; i < in[0].size(); ++i) {
        int64_t c = i % cols, r = i / cols % rows;
        if (upper ? c - r >= k : c - r <= k) copy_elements(out[0].data(), i, in[0].data(), i, es);
    }
}
}  // namespace
OVKIT_REFERENCE_KERNEL("Trilu", trilu);
}  // namespace ovkit::reference
