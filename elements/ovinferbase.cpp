#include "ovinferbase.h"

#include <deque>
#include <future>
#include <memory>

#include "common/model_registry.h"

GST_DEBUG_CATEGORY_STATIC(gst_ov_infer_base_debug);
#define GST_CAT_DEFAULT gst_ov_infer_base_debug

namespace ovkit::gst {

struct Pending {
    GstBuffer* buffer;
    std::future<ApplyFn> result;  // invalid for frames skipped by inference-interval
};

struct InferState {
    // Properties.
    std::string model, model_proc, pre_process_config, labels_file, device = "CPU", instance_id;
    guint nireq = 1, interval = 1, batch_size = 1;
    GstOvConverter converter = GST_OV_CONVERTER_AUTO;
    float threshold = 0.5f;
    // Prepared in start()/set_caps().
    GstOvInferSettings settings{};
    CompiledModel compiled;
    size_t output_index = 0;
    std::vector<InferRequest> requests;
    // Streaming.
    size_t next_request = 0;
    guint64 frames = 0;
    std::deque<Pending> queue;
    ApplyFn last;
};

}  // namespace ovkit::gst

using namespace ovkit::gst;

typedef struct {
    InferState* state;
} GstOvInferBasePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE(GstOvInferBase, gst_ov_infer_base, GST_TYPE_BASE_TRANSFORM)

static InferState& state_of(GstOvInferBase* self) {
    return *static_cast<GstOvInferBasePrivate*>(gst_ov_infer_base_get_instance_private(self))->state;
}

enum {
    PROP_0,
    PROP_MODEL,
    PROP_MODEL_PROC,
    PROP_PRE_PROCESS_CONFIG,
    PROP_LABELS_FILE,
    PROP_DEVICE,
    PROP_NIREQ,
    PROP_INFERENCE_INTERVAL,
    PROP_MODEL_INSTANCE_ID,
    PROP_CONVERTER,
    PROP_THRESHOLD,
    PROP_BATCH_SIZE,
};

static GType gst_ov_converter_get_type() {
    static GType type = 0;
    static const GEnumValue values[] = {
        {GST_OV_CONVERTER_AUTO, "From model-proc, else the element's default", "auto"},
        {GST_OV_CONVERTER_DBNET, "DBNet text detection (binarize, regions, boxes, unclip)", "dbnet"},
        {GST_OV_CONVERTER_CTC, "CTC text recognition (greedy, labels-file)", "ctc"},
        {GST_OV_CONVERTER_LABEL, "Classification: softmax/argmax with labels", "label"},
        {GST_OV_CONVERTER_SSD, "SSD detection output [1,1,K,7]", "ssd"},
        {GST_OV_CONVERTER_YOLO, "YOLO v5/v8 heads with NMS", "yolo"},
        {GST_OV_CONVERTER_RAW, "Raw output tensors as meta", "raw"},
        {0, nullptr, nullptr},
    };
    if (g_once_init_enter(&type)) g_once_init_leave(&type, g_enum_register_static("GstOvConverter", values));
    return type;
}

static void set_string(std::string& field, const GValue* value) {
    const gchar* s = g_value_get_string(value);
    field = s ? s : "";
}

static void gst_ov_infer_base_set_property(GObject* object, guint id, const GValue* value, GParamSpec* pspec) {
    InferState& s = state_of(GST_OV_INFER_BASE(object));
    GST_OBJECT_LOCK(object);
    switch (id) {
        case PROP_MODEL: set_string(s.model, value); break;
        case PROP_MODEL_PROC: set_string(s.model_proc, value); break;
        case PROP_PRE_PROCESS_CONFIG: set_string(s.pre_process_config, value); break;
        case PROP_LABELS_FILE: set_string(s.labels_file, value); break;
        case PROP_DEVICE: set_string(s.device, value); break;
        case PROP_MODEL_INSTANCE_ID: set_string(s.instance_id, value); break;
        case PROP_NIREQ: s.nireq = g_value_get_uint(value); break;
        case PROP_INFERENCE_INTERVAL: s.interval = g_value_get_uint(value); break;
        case PROP_BATCH_SIZE: s.batch_size = g_value_get_uint(value); break;
        case PROP_CONVERTER: s.converter = GstOvConverter(g_value_get_enum(value)); break;
        case PROP_THRESHOLD: s.threshold = g_value_get_float(value); break;
        default: G_OBJECT_WARN_INVALID_PROPERTY_ID(object, id, pspec); break;
    }
    GST_OBJECT_UNLOCK(object);
}

