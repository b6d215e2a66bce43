// ONNX elementwise math -> the OpenVINO op of the same meaning (Neg -> Negative,
// Ceil -> Ceiling, Round -> Round half_to_even, Reciprocal -> Divide(1, x)).
#include "direct.h"

namespace ovkit::onnx_frontend {
namespace {

constexpr char kAbs[] = "Abs", kNegative[] = "Negative", kSqrt[] = "Sqrt", kExp[] = "Exp", kLog[] = "Log";
constexpr char kSin[] = "Sin", kCos[] = "Cos", kTan[] = "Tan", kAsin[] = "Asin", kAcos[] = "Acos",
               kAtan[] = "Atan";
constexpr char kSinh[] = "Sinh", kCosh[] = "Cosh", kAsinh[] = "Asinh", kAcosh[] = "Acosh", kAtanh[] = "Atanh";
constexpr char kCeiling[] = "Ceiling", kFloor[] = "Floor", kSign[] = "Sign", kErf[] = "Erf";

std::vector<Output> round(NodeContext& c) {
    return {c.make("Round", {c.input(0)}, Attributes{{"mode", std::string("half_to_even")}})};
}

std::vector<Output> reciprocal(NodeContext& c) {
    Output x = c.input(0);
    return {c.make("Divide", {c.scalar(x.type(), 1.0), x})};
}

}  // namespace

ONNX_OP("Abs", 1, direct<kAbs>);
ONNX_OP("Neg", 1, direct<kNegative>);
ONNX_OP("Sqrt", 1, direct<kSqrt>);
ONNX_OP("Exp", 1, direct<kExp>);
ONNX_OP("Log", 1, direct<kLog>);
ONNX_OP("Sin", 7, direct<kSin>);
ONNX_OP("Cos", 7, direct<kCos>);
ONNX_OP("Tan", 7, direct<kTan>);
ONNX_OP("Asin", 7, direct<kAsin>);
ONNX_OP("Acos", 7, direct<kAcos>);
ONNX_OP("Atan", 7, direct<kAtan>);
ONNX_OP("Sinh", 9, direct<kSinh>);
ONNX_OP("Cosh", 9, direct<kCosh>);
ONNX_OP("Asinh", 9, direct<kAsinh>);
ONNX_OP("Acosh", 9, direct<kAcosh>);
ONNX_OP("Atanh", 9, direct<kAtanh>);
ONNX_OP("Ceil", 1, direct<kCeiling>);
ONNX_OP("Floor", 1, direct<kFloor>);
ONNX_OP("Sign", 9, direct<kSign>);
ONNX_OP("Erf", 9, direct<kErf>);
ONNX_OP("Round", 11, round);
ONNX_OP("Reciprocal", 1, reciprocal);

}  // namespace ovkit::onnx_frontend
