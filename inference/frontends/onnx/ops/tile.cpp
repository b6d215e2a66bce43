// ONNX Tile (opset 6: repeats input) -> Tile.
#include "../node_context.h"

namespace ovkit::onnx_frontend {
namespace {
std::vector<Output> tile(NodeContext& c) { return {c.make("Tile", {c.input(0), c.input(1)})}; }
}  // namespace
ONNX_OP("Tile", 6, tile);
}  // namespace ovkit::onnx_frontend
