#include "helpers.h"

namespace ovkit::reference {
namespace {
void shape_of(const Node&, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    const Shape& s = in[0].shape();
    out[0] = Tensor::from_int64(out[0].type(), std::vector<int64_t>(s.begin(), s.end()), {int64_t(s.size())});
}
}  // namespace
OVKIT_REFERENCE_KERNEL("ShapeOf", shape_of);
}  // namespace ovkit::reference
