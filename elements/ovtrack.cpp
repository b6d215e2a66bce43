/**
 * SECTION:element-ovtrack
 * Assigns stable object ids to regions of interest across frames with an IoU tracker: each
 * region is matched (greedily, highest IoU first, same label) to a track of the previous
 * frames; unmatched regions start new tracks. The id is added to the region as the structure
 * "object_id" (field "id"), as DL Streamer's gvatrack does. tracking-type=iou keeps a lost
 * track for max-missed frames; zero-term matches against the previous frame only.
 *
 *   gst-launch-1.0 ... ! ovdetect ... ! ovtrack tracking-type=iou ! ovclassify reclassify-interval=10 ... ! fakesink
 */
#include "ovtrack.h"

#include <algorithm>
#include <vector>

#include "common/meta.h"
#include "common/preprocess.h"

using namespace ovkit::gst;

enum { PROP_0, PROP_TRACKING_TYPE, PROP_IOU_THRESHOLD, PROP_MAX_MISSED };
enum { TRACKING_IOU, TRACKING_ZERO_TERM };

namespace {
struct Track {
    int id;
    GQuark label;
    Detection box;
    guint missed;
};
}  // namespace

struct _GstOvTrack {
    GstBaseTransform parent;
    gint tracking_type;
    gfloat iou_threshold;
    guint max_missed;
    GstVideoInfo info;
    std::vector<Track>* tracks;
    int next_id;
};

G_DEFINE_TYPE(GstOvTrack, gst_ov_track, GST_TYPE_BASE_TRANSFORM)
GST_ELEMENT_REGISTER_DEFINE(ovtrack, "ovtrack", GST_RANK_NONE, GST_TYPE_OV_TRACK)

static GType gst_ov_tracking_type_get_type() {
    static GType type = 0;
    static const GEnumValue values[] = {
        {TRACKING_IOU, "IoU matching, lost tracks kept for max-missed frames", "iou"},
        {TRACKING_ZERO_TERM, "IoU matching against the previous frame only", "zero-term"},
        {0, nullptr, nullptr},
    };
    if (g_once_init_enter(&type)) g_once_init_leave(&type, g_enum_register_static("GstOvTrackingType", values));
    return type;
}

static GstFlowReturn gst_ov_track_transform_ip(GstBaseTransform* trans, GstBuffer* buffer) {
    auto* self = GST_OV_TRACK(trans);
    std::vector<Track>& tracks = *self->tracks;
    std::vector<GstVideoRegionOfInterestMeta*> rois = regions(buffer);
    std::vector<Detection> boxes;
    for (GstVideoRegionOfInterestMeta* m : rois) boxes.push_back(region_detection(m, self->info));
    // Candidate pairs above the threshold, best first.
    struct Pair {
        float iou;
        size_t region, track;
    };
    std::vector<Pair> pairs;
    for (size_t r = 0; r < rois.size(); ++r)
        for (size_t t = 0; t < tracks.size(); ++t) {
            float v = iou(boxes[r], tracks[t].box);
            if (v >= self->iou_threshold && tracks[t].label == rois[r]->roi_type) pairs.push_back({v, r, t});
        }
    std::sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) { return a.iou > b.iou; });
    std::vector<int> region_track(rois.size(), -1);
    std::vector<bool> matched(tracks.size(), false);
    for (const Pair& p : pairs)
        if (region_track[p.region] < 0 && !matched[p.track]) region_track[p.region] = int(p.track), matched[p.track] = true;
    for (size_t t = 0; t < tracks.size(); ++t) tracks[t].missed = matched[t] ? 0 : tracks[t].missed + 1;
    for (size_t r = 0; r < rois.size(); ++r) {
        if (region_track[r] < 0) {
            region_track[r] = int(tracks.size());
            tracks.push_back({self->next_id++, rois[r]->roi_type, boxes[r], 0});
            matched.push_back(true);
        }
        Track& t = tracks[region_track[r]];
        t.box = boxes[r];
        if (region_object_id(rois[r]) < 0)
            gst_video_region_of_interest_meta_add_param(rois[r], gst_structure_new("object_id", "id", G_TYPE_INT, t.id, nullptr));
    }
    const guint keep = self->tracking_type == TRACKING_ZERO_TERM ? 0 : self->max_missed;
    tracks.erase(std::remove_if(tracks.begin(), tracks.end(), [keep](const Track& t) { return t.missed > keep; }), tracks.end());
    return GST_FLOW_OK;
}

