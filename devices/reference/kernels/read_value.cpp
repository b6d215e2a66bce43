// ReadValue / Assign: the request's variables (EvalContext::variables) hold the state.
#include "helpers.h"

namespace ovkit::reference {
namespace {

std::map<std::string, Tensor>& variables(const Node& n, EvalContext& ctx) {
    check(ctx.variables != nullptr, "no variable storage (state ops need an infer request)");
    return *ctx.variables;
}

void eval_read_value(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext& ctx) {
    auto& vars = variables(n, ctx);
    auto it = vars.find(n.attrs.get_string("variable_id"));
    if (it != vars.end()) out[0] = it->second;
    else if (!in.empty()) out[0] = in[0];
    else check(bool(out[0]), "variable '", n.attrs.get_string("variable_id"), "' is unset and its shape ",
               n.attrs.get_string("variable_shape"), " is not static");  // zeros from infer otherwise
}

void eval_assign(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext& ctx) {
    // A copy: the input may be a caller's buffer that changes before the next inference.
    Tensor value = in[0].copy();
    variables(n, ctx)[n.attrs.get_string("variable_id")] = value;
    out[0] = value;
}

}  // namespace

OVKIT_REFERENCE_KERNEL("ReadValue", eval_read_value);
OVKIT_REFERENCE_KERNEL("Assign", eval_assign);

}  // namespace ovkit::reference
