// Loop (opset5) and TensorIterator (opset1): run the body repeatedly. Inputs are sliced
// (BodyInput::axis), merged (back_edge_result: the next iteration reads that body result)
// or invariant; outputs are the last value or the per-iteration values concatenated
// along BodyOutput::axis.
//
// Loop: input 0 trip_count (negative: unbounded), input 1 execution_condition; attributes
// current_iteration_input_idx (body parameter fed the iteration number, -1 none) and
// body_condition_output_idx (body result that decides whether to go on, -1 none).
#include "subgraph_helpers.h"

namespace ovkit {
namespace {

// Body parameter shapes from the outer inputs; merged inputs widen until the body result
// they read back fits them.
void refresh_body(ShapeContext& c, Model& body) {
    const Node& n = c.node;
    bool changed = false;
    for (const BodyInput& in : n.body_inputs) {
        check(in.external_port >= 0 && size_t(in.external_port) < c.inputs(), n.describe(),
              ": body input maps external port ", in.external_port, " of ", c.inputs());
        PartialShape s = c.in_shapes[size_t(in.external_port)];
        if (in.axis >= 0 && s.rank_is_static()) {
            check(in.axis < s.rank(), n.describe(), ": slicing axis ", in.axis, " is out of range for input ",
                  in.external_port, " of shape ", s.to_string());
            s[size_t(in.axis)] = Dimension(in.part_size);
        }
        changed |= infer::set_body_parameter(n, body, in.body_parameter, c.in_types[size_t(in.external_port)], s);
    }
    int64_t iter_idx = n.attrs.get_int("current_iteration_input_idx", -1);
    if (iter_idx >= 0) {
        check(size_t(iter_idx) < body.parameters().size(), n.describe(), ": current_iteration_input_idx ", iter_idx,
              " is out of range (the body has ", body.parameters().size(), " parameters)");
        if (body.parameters()[size_t(iter_idx)]->outputs[0].type == ElementType::undefined)
            changed |= infer::set_body_parameter(n, body, iter_idx, ElementType::i64, PartialShape{});
    }
    if (changed) body.validate_all();
    for (int round = 0; round < 4; ++round) {
        changed = false;
        for (const BodyInput& in : n.body_inputs) {
            if (in.back_edge_result < 0) continue;
            const Port& param = body.parameters()[size_t(in.body_parameter)]->outputs[0];
            const Port& r = infer::body_result(n, body, in.back_edge_result);
            check(r.type == param.type || r.type == ElementType::undefined, n.describe(), ": body result ",
                  in.back_edge_result, " is ", type_name(r.type), " but feeds back into parameter ", in.body_parameter,
                  " of type ", type_name(param.type));
            changed |= infer::set_body_parameter(n, body, in.body_parameter, param.type,
                                                 infer::merge_shapes(param.shape, r.shape));
        }
        if (!changed) return;
        body.validate_all();
    }
}

// Iterations that slicing allows, or -1 when unknown (no sliced input or dynamic length).
int64_t slice_iterations(const ShapeContext& c) {
    int64_t count = -1;
    for (const BodyInput& in : c.node.body_inputs) {
        if (in.axis < 0) continue;
        const PartialShape& s = c.in_shapes[size_t(in.external_port)];
        if (!s.rank_is_static() || !s[size_t(in.axis)].is_static()) return -1;
        int64_t k = in.iterations(s[size_t(in.axis)].value());
        count = count < 0 ? k : std::min(count, k);
    }
    return count;
}

// Loop: iterations known before running (constant trip count and conditions), or -1.
// The body's own condition is only looked at while building: at run time the body is
// shared by concurrent requests and the kernel sizes the outputs.
int64_t loop_iterations(ShapeContext& c, Model& body, bool building) {
    const Tensor* exec = c.value(1);
    if (!exec) return -1;
    if (!exec->as_int64().at(0)) return 0;
    int64_t cond_idx = c.node.attrs.get_int("body_condition_output_idx", -1);
    if (cond_idx >= 0) {
        if (!building) return -1;
        infer::body_result(c.node, body, cond_idx);
        const Tensor* v = body.constant_value(body.results()[size_t(cond_idx)]->inputs[0]);
        if (!v || !v->as_int64().at(0)) return -1;
    }
    const Tensor* trip = c.value(0);
    int64_t sliced = slice_iterations(c);
    if (!trip || trip->as_int64().at(0) < 0) return sliced;
    int64_t t = trip->as_int64()[0];
    return sliced < 0 ? t : std::min(t, sliced);
}

void set_outputs(ShapeContext& c, Model& body, int64_t iterations) {
    const Node& n = c.node;
    for (const BodyOutput& out : n.body_outputs) {
        check(out.external_port >= 0 && size_t(out.external_port) < n.outputs.size(), n.describe(),
              ": body output maps external port ", out.external_port, " of ", n.outputs.size());
        const Port& r = infer::body_result(n, body, out.body_result);
        PartialShape s = r.shape;
        if (out.axis >= 0 && s.rank_is_static()) {
            check(out.axis < s.rank(), n.describe(), ": concatenation axis ", out.axis,
                  " is out of range for body result ", out.body_result, " of shape ", s.to_string());
            Dimension& d = s[size_t(out.axis)];
            d = iterations >= 0 && d.is_static() ? Dimension(d.value() * iterations) : Dimension::dynamic();
        }
        if (out.axis < 0)  // with no iteration a merged value keeps its initial value
            for (const BodyInput& in : n.body_inputs)
                if (in.back_edge_result == out.body_result)
                    s = infer::merge_shapes(s, c.in_shapes[size_t(in.external_port)]);
        c.set_output(size_t(out.external_port), r.type, s);
    }
}

void infer_subgraph_loop(ShapeContext& c, bool is_loop) {
    Model& body = infer::body_of(c.node, 0);
    bool building = !infer::all_values_known(c);
    if (building) refresh_body(c, body);
    set_outputs(c, body, is_loop ? loop_iterations(c, body, building) : slice_iterations(c));
}

void infer_loop(ShapeContext& c) {
    check(c.in_types[1] == ElementType::boolean, c.node.describe(), ": execution_condition must be boolean, got ",
          type_name(c.in_types[1]));
    check(is_integral(c.in_types[0]) && c.in_types[0] != ElementType::boolean, c.node.describe(),
          ": trip_count must be an integer, got ", type_name(c.in_types[0]));
    infer_subgraph_loop(c, true);
}

void infer_tensor_iterator(ShapeContext& c) { infer_subgraph_loop(c, false); }

}  // namespace

OVKIT_OP("Loop", infer_loop, 2, 1 << 20, false);
OVKIT_OP_VERSION("Loop", "opset5");
OVKIT_OP("TensorIterator", infer_tensor_iterator, 0, 1 << 20, false);

}  // namespace ovkit
