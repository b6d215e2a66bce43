// DepthToSpace / SpaceToDepth(data; block_size, mode) on [N, C, D1, ..., Dk]: move
// block_size^k channels into (or out of) each spatial position. mode "blocks_first" or
// "depth_first" says whether the block index is the outer or inner part of the channel index.
#include "infer_helpers.h"

namespace ovkit {
namespace {

// to_space: DepthToSpace (C / b^k, Di * b), else SpaceToDepth (C * b^k, Di / b).
void infer_block_move(ShapeContext& c, bool to_space) {
    const PartialShape& in = c.in_shapes[0];
    int64_t b = c.node.attrs.get_int("block_size", 1);
    std::string mode = c.node.attrs.get_string("mode", "blocks_first");
    check(b > 0, c.node.describe(), ": block_size (", b, ") must be positive");
    check(mode == "blocks_first" || mode == "depth_first", c.node.describe(), ": unknown mode '", mode, "'");
    if (!in.rank_is_static()) return c.set_output(0, c.in_types[0], PartialShape::dynamic());
    check(in.rank() >= 3, c.node.describe(), ": input ", in.to_string(), " must have rank >= 3");
    PartialShape out = in;
    int64_t block = 1;
    for (size_t i = 2; i < in.size(); ++i) {
        block *= b;
        if (in[i].is_dynamic()) {
            out[i] = Dimension::dynamic();
        } else if (to_space) {
            out[i] = Dimension(in[i].value() * b);
        } else {
            check(in[i].value() % b == 0, c.node.describe(), ": spatial dimension ", i, " of ", in.to_string(),
                  " is not divisible by block_size ", b);
            out[i] = Dimension(in[i].value() / b);
        }
    }
    if (in[1].is_dynamic()) {
        out[1] = Dimension::dynamic();
    } else if (to_space) {
        check(in[1].value() % block == 0, c.node.describe(), ": channels of ", in.to_string(),
              " are not divisible by block_size^", in.rank() - 2, " = ", block);
        out[1] = Dimension(in[1].value() / block);
    } else {
        out[1] = Dimension(in[1].value() * block);
    }
    c.set_output(0, c.in_types[0], out);
}

void infer_depth_to_space(ShapeContext& c) { infer_block_move(c, true); }
void infer_space_to_depth(ShapeContext& c) { infer_block_move(c, false); }

}  // namespace
OVKIT_OP("DepthToSpace", infer_depth_to_space, 1, 1);
OVKIT_OP("SpaceToDepth", infer_space_to_depth, 1, 1);
}  // namespace ovkit
