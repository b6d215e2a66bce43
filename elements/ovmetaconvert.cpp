/**
 * SECTION:element-ovmetaconvert
 * Converts each frame's meta into a JSON message in DL Streamer's gvametaconvert schema and
 * attaches it to the buffer ("OvkitJSONMeta"):
 *
 *   {"objects": [{"detection": {"bounding_box": {"x_min":..,"y_min":..,"x_max":..,"y_max":..},
 *                               "confidence":.., "label":"text", "label_id":0},
 *                 "x":..,"y":..,"w":..,"h":.., "region_id":.., "roi_type":"text",
 *                 "id":.., "object_id":..,                       (tracked objects)
 *                 "<attribute>": {"label":"..","label_id":..,"confidence":..}}],
 *    "tensors": [{"layer_name":..,"precision":..,"dims":[..]}],  (ovinfer)
 *    "resolution": {"width":..,"height":..}, "timestamp": <pts in ns>}
 *
 *   gst-launch-1.0 ... ! ovdetect ... ! ovclassify ... ! ovmetaconvert ! ovmetapublish ! fakesink
 */
#include "ovmetaconvert.h"

#include <json-glib/json-glib.h>

#include "common/meta.h"
#include "common/preprocess.h"

using namespace ovkit::gst;

enum { PROP_0, PROP_ADD_EMPTY_RESULTS };

struct _GstOvMetaConvert {
    GstBaseTransform parent;
    gboolean add_empty_results;
    GstVideoInfo info;
};

G_DEFINE_TYPE(GstOvMetaConvert, gst_ov_meta_convert, GST_TYPE_BASE_TRANSFORM)
GST_ELEMENT_REGISTER_DEFINE(ovmetaconvert, "ovmetaconvert", GST_RANK_NONE, GST_TYPE_OV_META_CONVERT)

static void add_double(JsonBuilder* b, const char* key, double v) {
    json_builder_set_member_name(b, key);
    json_builder_add_double_value(b, v);
}

static void add_int(JsonBuilder* b, const char* key, gint64 v) {
    json_builder_set_member_name(b, key);
    json_builder_add_int_value(b, v);
}

static void add_string(JsonBuilder* b, const char* key, const char* v) {
    json_builder_set_member_name(b, key);
    json_builder_add_string_value(b, v ? v : "");
}

static void add_region(JsonBuilder* b, GstVideoRegionOfInterestMeta* m) {
    json_builder_begin_object(b);
    add_int(b, "x", m->x), add_int(b, "y", m->y), add_int(b, "w", m->w), add_int(b, "h", m->h);
    add_int(b, "region_id", m->id);
    add_string(b, "roi_type", g_quark_to_string(m->roi_type));
    for (GList* l = m->params; l; l = l->next) {
        auto* s = static_cast<GstStructure*>(l->data);
        const char* name = gst_structure_get_name(s);
        double v = 0;
        int i = 0;
        if (g_str_equal(name, "detection")) {
            json_builder_set_member_name(b, "detection");
            json_builder_begin_object(b);
            json_builder_set_member_name(b, "bounding_box");
            json_builder_begin_object(b);
            for (const char* k : {"x_min", "y_min", "x_max", "y_max"})
                if (gst_structure_get_double(s, k, &v)) add_double(b, k, v);
            json_builder_end_object(b);
            if (gst_structure_get_double(s, "confidence", &v)) add_double(b, "confidence", v);
            add_string(b, "label", gst_structure_get_string(s, "label"));
            if (gst_structure_get_int(s, "label_id", &i)) add_int(b, "label_id", i);
            json_builder_end_object(b);
        } else if (g_str_equal(name, "object_id")) {
            if (gst_structure_get_int(s, "id", &i)) add_int(b, "id", i), add_int(b, "object_id", i);
        } else {
            json_builder_set_member_name(b, name);
            json_builder_begin_object(b);
            add_string(b, "label", gst_structure_get_string(s, "label"));
            if (gst_structure_get_int(s, "label_id", &i)) add_int(b, "label_id", i);
            if (gst_structure_get_double(s, "confidence", &v)) add_double(b, "confidence", v);
            if (const char* layer = gst_structure_get_string(s, "layer_name")) add_string(b, "layer_name", layer);
            json_builder_end_object(b);
        }
    }
    json_builder_end_object(b);
}

static void add_tensor(JsonBuilder* b, const GstStructure* s) {
    json_builder_begin_object(b);
    add_string(b, "layer_name", gst_structure_get_string(s, "layer_name"));
    add_string(b, "precision", gst_structure_get_string(s, "precision"));
    json_builder_set_member_name(b, "dims");
    json_builder_begin_array(b);
    const GValue* dims = gst_structure_get_value(s, "dims");
    for (guint i = 0; dims && i < gst_value_array_get_size(dims); ++i)
        json_builder_add_int_value(b, g_value_get_int(gst_value_array_get_value(dims, i)));
    json_builder_end_array(b);
    json_builder_end_object(b);
}

