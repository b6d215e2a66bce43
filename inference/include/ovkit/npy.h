#pragma once
// NumPy .npy files (format 1.0-3.0, little-endian, C order): the CLI's tensor format.
#include <string>

#include "ovkit/tensor.h"

namespace ovkit {

Tensor read_npy(const std::string& path);  // throws naming the file and the problem
void write_npy(const std::string& path, const Tensor& t);

}  // namespace ovkit
