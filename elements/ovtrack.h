#pragma once
#include <gst/base/gstbasetransform.h>

G_BEGIN_DECLS
#define GST_TYPE_OV_TRACK (gst_ov_track_get_type())
G_DECLARE_FINAL_TYPE(GstOvTrack, gst_ov_track, GST, OV_TRACK, GstBaseTransform)
GST_ELEMENT_REGISTER_DECLARE(ovtrack);
G_END_DECLS
