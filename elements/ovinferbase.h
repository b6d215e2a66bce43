#pragma once
// GstOvInferBase: the abstract base of ovinfer, ovdetect and ovclassify (a GstBaseTransform
// working in place). It owns what the three share:
//  - properties model, model-proc, pre-process-config, labels-file, device, nireq, inference-interval,
//    model-instance-id, converter, threshold, batch-size;
//  - model loading through ovkit::Core (shared by model-instance-id), model-proc parsing;
//  - frame pre-processing for the model's image input (see common/preprocess.h);
//  - asynchronous inference: with nireq > 1 up to nireq frames are in flight on worker threads
//    and leave in their arrival order; the streaming thread only waits when all are busy.
// A subclass provides `infer`, run on a worker thread with the frame mapped for reading; it
// returns what to attach to the buffer, applied later in the streaming thread.
#include <gst/base/gstbasetransform.h>
#include <gst/video/video.h>

#include <functional>
#include <string>
#include <vector>

#include "common/converters.h"
#include "common/model_proc.h"
#include "common/preprocess.h"
#include "ovkit/core.h"

G_BEGIN_DECLS

#define GST_TYPE_OV_INFER_BASE (gst_ov_infer_base_get_type())
G_DECLARE_DERIVABLE_TYPE(GstOvInferBase, gst_ov_infer_base, GST, OV_INFER_BASE, GstBaseTransform)

typedef enum {
    GST_OV_CONVERTER_AUTO,
    GST_OV_CONVERTER_DBNET,
    GST_OV_CONVERTER_CTC,
    GST_OV_CONVERTER_LABEL,
    GST_OV_CONVERTER_SSD,
    GST_OV_CONVERTER_YOLO,
    GST_OV_CONVERTER_RAW,
} GstOvConverter;

G_END_DECLS

namespace ovkit::gst {
using ApplyFn = std::function<void(GstBuffer*)>;
struct InferState;
}  // namespace ovkit::gst

struct _GstOvInferBaseClass {
    GstBaseTransformClass parent_class;
    GstOvConverter default_converter;
    // Frames skipped by inference-interval get the last result again (detections) or nothing.
    gboolean repeat_on_skip;
    // Worker thread. `frame` is mapped for reading; use gst_ov_infer_base_run to infer.
    ovkit::gst::ApplyFn (*infer)(GstOvInferBase* self, const GstVideoFrame* frame, ovkit::InferRequest& request);
};

// What a subclass reads after start(): the parsed settings.
struct GstOvInferSettings {
    ovkit::gst::ModelProc proc;
    std::vector<std::string> labels;  // labels-file, else model-proc labels
    GstOvConverter converter;         // resolved (never AUTO)
    float threshold;
    unsigned batch_size;
    GstVideoInfo info;                // negotiated caps
    std::string layer_name;           // the output the converter reads
    std::string attribute_name;       // name of classification structures
};

const GstOvInferSettings& gst_ov_infer_base_settings(GstOvInferBase* self);
// Pre-processes `rects` of the frame into one batch, infers, and returns where each landed.
std::vector<ovkit::gst::Placement> gst_ov_infer_base_run(GstOvInferBase* self, const GstVideoFrame* frame,
                                                         const std::vector<ovkit::gst::Rect>& rects,
                                                         ovkit::InferRequest& request);
// The output the converter reads (layer_name from model-proc, else output 0).
ovkit::Tensor gst_ov_infer_base_output(GstOvInferBase* self, ovkit::InferRequest& request);
// The compiled model's outputs.
const std::vector<ovkit::PortInfo>& gst_ov_infer_base_outputs(GstOvInferBase* self);
