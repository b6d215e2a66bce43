#include "ovkit/attributes.h"

#include <charconv>
#include <cmath>
#include <sstream>

#include "ovkit/exception.h"

namespace ovkit {

namespace {
std::vector<std::string> split_commas(const std::string& s) {
    std::vector<std::string> out;
    if (s.empty()) return out;
    std::stringstream ss(s);
    std::string item;
    while (std::getline(ss, item, ',')) {
        size_t b = item.find_first_not_of(' '), e = item.find_last_not_of(' ');
        out.push_back(b == std::string::npos ? "" : item.substr(b, e - b + 1));
    }
    return out;
}
int64_t parse_int(const std::string& name, const std::string& s) {
    int64_t v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size()) {
        if (s == "true") return 1;
        if (s == "false") return 0;
        // Integer attributes written as floats ("1.0") are tolerated.
        double d = 0;
        auto [p2, ec2] = std::from_chars(s.data(), s.data() + s.size(), d);
        if (ec2 == std::errc() && p2 == s.data() + s.size() && d == double(int64_t(d))) return int64_t(d);
        fail("Attribute '", name, "' value '", s, "' is not an integer");
    }
    return v;
}
double parse_float(const std::string& name, const std::string& s) {
    double v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size()) {
        if (s == "inf") return INFINITY;
        if (s == "-inf") return -INFINITY;
        fail("Attribute '", name, "' value '", s, "' is not a number");
    }
    return v;
}
std::string format_double(double v) {
    char buf[64];
    auto [p, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, p);
}
}  // namespace

void Attributes::set(const std::string& name, AttributeValue value) {
    for (auto& [k, v] : items_)
        if (k == name) {
            v = std::move(value);
            return;
        }
    items_.emplace_back(name, std::move(value));
}

void Attributes::erase(const std::string& name) {
    for (auto it = items_.begin(); it != items_.end(); ++it)
        if (it->first == name) {
            items_.erase(it);
            return;
        }
}

const AttributeValue* Attributes::find(const std::string& name) const {
    for (const auto& [k, v] : items_)
        if (k == name) return &v;
    return nullptr;
}

const AttributeValue& Attributes::require(const std::string& name) const {
    const AttributeValue* v = find(name);
    if (!v) fail("Missing attribute '", name, "'");
    return *v;
}

int64_t Attributes::get_int(const std::string& name) const {
    const AttributeValue& v = require(name);
    if (auto p = std::get_if<int64_t>(&v)) return *p;
    if (auto p = std::get_if<bool>(&v)) return *p;
    if (auto p = std::get_if<double>(&v)) return int64_t(*p);
    if (auto p = std::get_if<std::vector<int64_t>>(&v); p && p->size() == 1) return (*p)[0];
    if (auto p = std::get_if<std::string>(&v)) return parse_int(name, *p);
    fail("Attribute '", name, "' is not an integer");
}
int64_t Attributes::get_int(const std::string& name, int64_t fallback) const {
    return has(name) ? get_int(name) : fallback;
}

double Attributes::get_float(const std::string& name) const {
    const AttributeValue& v = require(name);
    if (auto p = std::get_if<double>(&v)) return *p;
    if (auto p = std::get_if<int64_t>(&v)) return double(*p);
    if (auto p = std::get_if<std::vector<double>>(&v); p && p->size() == 1) return (*p)[0];
    if (auto p = std::get_if<std::string>(&v)) return parse_float(name, *p);
    fail("Attribute '", name, "' is not a number");
}
double Attributes::get_float(const std::string& name, double fallback) const {
    return has(name) ? get_float(name) : fallback;
}

bool Attributes::get_bool(const std::string& name) const {
    const AttributeValue& v = require(name);
    if (auto p = std::get_if<bool>(&v)) return *p;
    if (auto p = std::get_if<int64_t>(&v)) return *p != 0;
    if (auto p = std::get_if<std::string>(&v)) {
        if (*p == "true" || *p == "1") return true;
        if (*p == "false" || *p == "0") return false;
    }
    fail("Attribute '", name, "' is not a boolean");
}
bool Attributes::get_bool(const std::string& name, bool fallback) const {
    return has(name) ? get_bool(name) : fallback;
}

std::string Attributes::get_string(const std::string& name) const {
    const AttributeValue& v = require(name);
    if (auto p = std::get_if<std::string>(&v)) return *p;
    return to_text(v);
}
std::string Attributes::get_string(const std::string& name, const std::string& fallback) const {
    return has(name) ? get_string(name) : fallback;
}

std::vector<int64_t> Attributes::get_ints(const std::string& name) const {
    const AttributeValue& v = require(name);
    if (auto p = std::get_if<std::vector<int64_t>>(&v)) return *p;
    if (auto p = std::get_if<int64_t>(&v)) return {*p};
    if (auto p = std::get_if<std::vector<double>>(&v)) return std::vector<int64_t>(p->begin(), p->end());
    if (auto p = std::get_if<std::string>(&v)) {
        std::vector<int64_t> out;
        for (const auto& item : split_commas(*p)) out.push_back(parse_int(name, item));
        return out;
    }
    fail("Attribute '", name, "' is not a list of integers");
}
std::vector<int64_t> Attributes::get_ints(const std::string& name,
                                          const std::vector<int64_t>& fallback) const {
    return has(name) ? get_ints(name) : fallback;
}

std::vector<double> Attributes::get_floats(const std::string& name) const {
    const AttributeValue& v = require(name);
    if (auto p = std::get_if<std::vector<double>>(&v)) return *p;
    if (auto p = std::get_if<double>(&v)) return {*p};
    if (auto p = std::get_if<std::vector<int64_t>>(&v)) return std::vector<double>(p->begin(), p->end());
    if (auto p = std::get_if<int64_t>(&v)) return {double(*p)};
    if (auto p = std::get_if<std::string>(&v)) {
        std::vector<double> out;
        for (const auto& item : split_commas(*p)) out.push_back(parse_float(name, item));
        return out;
    }
    fail("Attribute '", name, "' is not a list of numbers");
}
std::vector<double> Attributes::get_floats(const std::string& name,
                                           const std::vector<double>& fallback) const {
    return has(name) ? get_floats(name) : fallback;
}

std::vector<std::string> Attributes::get_strings(const std::string& name) const {
    const AttributeValue& v = require(name);
    if (auto p = std::get_if<std::vector<std::string>>(&v)) return *p;
    if (auto p = std::get_if<std::string>(&v)) return split_commas(*p);
    fail("Attribute '", name, "' is not a list of strings");
}

std::string Attributes::text(const std::string& name) const { return to_text(require(name)); }

std::string Attributes::to_text(const AttributeValue& v) {
    struct Visitor {
        std::string operator()(const std::string& s) const { return s; }
        std::string operator()(int64_t i) const { return std::to_string(i); }
        std::string operator()(double d) const { return format_double(d); }
        std::string operator()(bool b) const { return b ? "true" : "false"; }
        std::string operator()(const std::vector<int64_t>& xs) const {
            std::string r;
            for (size_t i = 0; i < xs.size(); ++i) r += (i ? "," : "") + std::to_string(xs[i]);
            return r;
        }
        std::string operator()(const std::vector<double>& xs) const {
            std::string r;
            for (size_t i = 0; i < xs.size(); ++i) r += (i ? "," : "") + format_double(xs[i]);
            return r;
        }
        std::string operator()(const std::vector<std::string>& xs) const {
            std::string r;
            for (size_t i = 0; i < xs.size(); ++i) r += (i ? "," : "") + xs[i];
            return r;
        }
    };
    return std::visit(Visitor{}, v);
}

}  // namespace ovkit
