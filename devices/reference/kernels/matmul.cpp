// MatMul: batched gemm with numpy broadcasting of the batch dims. 1-D operands are a row
// (A) or column (B) vector. When B is a single matrix and A is not transposed, A's batch
// folds into its rows and the whole product is one gemm.
#include "gemm.h"

namespace ovkit::reference {
namespace {

template <typename T>
void multiply(const Node& n, const Tensor& a, const Tensor& b, Tensor& out) {
    Shape as = a.shape(), bs = b.shape();
    bool ta = n.attrs.get_bool("transpose_a", false) && as.size() > 1;
    bool tb = n.attrs.get_bool("transpose_b", false) && bs.size() > 1;
    if (as.size() == 1) as.insert(as.begin(), 1);
    if (bs.size() == 1) bs.push_back(1);
    int64_t m = as[as.size() - (ta ? 1 : 2)], k = as[as.size() - (ta ? 2 : 1)];
    int64_t nn = bs[bs.size() - (tb ? 2 : 1)];
    MatrixView av = ta ? MatrixView::transposed(m) : MatrixView::rows(k);
    MatrixView bv = tb ? MatrixView::transposed(k) : MatrixView::rows(nn);
    Shape a_batch(as.begin(), as.end() - 2), b_batch(bs.begin(), bs.end() - 2);
    const T* pa = a.data<T>();
    const T* pb = b.data<T>();
    T* py = out.data<T>();
    if (shape_size(b_batch) == 1 && !ta) {
        gemm(shape_size(a_batch) * m, nn, k, pa, av, pb, bv, py, nn);
        return;
    }
    for_each_broadcast(broadcast_shapes(a_batch, b_batch), a_batch, b_batch, [&](int64_t o, int64_t i, int64_t j) {
        gemm(m, nn, k, pa + i * m * k, av, pb + j * k * nn, bv, py + o * m * nn, nn);
    });
}

void matmul(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    visit_gemm_type(n, in, out[0], [&](auto tag, const std::vector<Tensor>& ins, Tensor& result) {
        multiply<decltype(tag)>(n, ins[0], ins[1], result);
    });
}

}  // namespace

OVKIT_REFERENCE_KERNEL("MatMul", matmul);

}  // namespace ovkit::reference
