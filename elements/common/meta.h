#pragma once
// Meta the ovkit elements exchange:
//  - regions: GstVideoRegionOfInterestMeta with a "detection" structure (label_id, confidence,
//    x_min, y_min, x_max, y_max normalized, angle) and one structure per classification result
//    (named by the attribute/layer: label, label_id, confidence, layer_name), plus "object_id"
//    (id) once tracked;
//  - raw tensors: custom meta "OvkitTensorMeta" whose structure "tensor" holds layer_name,
//    precision, dims (array of ints) and data (GBytes);
//  - JSON messages: custom meta "OvkitJSONMeta" whose structure "json" holds message.
#include <gst/video/gstvideometa.h>
#include <gst/video/video.h>

#include <string>
#include <vector>

#include "common/converters.h"
#include "ovkit/tensor.h"

namespace ovkit::gst {

void register_metas();  // once, from plugin_init

GstVideoRegionOfInterestMeta* add_region(GstBuffer* buffer, const GstVideoInfo& info, const Detection& d,
                                         const std::string& label);
// The detection of a region (normalized), from its structure or its pixel rectangle.
Detection region_detection(GstVideoRegionOfInterestMeta* meta, const GstVideoInfo& info);
std::vector<GstVideoRegionOfInterestMeta*> regions(GstBuffer* buffer);
// Adds (or replaces) the structure `name` of a region with a classification result.
void set_classification(GstVideoRegionOfInterestMeta* meta, const std::string& name, const std::string& layer,
                        const Classification& c);
// object_id of a tracked region, or -1.
int region_object_id(GstVideoRegionOfInterestMeta* meta);

void add_tensor_meta(GstBuffer* buffer, const std::string& layer_name, const Tensor& t);
std::vector<const GstStructure*> tensor_metas(GstBuffer* buffer);

void set_json_message(GstBuffer* buffer, const std::string& message);
const char* json_message(GstBuffer* buffer);  // null when none

}  // namespace ovkit::gst
