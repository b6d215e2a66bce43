// LSTMSequence, GRUSequence, RNNSequence: one cell step after another, per direction and
// batch row (layouts and gate orders in inference/ops/rnn_sequence.cpp). Steps past a row's
// sequence length leave Y at zero; the final state is the one after its last valid step.
#include <algorithm>

#include "helpers.h"

namespace ovkit::reference {
namespace {

// An activation by its OpenVINO/ONNX name (lowercase) with its alpha and beta.
struct Activation {
    enum Kind { sigmoid, tanh_, relu, hardsigmoid, affine, leakyrelu, thresholdedrelu, scaledtanh, elu, softsign, softplus };
    Kind kind;
    float alpha, beta;
    float operator()(float x) const {
        switch (kind) {
        case sigmoid: return 1.f / (1.f + std::exp(-x));
        case tanh_: return std::tanh(x);
        case relu: return x > 0 ? x : 0.f;
        case hardsigmoid: return std::min(1.f, std::max(0.f, alpha * x + beta));
        case affine: return alpha * x + beta;
        case leakyrelu: return x >= 0 ? x : alpha * x;
        case thresholdedrelu: return x > alpha ? x : 0.f;
        case scaledtanh: return alpha * std::tanh(beta * x);
        case elu: return x >= 0 ? x : alpha * (std::exp(x) - 1.f);
        case softsign: return x / (1.f + std::fabs(x));
        case softplus: return std::log1p(std::exp(x));
        }
        return x;
    }
};

Activation activation(const std::string& name, float alpha, float beta) {
    static const std::pair<const char*, Activation::Kind> kinds[] = {
        {"sigmoid", Activation::sigmoid},     {"tanh", Activation::tanh_},
        {"relu", Activation::relu},           {"hardsigmoid", Activation::hardsigmoid},
        {"affine", Activation::affine},       {"leakyrelu", Activation::leakyrelu},
        {"thresholdedrelu", Activation::thresholdedrelu}, {"scaledtanh", Activation::scaledtanh},
        {"elu", Activation::elu},             {"softsign", Activation::softsign},
        {"softplus", Activation::softplus}};
    std::string lower;
    for (char ch : name) lower += char(std::tolower(static_cast<unsigned char>(ch)));
    for (const auto& [n, k] : kinds)
        if (lower == n) return {k, alpha, beta};
    fail("unsupported activation '", name, "'");
}

struct Cell {
    int gates;       // 4 LSTM, 3 GRU, 1 RNN
    int functions;   // activations per direction
    std::vector<std::string> defaults;
};

// Everything one direction of one node needs, converted to float once per call.
struct Params {
    int64_t batch, seq, input, hidden, dirs;
    std::vector<Activation> act;  // `functions` per direction (a second set for reverse)
    float clip;
    bool linear_before_reset;
};

float clipped(float x, float clip) { return clip > 0 ? std::min(clip, std::max(-clip, x)) : x; }

// y[r] += M[r, :] . v for `rows` rows of length `cols`.
void matvec(const float* m, const float* v, int64_t rows, int64_t cols, float* y) {
    for (int64_t r = 0; r < rows; ++r) {
        float acc = 0;
        const float* row = m + r * cols;
        for (int64_t k = 0; k < cols; ++k) acc += row[k] * v[k];
        y[r] += acc;
    }
}

std::vector<float> floats(const Tensor& t) {
    std::vector<float> out(size_t(t.size()));
    visit_type(t.type(), [&](auto tag) {
        using T = decltype(tag);
        if constexpr (is_floating_v<T>)
            for (int64_t i = 0; i < t.size(); ++i) out[size_t(i)] = float(t.data<T>()[i]);
        else
            fail("expected a floating-point tensor, got ", type_name(t.type()));
    });
    return out;
}

void store(Tensor& t, const std::vector<float>& v) {
    visit_type(t.type(), [&](auto tag) {
        using T = decltype(tag);
        if constexpr (is_floating_v<T>)
            for (int64_t i = 0; i < t.size(); ++i) t.data<T>()[i] = T(v[size_t(i)]);
    });
}

void eval_sequence(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, const Cell& cell) {
    bool lstm = cell.gates == 4, gru = cell.gates == 3;
    size_t states = lstm ? 2 : 1, seq_i = 1 + states, w_i = seq_i + 1;
    Params p;
    p.batch = in[0].shape()[0];
    p.seq = in[0].shape()[1];
    p.input = in[0].shape()[2];
    p.hidden = n.attrs.get_int("hidden_size");
    std::string direction = n.attrs.get_string("direction", "forward");
    p.dirs = direction == "bidirectional" ? 2 : 1;
    p.clip = float(n.attrs.get_float("clip", 0.0));
    p.linear_before_reset = n.attrs.get_bool("linear_before_reset", false);
    std::vector<std::string> names = n.attrs.has("activations") ? n.attrs.get_strings("activations") : cell.defaults;
    auto alphas = n.attrs.get_floats("activations_alpha", {});
    auto betas = n.attrs.get_floats("activations_beta", {});
    check(names.size() == size_t(cell.functions) || names.size() == size_t(cell.functions * p.dirs),
          "expected ", cell.functions, " activations (or ", cell.functions, " per direction), got ", names.size());
    for (int64_t d = 0; d < p.dirs; ++d)
        for (int f = 0; f < cell.functions; ++f) {
            size_t i = names.size() == size_t(cell.functions) ? size_t(f) : size_t(d * cell.functions + f);
            p.act.push_back(activation(names[i], i < alphas.size() ? float(alphas[i]) : 0.f,
                                       i < betas.size() ? float(betas[i]) : 0.f));
        }
    const int64_t H = p.hidden, G = cell.gates * H;
    auto x = floats(in[0]), w = floats(in[w_i]), r = floats(in[w_i + 1]), b = floats(in[w_i + 2]);
    std::vector<float> h0 = floats(in[1]), c0 = lstm ? floats(in[2]) : std::vector<float>();
    std::vector<float> peep = lstm && in.size() > 7 ? floats(in[7]) : std::vector<float>();
    std::vector<int64_t> lengths = in[seq_i].as_int64();
    std::vector<float> y(size_t(p.batch * p.dirs * p.seq * H), 0.f);
    std::vector<float> ho(size_t(p.batch * p.dirs * H)), co(lstm ? ho.size() : 0);
    const int64_t bias_rows = gru && p.linear_before_reset ? 4 * H : G;
    const size_t g_len = size_t(G), h_len = size_t(H);
    std::vector<float> wx(g_len), rh(g_len), h(h_len), c(h_len), next(h_len), rg(h_len), hh(h_len), gated(h_len);
    for (int64_t d = 0; d < p.dirs; ++d) {
        bool reverse = direction == "reverse" || d == 1;
        const Activation* f = &p.act[size_t(d * cell.functions)];
        const float* W = &w[size_t(d * G * p.input)];
        const float* R = &r[size_t(d * G * H)];
        const float* B = &b[size_t(d * bias_rows)];
        const float* P = peep.empty() ? nullptr : &peep[size_t(d * 3 * H)];
        for (int64_t bi = 0; bi < p.batch; ++bi) {
            int64_t len = std::min<int64_t>(std::max<int64_t>(lengths.at(size_t(bi)), 0), p.seq);
            size_t state_at = size_t((bi * p.dirs + d) * H);
            std::copy_n(&h0[state_at], H, h.begin());
            if (lstm) std::copy_n(&c0[state_at], H, c.begin());
            for (int64_t step = 0; step < len; ++step) {
                int64_t t = reverse ? len - 1 - step : step;
                std::fill(wx.begin(), wx.end(), 0.f);
                std::fill(rh.begin(), rh.end(), 0.f);
                matvec(W, &x[size_t((bi * p.seq + t) * p.input)], G, p.input, wx.data());
                matvec(R, h.data(), G, H, rh.data());
                for (int64_t j = 0; j < H && lstm; ++j) {  // f, i, c, o
                    float ct = c[size_t(j)];
                    auto g = [&](int k) { return wx[size_t(k * H + j)] + rh[size_t(k * H + j)] + B[k * H + j]; };
                    float pi = P ? P[j] : 0.f, po = P ? P[H + j] : 0.f, pf = P ? P[2 * H + j] : 0.f;
                    float fg = f[0](clipped(g(0) + pf * ct, p.clip));
                    float ig = f[0](clipped(g(1) + pi * ct, p.clip));
                    float cand = f[1](clipped(g(2), p.clip));
                    float cn = fg * ct + ig * cand;
                    float og = f[0](clipped(g(3) + po * cn, p.clip));
                    c[size_t(j)] = cn;
                    next[size_t(j)] = og * f[2](cn);
                }
                for (int64_t j = 0; j < H && cell.gates == 1; ++j)
                    next[size_t(j)] = f[0](clipped(wx[size_t(j)] + rh[size_t(j)] + B[j], p.clip));
                if (gru) {  // z, r, h
                    for (int64_t j = 0; j < H; ++j)
                        rg[size_t(j)] = f[0](clipped(wx[size_t(H + j)] + rh[size_t(H + j)] + B[H + j], p.clip));
                    if (p.linear_before_reset) {
                        for (int64_t j = 0; j < H; ++j)
                            hh[size_t(j)] = rg[size_t(j)] * (rh[size_t(2 * H + j)] + B[3 * H + j]);
                    } else {
                        for (int64_t j = 0; j < H; ++j) gated[size_t(j)] = rg[size_t(j)] * h[size_t(j)];
                        std::fill(hh.begin(), hh.end(), 0.f);
                        matvec(R + 2 * H * H, gated.data(), H, H, hh.data());
                    }
                    for (int64_t j = 0; j < H; ++j) {
                        float z = f[0](clipped(wx[size_t(j)] + rh[size_t(j)] + B[j], p.clip));
                        float cand = f[1](clipped(wx[size_t(2 * H + j)] + B[2 * H + j] + hh[size_t(j)], p.clip));
                        next[size_t(j)] = (1.f - z) * cand + z * h[size_t(j)];
                    }
                }
                h = next;
                std::copy_n(h.begin(), H, &y[size_t(((bi * p.dirs + d) * p.seq + t) * H)]);
            }
            std::copy_n(h.begin(), H, &ho[state_at]);
            if (lstm) std::copy_n(c.begin(), H, &co[state_at]);
        }
    }
    store(out[0], y);
    store(out[1], ho);
    if (lstm) store(out[2], co);
}

void eval_lstm(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    eval_sequence(n, in, out, {4, 3, {"sigmoid", "tanh", "tanh"}});
}
void eval_gru(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    eval_sequence(n, in, out, {3, 2, {"sigmoid", "tanh"}});
}
void eval_rnn(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    eval_sequence(n, in, out, {1, 1, {"tanh"}});
}

}  // namespace

OVKIT_REFERENCE_KERNEL("LSTMSequence", eval_lstm);
OVKIT_REFERENCE_KERNEL("GRUSequence", eval_gru);
OVKIT_REFERENCE_KERNEL("RNNSequence", eval_rnn);

}  // namespace ovkit::reference
