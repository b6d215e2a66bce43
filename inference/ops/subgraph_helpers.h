#pragma once
// Shape rules shared by the subgraph ops (If, Loop, TensorIterator): body parameters take
// their types and shapes from the outer inputs, the body is re-validated, and the outer
// outputs follow the body results.
//
// Bodies are only refreshed while the model is being built or reshaped. At run time every
// input value is known; then the bodies are left untouched (requests may run concurrently)
// and the kernels size the outputs from what the body produced.
#include <algorithm>

#include "infer_helpers.h"

namespace ovkit::infer {

// True at run time (and for all-constant inputs): every input value is known.
inline bool all_values_known(const ShapeContext& c) {
    for (size_t i = 0; i < c.inputs(); ++i)
        if (!c.value(i)) return false;
    return true;
}

// The smallest shape both a and b fit: equal dimensions stay, others become the interval
// covering both; different ranks give a dynamic rank.
inline PartialShape merge_shapes(const PartialShape& a, const PartialShape& b) {
    if (!a.rank_is_static() || !b.rank_is_static() || a.rank() != b.rank()) return PartialShape::dynamic();
    std::vector<Dimension> dims;
    for (size_t i = 0; i < a.size(); ++i) {
        const Dimension &x = a[i], &y = b[i];
        int64_t hi = x.max < 0 || y.max < 0 ? -1 : std::max(x.max, y.max);
        dims.push_back(x == y ? x : Dimension(std::min(x.min, y.min), hi));
    }
    return PartialShape(dims);
}

// Sets body parameter `index` to type t and shape s; returns true when it changed.
inline bool set_body_parameter(const Node& op, Model& body, int64_t index, ElementType t, const PartialShape& s) {
    check(index >= 0 && size_t(index) < body.parameters().size(), op.describe(), ": body parameter ", index,
          " does not exist (the body has ", body.parameters().size(), ")");
    Node* p = body.parameters()[size_t(index)];
    if (p->outputs[0].type == t && p->outputs[0].shape == s) return false;
    p->attrs.set("element_type", std::string(type_name(t)));
    p->attrs.set("shape", s.to_string());
    return true;
}

// The port a body result carries (type and shape).
inline const Port& body_result(const Node& op, const Model& body, int64_t index) {
    check(index >= 0 && size_t(index) < body.results().size(), op.describe(), ": body result ", index,
          " does not exist (the body has ", body.results().size(), ")");
    return body.results()[size_t(index)]->outputs[0];
}

inline Model& body_of(const Node& op, int64_t index) {
    check(index >= 0 && size_t(index) < op.bodies.size() && op.bodies[size_t(index)], op.describe(), ": body ",
          index, " is missing");
    return *op.bodies[size_t(index)];
}

}  // namespace ovkit::infer
