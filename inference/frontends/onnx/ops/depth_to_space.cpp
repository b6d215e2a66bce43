// ONNX DepthToSpace (mode DCR -> blocks_first, CRD -> depth_first) and SpaceToDepth
// (always blocks_first) -> the OpenVINO ops of the same names.
#include "../node_context.h"

namespace ovkit::onnx_frontend {
namespace {
std::vector<Output> depth_to_space(NodeContext& c) {
    std::string mode = c.attr_string("mode", "DCR");
    if (mode != "DCR" && mode != "CRD") c.fail("unknown mode '", mode, "'");
    return {c.make("DepthToSpace", {c.input(0)},
                   Attributes{{"block_size", c.attr_int("blocksize")},
                              {"mode", std::string(mode == "DCR" ? "blocks_first" : "depth_first")}})};
}
std::vector<Output> space_to_depth(NodeContext& c) {
    return {c.make("SpaceToDepth", {c.input(0)},
                   Attributes{{"block_size", c.attr_int("blocksize")}, {"mode", std::string("blocks_first")}})};
}
}  // namespace
ONNX_OP("DepthToSpace", 1, depth_to_space);
ONNX_OP("SpaceToDepth", 1, space_to_depth);
}  // namespace ovkit::onnx_frontend
