// Range: out[i] = start + i * step, integers computed exactly, floats in double.
#include "helpers.h"

namespace ovkit::reference {
namespace {
void range(const Node&, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    visit_type(out[0].type(), [&](auto tag) {
        using T = decltype(tag);
        T* o = out[0].data<T>();
        if constexpr (std::is_integral_v<T>) {
            int64_t start = in[0].as_int64()[0], step = in[2].as_int64()[0];
            for (int64_t i = 0; i < out[0].size(); ++i) o[i] = T(start + i * step);
        } else {
            double start = in[0].as_double()[0], step = in[2].as_double()[0];
            for (int64_t i = 0; i < out[0].size(); ++i) o[i] = T(compute_t<T>(start + double(i) * step));
        }
    });
}
}  // namespace
OVKIT_REFERENCE_KERNEL("Range", range);
}  // namespace ovkit::reference
