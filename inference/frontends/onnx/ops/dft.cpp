// ONNX DFT (opset 17) -> DFT / IDFT / RDFT (OpenVINO). The ONNX signal is [..., 1] (real) or
// [..., 2] (complex). A real signal becomes complex by multiplying with [1, 0] (broadcast over
// the last dimension); onesided forward transforms of real signals use RDFT on the squeezed
// signal. dft_length becomes signal_size.
#include "../node_context.h"

namespace ovkit::onnx_frontend {
namespace {

// signal_size input from a scalar dft_length.
Output signal_size(NodeContext& c, Output length) {
    if (const Tensor* v = c.constant_value(length)) {
        if (v->size() != 1) c.fail("dft_length must be a scalar, got ", v->size(), " values");
        return c.const_i64({v->as_int64()[0]});
    }
    return c.make("Reshape", {length, c.const_i64({1})}, Attributes{{"special_zero", false}});
}

std::vector<Output> dft(NodeContext& c) {
    const Output x = c.input(0);
    const PartialShape& shape = x.shape();
    if (shape.rank() < 2 || !shape[shape.size() - 1].is_static())
        c.fail("the signal needs a static last dimension (1 or 2), got ", shape.to_string());
    const int64_t rank = shape.rank(), last = shape[shape.size() - 1].value();
    if (last != 1 && last != 2) c.fail("the signal's last dimension must be 1 or 2, got ", last);
    const int64_t axis = normalize_axis(c.attr_int("axis", 1), rank, c.name());
    if (axis == rank - 1) c.fail("axis ", axis, " is the real/imaginary dimension");
    const bool inverse = c.attr_int("inverse", 0) != 0, onesided = c.attr_int("onesided", 0) != 0;

    std::vector<Output> inputs{x, c.const_i64({axis})};
    if (c.has_input(1)) inputs.push_back(signal_size(c, c.input(1)));
    if (onesided) {
        if (inverse) c.fail("onesided inverse DFT is not supported");
        if (last != 1) c.fail("onesided DFT needs a real signal ([..., 1]), got ", shape.to_string());
        inputs[0] = c.make("Squeeze", {x, c.const_i64({rank - 1})});
        return {c.make("RDFT", inputs)};
    }
    if (last == 1) {
        Output to_complex = c.constant(Tensor::from_double(x.type(), {1.0, 0.0}, {2}));
        inputs[0] = c.make("Multiply", {x, to_complex});
    }
    return {c.make(inverse ? "IDFT" : "DFT", inputs)};
}

}  // namespace

ONNX_OP("DFT", 17, dft);

}  // namespace ovkit::onnx_frontend
