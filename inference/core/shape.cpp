#include "ovkit/shape.h"

#include <sstream>

#include "ovkit/exception.h"

namespace ovkit {

int64_t shape_size(const Shape& s) {
    int64_t n = 1;
    for (int64_t d : s) {
        check(d >= 0, "Negative dimension in shape ", to_string(s));
        if (d != 0 && n > INT64_MAX / d) fail("Shape ", to_string(s), " has more elements than fit in 64 bits");
        n *= d;
    }
    return n;
}

std::string to_string(const Shape& s) {
    std::string r = "[";
    for (size_t i = 0; i < s.size(); ++i) r += (i ? "," : "") + std::to_string(s[i]);
    return r + "]";
}

int64_t Dimension::value() const {
    check(is_static(), "Dimension ", to_string(), " is not static");
    return min;
}

std::string Dimension::to_string() const {
    if (is_static()) return std::to_string(min);
    if (min == 0 && max < 0) return "?";
    return std::to_string(min) + ".." + (max < 0 ? std::string("") : std::to_string(max));
}

PartialShape::PartialShape(const Shape& s) {
    for (int64_t d : s) dims_.emplace_back(d, d);
}

PartialShape PartialShape::dynamic(int64_t rank) {
    if (rank < 0) return PartialShape();
    // A rank read from a model (the length of a Reshape target, say) is checked before
    // anything is sized by it.
    check(rank <= kMaxRank, "Rank ", rank, " exceeds the supported maximum of ", kMaxRank);
    return PartialShape(std::vector<Dimension>(size_t(rank)));
}

bool PartialShape::is_static() const {
    if (rank_dynamic_) return false;
    for (const auto& d : dims_)
        if (!d.is_static()) return false;
    return true;
}

Shape PartialShape::to_shape() const {
    check(is_static(), "Shape ", to_string(), " is not static");
    Shape s;
    for (const auto& d : dims_) s.push_back(d.min);
    return s;
}

bool PartialShape::compatible(const Shape& s) const {
    if (rank_dynamic_) return true;
    if (s.size() != dims_.size()) return false;
    for (size_t i = 0; i < s.size(); ++i)
        if (!dims_[i].compatible(s[i])) return false;
    return true;
}

std::string PartialShape::to_string() const {
    if (rank_dynamic_) return "[...]";
    std::string r = "[";
    for (size_t i = 0; i < dims_.size(); ++i) r += (i ? "," : "") + dims_[i].to_string();
    return r + "]";
}

PartialShape PartialShape::parse(const std::string& text) {
    std::string t = text;
    if (!t.empty() && t.front() == '[') t = t.substr(1);
    if (!t.empty() && t.back() == ']') t.pop_back();
    if (t == "...") return PartialShape();
    std::vector<Dimension> dims;
    if (t.empty()) return PartialShape(dims);
    std::stringstream ss(t);
    std::string item;
    while (std::getline(ss, item, ',')) {
        while (!item.empty() && item.front() == ' ') item.erase(item.begin());
        if (item == "?" || item == "-1") {
            dims.emplace_back();
        } else if (auto pos = item.find(".."); pos != std::string::npos) {
            std::string lo = item.substr(0, pos), hi = item.substr(pos + 2);
            dims.emplace_back(lo.empty() ? 0 : std::stoll(lo), hi.empty() ? -1 : std::stoll(hi));
        } else {
            try {
                size_t used = 0;
                int64_t v = std::stoll(item, &used);
                check(used == item.size() && v >= 0, "");
                dims.emplace_back(v, v);
            } catch (...) {
                fail("Cannot parse dimension '", item, "' in shape '", text, "'");
            }
        }
    }
    return PartialShape(dims);
}

Shape broadcast_shapes(const Shape& a, const Shape& b) {
    size_t r = std::max(a.size(), b.size());
    Shape out(r);
    for (size_t i = 0; i < r; ++i) {
        int64_t da = i < r - a.size() ? 1 : a[i - (r - a.size())];
        int64_t db = i < r - b.size() ? 1 : b[i - (r - b.size())];
        if (da != db && da != 1 && db != 1)
            fail("Shapes ", to_string(a), " and ", to_string(b), " cannot be broadcast");
        out[i] = da == 1 ? db : da;
    }
    return out;
}

PartialShape broadcast_shapes(const PartialShape& a, const PartialShape& b) {
    if (!a.rank_is_static() || !b.rank_is_static()) return PartialShape();
    size_t r = std::max(a.size(), b.size());
    std::vector<Dimension> out(r);
    for (size_t i = 0; i < r; ++i) {
        Dimension da = i < r - a.size() ? Dimension(1) : a[i - (r - a.size())];
        Dimension db = i < r - b.size() ? Dimension(1) : b[i - (r - b.size())];
        if (da.is_static() && db.is_static()) {
            int64_t x = da.min, y = db.min;
            if (x != y && x != 1 && y != 1)
                fail("Shapes ", a.to_string(), " and ", b.to_string(), " cannot be broadcast");
            out[i] = Dimension(x == 1 ? y : x);
        } else if (da.is_static() && da.min != 1) {
            out[i] = da;
        } else if (db.is_static() && db.min != 1) {
            out[i] = db;
        } else if (da == Dimension(1)) {
            out[i] = db;
        } else if (db == Dimension(1)) {
            out[i] = da;
        } else {
            out[i] = Dimension::dynamic();
        }
    }
    return PartialShape(out);
}

int64_t normalize_axis(int64_t axis, int64_t rank, const std::string& node_name) {
    if (axis < -rank || axis >= rank)
        fail("Axis (", axis, ") is out of bounds for rank ", rank, " in node '", node_name, "'");
    return axis < 0 ? axis + rank : axis;
}

}  // namespace ovkit
