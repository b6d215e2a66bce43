// ONNX STFT (opset 17) -> STFT (OpenVINO opset15) for real signals [batch, length, 1] with
// onesided = 1: the signal is squeezed to [batch, length]; without a window input a window
// of ones of frame_length is used; without frame_length the window's length is the frame size.
#include "../node_context.h"

namespace ovkit::onnx_frontend {
namespace {

std::vector<Output> stft(NodeContext& c) {
    const Output signal = c.input(0);
    const PartialShape& shape = signal.shape();
    if (shape.rank() != 3 || !shape[2].is_static()) c.fail("signal must be [batch, length, 1 or 2], got ", shape.to_string());
    if (shape[2].value() != 1) c.fail("complex signals are not supported");
    if (!c.attr_int("onesided", 1)) c.fail("onesided = 0 is not supported");
    if (!c.has_input(2) && !c.has_input(3)) c.fail("needs a window or a frame_length");

    Output frame_length;
    if (c.has_input(3)) {
        frame_length = c.input(3);
    } else {
        const PartialShape& w = c.input(2).shape();
        if (w.rank() != 1 || !w[0].is_static()) c.fail("without frame_length the window's length must be static, got ", w.to_string());
        frame_length = c.scalar_i64(w[0].value());
    }
    Output window;
    if (c.has_input(2)) {
        window = c.input(2);
    } else if (const Tensor* len = c.constant_value(frame_length)) {
        window = c.constant(Tensor::from_double(signal.type(), std::vector<double>(size_t(len->as_int64()[0]), 1.0),
                                                {len->as_int64()[0]}));
    } else {
        Output len1d = c.make("Reshape", {frame_length, c.const_i64({1})}, Attributes{{"special_zero", false}});
        window = c.make("Broadcast", {c.scalar(signal.type(), 1.0), len1d}, Attributes{{"mode", std::string("numpy")}});
    }
    Output squeezed = c.make("Squeeze", {signal, c.const_i64({2})});
    return {c.make("STFT", {squeezed, window, frame_length, c.input(1)}, Attributes{{"transpose_frames", false}})};
}

}  // namespace

ONNX_OP("STFT", 17, stft);

}  // namespace ovkit::onnx_frontend
