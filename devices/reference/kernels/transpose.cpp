#include "movement.h"

namespace ovkit::reference {
namespace {
void transpose(const Node&, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    std::vector<int64_t> order = in[1].as_int64();
    int64_t rank = int64_t(in[0].shape().size());
    if (order.empty())
        for (int64_t i = rank - 1; i >= 0; --i) order.push_back(i);
    transpose_copy(in[0], in[0].shape(), order, out[0]);
}
}  // namespace
OVKIT_REFERENCE_KERNEL("Transpose", transpose);
}  // namespace ovkit::reference
