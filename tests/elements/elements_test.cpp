// GstHarness tests of each ovkit element, and the error paths (bad properties, missing model,
// caps the model cannot take).
#include <fstream>
#include <sstream>

#include "gst_test_util.h"

namespace {

const char* kRgbCaps = "video/x-raw,format=RGB,width=64,height=48,framerate=30/1";

class Elements : public GstTest {};

TEST_F(Elements, PluginHasAllElements) {
    for (const char* name : {"ovinfer", "ovdetect", "ovclassify", "ovtrack", "ovwatermark", "ovmetaconvert",
                             "ovmetapublish", "ovfpscounter"}) {
        GstElement* e = gst_element_factory_make(name, nullptr);
        EXPECT_NE(e, nullptr) << name;
        if (e) gst_object_unref(e);
    }
}

TEST_F(Elements, MetaConvertWritesGvaSchema) {
    GstHarness* h = gst_harness_new("ovmetaconvert");
    gst_harness_set_src_caps_str(h, kRgbCaps);
    GstBuffer* in = solid_rgb(64, 48, 255);
    GstVideoRegionOfInterestMeta* m = add_text_region(in, 8, 12, 32, 12, 64, 48);
    gst_video_region_of_interest_meta_add_param(
        m, gst_structure_new("text", "label", G_TYPE_STRING, "Hello \"42\"", "label_id", G_TYPE_INT, 0, "confidence",
                             G_TYPE_DOUBLE, 0.75, nullptr));
    GST_BUFFER_PTS(in) = 5 * GST_SECOND;
    GstBuffer* out = gst_harness_push_and_pull(h, in);
    std::string json = json_message(out);
    for (const char* part : {"\"objects\":[{", "\"x\":8", "\"y\":12", "\"w\":32", "\"h\":12", "\"bounding_box\":{",
                             "\"x_min\":0.125", "\"y_max\":0.5", "\"label\":\"text\"", "\"label_id\":0",
                             "\"text\":{\"label\":\"Hello \\\"42\\\"\"", "\"resolution\":{\"width\":64,\"height\":48}",
                             "\"timestamp\":5000000000"})
        EXPECT_NE(json.find(part), std::string::npos) << part << " in " << json;
    gst_buffer_unref(out);
    gst_harness_teardown(h);
}

TEST_F(Elements, TrackKeepsIdsStable) {
    GstHarness* h = gst_harness_new("ovtrack");
    gst_harness_set_src_caps_str(h, kRgbCaps);
    int first = -1;
    for (int frame = 0; frame < 4; ++frame) {
        GstBuffer* in = solid_rgb(64, 48, 0);
        add_text_region(in, 10 + frame, 10, 20, 10, 64, 48);  // moves slowly: same object
        if (frame == 3) add_text_region(in, 40, 30, 10, 10, 64, 48);  // a new one
        GstBuffer* out = gst_harness_push_and_pull(h, in);
        auto* m = first_region(out);
        ASSERT_NE(m, nullptr);
        if (frame == 0) first = object_id(m);
        EXPECT_GE(first, 0);
        EXPECT_EQ(object_id(m), first) << "frame " << frame;
        if (frame == 3) {
            gpointer state = nullptr;
            std::vector<int> ids;
            while (GstMeta* mm = gst_buffer_iterate_meta_filtered(out, &state, GST_VIDEO_REGION_OF_INTEREST_META_API_TYPE))
                ids.push_back(object_id(reinterpret_cast<GstVideoRegionOfInterestMeta*>(mm)));
            ASSERT_EQ(ids.size(), 2u);
            EXPECT_NE(ids[0], ids[1]);
        }
        gst_buffer_unref(out);
    }
    gst_harness_teardown(h);
}

TEST_F(Elements, WatermarkDrawsTheBox) {
    GstHarness* h = gst_harness_new("ovwatermark");
    gst_harness_set_src_caps_str(h, kRgbCaps);
    GstBuffer* in = solid_rgb(64, 48, 255);
    add_text_region(in, 10, 20, 30, 20, 64, 48);
    GstBuffer* out = gst_harness_push_and_pull(h, in);
    GstMapInfo map;
    ASSERT_TRUE(gst_buffer_map(out, &map, GST_MAP_READ));
    auto pixel = [&](int x, int y) { return map.data + (y * 64 + x) * 3; };
    const guint8* edge = pixel(20, 20);  // top edge: green box
    EXPECT_EQ(edge[0], 0);
    EXPECT_EQ(edge[1], 255);
    EXPECT_EQ(edge[2], 0);
    const guint8* inside = pixel(25, 30);  // untouched
    EXPECT_EQ(inside[0], 255);
    gst_buffer_unmap(out, &map);
    gst_buffer_unref(out);
    gst_harness_teardown(h);
}

TEST_F(Elements, WatermarkOnNv12) {
    GstHarness* h = gst_harness_new("ovwatermark");
    gst_harness_set_src_caps_str(h, "video/x-raw,format=NV12,width=64,height=48,framerate=30/1");
    GstBuffer* in = gst_buffer_new_allocate(nullptr, 64 * 48 * 3 / 2, nullptr);
    gst_buffer_memset(in, 0, 128, 64 * 48 * 3 / 2);
    add_text_region(in, 10, 20, 30, 20, 64, 48);
    GstBuffer* out = gst_harness_push_and_pull(h, in);
    GstMapInfo map;
    ASSERT_TRUE(gst_buffer_map(out, &map, GST_MAP_READ));
    EXPECT_GT(map.data[20 * 64 + 20], 128);  // green has a bright luma
    EXPECT_EQ(map.data[30 * 64 + 25], 128);
    gst_buffer_unmap(out, &map);
    gst_buffer_unref(out);
    gst_harness_teardown(h);
}

TEST_F(Elements, MetaPublishWritesJsonLines) {
    std::string path = std::string(g_get_tmp_dir()) + "/ovkit_publish_test.jsonl";
    std::string launch = "ovmetaconvert add-empty-results=true ! ovmetapublish file-format=json-lines file-path=" + path;
    GstHarness* h = gst_harness_new_parse(launch.c_str());
    gst_harness_set_src_caps_str(h, kRgbCaps);
    for (int i = 0; i < 3; ++i) gst_buffer_unref(gst_harness_push_and_pull(h, solid_rgb(64, 48, 0)));
    gst_harness_teardown(h);
    std::ifstream in(path);
    int lines = 0;
    for (std::string line; std::getline(in, line); ++lines) EXPECT_EQ(line.rfind("{\"resolution\"", 0), 0u) << line;
    EXPECT_EQ(lines, 3);
}

TEST_F(Elements, FpsCounterMeasures) {
    GstHarness* h = gst_harness_new_parse("ovfpscounter silent=true");
    gst_harness_set_src_caps_str(h, kRgbCaps);
    for (int i = 0; i < 5; ++i) {
        gst_buffer_unref(gst_harness_push_and_pull(h, solid_rgb(64, 48, 0)));
        g_usleep(10000);
    }
    gdouble fps = 0;
    g_object_get(gst_harness_find_element(h, "ovfpscounter"), "average-fps", &fps, nullptr);
    EXPECT_GT(fps, 10);
    EXPECT_LT(fps, 150);
    gst_harness_teardown(h);
}

TEST_F(Elements, InferAttachesRawTensors) {
    if (!have_models()) GTEST_SKIP() << "models missing: run scripts/fetch_models.sh";
    std::string launch = "ovinfer converter=raw model=" + model_path("ch_PP-OCRv4_det_infer.onnx") +
                         " model-proc=" + model_proc("ppocr_det.json");
    GstHarness* h = gst_harness_new_parse(launch.c_str());
    gst_harness_set_src_caps_str(h, kRgbCaps);
    GstBuffer* out = gst_harness_push_and_pull(h, solid_rgb(64, 48, 255));
    GstCustomMeta* m = gst_buffer_get_custom_meta(out, "OvkitTensorMeta");
    ASSERT_NE(m, nullptr);
    GstStructure* s = gst_custom_meta_get_structure(m);
    EXPECT_STREQ(gst_structure_get_string(s, "precision"), "f32");
    const GValue* dims = gst_structure_get_value(s, "dims");
    ASSERT_EQ(gst_value_array_get_size(dims), 4u);
    EXPECT_EQ(g_value_get_int(gst_value_array_get_value(dims, 2)), 64);  // 48 rounded up to 32s
    EXPECT_EQ(g_value_get_int(gst_value_array_get_value(dims, 3)), 64);
    gst_buffer_unref(out);
    gst_harness_teardown(h);
}

TEST_F(Elements, ClassifyRunsOnEachRegionWithCtc) {
    if (!have_models()) GTEST_SKIP() << "models missing: run scripts/fetch_models.sh";
    // A blank region reads as nothing; the point is that each region gets its result structure.
    std::string launch = "ovclassify batch-size=2 model=" + model_path("ch_PP-OCRv4_rec_infer.onnx") +
                         " model-proc=" + model_proc("ppocr_rec.json") + " labels-file=" + model_path("ppocr_keys_v1.txt");
    GstHarness* h = gst_harness_new_parse(launch.c_str());
    gst_harness_set_src_caps_str(h, kRgbCaps);
    GstBuffer* in = solid_rgb(64, 48, 255);
    for (int i = 0; i < 3; ++i) add_text_region(in, 2 + 20 * i, 10, 18, 10, 64, 48);
    GstBuffer* out = gst_harness_push_and_pull(h, in);
    gpointer state = nullptr;
    int with_text = 0;
    while (GstMeta* m = gst_buffer_iterate_meta_filtered(out, &state, GST_VIDEO_REGION_OF_INTEREST_META_API_TYPE))
        with_text += gst_video_region_of_interest_meta_get_param(reinterpret_cast<GstVideoRegionOfInterestMeta*>(m), "text") != nullptr;
    EXPECT_EQ(with_text, 3);
    gst_buffer_unref(out);
    gst_harness_teardown(h);
}

TEST_F(Elements, ClassifyObjectClassFilter) {
    if (!have_models()) GTEST_SKIP() << "models missing: run scripts/fetch_models.sh";
    std::string launch = "ovclassify object-class=plate,sign model=" + model_path("ch_PP-OCRv4_rec_infer.onnx") +
                         " model-proc=" + model_proc("ppocr_rec.json") + " labels-file=" + model_path("ppocr_keys_v1.txt");
    GstHarness* h = gst_harness_new_parse(launch.c_str());
    gst_harness_set_src_caps_str(h, kRgbCaps);
    GstBuffer* in = solid_rgb(64, 48, 255);
    const char* types[] = {"text", "sign", "face"};
    for (int i = 0; i < 3; ++i) gst_buffer_add_video_region_of_interest_meta(in, types[i], 2 + 20 * i, 10, 18, 10);
    GstBuffer* out = gst_harness_push_and_pull(h, in);
    gpointer state = nullptr;
    std::string classified;
    while (GstMeta* m = gst_buffer_iterate_meta_filtered(out, &state, GST_VIDEO_REGION_OF_INTEREST_META_API_TYPE)) {
        auto* roi = reinterpret_cast<GstVideoRegionOfInterestMeta*>(m);
        if (gst_video_region_of_interest_meta_get_param(roi, "text")) classified += g_quark_to_string(roi->roi_type);
    }
    EXPECT_EQ(classified, "sign");
    gst_buffer_unref(out);
    gst_harness_teardown(h);
}

// Pushes `n` 64x48 white frames with PTS 0..n-1 s, then EOS; returns the output buffers.
std::vector<GstBuffer*> push_frames(GstHarness* h, int n) {
    for (int i = 0; i < n; ++i) {
        GstBuffer* b = solid_rgb(64, 48, 255);
        GST_BUFFER_PTS(b) = i * GST_SECOND;
        EXPECT_EQ(gst_harness_push(h, b), GST_FLOW_OK);
    }
    EXPECT_TRUE(gst_harness_push_event(h, gst_event_new_eos()));
    std::vector<GstBuffer*> out;
    for (int i = 0; i < n; ++i) out.push_back(gst_harness_pull(h));
    return out;
}

std::string infer_launch(const std::string& extra) {
    return "ovinfer converter=raw " + extra + " model=" + model_path("ch_PP-OCRv4_det_infer.onnx") +
           " model-proc=" + model_proc("ppocr_det.json");
}

TEST_F(Elements, AsyncRequestsKeepFrameOrder) {
    if (!have_models()) GTEST_SKIP() << "models missing";
    GstHarness* h = gst_harness_new_parse(infer_launch("nireq=3").c_str());
    gst_harness_set_src_caps_str(h, kRgbCaps);
    std::vector<GstBuffer*> out = push_frames(h, 7);
    for (size_t i = 0; i < out.size(); ++i) {
        ASSERT_NE(out[i], nullptr);
        EXPECT_EQ(GST_BUFFER_PTS(out[i]), i * GST_SECOND);
        EXPECT_NE(gst_buffer_get_custom_meta(out[i], "OvkitTensorMeta"), nullptr) << i;
        gst_buffer_unref(out[i]);
    }
    gst_harness_teardown(h);
}

TEST_F(Elements, LatencyIncludesFramesInFlight) {
    if (!have_models()) GTEST_SKIP() << "models missing";
    GstHarness* h = gst_harness_new_parse(infer_launch("nireq=3").c_str());
    gst_harness_set_src_caps_str(h, kRgbCaps);  // 30 fps
    gst_harness_set_upstream_latency(h, 0);
    EXPECT_EQ(gst_harness_query_latency(h), 2 * GST_SECOND / 30);  // two frames held besides the current one
    gst_harness_teardown(h);
}

TEST_F(Elements, InferenceIntervalSkipsFrames) {
    if (!have_models()) GTEST_SKIP() << "models missing";
    for (const char* nireq : {"nireq=1", "nireq=2"}) {
        GstHarness* h = gst_harness_new_parse(infer_launch(std::string("inference-interval=3 ") + nireq).c_str());
        gst_harness_set_src_caps_str(h, kRgbCaps);
        std::vector<GstBuffer*> out = push_frames(h, 6);
        for (size_t i = 0; i < out.size(); ++i) {
            ASSERT_NE(out[i], nullptr);
            EXPECT_EQ(GST_BUFFER_PTS(out[i]), i * GST_SECOND);
            EXPECT_EQ(gst_buffer_get_custom_meta(out[i], "OvkitTensorMeta") != nullptr, i % 3 == 0) << nireq << " frame " << i;
            gst_buffer_unref(out[i]);
        }
        gst_harness_teardown(h);
    }
}

TEST_F(Elements, ModelInstanceIdSharesOneModel) {
    if (!have_models()) GTEST_SKIP() << "models missing";
    std::string det = model_path("ch_PP-OCRv4_det_infer.onnx");
    std::string err = run_pipeline("videotestsrc num-buffers=2 ! video/x-raw,width=64,height=48 ! ovinfer converter=raw "
                                   "model-instance-id=shared model=" + det + " ! ovinfer converter=raw model-instance-id=shared "
                                   "model=" + det + " ! fakesink");
    EXPECT_EQ(err, "");
}

// --- Errors: each is an element error with a clear message, and the pipeline stops cleanly.

TEST_F(Elements, MissingModelFileIsAnError) {
    std::string err = run_pipeline("videotestsrc num-buffers=1 ! ovdetect model=/nonexistent/det.onnx ! fakesink");
    EXPECT_NE(err.find("Model file '/nonexistent/det.onnx' does not exist"), std::string::npos) << err;
}

TEST_F(Elements, UnsetModelIsAnError) {
    std::string err = run_pipeline("videotestsrc num-buffers=1 ! ovclassify ! fakesink");
    EXPECT_NE(err.find("set the 'model' property"), std::string::npos) << err;
}

TEST_F(Elements, BadConverterValueIsRejected) {
    std::string err = run_pipeline("videotestsrc num-buffers=1 ! ovdetect converter=bogus model=x ! fakesink");
    EXPECT_NE(err.find("parse"), std::string::npos) << err;
    EXPECT_NE(err.find("converter"), std::string::npos) << err;
}

TEST_F(Elements, WrongConverterForElementIsAnError) {
    if (!have_models()) GTEST_SKIP() << "models missing";
    std::string err = run_pipeline("videotestsrc num-buffers=1 ! ovdetect converter=ctc model=" +
                                   model_path("ch_PP-OCRv4_det_infer.onnx") + " ! fakesink");
    EXPECT_NE(err.find("ovdetect cannot use this converter"), std::string::npos) << err;
}

TEST_F(Elements, BadModelProcIsAnError) {
    if (!have_models()) GTEST_SKIP() << "models missing";
    std::string path = std::string(g_get_tmp_dir()) + "/ovkit_bad_model_proc.json";
    std::ofstream(path) << R"({"input_preproc": [{"params": {"resize": "sideways"}}]})";
    std::string err = run_pipeline("videotestsrc num-buffers=1 ! ovdetect model=" + model_path("ch_PP-OCRv4_det_infer.onnx") +
                                   " model-proc=" + path + " ! fakesink");
    EXPECT_NE(err.find("params.resize is 'sideways'"), std::string::npos) << err;
}

TEST_F(Elements, BadPreProcessConfigIsAnError) {
    if (!have_models()) GTEST_SKIP() << "models missing";
    std::string err = run_pipeline("videotestsrc num-buffers=1 ! ovdetect model=" + model_path("ch_PP-OCRv4_det_infer.onnx") +
                                   " pre-process-config=\"color_space=YUV\" ! fakesink");
    EXPECT_NE(err.find("color_space is 'YUV'"), std::string::npos) << err;
}

TEST_F(Elements, UnknownDeviceIsAnError) {
    if (!have_models()) GTEST_SKIP() << "models missing";
    std::string err = run_pipeline("videotestsrc num-buffers=1 ! ovdetect device=NPU model=" +
                                   model_path("ch_PP-OCRv4_det_infer.onnx") + " ! fakesink");
    EXPECT_NE(err.find("Unknown device 'NPU'"), std::string::npos) << err;
}

TEST_F(Elements, SharedInstanceIdMustNameTheSameModel) {
    if (!have_models()) GTEST_SKIP() << "models missing";
    std::string det = model_path("ch_PP-OCRv4_det_infer.onnx"), rec = model_path("ch_PP-OCRv4_rec_infer.onnx");
    std::string err = run_pipeline("videotestsrc num-buffers=1 ! ovinfer model-instance-id=a model=" + det +
                                   " ! ovinfer model-instance-id=a model=" + rec + " ! fakesink");
    EXPECT_NE(err.find("model-instance-id 'a' already holds"), std::string::npos) << err;
}

TEST_F(Elements, CapsTheModelCannotTakeIsAnError) {
    std::string vad = model_path("silero_vad_v5.onnx");
    if (!g_file_test(vad.c_str(), G_FILE_TEST_EXISTS)) GTEST_SKIP() << "silero_vad_v5.onnx missing";
    std::string err = run_pipeline("videotestsrc num-buffers=1 ! ovinfer model=" + vad + " ! fakesink");
    EXPECT_NE(err.find("cannot take video frames"), std::string::npos) << err;
}

}  // namespace
