// HannWindow, HammingWindow, BlackmanWindow (ONNX semantics): w[n] for n in [0, size) with
// phase 2*pi*n/N, N = size (periodic) or size - 1 (symmetric; a 1-sample window is [1]).
#include "helpers.h"

namespace ovkit::reference {
namespace {

constexpr double kPi = 3.14159265358979323846;

struct Hann { double operator()(double p) const { return 0.5 - 0.5 * std::cos(p); } };
struct Hamming {
    double operator()(double p) const { return 25.0 / 46.0 - (1 - 25.0 / 46.0) * std::cos(p); }
};
struct Blackman {
    double operator()(double p) const { return 0.42 - 0.5 * std::cos(p) + 0.08 * std::cos(2 * p); }
};

template <typename Fn>
void window(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    const int64_t size = out[0].shape()[0];
    const int64_t period = n.attrs.get_bool("periodic", true) ? size : size - 1;
    std::vector<double> w(size_t(size), 1.0);
    for (int64_t i = 0; i < size && period > 0; ++i) w[i] = Fn{}(2 * kPi * double(i) / double(period));
    out[0] = Tensor::from_double(out[0].type(), w, {size});
}

}  // namespace

OVKIT_REFERENCE_KERNEL("HannWindow", window<Hann>);
OVKIT_REFERENCE_KERNEL("HammingWindow", window<Hamming>);
OVKIT_REFERENCE_KERNEL("BlackmanWindow", window<Blackman>);

}  // namespace ovkit::reference
