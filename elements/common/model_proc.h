#pragma once
// The model-proc file: how frames become model input and how outputs become meta.
// Shaped like DL Streamer's model-proc (json_schema_version 2.x):
//
//   {
//     "json_schema_version": "2.2.0",
//     "input_preproc": [{
//       "format": "image", "layer_name": "x",
//       "params": {
//         "resize": "aspect-ratio",        // or "no-aspect-ratio" (stretch, default)
//         "color_space": "BGR",            // RGB (default), BGR or GRAY
//         "range": [0.0, 1.0],             // pixel 0..255 mapped onto this range (default [0,255])
//         "mean": [0.485, 0.456, 0.406],   // then (x - mean) / std, per channel in model order
//         "std": [0.229, 0.224, 0.225],
//         "size_multiple": 32,             // ovkit: dynamic H/W rounded up to a multiple of this
//         "max_size": 960,                 // ovkit: cap for a dynamic H/W
//         "min_size": 320                  // ovkit: floor for a dynamic H/W (batch padding width)
//       }
//     }],
//     "output_postproc": [{
//       "layer_name": "sigmoid_0.tmp_0", "attribute_name": "text",
//       "converter": "dbnet",              // dbnet, ctc, label, ssd, yolo, raw
//       "labels": ["..."],                 // or the labels-file property
//       "binarize_threshold": 0.3, "box_threshold": 0.6, "unclip_ratio": 1.5,
//       "min_box_size": 3, "box_type": "rotated"   // dbnet; "axis-aligned" also
//     }]
//   }
#include <string>
#include <vector>

namespace ovkit::gst {

struct PreProc {
    bool keep_aspect = false;
    std::string color_space = "RGB";
    float range_min = 0.f, range_max = 255.f;
    std::vector<float> mean, std;  // empty: none
    int size_multiple = 32;
    int max_size = 960;
    int min_size = 0;
};

struct PostProc {
    std::string converter;  // empty: the element's default
    std::string layer_name;
    std::string attribute_name;
    std::vector<std::string> labels;
    float binarize_threshold = 0.3f;
    float box_threshold = 0.6f;
    float unclip_ratio = 1.5f;
    int min_box_size = 3;
    bool rotated_boxes = true;
    float iou_threshold = 0.5f;  // ssd/yolo NMS
};

struct ModelProc {
    PreProc pre;
    PostProc post;
};

// Throws std::runtime_error naming the file and the offending key.
ModelProc read_model_proc(const std::string& path);
// Overrides pre-processing from a property string with the model-proc param names:
// "resize=aspect-ratio;color_space=BGR;range=0,1;mean=0.5,0.5,0.5;std=0.5,0.5,0.5;max_size=640".
void apply_pre_process_config(const std::string& config, PreProc& pre);
// One label per line (trailing '\r' stripped); throws when the file cannot be read.
std::vector<std::string> read_labels(const std::string& path);

}  // namespace ovkit::gst