static void gst_ov_infer_base_get_property(GObject* object, guint id, GValue* value, GParamSpec* pspec) {
    InferState& s = state_of(GST_OV_INFER_BASE(object));
    GST_OBJECT_LOCK(object);
    switch (id) {
        case PROP_MODEL: g_value_set_string(value, s.model.c_str()); break;
        case PROP_MODEL_PROC: g_value_set_string(value, s.model_proc.c_str()); break;
        case PROP_PRE_PROCESS_CONFIG: g_value_set_string(value, s.pre_process_config.c_str()); break;
        case PROP_LABELS_FILE: g_value_set_string(value, s.labels_file.c_str()); break;
        case PROP_DEVICE: g_value_set_string(value, s.device.c_str()); break;
        case PROP_MODEL_INSTANCE_ID: g_value_set_string(value, s.instance_id.c_str()); break;
        case PROP_NIREQ: g_value_set_uint(value, s.nireq); break;
        case PROP_INFERENCE_INTERVAL: g_value_set_uint(value, s.interval); break;
        case PROP_BATCH_SIZE: g_value_set_uint(value, s.batch_size); break;
        case PROP_CONVERTER: g_value_set_enum(value, s.converter); break;
        case PROP_THRESHOLD: g_value_set_float(value, s.threshold); break;
        default: G_OBJECT_WARN_INVALID_PROPERTY_ID(object, id, pspec); break;
    }
    GST_OBJECT_UNLOCK(object);
}

static GstOvConverter resolve_converter(GstOvInferBase* self, const InferState& s) {
    if (s.converter != GST_OV_CONVERTER_AUTO) return s.converter;
    const std::string& name = s.settings.proc.post.converter;
    if (name.empty()) return GST_OV_INFER_BASE_GET_CLASS(self)->default_converter;
    GEnumClass* e = G_ENUM_CLASS(g_type_class_ref(gst_ov_converter_get_type()));
    GEnumValue* v = g_enum_get_value_by_nick(e, name.c_str());
    g_type_class_unref(e);
    if (!v || v->value == GST_OV_CONVERTER_AUTO)
        throw std::runtime_error("model-proc converter '" + name + "' is unknown; expected dbnet, ctc, label, ssd, yolo or raw");
    return GstOvConverter(v->value);
}

static gboolean gst_ov_infer_base_start(GstBaseTransform* trans) {
    auto* self = GST_OV_INFER_BASE(trans);
    InferState& s = state_of(self);
    if (s.model.empty()) {
        GST_ELEMENT_ERROR(self, RESOURCE, NOT_FOUND, ("No model: set the 'model' property"), (nullptr));
        return FALSE;
    }
    if (!g_file_test(s.model.c_str(), G_FILE_TEST_IS_REGULAR)) {
        GST_ELEMENT_ERROR(self, RESOURCE, NOT_FOUND, ("Model file '%s' does not exist", s.model.c_str()), (nullptr));
        return FALSE;
    }
    try {
        GstOvInferSettings& st = s.settings;
        st.proc = s.model_proc.empty() ? ModelProc{} : read_model_proc(s.model_proc);
        if (!s.pre_process_config.empty()) apply_pre_process_config(s.pre_process_config, st.proc.pre);
        st.labels = s.labels_file.empty() ? st.proc.post.labels : read_labels(s.labels_file);
        st.converter = resolve_converter(self, s);
        st.threshold = s.threshold;
        st.batch_size = s.batch_size;
        s.compiled = acquire_model(s.instance_id, s.model, s.device);
        st.layer_name = st.proc.post.layer_name.empty() ? s.compiled.outputs().at(0).name : st.proc.post.layer_name;
        s.output_index = s.compiled.output_index(st.layer_name);
        st.attribute_name = st.proc.post.attribute_name.empty() ? st.layer_name : st.proc.post.attribute_name;
        s.requests.clear();
        for (guint i = 0; i < s.nireq; ++i) s.requests.push_back(s.compiled.create_infer_request());
    } catch (const std::exception& e) {
        GST_ELEMENT_ERROR(self, LIBRARY, INIT, ("Cannot load model '%s'", s.model.c_str()), ("%s", e.what()));
        return FALSE;
    }
    s.frames = 0;
    s.next_request = 0;
    s.last = nullptr;
    return TRUE;
}

