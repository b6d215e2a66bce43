// Loop and TensorIterator: run the body per iteration, slicing, merging and concatenating
// values as the port maps say (see inference/ops/loop.cpp).
#include <cstring>

#include "helpers.h"
#include "ovkit/memory.h"

namespace ovkit::reference {
namespace {

// Bytes before `axis` (outer count) and from `axis` on (per unit of the axis) of a shape.
struct AxisLayout {
    int64_t outer = 1, inner = 1;  // inner: bytes of one index along axis
    AxisLayout(const Shape& s, int64_t axis, size_t elem) {
        for (int64_t i = 0; i < axis; ++i) outer *= s[size_t(i)];
        inner = int64_t(elem);
        for (size_t i = size_t(axis) + 1; i < s.size(); ++i) inner *= s[i];
    }
};

// Part `count` indices long of `t` along `axis`, starting at `begin`.
Tensor slice_part(const Tensor& t, int64_t axis, int64_t begin, int64_t count) {
    Shape s = t.shape();
    int64_t dim = s[size_t(axis)];
    check(begin >= 0 && begin + count <= dim, "slice [", begin, ", ", begin + count, ") is outside axis ", axis,
          " of size ", dim);
    s[size_t(axis)] = count;
    Tensor part(t.type(), s);
    AxisLayout l(t.shape(), axis, element_size(t.type()));
    auto src = static_cast<const char*>(t.data());
    auto dst = static_cast<char*>(part.data());
    for (int64_t o = 0; o < l.outer; ++o)
        std::memcpy(dst + o * count * l.inner, src + (o * dim + begin) * l.inner, size_t(count * l.inner));
    return part;
}

// Joins per-iteration values along `axis`; a negative stride stores them last to first.
Tensor concatenate(const std::vector<Tensor>& parts, const BodyOutput& b, const Port& result) {
    check(!parts.empty() || result.shape.rank_is_static(), "body result ", b.body_result,
          " has no value (no iteration ran) and no known rank");
    Shape s;
    if (parts.empty()) {
        for (const Dimension& d : result.shape.dims()) s.push_back(d.is_static() ? d.value() : 0);
        s.at(size_t(b.axis)) = 0;
        return Tensor(result.type, s);
    }
    s = parts[0].shape();
    check(b.axis < int64_t(s.size()), "concatenation axis ", b.axis, " is out of range for body result ",
          b.body_result, " of shape ", to_string(s));
    int64_t piece = s[size_t(b.axis)], n = int64_t(parts.size());
    s[size_t(b.axis)] = piece * n;
    Tensor out(parts[0].type(), s);
    AxisLayout l(s, b.axis, element_size(out.type()));
    auto dst = static_cast<char*>(out.data());
    for (int64_t k = 0; k < n; ++k) {
        const Tensor& p = parts[size_t(k)];
        check(p.shape() == parts[0].shape(), "body result ", b.body_result, " changed shape between iterations (",
              to_string(parts[0].shape()), " then ", to_string(p.shape()), ") but is concatenated");
        int64_t at = (b.stride < 0 ? n - 1 - k : k) * piece;
        auto src = static_cast<const char*>(p.data());
        for (int64_t o = 0; o < l.outer; ++o)
            std::memcpy(dst + (o * s[size_t(b.axis)] + at) * l.inner, src + o * piece * l.inner,
                        size_t(piece * l.inner));
    }
    return out;
}

// Shared by Loop and TensorIterator. `max_iterations` < 0: until the condition says stop.
void iterate(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext& ctx,
             int64_t max_iterations, bool go_on) {
    const Model& body = *n.bodies.at(0);
    int64_t iter_idx = n.attrs.get_int("current_iteration_input_idx", -1);
    int64_t cond_idx = n.attrs.get_int("body_condition_output_idx", -1);
    std::vector<Tensor> args(body.parameters().size());
    for (const BodyInput& b : n.body_inputs) {
        const Tensor& t = in.at(size_t(b.external_port));
        if (b.axis < 0) {
            args.at(size_t(b.body_parameter)) = t;
            continue;
        }
        check(b.axis < int64_t(t.shape().size()), "slicing axis ", b.axis, " is out of range for input ",
              b.external_port, " of shape ", to_string(t.shape()));
        int64_t k = b.iterations(t.shape()[size_t(b.axis)]);
        max_iterations = max_iterations < 0 ? k : std::min(max_iterations, k);
    }
    check(max_iterations >= 0 || cond_idx >= 0, "the loop has no trip count, no sliced input and no body condition:",
          " it would never end");
    std::vector<std::vector<Tensor>> collected(n.body_outputs.size());
    std::vector<Tensor> results;
    int64_t k = 0;
    for (; go_on && (max_iterations < 0 || k < max_iterations); ++k) {
        for (const BodyInput& b : n.body_inputs) {
            if (b.axis < 0) continue;
            const Tensor& t = in[size_t(b.external_port)];
            args[size_t(b.body_parameter)] =
                slice_part(t, b.axis, b.offset(k, t.shape()[size_t(b.axis)]), b.part_size);
        }
        if (iter_idx >= 0) {
            const Port& p = body.parameters().at(size_t(iter_idx))->outputs[0];
            args[size_t(iter_idx)] = Tensor::from_int64(p.type, {k}, p.shape.rank() == 1 ? Shape{1} : Shape{});
        }
        for (size_t i = 0; i < args.size(); ++i) check(bool(args[i]), "body parameter ", i, " has no input mapped to it");
        results = ctx.run_body(body, args);
        if (cond_idx >= 0) go_on = results.at(size_t(cond_idx)).as_int64().at(0) != 0;
        for (const BodyInput& b : n.body_inputs)
            if (b.back_edge_result >= 0) args[size_t(b.body_parameter)] = results.at(size_t(b.back_edge_result));
        for (size_t i = 0; i < n.body_outputs.size(); ++i)
            if (n.body_outputs[i].axis >= 0) collected[i].push_back(results.at(size_t(n.body_outputs[i].body_result)));
        if (k == 0 && max_iterations > 1) {
            // A huge trip count fails now, not after filling memory one iteration at a time: the
            // collected values and their concatenation must fit in MAX_MODEL_MEMORY.
            uint64_t per_iteration = 0;
            for (const auto& c : collected)
                if (!c.empty()) per_iteration += c.back().byte_size();
            current_memory_budget()->check_fits(uint64_t(max_iterations), 2 * per_iteration,
                                                "concatenating the values of " + std::to_string(max_iterations) +
                                                    " iterations");
        }
    }
    for (size_t i = 0; i < n.body_outputs.size(); ++i) {
        const BodyOutput& b = n.body_outputs[i];
        Tensor& dst = out.at(size_t(b.external_port));
        if (b.axis >= 0) {
            dst = concatenate(collected[i], b, body.results().at(size_t(b.body_result))->outputs[0]);
        } else if (k > 0) {
            dst = results.at(size_t(b.body_result));
        } else {  // no iteration: a merged value keeps its initial value
            dst = Tensor();
            for (const BodyInput& in_b : n.body_inputs)
                if (in_b.back_edge_result == b.body_result) dst = in.at(size_t(in_b.external_port));
            check(bool(dst), "no iteration ran, so output ", b.external_port, " has no value");
        }
    }
}

void eval_loop(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext& ctx) {
    check(in[0].size() >= 1 && in[1].size() >= 1, "trip_count and execution_condition must hold a value");
    iterate(n, in, out, ctx, in[0].as_int64()[0], in[1].as_int64()[0] != 0);
}

void eval_tensor_iterator(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext& ctx) {
    iterate(n, in, out, ctx, -1, true);
}

}  // namespace

OVKIT_REFERENCE_KERNEL("Loop", eval_loop);
OVKIT_REFERENCE_KERNEL("TensorIterator", eval_tensor_iterator);

}  // namespace ovkit::reference
