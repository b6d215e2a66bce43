#include "ovkit/element_type.h"

#include <cmath>

#include "ovkit/exception.h"

namespace ovkit {

namespace {
struct TypeInfo {
    ElementType type;
    const char* name;
    const char* ir;
    size_t size;
};
constexpr TypeInfo kTypes[] = {
    {ElementType::undefined, "undefined", "UNSPECIFIED", 0},
    {ElementType::boolean, "boolean", "BOOL", 1},
    {ElementType::f16, "f16", "FP16", 2},
    {ElementType::bf16, "bf16", "BF16", 2},
    {ElementType::f32, "f32", "FP32", 4},
    {ElementType::f64, "f64", "FP64", 8},
    {ElementType::i8, "i8", "I8", 1},
    {ElementType::i16, "i16", "I16", 2},
    {ElementType::i32, "i32", "I32", 4},
    {ElementType::i64, "i64", "I64", 8},
    {ElementType::u8, "u8", "U8", 1},
    {ElementType::u16, "u16", "U16", 2},
    {ElementType::u32, "u32", "U32", 4},
    {ElementType::u64, "u64", "U64", 8},
};
const TypeInfo& info(ElementType t) { return kTypes[size_t(t)]; }
}  // namespace

size_t element_size(ElementType t) { return info(t).size; }
const char* type_name(ElementType t) { return info(t).name; }
const char* ir_precision_name(ElementType t) { return info(t).ir; }

ElementType type_from_name(const std::string& name) {
    for (const auto& i : kTypes)
        if (name == i.name || name == i.ir) return i.type;
    if (name == "bool") return ElementType::boolean;
    fail("Unknown element type '", name, "'");
}

bool is_float(ElementType t) {
    return t == ElementType::f16 || t == ElementType::bf16 || t == ElementType::f32 ||
           t == ElementType::f64;
}
bool is_signed(ElementType t) {
    return is_float(t) || t == ElementType::i8 || t == ElementType::i16 || t == ElementType::i32 ||
           t == ElementType::i64;
}
bool is_integral(ElementType t) { return t != ElementType::undefined && !is_float(t); }

void throw_undefined_type() { fail("Operation on an undefined element type"); }

float16::float16(float f) {
    uint32_t x;
    std::memcpy(&x, &f, 4);
    uint32_t sign = (x >> 16) & 0x8000u;
    uint32_t mant = x & 0x7fffffu;
    int32_t exp = int32_t((x >> 23) & 0xff);
    if (exp == 0xff) {  // inf / nan
        bits = uint16_t(sign | 0x7c00u | (mant ? 0x200u : 0u));
        return;
    }
    int32_t e = exp - 127 + 15;
    if (e >= 0x1f) {
        bits = uint16_t(sign | 0x7c00u);
        return;
    }
    if (e <= 0) {  // subnormal or zero: round to nearest even
        if (e < -10) {
            bits = uint16_t(sign);
            return;
        }
        mant |= 0x800000u;
        uint32_t shift = uint32_t(14 - e);
        uint32_t half = 1u << (shift - 1);
        uint32_t v = mant >> shift;
        uint32_t rem = mant & ((1u << shift) - 1);
        if (rem > half || (rem == half && (v & 1))) ++v;
        bits = uint16_t(sign | v);
        return;
    }
    uint32_t v = (uint32_t(e) << 10) | (mant >> 13);
    uint32_t rem = mant & 0x1fffu;
    if (rem > 0x1000u || (rem == 0x1000u && (v & 1))) ++v;  // may carry into exponent: correct
    bits = uint16_t(sign | v);
}

float16::operator float() const {
    uint32_t sign = uint32_t(bits & 0x8000u) << 16;
    uint32_t exp = (bits >> 10) & 0x1f;
    uint32_t mant = bits & 0x3ffu;
    uint32_t x;
    if (exp == 0) {
        if (mant == 0) {
            x = sign;
        } else {  // subnormal
            int e = -1;
            do {
                ++e;
                mant <<= 1;
            } while (!(mant & 0x400u));
            x = sign | (uint32_t(127 - 15 - e) << 23) | ((mant & 0x3ffu) << 13);
        }
    } else if (exp == 0x1f) {
        x = sign | 0x7f800000u | (mant << 13);
    } else {
        x = sign | ((exp + 127 - 15) << 23) | (mant << 13);
    }
    float f;
    std::memcpy(&f, &x, 4);
    return f;
}

bfloat16::bfloat16(float f) {
    uint32_t x;
    std::memcpy(&x, &f, 4);
    if (std::isnan(f)) {
        bits = uint16_t((x >> 16) | 0x40);
        return;
    }
    uint32_t rounding = 0x7fffu + ((x >> 16) & 1u);
    bits = uint16_t((x + rounding) >> 16);
}

}  // namespace ovkit
