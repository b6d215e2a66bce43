#pragma once
#include "ovinferbase.h"

G_BEGIN_DECLS
#define GST_TYPE_OV_DETECT (gst_ov_detect_get_type())
G_DECLARE_FINAL_TYPE(GstOvDetect, gst_ov_detect, GST, OV_DETECT, GstOvInferBase)
GST_ELEMENT_REGISTER_DECLARE(ovdetect);
G_END_DECLS
