// DFT, IDFT, RDFT, IRDFT (OpenVINO opsets 7 and 9). Plain O(n^2) transforms per axis in
// double precision; the inverse transforms scale by 1/n.
#include <complex>

#include "dft.h"

#include "helpers.h"

namespace ovkit::reference {

using complex = std::complex<double>;

namespace {

constexpr double kPi = 3.14159265358979323846;

enum class Kind { dft, idft, rdft, irdft };

struct Lines {  // iteration over the lines of `shape` along `axis`
    int64_t outer = 1, len, inner = 1;
    Lines(const Shape& shape, int64_t axis) : len(shape[axis]) {
        for (int64_t d = 0; d < axis; ++d) outer *= shape[d];
        for (size_t d = size_t(axis) + 1; d < shape.size(); ++d) inner *= shape[d];
    }
};

std::vector<complex> twiddles(int64_t n, bool inverse) {
    std::vector<complex> t(static_cast<size_t>(n));
    for (int64_t k = 0; k < n; ++k) t[k] = std::polar(1.0, (inverse ? 2 : -2) * kPi * double(k) / double(n));
    return t;
}

}  // namespace

void resize_axis(std::vector<complex>& buf, Shape& shape, int64_t axis, int64_t len) {
    if (shape[axis] == len) return;
    Lines l(shape, axis);
    std::vector<complex> out(size_t(l.outer * len * l.inner));
    for (int64_t a = 0; a < l.outer; ++a)
        for (int64_t k = 0; k < std::min(len, l.len); ++k)
            for (int64_t i = 0; i < l.inner; ++i)
                out[size_t((a * len + k) * l.inner + i)] = buf[size_t((a * l.len + k) * l.inner + i)];
    buf.swap(out);
    shape[axis] = len;
}

void transform_axis(std::vector<complex>& buf, const Shape& shape, int64_t axis, bool inverse) {
    Lines l(shape, axis);
    const int64_t n = l.len;
    if (n == 0) return;
    const std::vector<complex> twiddle = twiddles(n, inverse);
    std::vector<complex> line(static_cast<size_t>(n));
    const double norm = inverse ? 1.0 / double(n) : 1.0;
    for (int64_t a = 0; a < l.outer; ++a)
        for (int64_t i = 0; i < l.inner; ++i) {
            complex* base = buf.data() + a * n * l.inner + i;
            for (int64_t k = 0; k < n; ++k) {
                complex sum = 0;
                for (int64_t j = 0; j < n; ++j) sum += base[j * l.inner] * twiddle[(j * k) % n];
                line[k] = sum * norm;
            }
            for (int64_t k = 0; k < n; ++k) base[k * l.inner] = line[k];
        }
}

namespace {

// Inverse of a one-sided (Hermitian) spectrum along `axis` -> n real samples (stored as complex).
void real_inverse_axis(std::vector<complex>& buf, Shape& shape, int64_t axis, int64_t n) {
    resize_axis(buf, shape, axis, n / 2 + 1);
    Lines l(shape, axis);
    std::vector<complex> out(size_t(l.outer * n * l.inner)), full(static_cast<size_t>(n));
    const std::vector<complex> twiddle = twiddles(n, true);
    for (int64_t a = 0; a < l.outer; ++a)
        for (int64_t i = 0; i < l.inner; ++i) {
            const complex* src = buf.data() + a * l.len * l.inner + i;
            for (int64_t j = 0; j < n; ++j) full[j] = j < l.len ? src[j * l.inner] : std::conj(src[(n - j) * l.inner]);
            for (int64_t k = 0; k < n; ++k) {
                double sum = 0;
                for (int64_t j = 0; j < n; ++j) sum += (full[j] * twiddle[(j * k) % n]).real();
                out[size_t((a * n + k) * l.inner + i)] = sum / double(n);
            }
        }
    buf.swap(out);
    shape[axis] = n;
}

template <Kind kind>
void dft(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    constexpr bool complex_in = kind != Kind::rdft;
    const auto values = in[0].as_double();
    Shape shape = in[0].shape();
    if (complex_in) shape.pop_back();
    const int64_t rank = int64_t(shape.size());
    std::vector<complex> buf(size_t(shape_size(shape)));
    for (size_t i = 0; i < buf.size(); ++i) buf[i] = complex_in ? complex(values[2 * i], values[2 * i + 1]) : values[i];

    std::vector<int64_t> axes = in[1].as_int64();
    for (auto& a : axes) a = normalize_axis(a, rank, n.name);
    std::vector<int64_t> sizes = in.size() > 2 ? in[2].as_int64() : std::vector<int64_t>(axes.size(), -1);
    check(sizes.size() == axes.size(), sizes.size(), " signal sizes for ", axes.size(), " axes");
    for (size_t i = 0; i < axes.size(); ++i) {
        const bool last = i + 1 == axes.size();
        if (kind == Kind::irdft && last) {
            const int64_t len = sizes[i] != -1 ? sizes[i] : 2 * (shape[axes[i]] - 1);
            check(len >= 0, "IRDFT output length ", len, " on axis ", axes[i], " is negative");
            real_inverse_axis(buf, shape, axes[i], len);
            continue;
        }
        if (sizes[i] != -1) resize_axis(buf, shape, axes[i], sizes[i]);
        transform_axis(buf, shape, axes[i], kind == Kind::idft || kind == Kind::irdft);
    }
    if (kind == Kind::rdft && !axes.empty()) resize_axis(buf, shape, axes.back(), shape[axes.back()] / 2 + 1);

    std::vector<double> result;
    result.reserve(buf.size() * 2);
    for (const complex& v : buf) {
        result.push_back(v.real());
        if (kind != Kind::irdft) result.push_back(v.imag());
    }
    out[0] = Tensor::from_double(in[0].type(), result, out[0].shape());
}

}  // namespace

OVKIT_REFERENCE_KERNEL("DFT", dft<Kind::dft>);
OVKIT_REFERENCE_KERNEL("IDFT", dft<Kind::idft>);
OVKIT_REFERENCE_KERNEL("RDFT", dft<Kind::rdft>);
OVKIT_REFERENCE_KERNEL("IRDFT", dft<Kind::irdft>);

}  // namespace ovkit::reference
