// ONNX MatMul -> MatMul; Gemm -> MatMul(transpose_a, transpose_b) * alpha + beta * C;
// MatMulInteger -> MatMul on i32 after subtracting zero points (A's per row, B's per
// column); QLinearMatMul -> dequantize both operands, MatMul in float, quantize.
#include "quantization.h"

namespace ovkit::onnx_frontend {
namespace {

int64_t rank_of(NodeContext& c, Output x, size_t i) {
    if (!x.shape().rank_is_static()) c.fail("input ", i, " has dynamic rank");
    return x.shape().rank();
}

// Axis of A's rows and of B's columns: where their per-row / per-column parameters apply.
int64_t row_axis(int64_t rank) { return std::max<int64_t>(rank - 2, 0); }
int64_t column_axis(int64_t rank) { return rank - 1; }

std::vector<Output> matmul(NodeContext& c) { return {c.make("MatMul", {c.input(0), c.input(1)})}; }

std::vector<Output> gemm(NodeContext& c) {
    Output a = c.input(0);
    Output y = c.make("MatMul", {a, c.input(1)},
                      {{"transpose_a", c.attr_int("transA", 0) != 0}, {"transpose_b", c.attr_int("transB", 0) != 0}});
    double alpha = c.attr_float("alpha", 1.0f), beta = c.attr_float("beta", 1.0f);
    if (alpha != 1.0) y = c.make("Multiply", {y, c.scalar(a.type(), alpha)});
    if (c.has_input(2) && beta != 0.0) {
        Output bias = c.input(2);
        if (beta != 1.0) bias = c.make("Multiply", {bias, c.scalar(a.type(), beta)});
        y = c.make("Add", {y, bias});
    }
    return {y};
}

std::vector<Output> matmul_integer(NodeContext& c) {
    Output a = c.input(0), b = c.input(1);
    int64_t ra = rank_of(c, a, 0), rb = rank_of(c, b, 1);
    a = shift_to(c, a, optional_input(c, 2), ElementType::i32, ra, row_axis(ra));
    b = shift_to(c, b, optional_input(c, 3), ElementType::i32, rb, column_axis(rb));
    return {c.make("MatMul", {a, b})};
}

std::vector<Output> qlinear_matmul(NodeContext& c) {
    Output a = c.input(0), b = c.input(3), y_zero = c.input(7);
    int64_t ra = rank_of(c, a, 0), rb = rank_of(c, b, 3);
    Output af = dequantize(c, a, c.input(1), c.input(2), ra, row_axis(ra));
    Output bf = dequantize(c, b, c.input(4), c.input(5), rb, column_axis(rb));
    Output y = c.make("MatMul", {af, bf});
    return {quantize(c, y, c.input(6), y_zero, rank_of(c, y, 0), 0, y_zero.type())};
}

}  // namespace

ONNX_OP("MatMul", 1, matmul);
ONNX_OP("Gemm", 1, gemm);
ONNX_OP("MatMulInteger", 10, matmul_integer);
ONNX_OP("QLinearMatMul", 10, qlinear_matmul);

}  // namespace ovkit::onnx_frontend
