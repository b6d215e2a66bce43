/**
 * SECTION:element-ovclassify
 * Per-region inference: every region-of-interest (optionally only those whose label is in
 * object-class) is cropped, resized and classified; the result is added to the region as a
 * structure named by the model-proc attribute_name (else the output layer name) with label,
 * label_id, confidence and layer_name. Converters: ctc (text recognition with labels-file),
 * label (softmax/argmax). batch-size > 1 infers that many regions at once. With ovtrack
 * upstream, reclassify-interval=N reuses a tracked object's result for N-1 frames.
 *
 *   gst-launch-1.0 videotestsrc ! textoverlay text="Hello 42" ! videoconvert !
 *     ovdetect model=ch_PP-OCRv4_det_infer.onnx model-proc=pipelines/model_proc/ppocr_det.json !
 *     ovclassify model=ch_PP-OCRv4_rec_infer.onnx model-proc=pipelines/model_proc/ppocr_rec.json
 *       labels-file=ppocr_keys_v1.txt ! ovmetaconvert ! ovmetapublish ! fakesink
 */
#include "ovclassify.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>

#include "common/meta.h"

using namespace ovkit::gst;

enum { PROP_0, PROP_OBJECT_CLASS, PROP_RECLASSIFY_INTERVAL };

struct CachedResult {
    Classification result;
    guint age;
};

struct _GstOvClassify {
    GstOvInferBase parent;
    gchar* object_class;
    guint reclassify_interval;
    std::set<std::string>* classes;            // parsed object_class, empty: all
    std::map<int, CachedResult>* cache;        // by object_id
    std::mutex* cache_mutex;
};

G_DEFINE_TYPE(GstOvClassify, gst_ov_classify, GST_TYPE_OV_INFER_BASE)
GST_ELEMENT_REGISTER_DEFINE(ovclassify, "ovclassify", GST_RANK_NONE, GST_TYPE_OV_CLASSIFY)

// A cached result for a tracked object still fresh under reclassify-interval.
static std::optional<Classification> cached(GstOvClassify* self, int object_id) {
    if (object_id < 0 || self->reclassify_interval <= 1) return std::nullopt;
    std::lock_guard<std::mutex> lock(*self->cache_mutex);
    auto it = self->cache->find(object_id);
    if (it == self->cache->end() || ++it->second.age >= self->reclassify_interval) return std::nullopt;
    return it->second.result;
}

static ApplyFn gst_ov_classify_infer(GstOvInferBase* base, const GstVideoFrame* frame, ovkit::InferRequest& request) {
    auto* self = GST_OV_CLASSIFY(base);
    const GstOvInferSettings& st = gst_ov_infer_base_settings(base);
    const int fw = GST_VIDEO_FRAME_WIDTH(frame), fh = GST_VIDEO_FRAME_HEIGHT(frame);
    std::vector<GstVideoRegionOfInterestMeta*> all = regions(frame->buffer);
    std::vector<std::pair<size_t, Classification>> results;  // by region index
    std::vector<size_t> todo;
    std::vector<Rect> rects;
    for (size_t i = 0; i < all.size(); ++i) {
        GstVideoRegionOfInterestMeta* m = all[i];
        if (!self->classes->empty() && !self->classes->count(g_quark_to_string(m->roi_type))) continue;
        if (std::optional<Classification> c = cached(self, region_object_id(m))) {
            results.emplace_back(i, *c);
            continue;
        }
        Rect r{int(m->x), int(m->y), int(m->w), int(m->h)};
        r.x = std::clamp(r.x, 0, fw - 1), r.y = std::clamp(r.y, 0, fh - 1);
        r.w = std::clamp(r.w, 1, fw - r.x), r.h = std::clamp(r.h, 1, fh - r.y);
        todo.push_back(i);
        rects.push_back(r);
    }
    // Batch regions of similar aspect (as PaddleOCR does): less padding in each batch.
    std::vector<size_t> order(rects.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return double(rects[a].w) / rects[a].h < double(rects[b].w) / rects[b].h;
    });
    for (size_t start = 0; start < order.size(); start += st.batch_size) {
        size_t n = std::min<size_t>(st.batch_size, order.size() - start);
        std::vector<Rect> batch;
        for (size_t k = start; k < start + n; ++k) batch.push_back(rects[order[k]]);
        gst_ov_infer_base_run(base, frame, batch, request);
        ovkit::Tensor out = gst_ov_infer_base_output(base, request);
        for (size_t b = 0; b < n; ++b) {
            Classification c = st.converter == GST_OV_CONVERTER_CTC ? ctc_decode(out, b, st.labels)
                                                                    : label_argmax(out, b, st.labels);
            size_t region = todo[order[start + b]];
            if (int id = region_object_id(all[region]); id >= 0) {
                std::lock_guard<std::mutex> lock(*self->cache_mutex);
                (*self->cache)[id] = {c, 0};
            }
            results.emplace_back(region, c);
        }
    }
    std::string name = st.attribute_name, layer = st.layer_name;
    float threshold = st.converter == GST_OV_CONVERTER_LABEL ? st.threshold : 0.f;
    return [results, name, layer, threshold](GstBuffer* buffer) {
        std::vector<GstVideoRegionOfInterestMeta*> metas = regions(buffer);
        for (const auto& [index, c] : results)
            if (index < metas.size() && c.confidence >= threshold) set_classification(metas[index], name, layer, c);
    };
}

