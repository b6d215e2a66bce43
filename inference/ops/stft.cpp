// STFT (OpenVINO opset15): inputs signal [signal_size] or [batch, signal_size] (real), window
// [window_length <= frame_size], frame_size, frame_step (integer scalars); attribute
// transpose_frames. Output [batch?, frames, frame_size / 2 + 1, 2], or with transpose_frames
// [batch?, frame_size / 2 + 1, frames, 2]; frames = (signal_size - frame_size) / frame_step + 1.
#include "infer_helpers.h"

namespace ovkit {
namespace {

void infer_stft(ShapeContext& c) {
    const PartialShape& signal = c.in_shapes[0];
    check(is_float(c.in_types[0]), c.node.describe(), ": signal must be floating point, got ", type_name(c.in_types[0]));
    check(signal.rank() < 0 || signal.rank() == 1 || signal.rank() == 2, c.node.describe(),
          ": signal must be 1-D or 2-D, got ", signal.to_string());
    check(c.in_shapes[1].rank() < 0 || c.in_shapes[1].rank() == 1, c.node.describe(), ": window must be 1-D, got ",
          c.in_shapes[1].to_string());
    for (size_t i = 2; i < 4; ++i)
        check(is_integral(c.in_types[i]) && c.in_shapes[i].rank() <= 0, c.node.describe(), ": input ", i,
              " must be an integer scalar, got ", type_name(c.in_types[i]), " ", c.in_shapes[i].to_string());
    const bool transpose = c.node.attrs.get_bool("transpose_frames", false);
    if (!signal.rank_is_static()) {
        c.set_output(0, c.in_types[0], PartialShape::dynamic());
        return;
    }
    std::vector<int64_t> frame_size, frame_step;
    Dimension frames = Dimension::dynamic(), bins = Dimension::dynamic();
    const Dimension length = signal[signal.size() - 1];
    if (c.int_values(2, frame_size)) {
        check(frame_size[0] > 0, c.node.describe(), ": frame_size must be positive, got ", frame_size[0]);
        bins = Dimension(frame_size[0] / 2 + 1);
        if (c.in_shapes[1].rank() == 1 && c.in_shapes[1][0].is_static())
            check(c.in_shapes[1][0].value() <= frame_size[0], c.node.describe(), ": window length ",
                  c.in_shapes[1][0].value(), " exceeds frame_size ", frame_size[0]);
        if (c.int_values(3, frame_step) && length.is_static()) {
            check(frame_step[0] > 0, c.node.describe(), ": frame_step must be positive, got ", frame_step[0]);
            check(frame_size[0] <= length.value(), c.node.describe(), ": frame_size ", frame_size[0],
                  " exceeds the signal length ", length.value());
            frames = Dimension((length.value() - frame_size[0]) / frame_step[0] + 1);
        }
    }
    std::vector<Dimension> dims;
    if (signal.rank() == 2) dims.push_back(signal[0]);
    dims.push_back(transpose ? bins : frames);
    dims.push_back(transpose ? frames : bins);
    dims.emplace_back(2);
    c.set_output(0, c.in_types[0], PartialShape(dims));
}

}  // namespace

OVKIT_OP("STFT", infer_stft, 4, 4);
OVKIT_OP_VERSION("STFT", "opset15");

}  // namespace ovkit
