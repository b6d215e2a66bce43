// Det: LU decomposition with partial pivoting per matrix, in double.
#include <utility>

#include "helpers.h"

namespace ovkit::reference {
namespace {

double determinant(std::vector<double>& a, int64_t m) {
    double det = 1;
    for (int64_t col = 0; col < m; ++col) {
        int64_t pivot = col;
        for (int64_t r = col + 1; r < m; ++r)
            if (std::fabs(a[r * m + col]) > std::fabs(a[pivot * m + col])) pivot = r;
        if (a[pivot * m + col] == 0) return 0;
        if (pivot != col) {
            for (int64_t k = 0; k < m; ++k) std::swap(a[col * m + k], a[pivot * m + k]);
            det = -det;
        }
        det *= a[col * m + col];
        for (int64_t r = col + 1; r < m; ++r) {
            double f = a[r * m + col] / a[col * m + col];
            for (int64_t k = col; k < m; ++k) a[r * m + k] -= f * a[col * m + k];
        }
    }
    return det;
}

void det(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    const Shape& shape = in[0].shape();
    int64_t m = shape.back();
    visit_type(in[0].type(), [&](auto tag) {
        using T = decltype(tag);
        if constexpr (!is_floating_v<T>) {
            fail(n.describe(), ": input must be floating point");
        } else {
            const T* x = in[0].data<T>();
            T* y = out[0].data<T>();
            std::vector<double> a(size_t(m * m));
            for (int64_t b = 0, count = out[0].size(); b < count; ++b) {
                for (int64_t k = 0; k < m * m; ++k) a[size_t(k)] = double(x[b * m * m + k]);
                y[b] = T(determinant(a, m));
            }
        }
    });
}

}  // namespace

OVKIT_REFERENCE_KERNEL("Det", det);

}  // namespace ovkit::reference
