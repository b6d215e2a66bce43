// Reshape, Squeeze, Unsqueeze: same elements, new shape (set by shape inference).
#include "movement.h"

namespace ovkit::reference {
namespace {
void copy_data(const Node&, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    copy_all(in[0], out[0]);
}
}  // namespace
OVKIT_REFERENCE_KERNEL("Reshape", copy_data);
OVKIT_REFERENCE_KERNEL("Squeeze", copy_data);
OVKIT_REFERENCE_KERNEL("Unsqueeze", copy_data);
}  // namespace ovkit::reference