static void discard_queue(InferState& s) {
    for (Pending& p : s.queue) {
        if (p.result.valid()) p.result.wait();
        gst_buffer_unref(p.buffer);
    }
    s.queue.clear();
}

static gboolean gst_ov_infer_base_stop(GstBaseTransform* trans) {
    InferState& s = state_of(GST_OV_INFER_BASE(trans));
    discard_queue(s);
    s.requests.clear();
    s.compiled = {};
    s.last = nullptr;
    return TRUE;
}

static gboolean gst_ov_infer_base_set_caps(GstBaseTransform* trans, GstCaps* incaps, GstCaps* outcaps) {
    auto* self = GST_OV_INFER_BASE(trans);
    InferState& s = state_of(self);
    if (!gst_video_info_from_caps(&s.settings.info, incaps)) return FALSE;
    const ovkit::PortInfo& in = s.compiled.inputs().at(0);
    const ovkit::PartialShape& shape = in.shape;
    bool image = shape.rank() == 4 && in.type == ovkit::ElementType::f32 &&
                 (shape[1].is_dynamic() || shape[1].value() == 1 || shape[1].value() == 3);
    if (!image) {
        gchar* caps = gst_caps_to_string(incaps);
        GST_ELEMENT_ERROR(self, STREAM, FORMAT, ("Model '%s' cannot take video frames", s.model.c_str()),
                          ("input '%s' is %s %s, not an f32 image [N,C,H,W] with C = 1 or 3; caps: %s", in.name.c_str(),
                           ovkit::type_name(in.type), shape.to_string().c_str(), caps));
        g_free(caps);
        return FALSE;
    }
    return TRUE;
}

// Applies a finished (or skipped) frame's result and pushes the buffer downstream.
static GstFlowReturn pop_head(GstOvInferBase* self) {
    InferState& s = state_of(self);
    Pending p = std::move(s.queue.front());
    s.queue.pop_front();
    GstBuffer* buffer = gst_buffer_make_writable(p.buffer);
    try {
        if (p.result.valid()) {
            s.last = p.result.get();
            s.last(buffer);
        } else if (s.last && GST_OV_INFER_BASE_GET_CLASS(self)->repeat_on_skip) {
            s.last(buffer);
        }
    } catch (const std::exception& e) {
        gst_buffer_unref(buffer);
        GST_ELEMENT_ERROR(self, STREAM, FAILED, ("Inference failed on model '%s'", s.model.c_str()), ("%s", e.what()));
        return GST_FLOW_ERROR;
    }
    return gst_pad_push(GST_BASE_TRANSFORM_SRC_PAD(self), buffer);
}

// Pushes queued frames while more than `keep` are queued, or while the oldest one is done.
static GstFlowReturn drain(GstOvInferBase* self, size_t keep) {
    InferState& s = state_of(self);
    while (!s.queue.empty()) {
        Pending& head = s.queue.front();
        bool ready = !head.result.valid() || head.result.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
        if (s.queue.size() <= keep && !ready) break;
        GstFlowReturn ret = pop_head(self);
        if (ret != GST_FLOW_OK) return ret;
    }
    return GST_FLOW_OK;
}

static ApplyFn infer_frame(GstOvInferBase* self, GstBuffer* buffer, ovkit::InferRequest& request) {
    InferState& s = state_of(self);
    GstVideoFrame frame;
    if (!gst_video_frame_map(&frame, &s.settings.info, buffer, GST_MAP_READ))
        throw std::runtime_error("cannot map the video frame for reading");
    std::unique_ptr<GstVideoFrame, void (*)(GstVideoFrame*)> unmap(&frame, gst_video_frame_unmap);
    return GST_OV_INFER_BASE_GET_CLASS(self)->infer(self, &frame, request);
}