static gboolean gst_ov_track_set_caps(GstBaseTransform* trans, GstCaps* incaps, GstCaps*) {
    return gst_video_info_from_caps(&GST_OV_TRACK(trans)->info, incaps);
}

static gboolean gst_ov_track_start(GstBaseTransform* trans) {
    auto* self = GST_OV_TRACK(trans);
    self->tracks->clear();
    self->next_id = 1;
    return TRUE;
}

static void gst_ov_track_set_property(GObject* object, guint id, const GValue* value, GParamSpec* pspec) {
    auto* self = GST_OV_TRACK(object);
    switch (id) {
        case PROP_TRACKING_TYPE: self->tracking_type = g_value_get_enum(value); break;
        case PROP_IOU_THRESHOLD: self->iou_threshold = g_value_get_float(value); break;
        case PROP_MAX_MISSED: self->max_missed = g_value_get_uint(value); break;
        default: G_OBJECT_WARN_INVALID_PROPERTY_ID(object, id, pspec); break;
    }
}

static void gst_ov_track_get_property(GObject* object, guint id, GValue* value, GParamSpec* pspec) {
    auto* self = GST_OV_TRACK(object);
    switch (id) {
        case PROP_TRACKING_TYPE: g_value_set_enum(value, self->tracking_type); break;
        case PROP_IOU_THRESHOLD: g_value_set_float(value, self->iou_threshold); break;
        case PROP_MAX_MISSED: g_value_set_uint(value, self->max_missed); break;
        default: G_OBJECT_WARN_INVALID_PROPERTY_ID(object, id, pspec); break;
    }
}

static void gst_ov_track_finalize(GObject* object) {
    delete GST_OV_TRACK(object)->tracks;
    G_OBJECT_CLASS(gst_ov_track_parent_class)->finalize(object);
}

static void gst_ov_track_init(GstOvTrack* self) {
    self->tracking_type = TRACKING_IOU;
    self->iou_threshold = 0.3f;
    self->max_missed = 5;
    self->tracks = new std::vector<Track>();
    self->next_id = 1;
    gst_video_info_init(&self->info);
    gst_base_transform_set_in_place(GST_BASE_TRANSFORM(self), TRUE);
}

static void gst_ov_track_class_init(GstOvTrackClass* klass) {
    auto* gobject = G_OBJECT_CLASS(klass);
    auto* element = GST_ELEMENT_CLASS(klass);
    auto* trans = GST_BASE_TRANSFORM_CLASS(klass);
    gobject->set_property = gst_ov_track_set_property;
    gobject->get_property = gst_ov_track_get_property;
    gobject->finalize = gst_ov_track_finalize;
    const auto flags = GParamFlags(G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | GST_PARAM_MUTABLE_READY);
    g_object_class_install_property(gobject, PROP_TRACKING_TYPE,
        g_param_spec_enum("tracking-type", "Tracking type", "How tracks are kept", gst_ov_tracking_type_get_type(),
                          TRACKING_IOU, flags));
    g_object_class_install_property(gobject, PROP_IOU_THRESHOLD,
        g_param_spec_float("iou-threshold", "IoU threshold", "Minimum IoU to continue a track", 0.f, 1.f, 0.3f, flags));
    g_object_class_install_property(gobject, PROP_MAX_MISSED,
        g_param_spec_uint("max-missed", "Max missed", "Frames a lost track is kept (tracking-type=iou)", 0, 10000, 5, flags));
    gst_element_class_set_static_metadata(element, "ovkit tracker", "Filter/Analyzer/Video",
                                          "Assigns stable object ids to regions (IoU tracker)", "ovkit developers");
    GstCaps* caps = gst_caps_from_string(OVKIT_VIDEO_CAPS);
    gst_element_class_add_pad_template(element, gst_pad_template_new("sink", GST_PAD_SINK, GST_PAD_ALWAYS, caps));
    gst_element_class_add_pad_template(element, gst_pad_template_new("src", GST_PAD_SRC, GST_PAD_ALWAYS, caps));
    gst_caps_unref(caps);
    trans->transform_ip = gst_ov_track_transform_ip;
    trans->set_caps = gst_ov_track_set_caps;
    trans->start = gst_ov_track_start;
    gst_type_mark_as_plugin_api(gst_ov_tracking_type_get_type(), GstPluginAPIFlags(0));
}
