#pragma once
#include <gst/video/gstvideofilter.h>

G_BEGIN_DECLS
#define GST_TYPE_OV_WATERMARK (gst_ov_watermark_get_type())
G_DECLARE_FINAL_TYPE(GstOvWatermark, gst_ov_watermark, GST, OV_WATERMARK, GstVideoFilter)
GST_ELEMENT_REGISTER_DECLARE(ovwatermark);
G_END_DECLS
