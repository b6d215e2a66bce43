#pragma once
// OpenVINO IR v11: model.xml (topology, written and read with pugixml) + model.bin (the
// Constants' bytes, at the offset/size given in each Const layer's <data>).
//
//   ovkit::write_ir(*model, "out/model.xml");        // also writes out/model.bin
//   auto again = ovkit::read_ir("out/model.xml");   // Core::read_model does the same for ".xml"
//
// write -> read -> write is byte-identical: attributes are kept in order as text, node and
// tensor names and the order of parameters and results are preserved.
#include <memory>
#include <string>

#include "ovkit/model.h"

namespace ovkit {

// `bin_path` defaults to `xml_path` with ".bin" in place of ".xml". Identical constants share
// their bytes in the .bin, as OpenVINO's serializer does. Throws naming the file on failure.
void write_ir(const Model& model, const std::string& xml_path, const std::string& bin_path = "");

// Throws ovkit::Exception naming the file, the layer (name and id) and the reason for malformed
// XML, dangling edges, duplicate ids, unknown layer types or precisions, and a missing or too
// short .bin.
std::shared_ptr<Model> read_ir(const std::string& xml_path, const std::string& bin_path = "");

// Stores every f32 Constant as f16 followed by a decompression Convert back to f32, as
// OpenVINO's compress_to_fp16 does (the Convert keeps the Constant's name and tensor names; the
// Constant becomes NAME_compressed). Constants with values beyond the f16 range stay f32.
// Returns how many constants were compressed.
size_t compress_to_fp16(Model& model);

}  // namespace ovkit
