#include "helpers.h"

namespace ovkit::reference {
namespace {
void relu(const Node&, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    visit_type(in[0].type(), [&](auto tag) {
        using T = decltype(tag);
        unary<T, T>(in[0], out[0], [](auto x) { return x > decltype(x)(0) ? x : decltype(x)(0); });
    });
}
}  // namespace
OVKIT_REFERENCE_KERNEL("Relu", relu);
}  // namespace ovkit::reference
