#pragma once
// Static shapes (Shape) and shapes with dynamic or bounded dimensions (PartialShape).
#include <cstdint>
#include <string>
#include <vector>

namespace ovkit {

using Shape = std::vector<int64_t>;

// The highest tensor rank ovkit accepts (OpenVINO and ONNX Runtime have similar limits).
constexpr int64_t kMaxRank = 64;

int64_t shape_size(const Shape& s);  // product; throws on overflow
std::string to_string(const Shape& s);  // "[1,3,640,640]"

// A dimension is an interval [min, max]; max == -1 means unbounded. Static when min == max.
struct Dimension {
    int64_t min = 0;
    int64_t max = -1;
    Dimension() = default;
    Dimension(int64_t v) : min(v < 0 ? 0 : v), max(v) {}  // NOLINT: -1 gives fully dynamic
    Dimension(int64_t lo, int64_t hi) : min(lo), max(hi) {}
    static Dimension dynamic() { return Dimension(); }
    bool is_static() const { return max >= 0 && min == max; }
    bool is_dynamic() const { return !is_static(); }
    int64_t value() const;  // throws when dynamic
    bool compatible(int64_t v) const { return v >= min && (max < 0 || v <= max); }
    bool operator==(const Dimension& o) const { return min == o.min && max == o.max; }
    bool operator!=(const Dimension& o) const { return !(*this == o); }
    std::string to_string() const;  // "3", "?", "1..10"
};

class PartialShape {
public:
    PartialShape() : rank_dynamic_(true) {}  // dynamic rank
    PartialShape(std::initializer_list<Dimension> dims) : dims_(dims) {}
    PartialShape(std::vector<Dimension> dims) : dims_(std::move(dims)) {}  // NOLINT
    PartialShape(const Shape& s);                                            // NOLINT
    static PartialShape dynamic(int64_t rank = -1);

    bool rank_is_static() const { return !rank_dynamic_; }
    int64_t rank() const { return rank_dynamic_ ? -1 : int64_t(dims_.size()); }
    bool is_static() const;
    Shape to_shape() const;  // throws when dynamic
    const std::vector<Dimension>& dims() const { return dims_; }
    std::vector<Dimension>& dims() { return dims_; }
    Dimension& operator[](size_t i) { return dims_[i]; }
    const Dimension& operator[](size_t i) const { return dims_[i]; }
    size_t size() const { return dims_.size(); }
    bool compatible(const Shape& s) const;
    bool operator==(const PartialShape& o) const {
        return rank_dynamic_ == o.rank_dynamic_ && dims_ == o.dims_;
    }
    std::string to_string() const;  // "[1,3,?,1..10]" or "[...]"
    static PartialShape parse(const std::string& text);  // inverse of to_string; "-1" = "?"

private:
    std::vector<Dimension> dims_;
    bool rank_dynamic_ = false;
};

// Numpy broadcasting of two shapes (static and partial). Throws naming both shapes.
Shape broadcast_shapes(const Shape& a, const Shape& b);
PartialShape broadcast_shapes(const PartialShape& a, const PartialShape& b);

// Normalizes a possibly negative axis against rank; throws naming the node.
int64_t normalize_axis(int64_t axis, int64_t rank, const std::string& node_name);

}  // namespace ovkit
