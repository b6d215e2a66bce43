// Pad(data, pads_begin, pads_end[, pad_value]; pad_mode) (opset12): adds (or, when negative,
// removes) elements at both ends of each axis; pad_mode constant, edge, reflect or symmetric.
#include "infer_helpers.h"

namespace ovkit {
namespace {
void infer_pad(ShapeContext& c) {
    const PartialShape& in = c.in_shapes[0];
    std::string mode = c.node.attrs.get_string("pad_mode", "constant");
    check(mode == "constant" || mode == "edge" || mode == "reflect" || mode == "symmetric", c.node.describe(),
          ": unknown pad_mode '", mode, "'");
    if (c.inputs() > 3)
        check(c.in_types[3] == c.in_types[0], c.node.describe(), ": pad_value type ", type_name(c.in_types[3]),
              " differs from data type ", type_name(c.in_types[0]));
    std::vector<int64_t> begin, end;
    if (!in.rank_is_static() || !c.int_values(1, begin) || !c.int_values(2, end))
        return c.set_output(0, c.in_types[0], PartialShape::dynamic(in.rank()));
    check(int64_t(begin.size()) == in.rank() && int64_t(end.size()) == in.rank(), c.node.describe(),
          ": pads_begin ", to_string(begin), " and pads_end ", to_string(end), " must have one value per axis of ",
          in.to_string());
    PartialShape out = in;
    for (size_t i = 0; i < in.size(); ++i) {
        if (in[i].is_dynamic()) continue;
        int64_t d = in[i].value(), n = d + begin[i] + end[i];
        check(n >= 0, c.node.describe(), ": pads ", to_string(begin), " / ", to_string(end),
              " remove more than the ", d, " elements of axis ", i);
        if (mode == "reflect" || mode == "symmetric") {
            int64_t most = mode == "reflect" ? d - 1 : d;
            check(begin[i] <= most && end[i] <= most, c.node.describe(), ": ", mode, " padding of axis ", i,
                  " (size ", d, ") by ", begin[i], " / ", end[i], " is larger than ", most);
        }
        check(mode != "edge" || d > 0 || (begin[i] <= 0 && end[i] <= 0), c.node.describe(),
              ": edge padding of the empty axis ", i);
        out[i] = Dimension(n);
    }
    c.set_output(0, c.in_types[0], out);
}
}  // namespace
OVKIT_OP("Pad", infer_pad, 3, 4);
OVKIT_OP_VERSION("Pad", "opset12");
}  // namespace ovkit
