// LSTMSequence, GRUSequence, RNNSequence (opset5), batch-first as OpenVINO defines them:
//   X [batch, seq, input], initial states [batch, dirs, hidden], sequence_lengths [batch],
//   W [dirs, gates*hidden, input], R [dirs, gates*hidden, hidden], B [dirs, gates*hidden]
//   -> Y [batch, dirs, seq, hidden], final states [batch, dirs, hidden].
// Gate order: LSTM f,i,c,o; GRU z,r,h (B has 4*hidden with linear_before_reset: the h bias
// of W then of R); RNN one gate. LSTMSequence takes an optional 8th input P
// [dirs, 3*hidden], peepholes in ONNX order i,o,f.
#include "infer_helpers.h"

namespace ovkit {
namespace {

struct Layout {
    int gates;
    bool cell;  // LSTM: a cell state input/output
};

int64_t direction_count(const Node& n) {
    std::string d = n.attrs.get_string("direction", "forward");
    if (d == "forward" || d == "reverse") return 1;
    if (d == "bidirectional") return 2;
    fail(n.describe(), ": direction must be forward, reverse or bidirectional, got '", d, "'");
}

// Checks input i has `rank` and, where known, the expected dimensions (-1: any); returns
// its dimension `take` (dynamic when unknown) to share batch/seq/input sizes.
Dimension check_input(const ShapeContext& c, size_t i, const char* what, std::vector<int64_t> expect, size_t take) {
    const PartialShape& s = c.in_shapes[i];
    if (!s.rank_is_static()) return Dimension::dynamic();
    if (s.rank() != int64_t(expect.size()))
        c.fail_input(i, std::string(what) + " must have rank " + std::to_string(expect.size()) + ", has shape " +
                            s.to_string());
    for (size_t d = 0; d < expect.size(); ++d)
        if (expect[d] >= 0 && s[d].is_static() && s[d].value() != expect[d])
            c.fail_input(i, std::string(what) + " has shape " + s.to_string() + "; dimension " + std::to_string(d) +
                                " must be " + std::to_string(expect[d]));
    return take < expect.size() ? s[take] : Dimension::dynamic();
}

Dimension pick(const Dimension& a, const Dimension& b) { return a.is_static() ? a : b; }

void infer_sequence(ShapeContext& c, Layout l) {
    const Node& n = c.node;
    int64_t h = n.attrs.get_int("hidden_size");
    check(h > 0, n.describe(), ": hidden_size must be positive, got ", h);
    int64_t dirs = direction_count(n);
    check(is_float(c.in_types[0]), n.describe(), ": X must be floating point, got ", type_name(c.in_types[0]));
    size_t states = l.cell ? 2 : 1, seq_i = 1 + states, w_i = seq_i + 1;
    int64_t gate_rows = l.gates * h;
    int64_t bias_rows = n.type == "GRUSequence" && n.attrs.get_bool("linear_before_reset", false) ? 4 * h : gate_rows;
    for (size_t i = 0; i < c.inputs(); ++i)
        if (i != seq_i && c.in_types[i] != c.in_types[0])
            c.fail_input(i, std::string("element type ") + type_name(c.in_types[i]) + " differs from X's " +
                                type_name(c.in_types[0]));
    Dimension batch = check_input(c, 0, "X", {-1, -1, -1}, 0);
    Dimension seq = check_input(c, 0, "X", {-1, -1, -1}, 1);
    Dimension input = check_input(c, 0, "X", {-1, -1, -1}, 2);
    for (size_t s = 1; s <= states; ++s) batch = pick(batch, check_input(c, s, "initial state", {-1, dirs, h}, 0));
    batch = pick(batch, check_input(c, seq_i, "sequence_lengths", {-1}, 0));
    check_input(c, w_i, "W", {dirs, gate_rows, input.is_static() ? input.value() : -1}, 0);
    check_input(c, w_i + 1, "R", {dirs, gate_rows, h}, 0);
    check_input(c, w_i + 2, "B", {dirs, bias_rows}, 0);
    if (l.cell && c.inputs() > 7) check_input(c, 7, "P", {dirs, 3 * h}, 0);
    ElementType t = c.in_types[0];
    c.set_output(0, t, PartialShape{batch, Dimension(dirs), seq, Dimension(h)});
    for (size_t s = 0; s < states; ++s) c.set_output(1 + s, t, PartialShape{batch, Dimension(dirs), Dimension(h)});
}

void infer_lstm(ShapeContext& c) { infer_sequence(c, {4, true}); }
void infer_gru(ShapeContext& c) { infer_sequence(c, {3, false}); }
void infer_rnn(ShapeContext& c) { infer_sequence(c, {1, false}); }

}  // namespace

OVKIT_OP("LSTMSequence", infer_lstm, 7, 8);
OVKIT_OP_VERSION("LSTMSequence", "opset5");
OVKIT_OP("GRUSequence", infer_gru, 6, 6);
OVKIT_OP_VERSION("GRUSequence", "opset5");
OVKIT_OP("RNNSequence", infer_rnn, 6, 6);
OVKIT_OP_VERSION("RNNSequence", "opset5");

}  // namespace ovkit
