#include "common/meta.h"

#include <algorithm>
#include <cmath>

namespace ovkit::gst {
namespace {
constexpr const char* kTensorMeta = "OvkitTensorMeta";
constexpr const char* kJsonMeta = "OvkitJSONMeta";
}  // namespace

void register_metas() {
    static const gchar* tags[] = {nullptr};
    gst_meta_register_custom(kTensorMeta, tags, nullptr, nullptr, nullptr);
    gst_meta_register_custom(kJsonMeta, tags, nullptr, nullptr, nullptr);
}

GstVideoRegionOfInterestMeta* add_region(GstBuffer* buffer, const GstVideoInfo& info, const Detection& d,
                                         const std::string& label) {
    const int w = GST_VIDEO_INFO_WIDTH(&info), h = GST_VIDEO_INFO_HEIGHT(&info);
    guint x = guint(std::lround(d.x_min * w)), y = guint(std::lround(d.y_min * h));
    guint rw = guint(std::max(1l, std::lround((d.x_max - d.x_min) * w)));
    guint rh = guint(std::max(1l, std::lround((d.y_max - d.y_min) * h)));
    GstVideoRegionOfInterestMeta* meta = gst_buffer_add_video_region_of_interest_meta(buffer, label.c_str(), x, y, rw, rh);
    GstStructure* s = gst_structure_new("detection", "label_id", G_TYPE_INT, d.label_id, "confidence", G_TYPE_DOUBLE,
                                        double(d.confidence), "x_min", G_TYPE_DOUBLE, double(d.x_min), "y_min",
                                        G_TYPE_DOUBLE, double(d.y_min), "x_max", G_TYPE_DOUBLE, double(d.x_max),
                                        "y_max", G_TYPE_DOUBLE, double(d.y_max), "angle", G_TYPE_DOUBLE,
                                        double(d.angle), "label", G_TYPE_STRING, label.c_str(), nullptr);
    gst_video_region_of_interest_meta_add_param(meta, s);
    return meta;
}

Detection region_detection(GstVideoRegionOfInterestMeta* meta, const GstVideoInfo& info) {
    Detection d;
    const double w = GST_VIDEO_INFO_WIDTH(&info), h = GST_VIDEO_INFO_HEIGHT(&info);
    d.x_min = float(meta->x / w), d.y_min = float(meta->y / h);
    d.x_max = float((meta->x + meta->w) / w), d.y_max = float((meta->y + meta->h) / h);
    if (GstStructure* s = gst_video_region_of_interest_meta_get_param(meta, "detection")) {
        double v;
        if (gst_structure_get_double(s, "confidence", &v)) d.confidence = float(v);
        gst_structure_get_int(s, "label_id", &d.label_id);
        if (gst_structure_get_double(s, "angle", &v)) d.angle = float(v);
    }
    return d;
}

std::vector<GstVideoRegionOfInterestMeta*> regions(GstBuffer* buffer) {
    std::vector<GstVideoRegionOfInterestMeta*> out;
    gpointer state = nullptr;
    while (GstMeta* m = gst_buffer_iterate_meta_filtered(buffer, &state, GST_VIDEO_REGION_OF_INTEREST_META_API_TYPE))
        out.push_back(reinterpret_cast<GstVideoRegionOfInterestMeta*>(m));
    return out;
}

void set_classification(GstVideoRegionOfInterestMeta* meta, const std::string& name, const std::string& layer,
                        const Classification& c) {
    for (GList* l = meta->params; l; l = l->next) {
        auto* s = static_cast<GstStructure*>(l->data);
        if (gst_structure_has_name(s, name.c_str())) {
            gst_structure_free(s);
            meta->params = g_list_delete_link(meta->params, l);
            break;
        }
    }
    gst_video_region_of_interest_meta_add_param(
        meta, gst_structure_new(name.c_str(), "label", G_TYPE_STRING, c.label.c_str(), "label_id", G_TYPE_INT,
                                c.label_id, "confidence", G_TYPE_DOUBLE, double(c.confidence), "layer_name",
                                G_TYPE_STRING, layer.c_str(), nullptr));
}

int region_object_id(GstVideoRegionOfInterestMeta* meta) {
    int id = -1;
    if (GstStructure* s = gst_video_region_of_interest_meta_get_param(meta, "object_id")) gst_structure_get_int(s, "id", &id);
    return id;
}

void add_tensor_meta(GstBuffer* buffer, const std::string& layer_name, const Tensor& t) {
    GstCustomMeta* meta = gst_buffer_add_custom_meta(buffer, kTensorMeta);
    GstStructure* s = gst_custom_meta_get_structure(meta);
    gst_structure_set_name(s, "tensor");
    GValue dims = G_VALUE_INIT, dim = G_VALUE_INIT;
    gst_value_array_init(&dims, t.shape().size());
    g_value_init(&dim, G_TYPE_INT);
    for (int64_t d : t.shape()) {
        g_value_set_int(&dim, int(d));
        gst_value_array_append_value(&dims, &dim);
    }
    GBytes* data = g_bytes_new(t.data(), t.byte_size());
    gst_structure_set(s, "layer_name", G_TYPE_STRING, layer_name.c_str(), "precision", G_TYPE_STRING,
                      type_name(t.type()), "data", G_TYPE_BYTES, data, nullptr);
    gst_structure_take_value(s, "dims", &dims);
    g_value_unset(&dim);
    g_bytes_unref(data);
}

std::vector<const GstStructure*> tensor_metas(GstBuffer* buffer) {
    std::vector<const GstStructure*> out;
    gpointer state = nullptr;
    while (GstMeta* m = gst_buffer_iterate_meta(buffer, &state))
        if (gst_meta_info_is_custom(m->info) && gst_custom_meta_has_name(reinterpret_cast<GstCustomMeta*>(m), kTensorMeta))
            out.push_back(gst_custom_meta_get_structure(reinterpret_cast<GstCustomMeta*>(m)));
    return out;
}

void set_json_message(GstBuffer* buffer, const std::string& message) {
    GstCustomMeta* meta = gst_buffer_get_custom_meta(buffer, kJsonMeta);
    if (!meta) meta = gst_buffer_add_custom_meta(buffer, kJsonMeta);
    GstStructure* s = gst_custom_meta_get_structure(meta);
    gst_structure_set_name(s, "json");
    gst_structure_set(s, "message", G_TYPE_STRING, message.c_str(), nullptr);
}

const char* json_message(GstBuffer* buffer) {
    GstCustomMeta* meta = gst_buffer_get_custom_meta(buffer, kJsonMeta);
    return meta ? gst_structure_get_string(gst_custom_meta_get_structure(meta), "message") : nullptr;
}

}  // namespace ovkit::gst
