// ONNX Add, Sub, Mul, Div, Pow, Mod, BitShift and the variadic Max, Min, Sum, Mean -> Add,
// Subtract, Multiply, Divide, Power, Mod/FloorMod, Maximum, Minimum (numpy broadcasting; the
// opset < 7 `broadcast`/`axis` form is accepted when shapes already broadcast).
#include "direct.h"

namespace ovkit::onnx_frontend {
namespace {

constexpr char kAdd[] = "Add", kSub[] = "Subtract", kMul[] = "Multiply", kDiv[] = "Divide";

Output convert(NodeContext& c, Output x, ElementType to) {
    return c.make("Convert", {x}, Attributes{{"destination_type", std::string(type_name(to))}});
}

// ONNX lets base and exponent types differ; the result has the base type. As OpenVINO's
// frontend does: an integer (or narrower float) exponent is converted to the base type,
// otherwise the power is computed in the exponent's float type and converted back.
std::vector<Output> pow(NodeContext& c) {
    Output base = c.input(0), exponent = c.input(1);
    ElementType bt = base.type(), et = exponent.type();
    if (bt == et) return {c.make("Power", {base, exponent})};
    if (is_integral(et) || (is_float(bt) && element_size(bt) >= element_size(et)))
        return {c.make("Power", {base, convert(c, exponent, bt)})};
    return {convert(c, c.make("Power", {convert(c, base, et), exponent}), bt)};
}

// fmod=1: remainder with the dividend's sign (Mod); fmod=0: with the divisor's (FloorMod).
std::vector<Output> mod(NodeContext& c) {
    int64_t fmod = c.attr_int("fmod", 0);
    if (fmod != 0 && fmod != 1) c.fail("attribute fmod must be 0 or 1, got ", fmod);
    if (fmod == 0 && is_float(c.input(0).type())) c.fail("fmod=0 is not defined for floating inputs");
    return {c.make(fmod ? "Mod" : "FloorMod", {c.input(0), c.input(1)})};
}

// x << y = x * 2^y, x >> y = x / 2^y (unsigned integers, as ONNX requires).
std::vector<Output> bit_shift(NodeContext& c) {
    Output x = c.input(0), y = c.input(1);
    std::string direction = c.attr_string("direction", "");
    if (direction != "LEFT" && direction != "RIGHT") c.fail("direction '", direction, "' is not LEFT or RIGHT");
    Output factor = c.make("Power", {c.scalar(x.type(), 2.0), y});
    return {c.make(direction == "LEFT" ? "Multiply" : "Divide", {x, factor})};
}

// Left fold of all inputs with a binary op (Max, Min, Sum with one input give the input).
Output fold(NodeContext& c, const char* type) {
    std::vector<Output> in = c.inputs();
    if (in.empty()) c.fail("needs at least one input");
    Output acc = in[0];
    for (size_t i = 1; i < in.size(); ++i) acc = c.make(type, {acc, in[i]});
    return acc;
}

template <const char* Type>
std::vector<Output> variadic(NodeContext& c) { return {fold(c, Type)}; }
constexpr char kMaximum[] = "Maximum", kMinimum[] = "Minimum";

std::vector<Output> mean(NodeContext& c) {
    Output sum = fold(c, kAdd);
    return {c.make(kDiv, {sum, c.scalar(sum.type(), double(c.inputs().size()))})};
}

}  // namespace

ONNX_OP("Add", 1, direct<kAdd>);
ONNX_OP("Sub", 1, direct<kSub>);
ONNX_OP("Mul", 1, direct<kMul>);
ONNX_OP("Div", 1, direct<kDiv>);
ONNX_OP("Pow", 1, pow);
ONNX_OP("Mod", 10, mod);
ONNX_OP("BitShift", 11, bit_shift);
ONNX_OP("Max", 1, variadic<kMaximum>);
ONNX_OP("Min", 1, variadic<kMinimum>);
ONNX_OP("Sum", 1, variadic<kAdd>);
ONNX_OP("Mean", 1, mean);

}  // namespace ovkit::onnx_frontend
