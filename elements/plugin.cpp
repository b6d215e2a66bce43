// The GStreamer plugin `ovkit`: registers every element and the ovkit metas.
#include <gst/gst.h>

#include "common/meta.h"
#include "ovclassify.h"
#include "ovdetect.h"
#include "ovfpscounter.h"
#include "ovinfer.h"
#include "ovmetaconvert.h"
#include "ovmetapublish.h"
#include "ovtrack.h"
#include "ovwatermark.h"

static gboolean plugin_init(GstPlugin* plugin) {
    ovkit::gst::register_metas();
    gboolean ok = TRUE;
    ok &= GST_ELEMENT_REGISTER(ovinfer, plugin);
    ok &= GST_ELEMENT_REGISTER(ovdetect, plugin);
    ok &= GST_ELEMENT_REGISTER(ovclassify, plugin);
    ok &= GST_ELEMENT_REGISTER(ovtrack, plugin);
    ok &= GST_ELEMENT_REGISTER(ovwatermark, plugin);
    ok &= GST_ELEMENT_REGISTER(ovmetaconvert, plugin);
    ok &= GST_ELEMENT_REGISTER(ovmetapublish, plugin);
    ok &= GST_ELEMENT_REGISTER(ovfpscounter, plugin);
    return ok;
}

GST_PLUGIN_DEFINE(GST_VERSION_MAJOR, GST_VERSION_MINOR, ovkit, "ovkit inference elements", plugin_init, VERSION,
                  "LGPL", GST_PACKAGE_NAME, GST_PACKAGE_ORIGIN)