static GstFlowReturn gst_ov_meta_convert_transform_ip(GstBaseTransform* trans, GstBuffer* buffer) {
    auto* self = GST_OV_META_CONVERT(trans);
    std::vector<GstVideoRegionOfInterestMeta*> rois = regions(buffer);
    std::vector<const GstStructure*> tensors = tensor_metas(buffer);
    if (rois.empty() && tensors.empty() && !self->add_empty_results) return GST_FLOW_OK;
    JsonBuilder* b = json_builder_new();
    json_builder_begin_object(b);
    if (!rois.empty()) {
        json_builder_set_member_name(b, "objects");
        json_builder_begin_array(b);
        for (GstVideoRegionOfInterestMeta* m : rois) add_region(b, m);
        json_builder_end_array(b);
    }
    if (!tensors.empty()) {
        json_builder_set_member_name(b, "tensors");
        json_builder_begin_array(b);
        for (const GstStructure* s : tensors) add_tensor(b, s);
        json_builder_end_array(b);
    }
    json_builder_set_member_name(b, "resolution");
    json_builder_begin_object(b);
    add_int(b, "width", GST_VIDEO_INFO_WIDTH(&self->info));
    add_int(b, "height", GST_VIDEO_INFO_HEIGHT(&self->info));
    json_builder_end_object(b);
    add_int(b, "timestamp", GST_BUFFER_PTS_IS_VALID(buffer) ? gint64(GST_BUFFER_PTS(buffer)) : -1);
    json_builder_end_object(b);
    JsonNode* root = json_builder_get_root(b);
    gchar* text = json_to_string(root, FALSE);
    set_json_message(buffer, text);
    g_free(text);
    json_node_unref(root);
    g_object_unref(b);
    return GST_FLOW_OK;
}

static gboolean gst_ov_meta_convert_set_caps(GstBaseTransform* trans, GstCaps* incaps, GstCaps*) {
    return gst_video_info_from_caps(&GST_OV_META_CONVERT(trans)->info, incaps);
}

static void gst_ov_meta_convert_set_property(GObject* object, guint id, const GValue* value, GParamSpec* pspec) {
    if (id == PROP_ADD_EMPTY_RESULTS) GST_OV_META_CONVERT(object)->add_empty_results = g_value_get_boolean(value);
    else G_OBJECT_WARN_INVALID_PROPERTY_ID(object, id, pspec);
}

static void gst_ov_meta_convert_get_property(GObject* object, guint id, GValue* value, GParamSpec* pspec) {
    if (id == PROP_ADD_EMPTY_RESULTS) g_value_set_boolean(value, GST_OV_META_CONVERT(object)->add_empty_results);
    else G_OBJECT_WARN_INVALID_PROPERTY_ID(object, id, pspec);
}

static void gst_ov_meta_convert_init(GstOvMetaConvert* self) {
    gst_base_transform_set_in_place(GST_BASE_TRANSFORM(self), TRUE);
    gst_video_info_init(&self->info);
}

static void gst_ov_meta_convert_class_init(GstOvMetaConvertClass* klass) {
    auto* gobject = G_OBJECT_CLASS(klass);
    auto* element = GST_ELEMENT_CLASS(klass);
    gobject->set_property = gst_ov_meta_convert_set_property;
    gobject->get_property = gst_ov_meta_convert_get_property;
    g_object_class_install_property(gobject, PROP_ADD_EMPTY_RESULTS,
        g_param_spec_boolean("add-empty-results", "Add empty results", "Also attach a message to frames without results",
                             FALSE, GParamFlags(G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS)));
    gst_element_class_set_static_metadata(element, "ovkit meta to JSON", "Filter/Converter/Video",
                                          "Attaches a gvametaconvert-style JSON message per frame", "ovkit developers");
    GstCaps* caps = gst_caps_from_string("video/x-raw(ANY)");
    gst_element_class_add_pad_template(element, gst_pad_template_new("sink", GST_PAD_SINK, GST_PAD_ALWAYS, caps));
    gst_element_class_add_pad_template(element, gst_pad_template_new("src", GST_PAD_SRC, GST_PAD_ALWAYS, caps));
    gst_caps_unref(caps);
    GST_BASE_TRANSFORM_CLASS(klass)->transform_ip = gst_ov_meta_convert_transform_ip;
    GST_BASE_TRANSFORM_CLASS(klass)->set_caps = gst_ov_meta_convert_set_caps;
}
