// ReverseSequence(data, seq_lengths; batch_axis, seq_axis): for each batch entry b, reverses the
// first seq_lengths[b] elements along seq_axis.
#include "infer_helpers.h"

namespace ovkit {
namespace {
void infer_reverse_sequence(ShapeContext& c) {
    const PartialShape& in = c.in_shapes[0];
    if (in.rank_is_static()) {
        int64_t batch = normalize_axis(c.node.attrs.get_int("batch_axis", 0), in.rank(), c.node.name);
        int64_t seq = normalize_axis(c.node.attrs.get_int("seq_axis", 1), in.rank(), c.node.name);
        check(batch != seq, c.node.describe(), ": batch_axis and seq_axis are both ", batch);
        const PartialShape& lens = c.in_shapes[1];
        Dimension n = in[size_t(batch)];
        check(!lens.rank_is_static() ||
                  (lens.rank() == 1 && (lens[0].is_dynamic() || n.is_dynamic() || lens[0] == n)),
              c.node.describe(), ": seq_lengths ", lens.to_string(), " must be 1-D with one value per batch entry of ",
              in.to_string());
    }
    c.set_output(0, c.in_types[0], in);
}
}  // namespace
OVKIT_OP("ReverseSequence", infer_reverse_sequence, 2, 2);
}  // namespace ovkit
