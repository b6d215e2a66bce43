#pragma once
// Shared helpers of the element tests: GStreamer init, model paths, a frame with regions.
#include <gst/check/gstharness.h>
#include <gst/gst.h>
#include <gst/video/video.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

inline std::string env_or(const char* name, const std::string& fallback) {
    const char* v = std::getenv(name);
    return v && *v ? v : fallback;
}

inline std::string model_path(const std::string& file) { return env_or("OVKIT_MODELS", OVKIT_TEST_MODELS_DIR) + "/" + file; }
inline std::string model_proc(const std::string& file) { return std::string(OVKIT_MODEL_PROC_DIR) + "/" + file; }

inline bool have_models() {
    return g_file_test(model_path("ch_PP-OCRv4_det_infer.onnx").c_str(), G_FILE_TEST_EXISTS) &&
           g_file_test(model_path("ch_PP-OCRv4_rec_infer.onnx").c_str(), G_FILE_TEST_EXISTS);
}

class GstTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        gst_init(nullptr, nullptr);
        gst_registry_scan_path(gst_registry_get(), OVKIT_GST_PLUGIN_DIR);  // the plugin of this build
    }
};

// An RGB frame of one color.
inline GstBuffer* solid_rgb(int w, int h, guint8 value) {
    GstBuffer* b = gst_buffer_new_allocate(nullptr, size_t(w) * h * 3, nullptr);
    gst_buffer_memset(b, 0, value, size_t(w) * h * 3);
    gst_buffer_add_video_meta(b, GST_VIDEO_FRAME_FLAG_NONE, GST_VIDEO_FORMAT_RGB, w, h);
    return b;
}

inline GstVideoRegionOfInterestMeta* add_text_region(GstBuffer* b, guint x, guint y, guint w, guint h, int fw, int fh) {
    GstVideoRegionOfInterestMeta* m = gst_buffer_add_video_region_of_interest_meta(b, "text", x, y, w, h);
    gst_video_region_of_interest_meta_add_param(
        m, gst_structure_new("detection", "label_id", G_TYPE_INT, 0, "confidence", G_TYPE_DOUBLE, 0.9, "x_min",
                             G_TYPE_DOUBLE, double(x) / fw, "y_min", G_TYPE_DOUBLE, double(y) / fh, "x_max",
                             G_TYPE_DOUBLE, double(x + w) / fw, "y_max", G_TYPE_DOUBLE, double(y + h) / fh, "label",
                             G_TYPE_STRING, "text", nullptr));
    return m;
}

inline int object_id(GstVideoRegionOfInterestMeta* m) {
    int id = -1;
    if (GstStructure* s = gst_video_region_of_interest_meta_get_param(m, "object_id")) gst_structure_get_int(s, "id", &id);
    return id;
}

inline GstVideoRegionOfInterestMeta* first_region(GstBuffer* b) {
    return gst_buffer_get_video_region_of_interest_meta(b);
}

inline std::string json_message(GstBuffer* b) {
    GstCustomMeta* m = gst_buffer_get_custom_meta(b, "OvkitJSONMeta");
    const char* s = m ? gst_structure_get_string(gst_custom_meta_get_structure(m), "message") : nullptr;
    return s ? s : "";
}

// Runs a gst-launch pipeline description to EOS or error; returns the error text ("" when none).
inline std::string run_pipeline(const std::string& description, GstElement** keep = nullptr) {
    GError* error = nullptr;
    GstElement* pipeline = gst_parse_launch(description.c_str(), &error);
    if (error) {
        std::string msg = error->message;
        g_error_free(error);
        if (pipeline) gst_object_unref(pipeline);
        return "parse: " + msg;
    }
    gst_element_set_state(pipeline, GST_STATE_PLAYING);
    GstBus* bus = gst_element_get_bus(pipeline);
    GstMessage* msg = gst_bus_timed_pop_filtered(bus, 300 * GST_SECOND, GstMessageType(GST_MESSAGE_EOS | GST_MESSAGE_ERROR));
    std::string result;
    if (!msg) {
        result = "timeout";
    } else if (GST_MESSAGE_TYPE(msg) == GST_MESSAGE_ERROR) {
        GError* err = nullptr;
        gchar* debug = nullptr;
        gst_message_parse_error(msg, &err, &debug);
        result = std::string(err->message) + " | " + (debug ? debug : "");
        g_error_free(err);
        g_free(debug);
    }
    if (msg) gst_message_unref(msg);
    gst_object_unref(bus);
    EXPECT_EQ(gst_element_set_state(pipeline, GST_STATE_NULL), GST_STATE_CHANGE_SUCCESS);
    if (keep) *keep = pipeline;
    else gst_object_unref(pipeline);
    return result;
}
