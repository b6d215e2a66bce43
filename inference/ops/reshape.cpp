// Reshape(data, pattern; special_zero). A 0 in the pattern copies the input dimension at the
// same index when special_zero is set; one -1 takes whatever size remains.
#include "movement_helpers.h"

namespace ovkit {
namespace {

void infer_reshape(ShapeContext& c) {
    const PartialShape& in = c.in_shapes[0];
    bool special_zero = c.node.attrs.get_bool("special_zero");
    std::vector<int64_t> pattern;
    if (!c.int_values(1, pattern)) {
        check(c.in_shapes[1].rank() <= 1, c.node.describe(), ": the target shape must be 1-D, got ",
              c.in_shapes[1].to_string());
        c.set_output(0, c.in_types[0], PartialShape::dynamic(infer::known_length(c, 1)));
        return;
    }
    check(int64_t(pattern.size()) <= kMaxRank, c.node.describe(), ": target shape has ", pattern.size(),
          " values; the rank limit is ", kMaxRank);
    std::vector<Dimension> out(pattern.size());
    std::vector<bool> copied(pattern.size(), false);
    int64_t infer_at = -1;
    for (size_t i = 0; i < pattern.size(); ++i) {
        int64_t v = pattern[i];
        if (v == -1) {
            check(infer_at < 0, c.node.describe(), ": target shape ", to_string(pattern), " has more than one -1");
            infer_at = int64_t(i);
        } else if (v == 0 && special_zero) {
            check(!in.rank_is_static() || int64_t(i) < in.rank(), c.node.describe(), ": target shape ",
                  to_string(pattern), " copies dimension ", i, " but the input ", in.to_string(), " has rank ",
                  in.rank());
            out[i] = in.rank_is_static() ? in[i] : Dimension::dynamic();
            copied[i] = true;
        } else {
            check(v >= 0, c.node.describe(), ": target shape ", to_string(pattern), " has an invalid value ", v);
            out[i] = Dimension(v);
        }
    }
    // Copied dimensions appear on both sides and cancel out of the element count.
    int64_t in_count = -1;
    if (in.rank_is_static()) {
        std::vector<Dimension> rest;
        for (size_t j = 0; j < in.size(); ++j)
            if (j >= copied.size() || !copied[j]) rest.push_back(in[j]);
        in_count = infer::known_product(rest);
    }
    std::vector<Dimension> out_rest;
    for (size_t i = 0; i < out.size(); ++i)
        if (!copied[i] && int64_t(i) != infer_at) out_rest.push_back(out[i]);
    int64_t out_count = infer::known_product(out_rest);
    if (infer_at >= 0) {
        if (in_count >= 0 && out_count > 0) {
            check(in_count % out_count == 0, c.node.describe(), ": cannot reshape ", in.to_string(), " to ",
                  to_string(pattern));
            out[size_t(infer_at)] = Dimension(in_count / out_count);
        } else if (in_count >= 0 && out_count == 0) {
            check(in_count == 0, c.node.describe(), ": cannot reshape ", in.to_string(), " to ", to_string(pattern));
            out[size_t(infer_at)] = Dimension(0);
        } else {
            out[size_t(infer_at)] = Dimension::dynamic();
        }
    } else if (in_count >= 0 && out_count >= 0) {
        check(in_count == out_count, c.node.describe(), ": cannot reshape ", in.to_string(), " (", in_count,
              " elements) to ", to_string(pattern));
    }
    c.set_output(0, c.in_types[0], PartialShape(out));
}

}  // namespace
OVKIT_OP("Reshape", infer_reshape, 2, 2);
}  // namespace ovkit
