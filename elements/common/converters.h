#pragma once
// Output tensors -> results. Coordinates are normalized to the inferred source rect.
#include <string>
#include <vector>

#include "common/model_proc.h"
#include "common/preprocess.h"
#include "ovkit/tensor.h"

namespace ovkit::gst {

struct Detection {
    float x_min = 0, y_min = 0, x_max = 0, y_max = 0;  // normalized, axis-aligned
    float confidence = 0;
    int label_id = 0;
    float angle = 0;  // degrees of the rotated box (dbnet), 0 when axis-aligned
};

struct Classification {
    int label_id = -1;
    std::string label;
    float confidence = 0;
};

// DBNet text detection: `prob` is [N,1,H,W] (or [N,H,W]); image `b` of the batch.
std::vector<Detection> dbnet_boxes(const Tensor& prob, size_t b, Placement placement, const PostProc& post);
// SSD detection output [1,1,K,7]: image_id, label, confidence, x_min, y_min, x_max, y_max.
std::vector<Detection> ssd_boxes(const Tensor& out, size_t b, float threshold);
// YOLO heads: v5 [1,N,5+C] (cx,cy,w,h,objectness,classes) or v8 [1,4+C,N] (cx,cy,w,h,classes),
// in model-input pixels; per-class NMS at `iou_threshold`.
std::vector<Detection> yolo_boxes(const Tensor& out, size_t b, Placement placement, float threshold, float iou_threshold);
// Greedy CTC decode of [N,T,C] scores: index 0 is the blank, index i is labels[i-1], and one
// index past the labels is a space (PaddleOCR's use_space_char).
Classification ctc_decode(const Tensor& scores, size_t b, const std::vector<std::string>& labels);
// Argmax of [N,C,...] scores (softmax applied when they are not probabilities already).
Classification label_argmax(const Tensor& scores, size_t b, const std::vector<std::string>& labels);

// Intersection over union of two normalized boxes.
float iou(const Detection& a, const Detection& b);

}  // namespace ovkit::gst
