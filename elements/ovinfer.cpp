/**
 * SECTION:element-ovinfer
 * Runs any image model on whole frames and attaches every output tensor as an
 * "OvkitTensorMeta" (structure "tensor": layer_name, precision, dims, data).
 *
 *   gst-launch-1.0 videotestsrc num-buffers=10 ! ovinfer model=model.onnx ! ovmetaconvert ! ovmetapublish ! fakesink
 */
#include "ovinfer.h"

#include "common/meta.h"

using namespace ovkit::gst;

struct _GstOvInfer {
    GstOvInferBase parent;
};

G_DEFINE_TYPE(GstOvInfer, gst_ov_infer, GST_TYPE_OV_INFER_BASE)
GST_ELEMENT_REGISTER_DEFINE(ovinfer, "ovinfer", GST_RANK_NONE, GST_TYPE_OV_INFER)

static ApplyFn gst_ov_infer_infer(GstOvInferBase* base, const GstVideoFrame* frame, ovkit::InferRequest& request) {
    Rect full{0, 0, GST_VIDEO_FRAME_WIDTH(frame), GST_VIDEO_FRAME_HEIGHT(frame)};
    gst_ov_infer_base_run(base, frame, {full}, request);
    std::vector<std::pair<std::string, ovkit::Tensor>> outputs;
    const std::vector<ovkit::PortInfo>& ports = gst_ov_infer_base_outputs(base);
    for (size_t i = 0; i < ports.size(); ++i) outputs.emplace_back(ports[i].name, request.get_output_tensor(i).copy());
    return [outputs](GstBuffer* buffer) {
        for (const auto& [name, tensor] : outputs) add_tensor_meta(buffer, name, tensor);
    };
}

static gboolean gst_ov_infer_start(GstBaseTransform* trans) {
    if (!GST_BASE_TRANSFORM_CLASS(gst_ov_infer_parent_class)->start(trans)) return FALSE;
    if (gst_ov_infer_base_settings(GST_OV_INFER_BASE(trans)).converter != GST_OV_CONVERTER_RAW) {
        GST_ELEMENT_ERROR(trans, LIBRARY, SETTINGS, ("ovinfer only attaches raw tensors"),
                          ("use converter=raw (or ovdetect/ovclassify for the other converters)"));
        return FALSE;
    }
    return TRUE;
}

static void gst_ov_infer_init(GstOvInfer*) {}

static void gst_ov_infer_class_init(GstOvInferClass* klass) {
    auto* element = GST_ELEMENT_CLASS(klass);
    auto* base = GST_OV_INFER_BASE_CLASS(klass);
    gst_element_class_set_static_metadata(element, "ovkit inference", "Filter/Analyzer/Video",
                                          "Runs a model on frames and attaches its raw output tensors", "ovkit developers");
    GstCaps* caps = gst_caps_from_string(OVKIT_VIDEO_CAPS);
    gst_element_class_add_pad_template(element, gst_pad_template_new("sink", GST_PAD_SINK, GST_PAD_ALWAYS, caps));
    gst_element_class_add_pad_template(element, gst_pad_template_new("src", GST_PAD_SRC, GST_PAD_ALWAYS, caps));
    gst_caps_unref(caps);
    GST_BASE_TRANSFORM_CLASS(klass)->start = gst_ov_infer_start;
    base->default_converter = GST_OV_CONVERTER_RAW;
    base->repeat_on_skip = FALSE;
    base->infer = gst_ov_infer_infer;
}
