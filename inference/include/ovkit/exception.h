#pragma once
// The one exception type every public entry point throws. Messages name the
// model, node and reason ("Reduction axis (5) is out of bounds for rank 4 in node 'Softmax_12'").
#include <sstream>
#include <stdexcept>
#include <string>

namespace ovkit {

class Exception : public std::runtime_error {
public:
    explicit Exception(const std::string& message) : std::runtime_error(message) {}
};

namespace detail {
inline void append(std::ostringstream&) {}
template <typename T, typename... Rest>
void append(std::ostringstream& s, const T& v, const Rest&... rest) {
    s << v;
    append(s, rest...);
}
}  // namespace detail

template <typename... Args>
[[noreturn]] void fail(const Args&... args) {
    std::ostringstream s;
    detail::append(s, args...);
    throw Exception(s.str());
}

template <typename... Args>
void check(bool condition, const Args&... args) {
    if (!condition) fail(args...);
}

}  // namespace ovkit
