/**
 * SECTION:element-ovmetapublish
 * Writes the JSON message of each frame (from ovmetaconvert) to a file, or to stdout when
 * file-path is empty. file-format=json-lines writes one message per line; json writes one
 * JSON array of all messages.
 *
 *   gst-launch-1.0 ... ! ovmetaconvert ! ovmetapublish file-path=out.jsonl file-format=json-lines ! fakesink
 */
#include "ovmetapublish.h"

#include <cstdio>

#include "common/meta.h"

enum { PROP_0, PROP_FILE_PATH, PROP_FILE_FORMAT };
enum { FORMAT_JSON, FORMAT_JSON_LINES };

struct _GstOvMetaPublish {
    GstBaseTransform parent;
    gchar* file_path;
    gint file_format;
    FILE* out;
    guint64 written;
};

G_DEFINE_TYPE(GstOvMetaPublish, gst_ov_meta_publish, GST_TYPE_BASE_TRANSFORM)
GST_ELEMENT_REGISTER_DEFINE(ovmetapublish, "ovmetapublish", GST_RANK_NONE, GST_TYPE_OV_META_PUBLISH)

static GType gst_ov_file_format_get_type() {
    static GType type = 0;
    static const GEnumValue values[] = {
        {FORMAT_JSON, "One JSON array of messages", "json"},
        {FORMAT_JSON_LINES, "One JSON message per line", "json-lines"},
        {0, nullptr, nullptr},
    };
    if (g_once_init_enter(&type)) g_once_init_leave(&type, g_enum_register_static("GstOvFileFormat", values));
    return type;
}

static gboolean gst_ov_meta_publish_start(GstBaseTransform* trans) {
    auto* self = GST_OV_META_PUBLISH(trans);
    self->written = 0;
    if (!self->file_path || !*self->file_path) {
        self->out = stdout;
    } else if (!(self->out = fopen(self->file_path, "w"))) {
        GST_ELEMENT_ERROR(self, RESOURCE, OPEN_WRITE, ("Cannot open '%s' for writing", self->file_path),
                          ("%s", g_strerror(errno)));
        return FALSE;
    }
    if (self->file_format == FORMAT_JSON) fputs("[\n", self->out);
    return TRUE;
}

static gboolean gst_ov_meta_publish_stop(GstBaseTransform* trans) {
    auto* self = GST_OV_META_PUBLISH(trans);
    if (!self->out) return TRUE;
    if (self->file_format == FORMAT_JSON) fputs("\n]\n", self->out);
    fflush(self->out);
    if (self->out != stdout) fclose(self->out);
    self->out = nullptr;
    return TRUE;
}

static GstFlowReturn gst_ov_meta_publish_transform_ip(GstBaseTransform* trans, GstBuffer* buffer) {
    auto* self = GST_OV_META_PUBLISH(trans);
    const char* message = ovkit::gst::json_message(buffer);
    if (!message) return GST_FLOW_OK;
    if (self->file_format == FORMAT_JSON && self->written > 0) fputs(",\n", self->out);
    fputs(message, self->out);
    if (self->file_format == FORMAT_JSON_LINES) fputc('\n', self->out);
    fflush(self->out);
    if (ferror(self->out)) {
        GST_ELEMENT_ERROR(self, RESOURCE, WRITE, ("Cannot write to '%s'", self->file_path ? self->file_path : "stdout"),
                          ("%s", g_strerror(errno)));
        return GST_FLOW_ERROR;
    }
    ++self->written;
    return GST_FLOW_OK;
}

static void gst_ov_meta_publish_set_property(GObject* object, guint id, const GValue* value, GParamSpec* pspec) {
    auto* self = GST_OV_META_PUBLISH(object);
    switch (id) {
        case PROP_FILE_PATH:
            g_free(self->file_path);
            self->file_path = g_value_dup_string(value);
            break;
        case PROP_FILE_FORMAT: self->file_format = g_value_get_enum(value); break;
        default: G_OBJECT_WARN_INVALID_PROPERTY_ID(object, id, pspec); break;
    }
}

static void gst_ov_meta_publish_get_property(GObject* object, guint id, GValue* value, GParamSpec* pspec) {
    auto* self = GST_OV_META_PUBLISH(object);
    switch (id) {
        case PROP_FILE_PATH: g_value_set_string(value, self->file_path); break;
        case PROP_FILE_FORMAT: g_value_set_enum(value, self->file_format); break;
        default: G_OBJECT_WARN_INVALID_PROPERTY_ID(object, id, pspec); break;
    }
}

static void gst_ov_meta_publish_finalize(GObject* object) {
    g_free(GST_OV_META_PUBLISH(object)->file_path);
    G_OBJECT_CLASS(gst_ov_meta_publish_parent_class)->finalize(object);
}

static void gst_ov_meta_publish_init(GstOvMetaPublish* self) {
    self->file_path = g_strdup("");
    self->file_format = FORMAT_JSON_LINES;
    gst_base_transform_set_passthrough(GST_BASE_TRANSFORM(self), TRUE);
}

static void gst_ov_meta_publish_class_init(GstOvMetaPublishClass* klass) {
    auto* gobject = G_OBJECT_CLASS(klass);
    auto* element = GST_ELEMENT_CLASS(klass);
    auto* trans = GST_BASE_TRANSFORM_CLASS(klass);
    gobject->set_property = gst_ov_meta_publish_set_property;
    gobject->get_property = gst_ov_meta_publish_get_property;
    gobject->finalize = gst_ov_meta_publish_finalize;
    const auto flags = GParamFlags(G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | GST_PARAM_MUTABLE_READY);
    g_object_class_install_property(gobject, PROP_FILE_PATH,
        g_param_spec_string("file-path", "File path", "Output file (empty: stdout)", "", flags));
    g_object_class_install_property(gobject, PROP_FILE_FORMAT,
        g_param_spec_enum("file-format", "File format", "How messages are written", gst_ov_file_format_get_type(),
                          FORMAT_JSON_LINES, flags));
    gst_element_class_set_static_metadata(element, "ovkit JSON publisher", "Sink/Metadata",
                                          "Writes per-frame JSON messages to a file or stdout", "ovkit developers");
    GstCaps* caps = gst_caps_new_any();
    gst_element_class_add_pad_template(element, gst_pad_template_new("sink", GST_PAD_SINK, GST_PAD_ALWAYS, caps));
    gst_element_class_add_pad_template(element, gst_pad_template_new("src", GST_PAD_SRC, GST_PAD_ALWAYS, caps));
    gst_caps_unref(caps);
    trans->start = gst_ov_meta_publish_start;
    trans->stop = gst_ov_meta_publish_stop;
    trans->transform_ip = gst_ov_meta_publish_transform_ip;
    gst_type_mark_as_plugin_api(gst_ov_file_format_get_type(), GstPluginAPIFlags(0));
}
