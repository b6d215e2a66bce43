// Activations: Sigmoid, Tanh, Elu, Selu, HardSigmoid, HSwish, SoftPlus, SoftSign, Mish, Gelu,
// Clamp, PRelu (Relu has its own file). Floating types; integers compute through double.
#include "elementwise.h"

namespace ovkit::reference {
namespace {

// Applies op(x) (which may return double for integer x) and stores it as the input type.
template <typename Op>
void activation(const Node& n, const Tensor& in, Tensor& out, Op&& op) {
    unary_numeric(n, in, out, [&](auto x) { return from_real<decltype(x)>(op(x)); });
}

template <typename Op>
void simple(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    activation(n, in[0], out[0], Op{});
}

struct Sigmoid { template <typename C> auto operator()(C x) const { return 1 / (1 + std::exp(-double(x))); } };
struct Tanh { template <typename C> auto operator()(C x) const { return std::tanh(x); } };
struct SoftSign { template <typename C> auto operator()(C x) const { return x / (1 + std::fabs(x)); } };
// log(1 + e^x), written to stay finite for large x.
inline double softplus(double x) { return x > 0 ? x + std::log1p(std::exp(-x)) : std::log1p(std::exp(x)); }
struct SoftPlus { template <typename C> auto operator()(C x) const { return softplus(double(x)); } };
struct Mish { template <typename C> auto operator()(C x) const { return x * std::tanh(softplus(double(x))); } };
// x * relu6(x + 3) / 6
struct HSwish {
    template <typename C> auto operator()(C x) const { return x * std::min(std::max(x + 3.0, 0.0), 6.0) / 6.0; }
};

void elu(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    double alpha = n.attrs.get_float("alpha");
    activation(n, in[0], out[0], [&](auto x) { return x > 0 ? double(x) : alpha * std::expm1(double(x)); });
}

void selu(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    double alpha = scalar_input(n, in, 1, "alpha"), lambda = scalar_input(n, in, 2, "lambda");
    activation(n, in[0], out[0], [&](auto x) {
        return lambda * (x > 0 ? double(x) : alpha * std::expm1(double(x)));
    });
}

void hard_sigmoid(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    double alpha = scalar_input(n, in, 1, "alpha"), beta = scalar_input(n, in, 2, "beta");
    activation(n, in[0], out[0], [&](auto x) { return std::min(1.0, std::max(0.0, alpha * x + beta)); });
}

void gelu(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    // Validated by shape inference: "ERF" or "TANH".
    bool tanh_mode = n.attrs.get_string("approximation_mode", "ERF") == "TANH";
    activation(n, in[0], out[0], [&](auto xc) {
        double x = double(xc);
        if (tanh_mode) return 0.5 * x * (1 + std::tanh(std::sqrt(2 / M_PI) * (x + 0.044715 * x * x * x)));
        return 0.5 * x * (1 + std::erf(x / std::sqrt(2.0)));
    });
}

// Clamp keeps NaN and, for integer data, uses the integers inside [min, max].
void clamp(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    double lo = n.attrs.get_float("min"), hi = n.attrs.get_float("max");
    unary_numeric(n, in[0], out[0], [&](auto x) {
        using C = decltype(x);
        C l, h;
        if constexpr (std::is_integral_v<C>) {
            l = saturate_cast<C>(std::ceil(lo));
            h = saturate_cast<C>(std::floor(hi));
        } else {
            l = C(lo);
            h = C(hi);
        }
        return x < l ? l : (x > h ? h : x);
    });
}

// Slope broadcasts numpy-style, except that a 1-D slope whose length equals data's channel
// dimension (axis 1) applies per channel, as OpenVINO's PRelu does.
Shape prelu_slope_shape(const Shape& data, const Shape& slope) {
    size_t channel = data.size() > 1 ? 1 : 0;
    if (slope.size() != 1 || data.empty() || data[channel] != slope[0]) return slope;
    Shape s(data.size() - channel, 1);
    s[0] = slope[0];
    return s;
}

void prelu(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    Tensor slope = in[1].reshaped(prelu_slope_shape(in[0].shape(), in[1].shape()));
    binary_numeric(n, in[0], slope, out[0], [](auto x, auto s) { return x < 0 ? x * s : x; });
}

}  // namespace

OVKIT_REFERENCE_KERNEL("Sigmoid", simple<Sigmoid>);
OVKIT_REFERENCE_KERNEL("Tanh", simple<Tanh>);
OVKIT_REFERENCE_KERNEL("SoftSign", simple<SoftSign>);
OVKIT_REFERENCE_KERNEL("SoftPlus", simple<SoftPlus>);
OVKIT_REFERENCE_KERNEL("Mish", simple<Mish>);
OVKIT_REFERENCE_KERNEL("HSwish", simple<HSwish>);
OVKIT_REFERENCE_KERNEL("Elu", elu);
OVKIT_REFERENCE_KERNEL("Selu", selu);
OVKIT_REFERENCE_KERNEL("HardSigmoid", hard_sigmoid);
OVKIT_REFERENCE_KERNEL("Gelu", gelu);
OVKIT_REFERENCE_KERNEL("Clamp", clamp);
OVKIT_REFERENCE_KERNEL("PRelu", prelu);

}  // namespace ovkit::reference
