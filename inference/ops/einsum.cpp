// Einsum (opset7): attribute equation; inputs of one element type. Output dimensions follow
// the output subscripts; ellipsis dimensions broadcast.
#include "einsum.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "infer_helpers.h"

namespace ovkit {
namespace {

struct Term {
    std::string before, after;  // letters before and after the ellipsis
    bool ellipsis = false;
};

Term parse_term(const std::string& text, const std::string& node) {
    Term t;
    size_t dots = text.find("...");
    t.ellipsis = dots != std::string::npos;
    t.before = t.ellipsis ? text.substr(0, dots) : text;
    t.after = t.ellipsis ? text.substr(dots + 3) : "";
    for (char ch : t.before + t.after)
        if (!std::isalpha(static_cast<unsigned char>(ch)))
            fail("Einsum node '", node, "': unexpected '", ch, "' in subscripts '", text, "'");
    return t;
}

std::vector<int> labels_of(const Term& t, int64_t ellipsis_dims, int64_t max_ellipsis) {
    std::vector<int> out(t.before.begin(), t.before.end());
    for (int64_t k = 0; k < ellipsis_dims; ++k) out.push_back(int(256 + max_ellipsis - ellipsis_dims + k));
    out.insert(out.end(), t.after.begin(), t.after.end());
    return out;
}

void infer_einsum(ShapeContext& c) {
    std::vector<int64_t> ranks;
    for (size_t i = 0; i < c.inputs(); ++i) {
        check(c.in_types[i] == c.in_types[0], c.node.describe(), ": input ", i, " has type ", type_name(c.in_types[i]),
              ", expected ", type_name(c.in_types[0]));
        if (!c.in_shapes[i].rank_is_static()) {
            c.set_output(0, c.in_types[0], PartialShape());
            return;
        }
        ranks.push_back(c.in_shapes[i].rank());
    }
    EinsumEquation eq = parse_einsum(c.node.attrs.get_string("equation"), ranks, c.node.name);
    std::vector<Dimension> out;
    for (int label : eq.output) {
        Dimension dim(1);
        bool known = true;
        for (size_t i = 0; i < eq.inputs.size(); ++i) {
            for (size_t d = 0; d < eq.inputs[i].size(); ++d) {
                if (eq.inputs[i][d] != label) continue;
                const Dimension& v = c.in_shapes[i][d];
                if (v.is_dynamic()) known = false;
                else if (v.value() != 1) dim = v;
            }
        }
        out.push_back(known || dim.value() != 1 ? dim : Dimension::dynamic());
    }
    c.set_output(0, c.in_types[0], PartialShape(out));
}

}  // namespace

EinsumEquation parse_einsum(const std::string& equation, const std::vector<int64_t>& ranks, const std::string& node) {
    std::string eq;
    for (char ch : equation)
        if (!std::isspace(static_cast<unsigned char>(ch))) eq += ch;
    size_t arrow = eq.find("->");
    std::string lhs = eq.substr(0, arrow);
    std::vector<Term> terms;
    for (size_t start = 0;;) {
        size_t comma = lhs.find(',', start);
        terms.push_back(parse_term(lhs.substr(start, comma - start), node));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    if (terms.size() != ranks.size())
        fail("Einsum node '", node, "': equation '", equation, "' has ", terms.size(), " inputs, the node has ",
             ranks.size());
    std::vector<int64_t> ellipsis_dims;
    int64_t max_ellipsis = 0;
    for (size_t i = 0; i < terms.size(); ++i) {
        int64_t letters = int64_t(terms[i].before.size() + terms[i].after.size());
        int64_t e = ranks[i] - letters;
        if (e < 0 || (!terms[i].ellipsis && e != 0))
            fail("Einsum node '", node, "': subscripts of input ", i, " in '", equation, "' do not fit rank ", ranks[i]);
        ellipsis_dims.push_back(e);
        max_ellipsis = std::max(max_ellipsis, e);
    }
    EinsumEquation r;
    std::map<int, int> uses;
    for (size_t i = 0; i < terms.size(); ++i) {
        r.inputs.push_back(labels_of(terms[i], ellipsis_dims[i], max_ellipsis));
        for (int l : r.inputs.back()) ++uses[l];
    }
    if (arrow == std::string::npos) {
        for (int64_t k = 0; k < max_ellipsis; ++k) r.output.push_back(int(256 + k));
        for (const auto& [label, n] : uses)
            if (n == 1 && !EinsumEquation::is_ellipsis(label)) r.output.push_back(label);
        return r;
    }
    Term out = parse_term(eq.substr(arrow + 2), node);
    r.output = labels_of(out, out.ellipsis ? max_ellipsis : 0, max_ellipsis);
    for (size_t k = 0; k < r.output.size(); ++k) {
        int l = r.output[k];
        if (!EinsumEquation::is_ellipsis(l) && !uses.count(l))
            fail("Einsum node '", node, "': output label '", char(l), "' does not appear in the inputs of '", equation, "'");
        if (std::count(r.output.begin(), r.output.end(), l) > 1)
            fail("Einsum node '", node, "': output label '", char(l), "' is repeated in '", equation, "'");
    }
    return r;
}

OVKIT_OP("Einsum", infer_einsum, 1);
OVKIT_OP_VERSION("Einsum", "opset7");

}  // namespace ovkit
