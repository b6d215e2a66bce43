#pragma once
#include "ovinferbase.h"

G_BEGIN_DECLS
#define GST_TYPE_OV_INFER (gst_ov_infer_get_type())
G_DECLARE_FINAL_TYPE(GstOvInfer, gst_ov_infer, GST, OV_INFER, GstOvInferBase)
GST_ELEMENT_REGISTER_DECLARE(ovinfer);
G_END_DECLS
