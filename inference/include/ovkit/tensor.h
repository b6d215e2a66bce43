#pragma once
// A typed, shaped block of memory. Copies share the buffer (like ov::Tensor).
#include <memory>

#include "ovkit/element_type.h"
#include "ovkit/shape.h"

namespace ovkit {

class Tensor {
public:
    Tensor() = default;
    Tensor(ElementType type, Shape shape);  // allocates, zero-filled
    // Wraps memory owned elsewhere; `owner` keeps it alive (may be null for user buffers).
    Tensor(ElementType type, Shape shape, void* data, std::shared_ptr<void> owner = nullptr);

    ElementType type() const { return type_; }
    const Shape& shape() const { return shape_; }
    int64_t size() const { return size_; }
    size_t byte_size() const { return size_t(size_) * element_size(type_); }
    bool empty() const { return data_ == nullptr && size_ == 0 && type_ == ElementType::undefined; }
    explicit operator bool() const { return type_ != ElementType::undefined; }

    void* data() { return data_; }
    const void* data() const { return data_; }
    template <typename T> T* data() { return static_cast<T*>(data_); }
    template <typename T> const T* data() const { return static_cast<const T*>(data_); }

    Tensor copy() const;  // deep copy
    // Values converted to int64 / double (for shape-like inputs and tests).
    std::vector<int64_t> as_int64() const;
    std::vector<double> as_double() const;
    // Same buffer, other shape of the same element count.
    Tensor reshaped(Shape shape) const;

    template <typename T>
    static Tensor from_vector(const std::vector<T>& values, Shape shape) {
        Tensor t(type_of<T>::value, std::move(shape));
        for (size_t i = 0; i < values.size() && int64_t(i) < t.size(); ++i) t.data<T>()[i] = values[i];
        return t;
    }
    static Tensor from_vector(const std::vector<bool>& values, Shape shape);
    // A tensor of `type` holding the given values converted (used for shape-like constants).
    static Tensor from_int64(ElementType type, const std::vector<int64_t>& values, Shape shape);
    static Tensor from_double(ElementType type, const std::vector<double>& values, Shape shape);

private:
    ElementType type_ = ElementType::undefined;
    Shape shape_;
    int64_t size_ = 0;
    void* data_ = nullptr;
    std::shared_ptr<void> owner_;
};

}  // namespace ovkit