static GstFlowReturn gst_ov_infer_base_transform_ip(GstBaseTransform* trans, GstBuffer* buffer) {
    auto* self = GST_OV_INFER_BASE(trans);
    InferState& s = state_of(self);
    const bool infer_now = s.frames++ % s.interval == 0;
    ovkit::InferRequest& request = s.requests[s.next_request];
    if (s.requests.size() == 1) {  // synchronous: infer and attach in place
        try {
            if (infer_now) s.last = infer_frame(self, buffer, request);
            if (s.last && (infer_now || GST_OV_INFER_BASE_GET_CLASS(self)->repeat_on_skip)) s.last(buffer);
        } catch (const std::exception& e) {
            GST_ELEMENT_ERROR(self, STREAM, FAILED, ("Inference failed on model '%s'", s.model.c_str()), ("%s", e.what()));
            return GST_FLOW_ERROR;
        }
        return GST_FLOW_OK;
    }
    GstFlowReturn ret = drain(self, s.requests.size() - 1);
    if (ret != GST_FLOW_OK) return ret;
    Pending p{gst_buffer_ref(buffer), {}};
    if (infer_now) {
        s.next_request = (s.next_request + 1) % s.requests.size();
        p.result = std::async(std::launch::async, [self, buffer, &request] { return infer_frame(self, buffer, request); });
    }
    s.queue.push_back(std::move(p));
    ret = drain(self, s.requests.size());
    return ret == GST_FLOW_OK ? GST_BASE_TRANSFORM_FLOW_DROPPED : ret;
}

static gboolean gst_ov_infer_base_sink_event(GstBaseTransform* trans, GstEvent* event) {
    auto* self = GST_OV_INFER_BASE(trans);
    InferState& s = state_of(self);
    if (GST_EVENT_TYPE(event) == GST_EVENT_FLUSH_STOP) {
        discard_queue(s);
    } else if (GST_EVENT_IS_SERIALIZED(event) && !s.queue.empty()) {
        drain(self, 0);  // keep events behind the frames they follow
    }
    return GST_BASE_TRANSFORM_CLASS(gst_ov_infer_base_parent_class)->sink_event(trans, event);
}

static gboolean gst_ov_infer_base_query(GstBaseTransform* trans, GstPadDirection direction, GstQuery* query) {
    auto* self = GST_OV_INFER_BASE(trans);
    gboolean ok = GST_BASE_TRANSFORM_CLASS(gst_ov_infer_base_parent_class)->query(trans, direction, query);
    InferState& s = state_of(self);
    const GstVideoInfo& info = s.settings.info;
    if (ok && direction == GST_PAD_SRC && GST_QUERY_TYPE(query) == GST_QUERY_LATENCY && s.nireq > 1 &&
        GST_VIDEO_INFO_FPS_N(&info) > 0) {
        gboolean live;
        GstClockTime min, max;
        gst_query_parse_latency(query, &live, &min, &max);
        GstClockTime held = gst_util_uint64_scale_int(GST_SECOND * (s.nireq - 1), GST_VIDEO_INFO_FPS_D(&info),
                                                      GST_VIDEO_INFO_FPS_N(&info));
        gst_query_set_latency(query, live, min + held, GST_CLOCK_TIME_IS_VALID(max) ? max + held : max);
    }
    return ok;
}

static void gst_ov_infer_base_init(GstOvInferBase* self) {
    static_cast<GstOvInferBasePrivate*>(gst_ov_infer_base_get_instance_private(self))->state = new InferState();
    gst_base_transform_set_in_place(GST_BASE_TRANSFORM(self), TRUE);
}

static void gst_ov_infer_base_finalize(GObject* object) {
    auto* priv = static_cast<GstOvInferBasePrivate*>(gst_ov_infer_base_get_instance_private(GST_OV_INFER_BASE(object)));
    discard_queue(*priv->state);
    delete priv->state;
    G_OBJECT_CLASS(gst_ov_infer_base_parent_class)->finalize(object);
}

