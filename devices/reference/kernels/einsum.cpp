// Einsum: for every output element, the sum over the labels missing from the output of the
// product of the inputs' elements selected by the labels. A label repeated within an input
// walks its diagonal; size-1 ellipsis dimensions broadcast.
#include <algorithm>
#include <map>

#include "helpers.h"
#include "../../../inference/ops/einsum.h"  // the equation parser shared with shape inference

namespace ovkit::reference {
namespace {

void einsum(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    std::vector<int64_t> ranks;
    for (const Tensor& t : in) ranks.push_back(int64_t(t.shape().size()));
    EinsumEquation eq = parse_einsum(n.attrs.get_string("equation"), ranks, n.name);
    std::map<int, int64_t> size;
    for (size_t k = 0; k < in.size(); ++k) {
        for (size_t d = 0; d < eq.inputs[k].size(); ++d) {
            int l = eq.inputs[k][d];
            int64_t v = in[k].shape()[d];
            auto it = size.find(l);
            if (it == size.end() || (EinsumEquation::is_ellipsis(l) && it->second == 1)) size[l] = v;
            else if (it->second != v && !(EinsumEquation::is_ellipsis(l) && v == 1))
                fail(n.describe(), ": dimension ", d, " of input ", k, " has size ", v, ", another use of its label has ",
                     it->second);
        }
    }
    // All labels, output ones first (most significant), then the summed ones.
    std::vector<int> labels = eq.output;
    for (const auto& [l, v] : size)
        if (std::find(labels.begin(), labels.end(), l) == labels.end()) labels.push_back(l);
    std::vector<int64_t> extent;
    for (int l : labels) extent.push_back(size.count(l) ? size[l] : 1);
    std::vector<std::vector<int64_t>> strides(in.size(), std::vector<int64_t>(labels.size(), 0));
    for (size_t k = 0; k < in.size(); ++k) {
        auto own = strides_of(in[k].shape());
        for (size_t d = 0; d < eq.inputs[k].size(); ++d) {
            size_t p = size_t(std::find(labels.begin(), labels.end(), eq.inputs[k][d]) - labels.begin());
            if (in[k].shape()[d] == extent[p]) strides[k][p] += own[d];
        }
    }
    int64_t summed = 1;
    for (size_t p = eq.output.size(); p < labels.size(); ++p) summed *= extent[p];
    visit_type(in[0].type(), [&](auto tag) {
        using T = decltype(tag);
        if constexpr (std::is_same_v<T, bool>) {
            fail(n.describe(), ": boolean inputs are not supported");
        } else {
            using C = compute_t<T>;
            T* y = out[0].data<T>();
            std::vector<int64_t> idx(labels.size(), 0);
            for (int64_t o = 0, total = out[0].size(); o < total; ++o) {
                C acc = C(0);
                for (int64_t s = 0; s < summed; ++s) {
                    C product = C(1);
                    for (size_t k = 0; k < in.size(); ++k) {
                        int64_t at = 0;
                        for (size_t p = 0; p < labels.size(); ++p) at += idx[p] * strides[k][p];
                        product = C(product * C(in[k].data<T>()[at]));
                    }
                    acc = C(acc + product);
                    for (int64_t p = int64_t(labels.size()) - 1; p >= 0 && ++idx[size_t(p)] == extent[size_t(p)]; --p)
                        idx[size_t(p)] = 0;
                }
                y[o] = T(acc);
            }
        }
    });
}

}  // namespace

OVKIT_REFERENCE_KERNEL("Einsum", einsum);

}  // namespace ovkit::reference
