// If: runs the then (bodies[0]) or else (bodies[1]) body on the mapped inputs.
#include "helpers.h"

namespace ovkit::reference {
namespace {

void eval_if(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext& ctx) {
    check(in[0].size() == 1, "condition must hold one value, has shape ", to_string(in[0].shape()));
    int64_t branch = in[0].as_int64()[0] ? 0 : 1;
    const Model& body = *n.bodies.at(size_t(branch));
    std::vector<Tensor> args(body.parameters().size());
    for (const BodyInput& b : n.body_inputs)
        if (b.body == branch) args.at(size_t(b.body_parameter)) = in.at(size_t(b.external_port));
    for (size_t i = 0; i < args.size(); ++i)
        check(bool(args[i]), (branch ? "else" : "then"), " body parameter ", i, " has no input mapped to it");
    std::vector<Tensor> results = ctx.run_body(body, args);
    for (const BodyOutput& b : n.body_outputs)
        if (b.body == branch) out.at(size_t(b.external_port)) = results.at(size_t(b.body_result));
}

}  // namespace

OVKIT_REFERENCE_KERNEL("If", eval_if);

}  // namespace ovkit::reference
