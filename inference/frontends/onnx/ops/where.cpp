// ONNX Where -> Select (numpy broadcasting).
#include "direct.h"

namespace ovkit::onnx_frontend {
namespace {
constexpr char kSelect[] = "Select";
}  // namespace
ONNX_OP("Where", 9, direct<kSelect>);
}  // namespace ovkit::onnx_frontend
