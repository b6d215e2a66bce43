// MelWeightMatrix: an ovkit op with ONNX's semantics (OpenVINO has none). Inputs
// num_mel_bins, dft_length, sample_rate (integer scalars), lower_edge_hertz,
// upper_edge_hertz (float scalars); attribute output_type.
// Output [dft_length / 2 + 1, num_mel_bins].
#include "infer_helpers.h"

namespace ovkit {
namespace {

void infer_mel_weight_matrix(ShapeContext& c) {
    for (size_t i = 0; i < 3; ++i)
        check(is_integral(c.in_types[i]), c.node.describe(), ": input ", i, " must be an integer, got ",
              type_name(c.in_types[i]));
    std::vector<int64_t> bins, dft_length;
    Dimension rows = Dimension::dynamic(), cols = Dimension::dynamic();
    if (c.int_values(0, bins)) {
        check(bins.size() == 1 && bins[0] > 0, c.node.describe(), ": num_mel_bins must be one positive value");
        cols = Dimension(bins[0]);
    }
    if (c.int_values(1, dft_length)) {
        check(dft_length.size() == 1 && dft_length[0] > 0, c.node.describe(), ": dft_length must be one positive value");
        rows = Dimension(dft_length[0] / 2 + 1);
    }
    c.set_output(0, type_from_name(c.node.attrs.get_string("output_type", "f32")), PartialShape{rows, cols});
}

}  // namespace

OVKIT_OP("MelWeightMatrix", infer_mel_weight_matrix, 5, 5);
OVKIT_OP_VERSION("MelWeightMatrix", "ovkit");

}  // namespace ovkit
