#include "movement.h"

namespace ovkit::reference {
namespace {
void reverse_sequence(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    const Shape& s = in[0].shape();
    size_t batch = size_t(normalize_axis(n.attrs.get_int("batch_axis", 0), int64_t(s.size()), n.name));
    size_t seq = size_t(normalize_axis(n.attrs.get_int("seq_axis", 1), int64_t(s.size()), n.name));
    auto lengths = in[1].as_int64();
    check(int64_t(lengths.size()) == s[batch], n.describe(), ": seq_lengths has ", lengths.size(),
          " values for a batch of ", s[batch]);
    for (int64_t len : lengths)
        check(len >= 0 && len <= s[seq], n.describe(), ": sequence length ", len, " is outside [0, ", s[seq], "]");
    auto strides = strides_of(s);
    size_t es = element_size(in[0].type());
    for_each_index(s, [&](int64_t o, const std::vector<int64_t>& idx) {
        int64_t len = lengths[size_t(idx[batch])], t = idx[seq];
        int64_t src = o + ((t < len ? len - 1 - t : t) - t) * strides[seq];
        copy_elements(out[0].data(), o, in[0].data(), src, es);
    });
}
}  // namespace
OVKIT_REFERENCE_KERNEL("ReverseSequence", reverse_sequence);
}  // namespace ovkit::reference
