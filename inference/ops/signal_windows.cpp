// HannWindow, HammingWindow, BlackmanWindow: ovkit ops (OpenVINO has none; its ONNX frontend
// expands them) with ONNX's semantics. Input: size (integer scalar). Attributes: periodic
// (bool), output_type (element type name). Output [size]. Constant sizes fold at compile time.
#include "infer_helpers.h"

namespace ovkit {
namespace {

void infer_window(ShapeContext& c) {
    check(is_integral(c.in_types[0]), c.node.describe(), ": size must be an integer, got ", type_name(c.in_types[0]));
    check(c.in_shapes[0].rank() < 0 || c.in_shapes[0].rank() <= 1, c.node.describe(), ": size must be a scalar, got ",
          c.in_shapes[0].to_string());
    Dimension len = Dimension::dynamic();
    std::vector<int64_t> size;
    if (c.int_values(0, size)) {
        check(size.size() == 1 && size[0] >= 0, c.node.describe(), ": size must be one non-negative value");
        len = Dimension(size[0]);
    }
    c.set_output(0, type_from_name(c.node.attrs.get_string("output_type", "f32")), PartialShape{len});
}

}  // namespace

OVKIT_OP("HannWindow", infer_window, 1, 1);
OVKIT_OP_VERSION("HannWindow", "ovkit");
OVKIT_OP("HammingWindow", infer_window, 1, 1);
OVKIT_OP_VERSION("HammingWindow", "ovkit");
OVKIT_OP("BlackmanWindow", infer_window, 1, 1);
OVKIT_OP_VERSION("BlackmanWindow", "ovkit");

}  // namespace ovkit
