// ONNX LSTM, GRU, RNN -> LSTMSequence, GRUSequence, RNNSequence (batch-first, see
// inference/ops/rnn_sequence.cpp), as OpenVINO's ONNX frontend does: X, states and outputs
// are transposed for layout 0, gates reordered (ONNX LSTM i,o,f,c -> f,i,c,o), the W and R
// halves of B summed (GRU with linear_before_reset keeps the h biases apart), and absent
// optional inputs (B, sequence_lens, initial states) filled with their defaults.
#include <cctype>

#include "../node_context.h"

namespace ovkit::onnx_frontend {
namespace {

struct Recurrent {
    const char* type;
    std::vector<int64_t> gate_order;  // ONNX gate index of each OpenVINO gate
    int functions;                    // activations per direction
    bool cell;                        // LSTM
};

// Replaces a value computable now (constant weights) by a constant, so that reordering
// weights costs nothing per inference.
Output fold(NodeContext& c, Output o) {
    const Tensor* v = c.constant_value(o);
    return v ? c.constant(*v) : o;
}

Output transpose(NodeContext& c, Output o, const std::vector<int64_t>& order) {
    return c.make("Transpose", {o, c.const_i64(order)});
}

// Rows of o (along axis 1) in the given order; o itself when that is its own order.
Output gather_rows(NodeContext& c, Output o, const std::vector<int64_t>& rows) {
    bool same = o.shape().rank_is_static() && o.shape().rank() > 1 && o.shape()[1] == Dimension(int64_t(rows.size()));
    for (size_t i = 0; same && i < rows.size(); ++i) same = rows[i] == int64_t(i);
    if (same) return o;
    return fold(c, c.make("Gather", {o, c.const_i64(rows), c.scalar_i64(1)}, Attributes{{"batch_dims", int64_t(0)}}));
}

// Row indices that put ONNX gate blocks (each `hidden` rows, from `offset`) in `order`.
std::vector<int64_t> gate_rows(const std::vector<int64_t>& order, int64_t hidden, int64_t offset) {
    std::vector<int64_t> rows;
    for (int64_t g : order)
        for (int64_t j = 0; j < hidden; ++j) rows.push_back(offset + g * hidden + j);
    return rows;
}

// Dimension i of X (batch-first) as a 1-D i64 value, from its shape when static.
Output dim_of(NodeContext& c, Output x, int64_t i) {
    const PartialShape& s = x.shape();
    if (s.rank_is_static() && s[size_t(i)].is_static()) return c.const_i64({s[size_t(i)].value()});
    Output shape = c.make("ShapeOf", {x}, Attributes{{"output_type", std::string("i64")}});
    return c.make("Gather", {shape, c.const_i64({i}), c.scalar_i64(0)}, Attributes{{"batch_dims", int64_t(0)}});
}

// A tensor of `value`s of shape [batch of x, tail...].
Output filled(NodeContext& c, Output x, ElementType type, double value, const std::vector<int64_t>& tail) {
    const PartialShape& s = x.shape();
    if (s.rank_is_static() && s[0].is_static()) {
        Shape shape{s[0].value()};
        shape.insert(shape.end(), tail.begin(), tail.end());
        return c.constant(Tensor::from_double(type, std::vector<double>(size_t(shape_size(shape)), value), shape));
    }
    Output target = dim_of(c, x, 0);
    if (!tail.empty()) target = c.make("Concat", {target, c.const_i64(tail)}, Attributes{{"axis", int64_t(0)}});
    return c.make("Broadcast", {c.scalar(type, value), target}, Attributes{{"mode", std::string("numpy")}});
}

std::string lower(std::string s) {
    for (char& ch : s) ch = char(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}

// ONNX activation_alpha/beta are consumed in order by the functions that take them;
// OpenVINO's activations_alpha/beta hold one entry per function.
void set_activations(NodeContext& c, Attributes& attrs, int functions, int64_t dirs) {
    std::vector<std::string> names = c.attr_strings("activations");
    if (names.empty()) return;
    if (names.size() != size_t(functions) * size_t(dirs))
        c.fail("has ", names.size(), " activations; expected ", functions * dirs);
    std::vector<float> alpha = c.attr_floats("activation_alpha"), beta = c.attr_floats("activation_beta");
    size_t ai = 0, bi = 0;
    std::vector<double> alphas, betas;
    for (std::string& n : names) {
        n = lower(n);
        double a = 0, b = 0;
        if (n == "leakyrelu") a = 0.01;
        else if (n == "thresholdedrelu" || n == "elu") a = 1.0;
        else if (n == "hardsigmoid") a = 0.2, b = 0.5;
        else if (n == "affine" || n == "scaledtanh") a = 1.0, b = 1.0;
        bool takes_alpha = a != 0, takes_beta = n == "hardsigmoid" || n == "affine" || n == "scaledtanh";
        if (takes_alpha && ai < alpha.size()) a = alpha[ai++];
        if (takes_beta && bi < beta.size()) b = beta[bi++];
        alphas.push_back(a);
        betas.push_back(b);
    }
    attrs.set("activations", names);
    attrs.set("activations_alpha", alphas);
    attrs.set("activations_beta", betas);
}

std::vector<Output> convert(NodeContext& c, const Recurrent& r) {
    int64_t layout = c.attr_int("layout", 0);
    std::string direction = lower(c.attr_string("direction", "forward"));
    int64_t dirs = direction == "bidirectional" ? 2 : 1;
    if (direction != "forward" && direction != "reverse" && dirs != 2) c.fail("unknown direction '", direction, "'");
    if (c.attr_int("input_forget", 0) != 0) c.fail("input_forget=1 is not supported");
    int64_t x_rank = c.input(0).shape().rank();
    if (x_rank >= 0 && x_rank != 3) c.fail("input X must have rank 3, got ", c.input(0).shape().to_string());
    Output x = layout == 0 ? transpose(c, c.input(0), {1, 0, 2}) : c.input(0);
    ElementType type = x.type();
    Output r_in = c.input(2);
    int64_t hidden = c.attr_int("hidden_size", -1);
    if (hidden <= 0) {
        const PartialShape& rs = r_in.shape();
        if (!rs.rank_is_static() || rs.rank() != 3 || !rs[2].is_static())
            c.fail("hidden_size is missing and R's shape ", rs.to_string(), " does not give it");
        hidden = rs[2].value();
    }
    int64_t gates = int64_t(r.gate_order.size()), rows = gates * hidden;
    bool lbr = c.attr_int("linear_before_reset", 0) != 0;
    std::vector<int64_t> w_rows = gate_rows(r.gate_order, hidden, 0);
    Output w = gather_rows(c, c.input(1), w_rows), rw = gather_rows(c, r_in, w_rows);

    Output b;
    if (!c.has_input(3)) {
        int64_t b_rows = lbr ? 4 * hidden : rows;
        b = c.constant(Tensor::from_double(type, std::vector<double>(size_t(dirs * b_rows), 0.0), {dirs, b_rows}));
    } else if (!lbr) {
        b = fold(c, c.make("Add", {gather_rows(c, c.input(3), w_rows),
                                   gather_rows(c, c.input(3), gate_rows(r.gate_order, hidden, rows))}));
    } else {  // [Wbz+Rbz, Wbr+Rbr, Wbh, Rbh]: the second term adds R's z,r biases only
        std::vector<int64_t> first = gate_rows({0, 1, 2}, hidden, 0), second = gate_rows({0, 1, 2, 2}, hidden, rows);
        for (int64_t j = 0; j < hidden; ++j) first.push_back(rows + 2 * hidden + j);
        std::vector<double> mask(size_t(4 * hidden), 0.0);
        std::fill(mask.begin(), mask.begin() + 2 * hidden, 1.0);
        Output masked = c.make("Multiply", {gather_rows(c, c.input(3), second),
                                            c.constant(Tensor::from_double(type, mask, {4 * hidden}))});
        b = fold(c, c.make("Add", {gather_rows(c, c.input(3), first), masked}));
    }
    size_t seq_at = 4, state_at = 5;
    Output lengths = c.has_input(seq_at) ? c.input(seq_at) : Output();
    if (!lengths) {
        const PartialShape& s = x.shape();
        if (s.rank_is_static() && s[1].is_static())
            lengths = filled(c, x, ElementType::i64, double(s[1].value()), {});
        else
            lengths = c.make("Broadcast", {dim_of(c, x, 1), dim_of(c, x, 0)}, Attributes{{"mode", std::string("numpy")}});
    }
    auto state = [&](size_t i) {
        if (!c.has_input(i)) return filled(c, x, type, 0.0, {dirs, hidden});
        return layout == 0 ? transpose(c, c.input(i), {1, 0, 2}) : c.input(i);
    };
    std::vector<Output> inputs{x, state(state_at)};
    if (r.cell) inputs.push_back(state(state_at + 1));
    inputs.insert(inputs.end(), {lengths, w, rw, b});
    if (r.cell && c.has_input(7)) inputs.push_back(c.input(7));

    Attributes attrs{{"hidden_size", hidden}, {"direction", direction}};
    set_activations(c, attrs, r.functions, dirs);
    if (c.has_attr("clip")) attrs.set("clip", double(c.attr_float("clip", 0.f)));
    if (std::string(r.type) == "GRUSequence") attrs.set("linear_before_reset", lbr);
    Node* seq = c.make_node(r.type, inputs, attrs, r.cell ? 3 : 2);

    std::vector<Output> outs{transpose(c, seq->output(0), layout == 0 ? std::vector<int64_t>{2, 1, 0, 3}
                                                                       : std::vector<int64_t>{0, 2, 1, 3})};
    for (size_t i = 1; i < seq->outputs.size(); ++i)
        outs.push_back(layout == 0 ? transpose(c, seq->output(i), {1, 0, 2}) : seq->output(i));
    return outs;
}

std::vector<Output> lstm(NodeContext& c) { return convert(c, {"LSTMSequence", {2, 0, 3, 1}, 3, true}); }
std::vector<Output> gru(NodeContext& c) { return convert(c, {"GRUSequence", {0, 1, 2}, 2, false}); }
std::vector<Output> rnn(NodeContext& c) { return convert(c, {"RNNSequence", {0}, 1, false}); }

}  // namespace

ONNX_OP("LSTM", 1, lstm);
ONNX_OP("GRU", 1, gru);
ONNX_OP("RNN", 1, rnn);

}  // namespace ovkit::onnx_frontend
