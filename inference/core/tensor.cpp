#include "ovkit/tensor.h"

#include <cstdlib>
#include <cstring>

#include "ovkit/exception.h"
#include "ovkit/memory.h"

namespace ovkit {

Tensor::Tensor(ElementType type, Shape shape) : type_(type), shape_(std::move(shape)) {
    size_ = shape_size(shape_);
    size_t elem = element_size(type);
    if (elem != 0 && uint64_t(size_) > (uint64_t(INT64_MAX) - 63) / elem)
        fail("A ", type_name(type), " tensor of shape ", to_string(shape_), " is larger than 2^63 bytes");
    size_t bytes = byte_size();
    // 64-byte alignment for vector kernels; at least one byte so data() is never null.
    size_t alloc = (bytes + 63) / 64 * 64;
    if (alloc == 0) alloc = 64;
    // Charged before allocating, so a hostile shape fails here and not in the kernel's OOM killer.
    auto budget = current_memory_budget();
    if (!budget->try_acquire(alloc))
        budget->fail_exceeded(alloc, "a " + std::string(type_name(type)) + " tensor of shape " + to_string(shape_));
    void* p = std::aligned_alloc(64, alloc);
    if (!p) {
        budget->release(alloc);
        fail("Cannot allocate ", bytes, " bytes for a ", type_name(type), " tensor of shape ", to_string(shape_));
    }
    std::memset(p, 0, alloc);
    owner_ = std::shared_ptr<void>(p, [budget, alloc](void* q) {
        std::free(q);
        budget->release(alloc);
    });
    data_ = p;
}

Tensor::Tensor(ElementType type, Shape shape, void* data, std::shared_ptr<void> owner)
    : type_(type), shape_(std::move(shape)), data_(data), owner_(std::move(owner)) {
    size_ = shape_size(shape_);
}

Tensor Tensor::copy() const {
    if (!*this) return Tensor();
    Tensor t(type_, shape_);
    if (byte_size()) std::memcpy(t.data_, data_, byte_size());
    return t;
}

Tensor Tensor::reshaped(Shape shape) const {
    check(shape_size(shape) == size_, "Cannot reshape a tensor of shape ", to_string(shape_), " to ",
          to_string(shape));
    Tensor t = *this;
    t.shape_ = std::move(shape);
    return t;
}

namespace {

// Element i of `t` as V (half types go through float).
template <typename V>
std::vector<V> values_as(const Tensor& t) {
    std::vector<V> out(static_cast<size_t>(t.size()));
    visit_type(t.type(), [&](auto tag) {
        using T = decltype(tag);
        const T* p = t.data<T>();
        for (int64_t i = 0; i < t.size(); ++i) {
            if constexpr (std::is_same_v<T, float16> || std::is_same_v<T, bfloat16>)
                out[size_t(i)] = V(float(p[i]));
            else
                out[size_t(i)] = V(p[i]);
        }
    });
    return out;
}

template <typename V>
Tensor tensor_of(ElementType type, const std::vector<V>& values, Shape shape) {
    Tensor t(type, std::move(shape));
    check(int64_t(values.size()) == t.size(), "Value count ", values.size(), " does not match shape ",
          to_string(t.shape()));
    visit_type(type, [&](auto tag) {
        using T = decltype(tag);
        for (size_t i = 0; i < values.size(); ++i) {
            if constexpr (std::is_same_v<T, float16> || std::is_same_v<T, bfloat16>)
                t.data<T>()[i] = T(float(values[i]));
            else
                t.data<T>()[i] = T(values[i]);
        }
    });
    return t;
}

}  // namespace

std::vector<int64_t> Tensor::as_int64() const { return values_as<int64_t>(*this); }
std::vector<double> Tensor::as_double() const { return values_as<double>(*this); }

Tensor Tensor::from_vector(const std::vector<bool>& values, Shape shape) {
    Tensor t(ElementType::boolean, std::move(shape));
    for (size_t i = 0; i < values.size() && int64_t(i) < t.size(); ++i) t.data<bool>()[i] = values[i];
    return t;
}

Tensor Tensor::from_int64(ElementType type, const std::vector<int64_t>& values, Shape shape) {
    return tensor_of(type, values, std::move(shape));
}

Tensor Tensor::from_double(ElementType type, const std::vector<double>& values, Shape shape) {
    return tensor_of(type, values, std::move(shape));
}

}  // namespace ovkit
