// If (opset8): runs bodies[0] (then) or bodies[1] (else) on the inputs after the condition.
// When the condition is unknown, each output covers the shapes of both branches.
#include "subgraph_helpers.h"

namespace ovkit {
namespace {

void infer_if(ShapeContext& c) {
    const Node& n = c.node;
    check(n.bodies.size() == 2, n.describe(), " needs a then and an else body, has ", n.bodies.size());
    check(c.in_types[0] == ElementType::boolean, n.describe(), ": condition must be boolean, got ",
          type_name(c.in_types[0]));
    if (!infer::all_values_known(c)) {
        bool changed[2] = {false, false};
        for (const BodyInput& in : n.body_inputs) {
            check(in.external_port > 0 && size_t(in.external_port) < c.inputs(), n.describe(),
                  ": body input maps external port ", in.external_port, " of ", c.inputs());
            Model& body = infer::body_of(n, in.body);
            changed[in.body] |= infer::set_body_parameter(n, body, in.body_parameter, c.in_types[size_t(in.external_port)],
                                                          c.in_shapes[size_t(in.external_port)]);
        }
        for (int b = 0; b < 2; ++b)
            if (changed[b]) n.bodies[size_t(b)]->validate_all();
    }
    int taken = -1;  // the branch known to run, or -1
    if (const Tensor* cond = c.value(0)) {
        check(cond->size() == 1, n.describe(), ": condition must hold one value, has shape ", to_string(cond->shape()));
        taken = cond->as_int64()[0] ? 0 : 1;
    }
    std::vector<bool> seen(n.outputs.size(), false);
    for (const BodyOutput& out : n.body_outputs) {
        check(out.external_port >= 0 && size_t(out.external_port) < n.outputs.size(), n.describe(),
              ": body output maps external port ", out.external_port, " of ", n.outputs.size());
        if (taken >= 0 && out.body != taken) continue;
        const Port& r = infer::body_result(n, infer::body_of(n, out.body), out.body_result);
        size_t port = size_t(out.external_port);
        if (!seen[port]) {
            c.set_output(port, r.type, r.shape);
            seen[port] = true;
            continue;
        }
        check(c.out_types[port] == r.type || r.type == ElementType::undefined, n.describe(), ": output ", port,
              " is ", type_name(c.out_types[port]), " in one branch and ", type_name(r.type), " in the other");
        c.out_shapes[port] = infer::merge_shapes(c.out_shapes[port], r.shape);
    }
    for (size_t i = 0; i < seen.size(); ++i)
        check(seen[i], n.describe(), ": output ", i, " is not produced by the branches");
}

}  // namespace

OVKIT_OP("If", infer_if, 1, 1 << 20, false);
OVKIT_OP_VERSION("If", "opset8");

}  // namespace ovkit
