// Elementwise arithmetic with numpy broadcasting (auto_broadcast="numpy").
#include "infer_helpers.h"

namespace ovkit {
namespace {
void infer_binary(ShapeContext& c) { infer::broadcast_binary(c); }
}  // namespace

OVKIT_OP("Add", infer_binary, 2, 2);
OVKIT_OP("Subtract", infer_binary, 2, 2);
OVKIT_OP("Multiply", infer_binary, 2, 2);
OVKIT_OP("Divide", infer_binary, 2, 2);
OVKIT_OP("Maximum", infer_binary, 2, 2);
OVKIT_OP("Minimum", infer_binary, 2, 2);
OVKIT_OP("SquaredDifference", infer_binary, 2, 2);
OVKIT_OP("Mod", infer_binary, 2, 2);
OVKIT_OP("FloorMod", infer_binary, 2, 2);
OVKIT_OP("Power", infer_binary, 2, 2);

}  // namespace ovkit
