// ONNX Scan -> TensorIterator. State variables are merged with their body results, scan
// inputs are sliced one element at a time along their axis (reverse: stride -1) and
// squeezed in the body, scan outputs are unsqueezed in the body and concatenated.
// Scan-8 has a leading batch axis on every input; only batch 1 is supported (as in
// OpenVINO), sequence_lens must be absent.
#include "subgraph_utils.h"

namespace ovkit::onnx_frontend {
namespace {

struct ScanSpec {
    std::vector<Output> states, scans;
    std::vector<int64_t> in_axes, out_axes;  // as given (may be negative)
    std::vector<int64_t> in_reverse, out_reverse;
    bool batched = false;  // Scan-8
};

int64_t normalized(NodeContext& c, int64_t axis, int64_t rank, const char* what) {
    if (rank < 0) {
        if (axis < 0) c.fail(what, " ", axis, " is negative but the rank is unknown");
        return axis;
    }
    if (axis < -rank || axis >= rank) c.fail(what, " ", axis, " is out of range for rank ", rank);
    return axis < 0 ? axis + rank : axis;
}

int64_t flag(const std::vector<int64_t>& v, size_t i) { return i < v.size() ? v[i] : 0; }

std::vector<Output> build(NodeContext& c, ScanSpec s) {
    Subgraph body = c.attr_graph("body");
    Model& m = *body.model;
    size_t M = s.states.size(), N = s.scans.size();
    size_t own_params = m.parameters().size() - body.captured.size();
    if (own_params != M + N) c.fail("body takes ", own_params, " inputs; expected ", M, " states + ", N, " scan inputs");
    if (m.results().size() < M) c.fail("body returns ", m.results().size(), " values; expected at least ", M, " states");
    size_t K = m.results().size() - M;
    size_t lead = s.batched ? 1 : 0;  // axes before the scanned one that the body does not see
    if (s.batched)
        for (const Output& o : s.states)
            if (o.shape().rank_is_static() && o.shape().rank() > 0 && o.shape()[0].is_static() && o.shape()[0].value() != 1)
                c.fail("Scan-8 with batch size ", o.shape()[0].value(), " is not supported (only 1)");

    std::vector<Output> inputs;
    std::vector<BodyInput> body_inputs;
    for (size_t i = 0; i < M; ++i) {
        inputs.push_back(s.states[i]);
        body_inputs.push_back(merged_input(i, i, i));
        if (s.batched) squeeze_parameter(m, i, {0});
    }
    for (size_t j = 0; j < N; ++j) {
        const PartialShape& shape = s.scans[j].shape();
        int64_t rank = shape.rank_is_static() ? shape.rank() - int64_t(lead) : -1;
        int64_t axis = normalized(c, flag(s.in_axes, j), rank, "scan input axis") + int64_t(lead);
        inputs.push_back(s.scans[j]);
        body_inputs.push_back(sliced_input(M + j, M + j, axis, flag(s.in_reverse, j) != 0));
        std::vector<int64_t> squeeze{axis};
        if (s.batched) squeeze = {0, axis};
        squeeze_parameter(m, M + j, squeeze);
    }
    for (size_t i = 0; i < body.captured.size(); ++i)
        body_inputs.push_back(invariant_input(input_port(inputs, body.captured[i]), own_params + i));

    std::vector<BodyOutput> body_outputs;
    for (size_t i = 0; i < M; ++i) {
        body_outputs.push_back(body_output(i, i));
        if (s.batched) unsqueeze_result(m, i, {0});
    }
    for (size_t k = 0; k < K; ++k) {
        const PartialShape& r = m.results()[M + k]->outputs[0].shape;
        int64_t axis = normalized(c, flag(s.out_axes, k), r.rank_is_static() ? r.rank() + 1 : -1, "scan output axis") +
                       int64_t(lead);
        std::vector<int64_t> unsqueeze{axis};
        if (s.batched) unsqueeze = {0, axis};
        unsqueeze_result(m, M + k, unsqueeze);
        body_outputs.push_back(body_output(M + k, M + k, axis, flag(s.out_reverse, k) != 0));
    }
    return add_subgraph_op(c, "TensorIterator", std::move(inputs), {}, {body.model}, std::move(body_inputs),
                           std::move(body_outputs), M + K);
}

size_t scan_input_count(NodeContext& c, size_t available) {
    int64_t n = c.attr_int("num_scan_inputs");
    if (n < 1 || size_t(n) > available) c.fail("num_scan_inputs ", n, " is out of range for ", available, " inputs");
    return size_t(n);
}

std::vector<Output> scan_8(NodeContext& c) {
    if (c.has_input(0)) c.fail("sequence_lens is not supported");
    std::vector<Output> all;
    for (size_t i = 1; i < c.input_count(); ++i) all.push_back(c.input(i));
    size_t N = scan_input_count(c, all.size());
    ScanSpec s;
    s.states.assign(all.begin(), all.end() - int64_t(N));
    s.scans.assign(all.end() - int64_t(N), all.end());
    s.in_reverse = c.attr_ints("directions");
    s.batched = true;
    return build(c, s);
}

std::vector<Output> scan_9(NodeContext& c) {
    std::vector<Output> all = c.inputs();
    size_t N = scan_input_count(c, all.size());
    ScanSpec s;
    s.states.assign(all.begin(), all.end() - int64_t(N));
    s.scans.assign(all.end() - int64_t(N), all.end());
    s.in_axes = c.attr_ints("scan_input_axes");
    s.in_reverse = c.attr_ints("scan_input_directions");
    s.out_axes = c.attr_ints("scan_output_axes");
    s.out_reverse = c.attr_ints("scan_output_directions");
    return build(c, s);
}

}  // namespace

ONNX_OP("Scan", 8, scan_8);
ONNX_OP("Scan", 9, scan_9);

}  // namespace ovkit::onnx_frontend
