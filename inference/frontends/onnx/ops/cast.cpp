// ONNX Cast -> Convert (destination_type), CastLike -> ConvertLike. STRING types are not
// supported (element_type_from_onnx names them in its error).
#include "../node_context.h"

namespace ovkit::onnx_frontend {
namespace {

std::vector<Output> convert(NodeContext& c, int32_t onnx_type) {
    ElementType to = element_type_from_onnx(onnx_type, c.op_type() + " node '" + c.name() + "' attribute 'to'");
    return {c.make("Convert", {c.input(0)}, Attributes{{"destination_type", std::string(type_name(to))}})};
}

// Opset 1 names the type as a string ("FLOAT").
std::vector<Output> cast_opset_1(NodeContext& c) {
    std::string name = c.attr_string("to", "");
    onnx::TensorProto_DataType t;
    if (!onnx::TensorProto_DataType_Parse(name, &t)) c.fail("unknown type name '", name, "' in attribute 'to'");
    return convert(c, t);
}

std::vector<Output> cast_opset_6(NodeContext& c) { return convert(c, int32_t(c.attr_int("to"))); }

std::vector<Output> cast_like(NodeContext& c) { return {c.make("ConvertLike", {c.input(0), c.input(1)})}; }

}  // namespace

ONNX_OP("Cast", 1, cast_opset_1);
ONNX_OP("Cast", 6, cast_opset_6);
ONNX_OP("CastLike", 15, cast_like);

}  // namespace ovkit::onnx_frontend
