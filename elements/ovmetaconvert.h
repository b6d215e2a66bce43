#pragma once
#include <gst/base/gstbasetransform.h>

G_BEGIN_DECLS
#define GST_TYPE_OV_META_CONVERT (gst_ov_meta_convert_get_type())
G_DECLARE_FINAL_TYPE(GstOvMetaConvert, gst_ov_meta_convert, GST, OV_META_CONVERT, GstBaseTransform)
GST_ELEMENT_REGISTER_DECLARE(ovmetaconvert);
G_END_DECLS
