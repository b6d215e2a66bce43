// ONNX TensorProto -> Tensor: raw_data, typed repeated fields and external data files.
#include <cstring>
#include <filesystem>
#include <fstream>

#include "node_context.h"

namespace ovkit::onnx_frontend {

ElementType element_type_from_onnx(int32_t t, const std::string& where) {
    using TP = onnx::TensorProto;
    switch (t) {
    case TP::FLOAT: return ElementType::f32;
    case TP::DOUBLE: return ElementType::f64;
    case TP::FLOAT16: return ElementType::f16;
    case TP::BFLOAT16: return ElementType::bf16;
    case TP::INT8: return ElementType::i8;
    case TP::INT16: return ElementType::i16;
    case TP::INT32: return ElementType::i32;
    case TP::INT64: return ElementType::i64;
    case TP::UINT8: return ElementType::u8;
    case TP::UINT16: return ElementType::u16;
    case TP::UINT32: return ElementType::u32;
    case TP::UINT64: return ElementType::u64;
    case TP::BOOL: return ElementType::boolean;
    default: break;
    }
    fail("ONNX element type ", TP::DataType_Name(TP::DataType(t)), " of ", where, " is not supported");
}

namespace {

template <typename T, typename Src>
void copy_field(Tensor& out, const Src& field, const std::string& name) {
    check(int64_t(field.size()) == out.size(), "Tensor '", name, "' holds ", field.size(), " values; its shape ",
          to_string(out.shape()), " needs ", out.size());
    T* p = out.data<T>();
    for (int64_t i = 0; i < out.size(); ++i) p[i] = T(field.Get(int(i)));
}

int64_t parse_external_int(const std::string& text, const std::string& tensor) {
    try {
        size_t used = 0;
        long long v = std::stoll(text, &used);
        if (used == text.size()) return v;
    } catch (const std::exception&) {
    }
    fail("Tensor '", tensor, "': external data value '", text, "' is not an integer");
}

void read_external(Tensor& out, const onnx::TensorProto& t, const std::string& model_dir) {
    std::string location;
    int64_t offset = 0, length = -1;
    for (const auto& kv : t.external_data()) {
        if (kv.key() == "location") location = kv.value();
        else if (kv.key() == "offset") offset = parse_external_int(kv.value(), t.name());
        else if (kv.key() == "length") length = parse_external_int(kv.value(), t.name());
    }
    check(!location.empty(), "Tensor '", t.name(), "' has external data without a location");
    check(location.find("..") == std::string::npos && location.front() != '/', "Tensor '", t.name(),
          "' external data location '", location, "' leaves the model's folder");
    std::string path = (std::filesystem::path(model_dir) / location).string();
    std::ifstream f(path, std::ios::binary | std::ios::ate);
    check(bool(f), "Tensor '", t.name(), "': cannot open external data file '", path, "'");
    int64_t file_size = int64_t(f.tellg());
    int64_t want = int64_t(out.byte_size());
    if (length >= 0)
        check(length == want, "Tensor '", t.name(), "': external data length ", length, " does not match ", want,
              " bytes of shape ", to_string(out.shape()));
    check(offset >= 0 && offset <= file_size && want <= file_size - offset, "Tensor '", t.name(), "': external data [", offset, ", ",
          offset + want, ") is past the end of '", path, "' (", file_size, " bytes)");
    f.seekg(offset);
    f.read(static_cast<char*>(out.data()), want);
}

}  // namespace

Tensor tensor_from_onnx(const onnx::TensorProto& t, const std::string& model_dir) {
    ElementType type = element_type_from_onnx(t.data_type(), "tensor '" + t.name() + "'");
    Shape shape(t.dims().begin(), t.dims().end());
    for (int64_t d : shape) check(d >= 0, "Tensor '", t.name(), "' has a negative dimension");
    // Inline data must match the shape; checked before allocating, so a tiny file cannot declare a huge tensor.
    int64_t count = shape_size(shape);
    if (t.data_location() != onnx::TensorProto::EXTERNAL && t.has_raw_data())
        check(count <= int64_t(t.raw_data().size()) &&
                  uint64_t(count) * element_size(type) == t.raw_data().size(),
              "Tensor '", t.name(), "' has ", t.raw_data().size(), " bytes of raw data; its shape ", to_string(shape),
              " of ", type_name(type), " needs ", count, " values");
    else if (t.data_location() != onnx::TensorProto::EXTERNAL)
        check(count <= int64_t(t.float_data_size()) + t.double_data_size() + t.int32_data_size() +
                           t.int64_data_size() + t.uint64_data_size(),
              "Tensor '", t.name(), "' of shape ", to_string(shape), " holds fewer values than its ", count, " elements");
    Tensor out(type, shape);
    if (t.data_location() == onnx::TensorProto::EXTERNAL) {
        read_external(out, t, model_dir);
        return out;
    }
    if (t.has_raw_data()) {
        check(t.raw_data().size() == out.byte_size(), "Tensor '", t.name(), "' has ", t.raw_data().size(),
              " bytes of raw data; its shape ", to_string(shape), " of ", type_name(type), " needs ", out.byte_size());
        std::memcpy(out.data(), t.raw_data().data(), out.byte_size());
        return out;
    }
    const std::string& n = t.name();
    switch (type) {
    case ElementType::f32: copy_field<float>(out, t.float_data(), n); break;
    case ElementType::f64: copy_field<double>(out, t.double_data(), n); break;
    case ElementType::i64: copy_field<int64_t>(out, t.int64_data(), n); break;
    case ElementType::u64: copy_field<uint64_t>(out, t.uint64_data(), n); break;
    case ElementType::u32: copy_field<uint32_t>(out, t.uint64_data(), n); break;
    case ElementType::i32: copy_field<int32_t>(out, t.int32_data(), n); break;
    case ElementType::i16: copy_field<int16_t>(out, t.int32_data(), n); break;
    case ElementType::i8: copy_field<int8_t>(out, t.int32_data(), n); break;
    case ElementType::u16: copy_field<uint16_t>(out, t.int32_data(), n); break;
    case ElementType::u8: copy_field<uint8_t>(out, t.int32_data(), n); break;
    case ElementType::boolean: copy_field<bool>(out, t.int32_data(), n); break;
    case ElementType::f16: {
        check(int64_t(t.int32_data_size()) == out.size(), "Tensor '", n, "' value count does not match its shape");
        for (int64_t i = 0; i < out.size(); ++i) out.data<float16>()[i] = float16::from_bits(uint16_t(t.int32_data(int(i))));
        break;
    }
    case ElementType::bf16: {
        check(int64_t(t.int32_data_size()) == out.size(), "Tensor '", n, "' value count does not match its shape");
        for (int64_t i = 0; i < out.size(); ++i) out.data<bfloat16>()[i] = bfloat16::from_bits(uint16_t(t.int32_data(int(i))));
        break;
    }
    default: fail("Tensor '", n, "' has an unsupported element type");
    }
    return out;
}

}  // namespace ovkit::onnx_frontend
