// ONNX Add, Sub, Mul, Div -> Add, Subtract, Multiply, Divide (numpy broadcasting; the
// opset < 7 `broadcast`/`axis` form is accepted when shapes already broadcast).
#include "../node_context.h"

namespace ovkit::onnx_frontend {
namespace {

template <const char* Type>
std::vector<Output> binary(NodeContext& c) {
    return {c.make(Type, {c.input(0), c.input(1)})};
}
constexpr char kAdd[] = "Add";
constexpr char kSub[] = "Subtract";
constexpr char kMul[] = "Multiply";
constexpr char kDiv[] = "Divide";

}  // namespace

ONNX_OP("Add", 1, binary<kAdd>);
ONNX_OP("Sub", 1, binary<kSub>);
ONNX_OP("Mul", 1, binary<kMul>);
ONNX_OP("Div", 1, binary<kDiv>);

}  // namespace ovkit::onnx_frontend
