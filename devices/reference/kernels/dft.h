#pragma once
// Complex transforms along one axis of a row-major buffer, shared by the DFT family and STFT.
#include <complex>
#include <vector>

#include "ovkit/shape.h"

namespace ovkit::reference {

// Trims or zero-pads `buf` (shape `shape`) along `axis` to `len`; updates `shape`.
void resize_axis(std::vector<std::complex<double>>& buf, Shape& shape, int64_t axis, int64_t len);
// In-place DFT along `axis`; `inverse` uses e^{+i..} and scales by 1/n.
void transform_axis(std::vector<std::complex<double>>& buf, const Shape& shape, int64_t axis, bool inverse);

}  // namespace ovkit::reference
