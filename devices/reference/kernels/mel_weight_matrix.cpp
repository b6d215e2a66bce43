// MelWeightMatrix (ONNX semantics): num_mel_bins triangular filters whose edges are
// num_mel_bins + 2 points from the lower edge frequency, spaced (high - low) / (num_mel_bins + 2)
// apart on the mel scale (2595 * log10(1 + f / 700)), each mapped to the spectrogram bin
// floor((dft_length + 1) * f / sample_rate).
#include "helpers.h"

namespace ovkit::reference {
namespace {

void mel_weight_matrix(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    const int64_t bins = in[0].as_int64()[0], dft_length = in[1].as_int64()[0], rate = in[2].as_int64()[0];
    const double low = in[3].as_double()[0], high = in[4].as_double()[0];
    check(rate > 0, "sample_rate must be positive, got ", rate);
    const int64_t rows = dft_length / 2 + 1;
    auto to_mel = [](double hz) { return 2595.0 * std::log10(1.0 + hz / 700.0); };
    // The step divides the range into num_mel_bins + 2 parts, as ONNX's reference does.
    const double low_mel = to_mel(low), step = (to_mel(high) - low_mel) / double(bins + 2);
    std::vector<int64_t> edge(size_t(bins + 2));
    for (int64_t i = 0; i < bins + 2; ++i) {
        const double hz = 700.0 * (std::pow(10.0, (double(i) * step + low_mel) / 2595.0) - 1.0);
        edge[i] = int64_t(std::floor(double(dft_length + 1) * hz / double(rate)));
        check(edge[i] >= 0 && edge[i] < rows, "mel edge ", i, " falls on bin ", edge[i], ", outside [0, ", rows,
              "); check the edge frequencies against sample_rate");
    }
    std::vector<double> w(size_t(rows * bins), 0.0);
    for (int64_t m = 0; m < bins; ++m) {
        const int64_t left = edge[m], center = edge[m + 1], right = edge[m + 2];
        if (center == left) w[center * bins + m] = 1;
        for (int64_t j = left; j <= center && center > left; ++j)
            w[j * bins + m] = double(j - left) / double(center - left);
        for (int64_t j = center; j < right; ++j) w[j * bins + m] = double(right - j) / double(right - center);
    }
    out[0] = Tensor::from_double(out[0].type(), w, {rows, bins});
}

}  // namespace

OVKIT_REFERENCE_KERNEL("MelWeightMatrix", mel_weight_matrix);

}  // namespace ovkit::reference
