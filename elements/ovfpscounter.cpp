/**
 * SECTION:element-ovfpscounter
 * Passes buffers through and reports the frame rate every `interval` seconds and on EOS
 * (printed unless silent, and posted as an element message "ovfpscounter" with fields fps
 * and average-fps). The read-only property average-fps holds the rate since the first frame.
 *
 *   gst-launch-1.0 videotestsrc num-buffers=300 ! ovfpscounter ! fakesink sync=false
 */
#include "ovfpscounter.h"

enum { PROP_0, PROP_INTERVAL, PROP_SILENT, PROP_AVERAGE_FPS };

struct _GstOvFpsCounter {
    GstBaseTransform parent;
    guint interval;
    gboolean silent;
    gint64 first_us, window_us;  // time of the first frame, start of the current window
    guint64 frames, window_frames;
    gdouble average_fps;
};

G_DEFINE_TYPE(GstOvFpsCounter, gst_ov_fps_counter, GST_TYPE_BASE_TRANSFORM)
GST_ELEMENT_REGISTER_DEFINE(ovfpscounter, "ovfpscounter", GST_RANK_NONE, GST_TYPE_OV_FPS_COUNTER)

static void report(GstOvFpsCounter* self, double fps, const char* what) {
    if (!self->silent) g_print("ovfpscounter(%s): %s %.2f fps, average %.2f fps\n", GST_OBJECT_NAME(self), what, fps, self->average_fps);
    gst_element_post_message(GST_ELEMENT(self),
        gst_message_new_element(GST_OBJECT(self), gst_structure_new("ovfpscounter", "fps", G_TYPE_DOUBLE, fps,
                                                                     "average-fps", G_TYPE_DOUBLE, self->average_fps, nullptr)));
}

static GstFlowReturn gst_ov_fps_counter_transform_ip(GstBaseTransform* trans, GstBuffer*) {
    auto* self = GST_OV_FPS_COUNTER(trans);
    gint64 now = g_get_monotonic_time();
    if (self->frames++ == 0) self->first_us = self->window_us = now;
    ++self->window_frames;
    GST_OBJECT_LOCK(self);
    if (now > self->first_us) self->average_fps = (self->frames - 1) * 1e6 / double(now - self->first_us);
    GST_OBJECT_UNLOCK(self);
    if (now - self->window_us >= gint64(self->interval) * G_USEC_PER_SEC) {
        double fps = self->window_frames * 1e6 / double(now - self->window_us);
        report(self, fps, "current");
        self->window_us = now, self->window_frames = 0;
    }
    return GST_FLOW_OK;
}

static gboolean gst_ov_fps_counter_sink_event(GstBaseTransform* trans, GstEvent* event) {
    auto* self = GST_OV_FPS_COUNTER(trans);
    if (GST_EVENT_TYPE(event) == GST_EVENT_EOS && self->frames > 1) report(self, self->average_fps, "overall");
    return GST_BASE_TRANSFORM_CLASS(gst_ov_fps_counter_parent_class)->sink_event(trans, event);
}

static gboolean gst_ov_fps_counter_start(GstBaseTransform* trans) {
    auto* self = GST_OV_FPS_COUNTER(trans);
    self->frames = self->window_frames = 0;
    self->average_fps = 0;
    return TRUE;
}

static void gst_ov_fps_counter_set_property(GObject* object, guint id, const GValue* value, GParamSpec* pspec) {
    auto* self = GST_OV_FPS_COUNTER(object);
    switch (id) {
        case PROP_INTERVAL: self->interval = g_value_get_uint(value); break;
        case PROP_SILENT: self->silent = g_value_get_boolean(value); break;
        default: G_OBJECT_WARN_INVALID_PROPERTY_ID(object, id, pspec); break;
    }
}

static void gst_ov_fps_counter_get_property(GObject* object, guint id, GValue* value, GParamSpec* pspec) {
    auto* self = GST_OV_FPS_COUNTER(object);
    GST_OBJECT_LOCK(self);
    switch (id) {
        case PROP_INTERVAL: g_value_set_uint(value, self->interval); break;
        case PROP_SILENT: g_value_set_boolean(value, self->silent); break;
        case PROP_AVERAGE_FPS: g_value_set_double(value, self->average_fps); break;
        default: G_OBJECT_WARN_INVALID_PROPERTY_ID(object, id, pspec); break;
    }
    GST_OBJECT_UNLOCK(self);
}

static void gst_ov_fps_counter_init(GstOvFpsCounter* self) {
    self->interval = 1;
    gst_base_transform_set_passthrough(GST_BASE_TRANSFORM(self), TRUE);
}

static void gst_ov_fps_counter_class_init(GstOvFpsCounterClass* klass) {
    auto* gobject = G_OBJECT_CLASS(klass);
    auto* element = GST_ELEMENT_CLASS(klass);
    auto* trans = GST_BASE_TRANSFORM_CLASS(klass);
    gobject->set_property = gst_ov_fps_counter_set_property;
    gobject->get_property = gst_ov_fps_counter_get_property;
    const auto flags = GParamFlags(G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
    g_object_class_install_property(gobject, PROP_INTERVAL,
        g_param_spec_uint("interval", "Interval", "Seconds between reports", 1, 3600, 1, flags));
    g_object_class_install_property(gobject, PROP_SILENT,
        g_param_spec_boolean("silent", "Silent", "Post messages only, print nothing", FALSE, flags));
    g_object_class_install_property(gobject, PROP_AVERAGE_FPS,
        g_param_spec_double("average-fps", "Average fps", "Frames per second since the first frame", 0, G_MAXDOUBLE, 0,
                            GParamFlags(G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)));
    gst_element_class_set_static_metadata(element, "ovkit fps counter", "Filter/Debug",
                                          "Reports the frame rate of the stream", "ovkit developers");
    GstCaps* caps = gst_caps_new_any();
    gst_element_class_add_pad_template(element, gst_pad_template_new("sink", GST_PAD_SINK, GST_PAD_ALWAYS, caps));
    gst_element_class_add_pad_template(element, gst_pad_template_new("src", GST_PAD_SRC, GST_PAD_ALWAYS, caps));
    gst_caps_unref(caps);
    trans->transform_ip = gst_ov_fps_counter_transform_ip;
    trans->sink_event = gst_ov_fps_counter_sink_event;
    trans->start = gst_ov_fps_counter_start;
}
