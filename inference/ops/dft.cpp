// DFT, IDFT (OpenVINO opset7) and RDFT, IRDFT (opset9): inputs data, axes, signal_size (optional).
// Complex tensors carry a trailing dimension of 2 (real, imaginary). Axes count over the
// complex dimensions (RDFT: the real input's dimensions). signal_size (-1: keep) trims or
// zero-pads each transformed axis; RDFT keeps n/2+1 bins on its last axis, and IRDFT
// produces 2*(n-1) samples there unless signal_size says otherwise.
#include "infer_helpers.h"

namespace ovkit {
namespace {

enum class Kind { dft, idft, rdft, irdft };

template <Kind kind>
void infer_dft(ShapeContext& c) {
    const PartialShape& data = c.in_shapes[0];
    check(is_float(c.in_types[0]), c.node.describe(), ": data must be floating point, got ", type_name(c.in_types[0]));
    check(c.in_shapes[1].rank() < 0 || c.in_shapes[1].rank() <= 1, c.node.describe(), ": axes must be 1-D, got ",
          c.in_shapes[1].to_string());
    constexpr bool complex_in = kind != Kind::rdft;
    if (!data.rank_is_static()) {
        c.set_output(0, c.in_types[0], PartialShape::dynamic());
        return;
    }
    const int64_t rank = data.rank() - (complex_in ? 1 : 0);  // signal rank
    if (complex_in)
        check(rank >= 1 && (!data[rank].is_static() || data[rank].value() == 2), c.node.describe(),
              ": complex data needs a last dimension of 2, got ", data.to_string());
    std::vector<Dimension> dims(data.dims().begin(), data.dims().begin() + rank);
    std::vector<int64_t> axes, sizes;
    if (!c.int_values(1, axes)) {
        int64_t out_rank = kind == Kind::irdft ? rank : rank + 1;
        c.set_output(0, c.in_types[0], PartialShape::dynamic(out_rank));
        return;
    }
    for (auto& a : axes) a = normalize_axis(a, rank, c.node.name);
    const bool sized = c.inputs() > 2;
    const bool known_sizes = sized && c.int_values(2, sizes);
    if (known_sizes)
        check(sizes.size() == axes.size(), c.node.describe(), ": ", sizes.size(), " signal sizes for ", axes.size(),
              " axes");
    for (size_t i = 0; i < axes.size(); ++i) {
        Dimension& d = dims[axes[i]];
        const bool last = i + 1 == axes.size();
        if (sized && !known_sizes) d = Dimension::dynamic();
        else if (known_sizes && sizes[i] != -1) d = Dimension(sizes[i]);
        else if (kind == Kind::irdft && last) d = d.is_static() ? Dimension(2 * (d.value() - 1)) : Dimension::dynamic();
        if (kind == Kind::rdft && last) d = d.is_static() ? Dimension(d.value() / 2 + 1) : Dimension::dynamic();
    }
    if (kind != Kind::irdft) dims.emplace_back(2);
    c.set_output(0, c.in_types[0], PartialShape(dims));
}

}  // namespace

OVKIT_OP("DFT", infer_dft<Kind::dft>, 2, 3);
OVKIT_OP_VERSION("DFT", "opset7");
OVKIT_OP("IDFT", infer_dft<Kind::idft>, 2, 3);
OVKIT_OP_VERSION("IDFT", "opset7");
OVKIT_OP("RDFT", infer_dft<Kind::rdft>, 2, 3);
OVKIT_OP_VERSION("RDFT", "opset9");
OVKIT_OP("IRDFT", infer_dft<Kind::irdft>, 2, 3);
OVKIT_OP_VERSION("IRDFT", "opset9");

}  // namespace ovkit
