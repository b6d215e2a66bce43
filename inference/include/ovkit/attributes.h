#pragma once
// Node attributes, kept in insertion order so that an IR round-trips byte for byte.
// Values are typed when created by a frontend and plain strings when read from an IR;
// the getters accept either form.
#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace ovkit {

using AttributeValue = std::variant<std::string, int64_t, double, bool, std::vector<int64_t>,
                                    std::vector<double>, std::vector<std::string>>;

class Attributes {
public:
    Attributes() = default;
    Attributes(std::initializer_list<std::pair<const std::string, AttributeValue>> items) {
        for (auto& [k, v] : items) set(k, v);
    }
    void set(const std::string& name, AttributeValue value);
    bool has(const std::string& name) const { return find(name) != nullptr; }
    void erase(const std::string& name);

    int64_t get_int(const std::string& name) const;
    int64_t get_int(const std::string& name, int64_t fallback) const;
    double get_float(const std::string& name) const;
    double get_float(const std::string& name, double fallback) const;
    bool get_bool(const std::string& name) const;
    bool get_bool(const std::string& name, bool fallback) const;
    std::string get_string(const std::string& name) const;
    std::string get_string(const std::string& name, const std::string& fallback) const;
    std::vector<int64_t> get_ints(const std::string& name) const;
    std::vector<int64_t> get_ints(const std::string& name, const std::vector<int64_t>& fallback) const;
    std::vector<double> get_floats(const std::string& name) const;
    std::vector<double> get_floats(const std::string& name, const std::vector<double>& fallback) const;
    std::vector<std::string> get_strings(const std::string& name) const;

    // Text form as written into IR `<data>` elements ("1,2,3", "explicit", "0.5").
    std::string text(const std::string& name) const;
    static std::string to_text(const AttributeValue& v);

    const std::vector<std::pair<std::string, AttributeValue>>& items() const { return items_; }

private:
    const AttributeValue* find(const std::string& name) const;
    const AttributeValue& require(const std::string& name) const;
    std::vector<std::pair<std::string, AttributeValue>> items_;
};

}  // namespace ovkit