static void gst_ov_infer_base_class_init(GstOvInferBaseClass* klass) {
    GST_DEBUG_CATEGORY_INIT(gst_ov_infer_base_debug, "ovinferbase", 0, "ovkit inference base");
    auto* gobject = G_OBJECT_CLASS(klass);
    auto* trans = GST_BASE_TRANSFORM_CLASS(klass);
    gobject->set_property = gst_ov_infer_base_set_property;
    gobject->get_property = gst_ov_infer_base_get_property;
    gobject->finalize = gst_ov_infer_base_finalize;
    const auto flags = GParamFlags(G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | GST_PARAM_MUTABLE_READY);
    g_object_class_install_property(gobject, PROP_MODEL,
        g_param_spec_string("model", "Model", "Model file (.onnx, or .xml with .bin beside it)", "", flags));
    g_object_class_install_property(gobject, PROP_MODEL_PROC,
        g_param_spec_string("model-proc", "Model proc", "JSON file with input_preproc/output_postproc (DL Streamer shape)", "", flags));
    g_object_class_install_property(gobject, PROP_PRE_PROCESS_CONFIG,
        g_param_spec_string("pre-process-config", "Pre-process config",
                            "Overrides model-proc params: \"resize=aspect-ratio;color_space=BGR;range=0,1;"
                            "mean=0.485,0.456,0.406;std=0.229,0.224,0.225;size_multiple=32;max_size=960;min_size=0\"",
                            "", flags));
    g_object_class_install_property(gobject, PROP_LABELS_FILE,
        g_param_spec_string("labels-file", "Labels file", "One label per line (overrides model-proc labels)", "", flags));
    g_object_class_install_property(gobject, PROP_DEVICE,
        g_param_spec_string("device", "Device", "ovkit device: CPU, REFERENCE, ...", "CPU", flags));
    g_object_class_install_property(gobject, PROP_MODEL_INSTANCE_ID,
        g_param_spec_string("model-instance-id", "Model instance id",
                            "Elements with the same id share one compiled model", "", flags));
    g_object_class_install_property(gobject, PROP_NIREQ,
        g_param_spec_uint("nireq", "Inference requests", "Frames in flight (asynchronous when > 1; order kept)", 1, 64, 1, flags));
    g_object_class_install_property(gobject, PROP_INFERENCE_INTERVAL,
        g_param_spec_uint("inference-interval", "Inference interval", "Infer every N-th frame", 1, G_MAXUINT, 1, flags));
    g_object_class_install_property(gobject, PROP_BATCH_SIZE,
        g_param_spec_uint("batch-size", "Batch size", "Images per inference (regions, for ovclassify)", 1, 1024, 1, flags));
    g_object_class_install_property(gobject, PROP_CONVERTER,
        g_param_spec_enum("converter", "Converter", "Output post-processing", gst_ov_converter_get_type(),
                          GST_OV_CONVERTER_AUTO, flags));
    g_object_class_install_property(gobject, PROP_THRESHOLD,
        g_param_spec_float("threshold", "Threshold", "Minimum confidence of a result", 0.f, 1.f, 0.5f, flags));
    trans->start = gst_ov_infer_base_start;
    trans->stop = gst_ov_infer_base_stop;
    trans->set_caps = gst_ov_infer_base_set_caps;
    trans->transform_ip = gst_ov_infer_base_transform_ip;
    trans->sink_event = gst_ov_infer_base_sink_event;
    trans->query = gst_ov_infer_base_query;
    gst_type_mark_as_plugin_api(gst_ov_converter_get_type(), GstPluginAPIFlags(0));
    gst_type_mark_as_plugin_api(GST_TYPE_OV_INFER_BASE, GstPluginAPIFlags(0));
}

const GstOvInferSettings& gst_ov_infer_base_settings(GstOvInferBase* self) { return state_of(self).settings; }

std::vector<Placement> gst_ov_infer_base_run(GstOvInferBase* self, const GstVideoFrame* frame,
                                             const std::vector<Rect>& rects, ovkit::InferRequest& request) {
    InferState& s = state_of(self);
    const PreProc& pre = s.settings.proc.pre;
    const ovkit::PartialShape& shape = s.compiled.inputs()[0].shape;
    const int channels = shape[1].is_static() ? int(shape[1].value()) : 3;
    std::vector<std::vector<uint8_t>> rgb(rects.size());
    int height = 0, width = 0;
    for (size_t i = 0; i < rects.size(); ++i) {
        frame_to_rgb(*frame, rects[i], rgb[i]);
        int h, w;
        input_size(shape, rects[i].w, rects[i].h, pre, h, w);
        height = std::max(height, h), width = std::max(width, w);
    }
    ovkit::Shape in_shape{int64_t(rects.size()), channels, height, width};
    ovkit::Tensor input = request.get_input_tensor(0);
    if (!input || input.shape() != in_shape) input = ovkit::Tensor(ovkit::ElementType::f32, in_shape);
    std::vector<Placement> placements;
    const size_t image = size_t(channels) * height * width;
    for (size_t i = 0; i < rects.size(); ++i)
        placements.push_back(write_input(rgb[i].data(), rects[i].w, rects[i].h, input.data<float>() + i * image,
                                         channels, height, width, pre));
    request.set_input_tensor(0, input);
    request.infer();
    return placements;
}

ovkit::Tensor gst_ov_infer_base_output(GstOvInferBase* self, ovkit::InferRequest& request) {
    return request.get_output_tensor(state_of(self).output_index);
}

const std::vector<ovkit::PortInfo>& gst_ov_infer_base_outputs(GstOvInferBase* self) {
    return state_of(self).compiled.outputs();
}
