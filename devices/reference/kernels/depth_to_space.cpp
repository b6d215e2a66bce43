// DepthToSpace / SpaceToDepth as a reshape, a transpose and a reshape. With k spatial axes
// and block b, the channel index splits into k block indices and the remaining channels:
// blocks_first puts the block indices outside, depth_first inside.
#include "movement.h"

namespace ovkit::reference {
namespace {

void depth_to_space(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    const Shape& s = in[0].shape();  // [N, C, D1..Dk]
    size_t k = s.size() - 2;
    int64_t b = n.attrs.get_int("block_size");
    bool blocks_first = n.attrs.get_string("mode", "blocks_first") == "blocks_first";
    int64_t c = out[0].shape()[1];
    // View: blocks_first [N, b..b, C', D1..Dk]; depth_first [N, C', b..b, D1..Dk].
    Shape view{s[0]};
    std::vector<int64_t> perm{0, blocks_first ? int64_t(k) + 1 : 1};
    size_t block_axis = blocks_first ? 1 : 2;
    if (!blocks_first) view.push_back(c);
    view.insert(view.end(), k, b);
    if (blocks_first) view.push_back(c);
    view.insert(view.end(), s.begin() + 2, s.end());
    for (size_t i = 0; i < k; ++i) {  // output [N, C', D1, b, D2, b, ...]
        perm.push_back(int64_t(k + 2 + i));
        perm.push_back(int64_t(block_axis + i));
    }
    transpose_copy(in[0], view, perm, out[0]);
}

void space_to_depth(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    const Shape& s = in[0].shape();  // [N, C, D1..Dk]
    size_t k = s.size() - 2;
    int64_t b = n.attrs.get_int("block_size");
    bool blocks_first = n.attrs.get_string("mode", "blocks_first") == "blocks_first";
    Shape view{s[0], s[1]};  // [N, C, D1/b, b, D2/b, b, ...]
    for (size_t i = 0; i < k; ++i) {
        view.push_back(s[2 + i] / b);
        view.push_back(b);
    }
    std::vector<int64_t> blocks, spatial;
    for (size_t i = 0; i < k; ++i) {
        spatial.push_back(int64_t(2 + 2 * i));
        blocks.push_back(int64_t(3 + 2 * i));
    }
    std::vector<int64_t> perm{0};  // blocks_first [N, b.., C, D..]; depth_first [N, C, b.., D..]
    if (!blocks_first) perm.push_back(1);
    perm.insert(perm.end(), blocks.begin(), blocks.end());
    if (blocks_first) perm.push_back(1);
    perm.insert(perm.end(), spatial.begin(), spatial.end());
    transpose_copy(in[0], view, perm, out[0]);
}

}  // namespace
OVKIT_REFERENCE_KERNEL("DepthToSpace", depth_to_space);
OVKIT_REFERENCE_KERNEL("SpaceToDepth", space_to_depth);
}  // namespace ovkit::reference
