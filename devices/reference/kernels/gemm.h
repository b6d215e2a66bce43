#pragma once
// The one matrix product of the reference device, used by MatMul, Convolution (im2col) and
// the backprop convolutions:  C[M,N] (+)= A[M,K] * B[K,N].
//
// A and B are read through row/column strides, so transposed operands need no copy. The
// product is cache-blocked the usual way (Goto/BLIS): a KC x NC block of B and an MC x KC
// block of A are packed into contiguous panels, and a small MR x NR micro-kernel whose inner
// loop the compiler vectorizes accumulates one tile of C in registers.
#include <algorithm>
#include <cstdint>
#include <vector>

#include "helpers.h"

namespace ovkit::reference {

struct MatrixView {
    int64_t row_stride = 0;  // elements between (i, k) and (i + 1, k)
    int64_t col_stride = 1;  // elements between (i, k) and (i, k + 1)
    static MatrixView rows(int64_t ld) { return {ld, 1}; }        // row-major, leading dim ld
    static MatrixView transposed(int64_t ld) { return {1, ld}; }  // stored as its transpose
};

namespace gemm_detail {

constexpr int64_t MR = 4, NR = 8;           // register tile
constexpr int64_t KC = 256, MC = 64, NC = 2048;  // cache blocks

// Packs rows [0, m) x cols [0, k) of A into panels of MR rows: panel p holds, for each kk,
// the MR values A(p*MR + r, kk) side by side; missing rows are zero.
template <typename T>
void pack_a(const T* a, MatrixView v, int64_t m, int64_t k, T* out) {
    for (int64_t p = 0; p < m; p += MR) {
        int64_t rows = std::min(MR, m - p);
        for (int64_t kk = 0; kk < k; ++kk) {
            const T* src = a + p * v.row_stride + kk * v.col_stride;
            for (int64_t r = 0; r < rows; ++r) out[r] = src[r * v.row_stride];
            for (int64_t r = rows; r < MR; ++r) out[r] = T(0);
            out += MR;
        }
    }
}

// Packs rows [0, k) x cols [0, n) of B into panels of NR columns (zero-filled at the edge).
template <typename T>
void pack_b(const T* b, MatrixView v, int64_t k, int64_t n, T* out) {
    for (int64_t p = 0; p < n; p += NR) {
        int64_t cols = std::min(NR, n - p);
        for (int64_t kk = 0; kk < k; ++kk) {
            const T* src = b + kk * v.row_stride + p * v.col_stride;
            if (v.col_stride == 1 && cols == NR) {
                for (int64_t j = 0; j < NR; ++j) out[j] = src[j];
            } else {
                for (int64_t j = 0; j < cols; ++j) out[j] = src[j * v.col_stride];
                for (int64_t j = cols; j < NR; ++j) out[j] = T(0);
            }
            out += NR;
        }
    }
}

// One MR x NR tile: C(0..m, 0..n) (+)= packed A panel * packed B panel over k.
template <typename T>
void micro_kernel(int64_t k, const T* a, const T* b, T* c, int64_t ldc, int64_t m, int64_t n, bool add) {
    T acc[MR][NR] = {};
    for (int64_t kk = 0; kk < k; ++kk, a += MR, b += NR)
        for (int64_t r = 0; r < MR; ++r)
            for (int64_t j = 0; j < NR; ++j) acc[r][j] += a[r] * b[j];
    for (int64_t r = 0; r < m; ++r) {
        T* row = c + r * ldc;
        if (add)
            for (int64_t j = 0; j < n; ++j) row[j] += acc[r][j];
        else
            for (int64_t j = 0; j < n; ++j) row[j] = acc[r][j];
    }
}

template <typename T>
std::vector<T>& scratch(int which) {
    thread_local std::vector<T> buffers[2];
    return buffers[which];
}

}  // namespace gemm_detail

// C[M,N] = A[M,K] * B[K,N], or C += A * B when `accumulate`. C is row-major with leading
// dimension ldc. T is float, double or a 32/64-bit integer (accumulation happens in T).
template <typename T>
void gemm(int64_t M, int64_t N, int64_t K, const T* a, MatrixView av, const T* b, MatrixView bv, T* c,
          int64_t ldc, bool accumulate = false) {
    using namespace gemm_detail;
    if (M <= 0 || N <= 0) return;
    if (K <= 0) {
        if (!accumulate)
            for (int64_t i = 0; i < M; ++i) std::fill(c + i * ldc, c + i * ldc + N, T(0));
        return;
    }
    auto& pa = scratch<T>(0);
    auto& pb = scratch<T>(1);
    pa.resize(size_t((MC + MR - 1) / MR * MR * KC));
    pb.resize(size_t(KC * ((std::min(N, NC) + NR - 1) / NR * NR)));
    for (int64_t jc = 0; jc < N; jc += NC) {
        int64_t nc = std::min(NC, N - jc);
        for (int64_t pc = 0; pc < K; pc += KC) {
            int64_t kc = std::min(KC, K - pc);
            bool add = accumulate || pc > 0;
            pack_b(b + pc * bv.row_stride + jc * bv.col_stride, bv, kc, nc, pb.data());
            for (int64_t ic = 0; ic < M; ic += MC) {
                int64_t mc = std::min(MC, M - ic);
                pack_a(a + ic * av.row_stride + pc * av.col_stride, av, mc, kc, pa.data());
                for (int64_t jr = 0; jr < nc; jr += NR)
                    for (int64_t ir = 0; ir < mc; ir += MR)
                        micro_kernel(kc, pa.data() + ir * kc, pb.data() + jr * kc,
                                     c + (ic + ir) * ldc + jc + jr, ldc, std::min(MR, mc - ir),
                                     std::min(NR, nc - jr), add);
            }
        }
    }
}

// Runs fn(T{}, inputs, output) for the ops built on gemm (MatMul, convolutions): T is the
// element type for f32, f64, i32 and i64; f16 and bf16 inputs (those of output 0's type) are
// staged through f32 copies and the result rounded back. Other types throw naming the node.
template <typename Fn>
void visit_gemm_type(const Node& n, const std::vector<Tensor>& in, Tensor& out, Fn&& fn) {
    ElementType t = out.type();
    visit_type(t, [&](auto tag) {
        using T = decltype(tag);
        if constexpr (std::is_same_v<T, float> || std::is_same_v<T, double> || std::is_same_v<T, int32_t> ||
                      std::is_same_v<T, int64_t>) {
            fn(T{}, in, out);
        } else if constexpr (is_half_v<T>) {
            auto to_float = [](const Tensor& src) {
                Tensor f(ElementType::f32, src.shape());
                const T* p = src.data<T>();
                for (int64_t i = 0; i < src.size(); ++i) f.data<float>()[i] = float(p[i]);
                return f;
            };
            std::vector<Tensor> staged;
            for (const Tensor& x : in) staged.push_back(x.type() == t ? to_float(x) : x);
            Tensor result = to_float(out);
            fn(float{}, staged, result);
            for (int64_t i = 0; i < out.size(); ++i) out.data<T>()[i] = T(result.data<float>()[i]);
        } else {
            fail(n.describe(), ": element type ", type_name(t), " is not supported (f32, f64, f16, bf16, i32, i64)");
        }
    });
}

}  // namespace ovkit::reference
