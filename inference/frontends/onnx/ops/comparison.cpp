// ONNX comparisons and logical ops -> Equal, Less, LessEqual, Greater, GreaterEqual,
// LogicalAnd/Or/Xor/Not; IsNaN, IsInf (detect_negative/detect_positive).
#include "direct.h"

namespace ovkit::onnx_frontend {
namespace {

constexpr char kEqual[] = "Equal", kLess[] = "Less", kLessEqual[] = "LessEqual", kGreater[] = "Greater",
               kGreaterEqual[] = "GreaterEqual";
constexpr char kAnd[] = "LogicalAnd", kOr[] = "LogicalOr", kXor[] = "LogicalXor", kNot[] = "LogicalNot";
constexpr char kIsNaN[] = "IsNaN";

std::vector<Output> is_inf(NodeContext& c) {
    return {c.make("IsInf", {c.input(0)}, Attributes{{"detect_negative", c.attr_int("detect_negative", 1) != 0},
                                                     {"detect_positive", c.attr_int("detect_positive", 1) != 0}})};
}

}  // namespace

ONNX_OP("Equal", 1, direct<kEqual>);
ONNX_OP("Less", 1, direct<kLess>);
ONNX_OP("LessOrEqual", 12, direct<kLessEqual>);
ONNX_OP("Greater", 1, direct<kGreater>);
ONNX_OP("GreaterOrEqual", 12, direct<kGreaterEqual>);
ONNX_OP("And", 1, direct<kAnd>);
ONNX_OP("Or", 1, direct<kOr>);
ONNX_OP("Xor", 1, direct<kXor>);
ONNX_OP("Not", 1, direct<kNot>);
ONNX_OP("IsNaN", 9, direct<kIsNaN>);
ONNX_OP("IsInf", 10, is_inf);

}  // namespace ovkit::onnx_frontend
