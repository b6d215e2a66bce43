#include "ovkit/npy.h"

#include <cstring>
#include <fstream>
#include <sstream>

#include "ovkit/exception.h"

namespace ovkit {

namespace {

const char* descr_of(ElementType t) {
    switch (t) {
    case ElementType::f32: return "<f4";
    case ElementType::f64: return "<f8";
    case ElementType::f16: return "<f2";
    case ElementType::i64: return "<i8";
    case ElementType::i32: return "<i4";
    case ElementType::i16: return "<i2";
    case ElementType::i8: return "|i1";
    case ElementType::u64: return "<u8";
    case ElementType::u32: return "<u4";
    case ElementType::u16: return "<u2";
    case ElementType::u8: return "|u1";
    case ElementType::boolean: return "|b1";
    default: fail("Element type ", type_name(t), " cannot be written to .npy");
    }
}

ElementType type_of_descr(const std::string& d, const std::string& path) {
    static const char* kTypes[] = {"f4", "f8", "f2", "i8", "i4", "i2", "i1", "u8", "u4", "u2", "u1", "b1"};
    static const ElementType kValues[] = {ElementType::f32, ElementType::f64, ElementType::f16, ElementType::i64,
                                          ElementType::i32, ElementType::i16, ElementType::i8,  ElementType::u64,
                                          ElementType::u32, ElementType::u16, ElementType::u8,  ElementType::boolean};
    check(d.size() == 3, "'", path, "': unsupported dtype '", d, "'");
    check(d[0] != '>', "'", path, "': big-endian dtype '", d, "' is not supported");
    for (size_t i = 0; i < 12; ++i)
        if (d.substr(1) == kTypes[i]) return kValues[i];
    fail("'", path, "': unsupported dtype '", d, "' (supported: f2/f4/f8, i1-i8, u1-u8, b1)");
}

// Value of `key` in the header dict, e.g. 'descr': '<f4'.
std::string field(const std::string& header, const std::string& key, const std::string& path) {
    size_t k = header.find("'" + key + "'");
    check(k != std::string::npos, "'", path, "': .npy header has no '", key, "'");
    size_t colon = header.find(':', k);
    check(colon != std::string::npos, "'", path, "': malformed .npy header");
    size_t start = header.find_first_not_of(' ', colon + 1);
    check(start != std::string::npos, "'", path, "': malformed .npy header");
    if (header[start] == '(') {
        size_t end = header.find(')', start);
        check(end != std::string::npos, "'", path, "': malformed shape in .npy header");
        return header.substr(start + 1, end - start - 1);
    }
    if (header[start] == '\'') {
        size_t end = header.find('\'', start + 1);
        check(end != std::string::npos, "'", path, "': malformed .npy header");
        return header.substr(start + 1, end - start - 1);
    }
    size_t end = header.find_first_of(",}", start);
    return header.substr(start, end - start);
}

}  // namespace

Tensor read_npy(const std::string& path) {
    std::ifstream f(path, std::ios::binary | std::ios::ate);
    check(bool(f), "Cannot open .npy file '", path, "'");
    int64_t file_size = int64_t(f.tellg());
    f.seekg(0);
    char magic[8] = {};
    f.read(magic, 8);
    check(f.gcount() == 8 && std::memcmp(magic, "\x93NUMPY", 6) == 0, "'", path, "' is not a .npy file");
    uint32_t header_len = 0;
    if (magic[6] == 1) {
        unsigned char b[2] = {};
        f.read(reinterpret_cast<char*>(b), 2);
        header_len = b[0] | (b[1] << 8);
    } else {
        unsigned char b[4] = {};
        f.read(reinterpret_cast<char*>(b), 4);
        header_len = b[0] | (b[1] << 8) | (b[2] << 16) | (uint32_t(b[3]) << 24);
    }
    check(bool(f) && int64_t(header_len) < file_size, "'", path, "': truncated .npy header");
    std::string header(header_len, '\0');
    f.read(header.data(), header_len);
    check(bool(f), "'", path, "': truncated .npy header");
    ElementType type = type_of_descr(field(header, "descr", path), path);
    check(field(header, "fortran_order", path) == "False", "'", path, "': Fortran-order arrays are not supported");
    Shape shape;
    std::stringstream ss(field(header, "shape", path));
    std::string item;
    while (std::getline(ss, item, ',')) {
        size_t b = item.find_first_not_of(' ');
        if (b == std::string::npos) continue;
        try {
            size_t used = 0;
            long long v = std::stoll(item.substr(b), &used);
            check(v >= 0, "");
            shape.push_back(v);
        } catch (...) {
            fail("'", path, "': bad dimension '", item, "' in .npy shape");
        }
    }
    int64_t count = shape_size(shape);
    int64_t data_start = int64_t(f.tellg());
    // count <= file_size first, so that the byte count cannot overflow.
    int64_t need = count <= file_size ? count * int64_t(element_size(type)) : INT64_MAX;
    check(count <= file_size && data_start >= 0 && need <= file_size - data_start, "'", path, "' is truncated: shape ", to_string(shape),
          " needs ", need, " data bytes, the file has ", file_size - data_start);
    Tensor t(type, shape);
    f.read(static_cast<char*>(t.data()), need);
    if (type == ElementType::boolean)
        for (int64_t i = 0; i < count; ++i) t.data<uint8_t>()[i] = t.data<uint8_t>()[i] != 0;
    return t;
}

void write_npy(const std::string& path, const Tensor& t) {
    std::string dims;
    for (size_t i = 0; i < t.shape().size(); ++i) dims += (i ? ", " : "") + std::to_string(t.shape()[i]);
    if (t.shape().size() == 1) dims += ",";
    Tensor data = t;
    if (t.type() == ElementType::bf16) {  // numpy has no bf16: widen
        data = Tensor(ElementType::f32, t.shape());
        for (int64_t i = 0; i < t.size(); ++i) data.data<float>()[i] = float(t.data<bfloat16>()[i]);
    }
    std::string header = std::string("{'descr': '") + descr_of(data.type()) + "', 'fortran_order': False, 'shape': (" +
                         dims + "), }";
    size_t total = 10 + header.size() + 1;
    header.append((64 - total % 64) % 64, ' ');
    header += '\n';
    std::ofstream f(path, std::ios::binary);
    check(bool(f), "Cannot write '", path, "'");
    f.write("\x93NUMPY\x01\x00", 8);
    uint16_t len = uint16_t(header.size());
    char lb[2] = {char(len & 0xff), char(len >> 8)};
    f.write(lb, 2);
    f.write(header.data(), std::streamsize(header.size()));
    f.write(static_cast<const char*>(data.data()), std::streamsize(data.byte_size()));
    check(bool(f), "Failed writing '", path, "'");
}

}  // namespace ovkit
