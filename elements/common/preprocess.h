#pragma once
// Frames (RGB, BGR, BGRx, RGBx, NV12, I420, GRAY8) -> planar float model input:
// crop, bilinear resize (stretch, or keep aspect and pad right/bottom), color order, range,
// mean/std.
#include <gst/video/video.h>

#include <cstdint>
#include <vector>

#include "common/model_proc.h"
#include "ovkit/shape.h"

namespace ovkit::gst {

struct Rect {
    int x = 0, y = 0, w = 0, h = 0;
};

// Where the source rect landed inside the model input (the rest is padding).
struct Placement {
    int content_w = 0, content_h = 0;
};

// The formats the video elements accept, as a caps string.
#define OVKIT_VIDEO_CAPS GST_VIDEO_CAPS_MAKE("{ RGB, BGR, BGRx, RGBx, NV12, I420, GRAY8 }")

// Copies `rect` of the frame as packed RGB (BT.601 for YUV).
void frame_to_rgb(const GstVideoFrame& frame, Rect rect, std::vector<uint8_t>& rgb);

// Model input height/width for a source of `src_w` x `src_h`: static dims are kept; dynamic
// ones follow the source (aspect kept against a static dim), rounded up to size_multiple and
// clamped to [min_size, max_size].
void input_size(const PartialShape& nchw, int src_w, int src_h, const PreProc& pre, int& out_h, int& out_w);

// Writes one image into `dst` (C planes of out_h x out_w floats).
Placement write_input(const uint8_t* rgb, int src_w, int src_h, float* dst, int channels, int out_h, int out_w,
                      const PreProc& pre);

}  // namespace ovkit::gst
