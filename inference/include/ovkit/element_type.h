#pragma once
// Element types, named as OpenVINO names them ("f32", "i64", "boolean", ...).
#include <cstdint>
#include <cstring>
#include <string>

namespace ovkit {

enum class ElementType : uint8_t {
    undefined,
    boolean,
    f16,
    bf16,
    f32,
    f64,
    i8,
    i16,
    i32,
    i64,
    u8,
    u16,
    u32,
    u64,
};

size_t element_size(ElementType t);
const char* type_name(ElementType t);           // "f32"
ElementType type_from_name(const std::string&);  // accepts "f32" and IR precisions "FP32"; throws
const char* ir_precision_name(ElementType t);    // "FP32", "I64", "BOOL"
bool is_float(ElementType t);
bool is_signed(ElementType t);
bool is_integral(ElementType t);  // integers and boolean

// IEEE half: storage only; arithmetic goes through float.
struct float16 {
    uint16_t bits = 0;
    float16() = default;
    float16(float f);  // NOLINT(google-explicit-constructor): behaves like a float
    operator float() const;
    static float16 from_bits(uint16_t b) { float16 h; h.bits = b; return h; }
};

struct bfloat16 {
    uint16_t bits = 0;
    bfloat16() = default;
    bfloat16(float f);  // NOLINT: rounds to nearest even
    operator float() const {
        uint32_t u = uint32_t(bits) << 16;
        float f;
        std::memcpy(&f, &u, 4);
        return f;
    }
    static bfloat16 from_bits(uint16_t b) { bfloat16 h; h.bits = b; return h; }
};

template <typename T> struct type_of;
template <> struct type_of<bool> { static constexpr ElementType value = ElementType::boolean; };
template <> struct type_of<float16> { static constexpr ElementType value = ElementType::f16; };
template <> struct type_of<bfloat16> { static constexpr ElementType value = ElementType::bf16; };
template <> struct type_of<float> { static constexpr ElementType value = ElementType::f32; };
template <> struct type_of<double> { static constexpr ElementType value = ElementType::f64; };
template <> struct type_of<int8_t> { static constexpr ElementType value = ElementType::i8; };
template <> struct type_of<int16_t> { static constexpr ElementType value = ElementType::i16; };
template <> struct type_of<int32_t> { static constexpr ElementType value = ElementType::i32; };
template <> struct type_of<int64_t> { static constexpr ElementType value = ElementType::i64; };
template <> struct type_of<uint8_t> { static constexpr ElementType value = ElementType::u8; };
template <> struct type_of<uint16_t> { static constexpr ElementType value = ElementType::u16; };
template <> struct type_of<uint32_t> { static constexpr ElementType value = ElementType::u32; };
template <> struct type_of<uint64_t> { static constexpr ElementType value = ElementType::u64; };

[[noreturn]] void throw_undefined_type();

// Calls fn(T{}) with the C++ type of `t`. Throws for undefined.
template <typename Fn>
decltype(auto) visit_type(ElementType t, Fn&& fn) {
    switch (t) {
    case ElementType::boolean: return fn(bool{});
    case ElementType::f16: return fn(float16{});
    case ElementType::bf16: return fn(bfloat16{});
    case ElementType::f32: return fn(float{});
    case ElementType::f64: return fn(double{});
    case ElementType::i8: return fn(int8_t{});
    case ElementType::i16: return fn(int16_t{});
    case ElementType::i32: return fn(int32_t{});
    case ElementType::i64: return fn(int64_t{});
    case ElementType::u8: return fn(uint8_t{});
    case ElementType::u16: return fn(uint16_t{});
    case ElementType::u32: return fn(uint32_t{});
    case ElementType::u64: return fn(uint64_t{});
    default: break;
    }
    throw_undefined_type();
}
}  // namespace ovkit
