// Eye(num_rows, num_columns, diagonal_index[, batch_shape]; output_type) (opset9): a matrix
// (or batch of them) with ones on the diagonal shifted by diagonal_index, zeros elsewhere.
#include "movement_helpers.h"

namespace ovkit {
namespace {
void infer_eye(ShapeContext& c) {
    ElementType t = type_from_name(c.node.attrs.get_string("output_type"));
    int64_t diagonal;
    infer::scalar_value(c, 2, "diagonal_index", diagonal);
    std::vector<Dimension> out;
    if (c.inputs() > 3) {
        std::vector<int64_t> batch;
        if (!c.int_values(3, batch)) {
            int64_t n = infer::known_length(c, 3);
            return c.set_output(0, t, PartialShape::dynamic(n < 0 ? -1 : n + 2));
        }
        for (int64_t v : batch) {
            check(v >= 0, c.node.describe(), ": batch_shape ", to_string(batch), " has a negative value");
            out.emplace_back(v);
        }
    }
    for (size_t i = 0; i < 2; ++i) {
        int64_t n;
        if (infer::scalar_value(c, i, i ? "num_columns" : "num_rows", n)) {
            check(n >= 0, c.node.describe(), ": ", i ? "num_columns" : "num_rows", " (", n, ") is negative");
            out.emplace_back(n);
        } else {
            out.push_back(Dimension::dynamic());
        }
    }
    c.set_output(0, t, PartialShape(out));
}
}  // namespace
OVKIT_OP("Eye", infer_eye, 3, 4);
OVKIT_OP_VERSION("Eye", "opset9");
}  // namespace ovkit
