#pragma once
#include "ovinferbase.h"

G_BEGIN_DECLS
#define GST_TYPE_OV_CLASSIFY (gst_ov_classify_get_type())
G_DECLARE_FINAL_TYPE(GstOvClassify, gst_ov_classify, GST, OV_CLASSIFY, GstOvInferBase)
GST_ELEMENT_REGISTER_DECLARE(ovclassify);
G_END_DECLS
