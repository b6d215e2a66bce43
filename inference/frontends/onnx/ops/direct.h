#pragma once
// Translator for ONNX ops that map one-to-one onto an ovkit op: same inputs, no attributes.
//   constexpr char kAbs[] = "Abs";
//   ONNX_OP("Abs", 1, direct<kAbs>);
#include "../node_context.h"

namespace ovkit::onnx_frontend {

template <const char* Type>
std::vector<Output> direct(NodeContext& c) {
    return {c.make(Type, c.inputs())};
}

}  // namespace ovkit::onnx_frontend