static gboolean gst_ov_classify_start(GstBaseTransform* trans) {
    auto* self = GST_OV_CLASSIFY(trans);
    if (!GST_BASE_TRANSFORM_CLASS(gst_ov_classify_parent_class)->start(trans)) return FALSE;
    GstOvConverter c = gst_ov_infer_base_settings(GST_OV_INFER_BASE(trans)).converter;
    if (c != GST_OV_CONVERTER_CTC && c != GST_OV_CONVERTER_LABEL) {
        GST_ELEMENT_ERROR(trans, LIBRARY, SETTINGS, ("ovclassify cannot use this converter"),
                          ("converter %d: ovclassify supports ctc and label", int(c)));
        return FALSE;
    }
    self->classes->clear();
    std::stringstream list(self->object_class ? self->object_class : "");
    for (std::string item; std::getline(list, item, ',');)
        if (!item.empty()) self->classes->insert(item);
    self->cache->clear();
    return TRUE;
}

static void gst_ov_classify_set_property(GObject* object, guint id, const GValue* value, GParamSpec* pspec) {
    auto* self = GST_OV_CLASSIFY(object);
    switch (id) {
        case PROP_OBJECT_CLASS:
            g_free(self->object_class);
            self->object_class = g_value_dup_string(value);
            break;
        case PROP_RECLASSIFY_INTERVAL: self->reclassify_interval = g_value_get_uint(value); break;
        default: G_OBJECT_WARN_INVALID_PROPERTY_ID(object, id, pspec); break;
    }
}

static void gst_ov_classify_get_property(GObject* object, guint id, GValue* value, GParamSpec* pspec) {
    auto* self = GST_OV_CLASSIFY(object);
    switch (id) {
        case PROP_OBJECT_CLASS: g_value_set_string(value, self->object_class); break;
        case PROP_RECLASSIFY_INTERVAL: g_value_set_uint(value, self->reclassify_interval); break;
        default: G_OBJECT_WARN_INVALID_PROPERTY_ID(object, id, pspec); break;
    }
}

static void gst_ov_classify_init(GstOvClassify* self) {
    self->object_class = g_strdup("");
    self->reclassify_interval = 1;
    self->classes = new std::set<std::string>();
    self->cache = new std::map<int, CachedResult>();
    self->cache_mutex = new std::mutex();
}

static void gst_ov_classify_finalize(GObject* object) {
    auto* self = GST_OV_CLASSIFY(object);
    g_free(self->object_class);
    delete self->classes;
    delete self->cache;
    delete self->cache_mutex;
    G_OBJECT_CLASS(gst_ov_classify_parent_class)->finalize(object);
}

static void gst_ov_classify_class_init(GstOvClassifyClass* klass) {
    auto* gobject = G_OBJECT_CLASS(klass);
    auto* element = GST_ELEMENT_CLASS(klass);
    auto* base = GST_OV_INFER_BASE_CLASS(klass);
    gobject->set_property = gst_ov_classify_set_property;
    gobject->get_property = gst_ov_classify_get_property;
    gobject->finalize = gst_ov_classify_finalize;
    const auto flags = GParamFlags(G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | GST_PARAM_MUTABLE_READY);
    g_object_class_install_property(gobject, PROP_OBJECT_CLASS,
        g_param_spec_string("object-class", "Object class", "Comma-separated region labels to classify (empty: all)", "", flags));
    g_object_class_install_property(gobject, PROP_RECLASSIFY_INTERVAL,
        g_param_spec_uint("reclassify-interval", "Reclassify interval",
                          "Classify a tracked object every N-th frame it is seen (1: every frame)", 1, G_MAXUINT, 1, flags));
    gst_element_class_set_static_metadata(element, "ovkit classification", "Filter/Analyzer/Video",
                                          "Classifies or recognizes each region of interest", "ovkit developers");
    GstCaps* caps = gst_caps_from_string(OVKIT_VIDEO_CAPS);
    gst_element_class_add_pad_template(element, gst_pad_template_new("sink", GST_PAD_SINK, GST_PAD_ALWAYS, caps));
    gst_element_class_add_pad_template(element, gst_pad_template_new("src", GST_PAD_SRC, GST_PAD_ALWAYS, caps));
    gst_caps_unref(caps);
    GST_BASE_TRANSFORM_CLASS(klass)->start = gst_ov_classify_start;
    base->default_converter = GST_OV_CONVERTER_LABEL;
    base->repeat_on_skip = FALSE;
    base->infer = gst_ov_classify_infer;
}
