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

}  // namespace ovkit
