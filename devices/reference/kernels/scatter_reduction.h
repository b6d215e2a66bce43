#pragma once
// How ScatterElementsUpdate and ScatterNDUpdate combine an update with the value in place.
#include <algorithm>
#include <string>

#include "helpers.h"

namespace ovkit::reference {

enum class ScatterReduction { none, sum, sub, prod, min, max, mean };

inline ScatterReduction scatter_reduction(const Node& n) {
    std::string r = n.attrs.get_string("reduction", "none");
    if (r == "none") return ScatterReduction::none;
    if (r == "sum") return ScatterReduction::sum;
    if (r == "sub") return ScatterReduction::sub;
    if (r == "prod") return ScatterReduction::prod;
    if (r == "min") return ScatterReduction::min;
    if (r == "max") return ScatterReduction::max;
    if (r == "mean") return ScatterReduction::mean;
    fail(n.describe(), ": unknown reduction '", r, "'");
}

// Combines in compute precision; mean accumulates a sum (divided by the caller).
template <typename T>
T scatter_combine(ScatterReduction r, T current, T update) {
    if constexpr (std::is_same_v<T, bool>) return update;  // only "none" is allowed on booleans
    using C = compute_t<T>;
    C a = C(current), b = C(update);
    switch (r) {
    case ScatterReduction::none: return update;
    case ScatterReduction::sum:
    case ScatterReduction::mean: return T(a + b);
    case ScatterReduction::sub: return T(a - b);
    case ScatterReduction::prod: return T(a * b);
    case ScatterReduction::min: return T(std::min(a, b));
    case ScatterReduction::max: return T(std::max(a, b));
    }
    return update;
}

}  // namespace ovkit::reference
