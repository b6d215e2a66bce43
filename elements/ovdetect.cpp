/**
 * SECTION:element-ovdetect
 * Full-frame object detection: each detected object becomes a GstVideoRegionOfInterestMeta
 * with a "detection" structure (label_id, confidence, x_min, y_min, x_max, y_max normalized).
 * Converters: dbnet (text), ssd, yolo (v5/v8 heads, NMS; model-proc iou_threshold).
 * Frames skipped by inference-interval get the last detections.
 *
 *   gst-launch-1.0 videotestsrc ! textoverlay text="Hello 42" font-desc="Sans 48" ! videoconvert !
 *     ovdetect model=ch_PP-OCRv4_det_infer.onnx model-proc=pipelines/model_proc/ppocr_det.json !
 *     ovwatermark ! videoconvert ! autovideosink
 */
#include "ovdetect.h"

#include "common/meta.h"

using namespace ovkit::gst;

struct _GstOvDetect {
    GstOvInferBase parent;
};

G_DEFINE_TYPE(GstOvDetect, gst_ov_detect, GST_TYPE_OV_INFER_BASE)
GST_ELEMENT_REGISTER_DEFINE(ovdetect, "ovdetect", GST_RANK_NONE, GST_TYPE_OV_DETECT)

static ApplyFn gst_ov_detect_infer(GstOvInferBase* base, const GstVideoFrame* frame, ovkit::InferRequest& request) {
    const GstOvInferSettings& st = gst_ov_infer_base_settings(base);
    Rect full{0, 0, GST_VIDEO_FRAME_WIDTH(frame), GST_VIDEO_FRAME_HEIGHT(frame)};
    std::vector<Placement> placement = gst_ov_infer_base_run(base, frame, {full}, request);
    ovkit::Tensor out = gst_ov_infer_base_output(base, request);
    std::vector<Detection> boxes;
    switch (st.converter) {
        case GST_OV_CONVERTER_DBNET: boxes = dbnet_boxes(out, 0, placement[0], st.proc.post); break;
        case GST_OV_CONVERTER_YOLO: boxes = yolo_boxes(out, 0, placement[0], st.threshold, st.proc.post.iou_threshold); break;
        default: boxes = ssd_boxes(out, 0, st.threshold); break;
    }
    std::vector<std::string> labels;
    for (const Detection& d : boxes)
        labels.push_back(st.converter == GST_OV_CONVERTER_DBNET ? "text"
                         : size_t(d.label_id) < st.labels.size() ? st.labels[d.label_id]
                                                                  : std::to_string(d.label_id));
    GstVideoInfo info = st.info;
    return [boxes, labels, info](GstBuffer* buffer) {
        for (size_t i = 0; i < boxes.size(); ++i) add_region(buffer, info, boxes[i], labels[i]);
    };
}

static gboolean gst_ov_detect_start(GstBaseTransform* trans) {
    if (!GST_BASE_TRANSFORM_CLASS(gst_ov_detect_parent_class)->start(trans)) return FALSE;
    GstOvConverter c = gst_ov_infer_base_settings(GST_OV_INFER_BASE(trans)).converter;
    if (c != GST_OV_CONVERTER_DBNET && c != GST_OV_CONVERTER_SSD && c != GST_OV_CONVERTER_YOLO) {
        GST_ELEMENT_ERROR(trans, LIBRARY, SETTINGS, ("ovdetect cannot use this converter"),
                          ("converter %d: ovdetect supports dbnet, ssd and yolo", int(c)));
        return FALSE;
    }
    return TRUE;
}

static void gst_ov_detect_init(GstOvDetect*) {}

static void gst_ov_detect_class_init(GstOvDetectClass* klass) {
    auto* element = GST_ELEMENT_CLASS(klass);
    auto* base = GST_OV_INFER_BASE_CLASS(klass);
    gst_element_class_set_static_metadata(element, "ovkit detection", "Filter/Analyzer/Video",
                                          "Detects objects or text and attaches region-of-interest meta",
                                          "ovkit developers");
    GstCaps* caps = gst_caps_from_string(OVKIT_VIDEO_CAPS);
    gst_element_class_add_pad_template(element, gst_pad_template_new("sink", GST_PAD_SINK, GST_PAD_ALWAYS, caps));
    gst_element_class_add_pad_template(element, gst_pad_template_new("src", GST_PAD_SRC, GST_PAD_ALWAYS, caps));
    gst_caps_unref(caps);
    GST_BASE_TRANSFORM_CLASS(klass)->start = gst_ov_detect_start;
    base->default_converter = GST_OV_CONVERTER_DBNET;
    base->repeat_on_skip = TRUE;
    base->infer = gst_ov_detect_infer;
}
