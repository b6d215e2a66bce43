// Eye: each [rows, cols] matrix of the output has ones where col - row == diagonal_index.
#include "helpers.h"

namespace ovkit::reference {
namespace {
void eye(const Node&, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    const Shape& s = out[0].shape();
    int64_t rows = s[s.size() - 2], cols = s.back(), diagonal = in[2].as_int64().at(0);
    int64_t matrices = rows * cols == 0 ? 0 : out[0].size() / (rows * cols);
    visit_type(out[0].type(), [&](auto tag) {
        using T = decltype(tag);
        T* o = out[0].data<T>();
        for (int64_t m = 0; m < matrices; ++m)
            for (int64_t r = 0; r < rows; ++r) {
                int64_t col = r + diagonal;
                if (col >= 0 && col < cols) o[(m * rows + r) * cols + col] = T(1);
            }
    });
}
}  // namespace
OVKIT_REFERENCE_KERNEL("Eye", eye);
}  // namespace ovkit::reference
