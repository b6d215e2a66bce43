// STFT (OpenVINO opset15): each frame (frame_size samples, frame_step apart) is multiplied by
// the window, zero-padded to frame_size and centred when shorter, then transformed; the
// frame_size / 2 + 1 non-redundant bins are kept.
#include <complex>

#include "dft.h"
#include "helpers.h"

namespace ovkit::reference {
namespace {

void stft(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    const Shape& ss = in[0].shape();
    const int64_t batch = ss.size() == 2 ? ss[0] : 1, length = ss.back();
    const int64_t frame_size = in[2].as_int64()[0], step = in[3].as_int64()[0];
    const auto signal = in[0].as_double(), window = in[1].as_double();
    const int64_t win_len = int64_t(window.size()), win_start = (frame_size - win_len) / 2;
    const int64_t frames = (length - frame_size) / step + 1, bins = frame_size / 2 + 1;

    Shape shape{batch, frames, frame_size};
    std::vector<std::complex<double>> buf(size_t(shape_size(shape)));
    for (int64_t b = 0; b < batch; ++b)
        for (int64_t f = 0; f < frames; ++f)
            for (int64_t k = 0; k < win_len; ++k)
                buf[size_t((b * frames + f) * frame_size + win_start + k)] =
                    signal[size_t(b * length + f * step + win_start + k)] * window[k];
    transform_axis(buf, shape, 2, false);
    resize_axis(buf, shape, 2, bins);

    const bool transpose = n.attrs.get_bool("transpose_frames", false);
    std::vector<double> result(buf.size() * 2);
    for (int64_t b = 0; b < batch; ++b)
        for (int64_t f = 0; f < frames; ++f)
            for (int64_t k = 0; k < bins; ++k) {
                const auto v = buf[size_t((b * frames + f) * bins + k)];
                const int64_t o = transpose ? (b * bins + k) * frames + f : (b * frames + f) * bins + k;
                result[size_t(2 * o)] = v.real();
                result[size_t(2 * o + 1)] = v.imag();
            }
    out[0] = Tensor::from_double(in[0].type(), result, out[0].shape());
}

}  // namespace

OVKIT_REFERENCE_KERNEL("STFT", stft);

}  // namespace ovkit::reference
