// Select(cond, then, else) with numpy broadcasting of the three inputs.
#include <cstring>

#include "helpers.h"

namespace ovkit::reference {
namespace {

void select(const Node&, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    const Shape& shape = out[0].shape();
    auto sc = broadcast_strides(in[0].shape(), shape), st = broadcast_strides(in[1].shape(), shape),
         se = broadcast_strides(in[2].shape(), shape);
    const bool* cond = in[0].data<bool>();
    // Copies whole elements as bytes: Select never looks at the values it picks.
    size_t bytes = element_size(out[0].type());
    const auto* then_data = static_cast<const uint8_t*>(in[1].data());
    const auto* else_data = static_cast<const uint8_t*>(in[2].data());
    auto* dst = static_cast<uint8_t*>(out[0].data());
    std::vector<int64_t> idx(shape.size(), 0);
    int64_t ic = 0, it = 0, ie = 0;
    for (int64_t i = 0, n = out[0].size(); i < n; ++i) {
        const uint8_t* src = cond[ic] ? then_data + it * bytes : else_data + ie * bytes;
        std::memcpy(dst + i * bytes, src, bytes);
        for (int64_t d = int64_t(shape.size()) - 1; d >= 0; --d) {
            if (++idx[d] < shape[d]) {
                ic += sc[d], it += st[d], ie += se[d];
                break;
            }
            ic -= sc[d] * (shape[d] - 1), it -= st[d] * (shape[d] - 1), ie -= se[d] * (shape[d] - 1);
            idx[d] = 0;
        }
    }
}

}  // namespace

OVKIT_REFERENCE_KERNEL("Select", select);

}  // namespace ovkit::reference
