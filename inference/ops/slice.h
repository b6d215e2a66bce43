#pragma once
// Slice bounds as ONNX and OpenVINO Slice define them (numpy rules): negative start/stop count
// from the end, then both are clamped to the dimension. Shared by shape inference and kernels.
#include <algorithm>
#include <cstdint>

namespace ovkit {

struct SliceRange {
    int64_t start = 0;  // first index read
    int64_t count = 0;  // number of elements read, stepping by step
};

// `step` must be non-zero.
inline SliceRange slice_range(int64_t start, int64_t stop, int64_t step, int64_t dim) {
    auto clamp = [&](int64_t v, int64_t lo, int64_t hi) {
        if (v < 0) v += dim;
        return std::min(std::max(v, lo), hi);
    };
    SliceRange r;
    if (step > 0) {
        r.start = clamp(start, 0, dim);
        int64_t end = clamp(stop, 0, dim);
        r.count = end > r.start ? (end - r.start + step - 1) / step : 0;
    } else {
        r.start = clamp(start, -1, dim - 1);
        int64_t end = clamp(stop, -1, dim - 1);
        r.count = r.start > end ? (r.start - end - step - 1) / -step : 0;
    }
    return r;
}

}  // namespace ovkit
