#pragma once
// Einsum equations ("ij,jk->ik", "...ii->...i", implicit "ij,jk"), parsed the same way for
// shape inference and the reference kernel.
#include <string>
#include <vector>

namespace ovkit {

struct EinsumEquation {
    // The label of each dimension of each input and of the output. Letters are labelled by
    // their character code; the dimensions covered by an ellipsis by 256 + k, right-aligned
    // across inputs (k counts from the first ellipsis dimension of the input with the most).
    std::vector<std::vector<int>> inputs;
    std::vector<int> output;
    static bool is_ellipsis(int label) { return label >= 256; }
};

// Throws naming `node` for a malformed equation or one that does not fit the input ranks.
EinsumEquation parse_einsum(const std::string& equation, const std::vector<int64_t>& ranks, const std::string& node);

}  // namespace ovkit
