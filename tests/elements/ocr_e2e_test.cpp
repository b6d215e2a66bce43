// End to end: phrases rendered by textoverlay (several fonts, sizes, positions, upper and lower
// case, digits) go through ovdetect (PP-OCRv4 det, dbnet) and ovclassify (PP-OCRv4 rec, ctc);
// at least 90% of the rendered words must come back exactly.
#include <gst/app/gstappsink.h>

#include <set>
#include <sstream>

#include "gst_test_util.h"

namespace {

struct Line {
    std::string text, font;
    double xpos, ypos;
};

std::string overlays(const std::vector<Line>& lines) {
    std::string s;
    for (const Line& l : lines)
        s += " ! textoverlay text=\"" + l.text + "\" font-desc=\"" + l.font +
             "\" valignment=position halignment=position xpos=" + std::to_string(l.xpos) +
             " ypos=" + std::to_string(l.ypos) + " color=0xff101010 shaded-background=false draw-shadow=false draw-outline=false";
    return s;
}

// Recognized strings of every region of every frame.
std::vector<std::string> recognize(const std::vector<Line>& lines, const std::string& format) {
    std::string launch = "videotestsrc num-buffers=1 pattern=white ! video/x-raw,width=640,height=480" + overlays(lines) +
                         " ! videoconvert ! video/x-raw,format=" + format + " ! ovdetect model=" +
                         model_path("ch_PP-OCRv4_det_infer.onnx") + " model-proc=" + model_proc("ppocr_det.json") +
                         " ! ovclassify model=" + model_path("ch_PP-OCRv4_rec_infer.onnx") +
                         " model-proc=" + model_proc("ppocr_rec.json") + " labels-file=" + model_path("ppocr_keys_v1.txt") +
                         " ! appsink name=out sync=false";
    GError* error = nullptr;
    GstElement* pipeline = gst_parse_launch(launch.c_str(), &error);
    EXPECT_EQ(error, nullptr) << (error ? error->message : "");
    if (error) return {};
    GstElement* sink = gst_bin_get_by_name(GST_BIN(pipeline), "out");
    gst_element_set_state(pipeline, GST_STATE_PLAYING);
    std::vector<std::string> texts;
    while (GstSample* sample = gst_app_sink_try_pull_sample(GST_APP_SINK(sink), 300 * GST_SECOND)) {
        GstBuffer* b = gst_sample_get_buffer(sample);
        gpointer state = nullptr;
        while (GstMeta* m = gst_buffer_iterate_meta_filtered(b, &state, GST_VIDEO_REGION_OF_INTEREST_META_API_TYPE))
            if (GstStructure* s = gst_video_region_of_interest_meta_get_param(reinterpret_cast<GstVideoRegionOfInterestMeta*>(m), "text"))
                texts.push_back(gst_structure_get_string(s, "label"));
        gst_sample_unref(sample);
    }
    GstBus* bus = gst_element_get_bus(pipeline);
    GstMessage* err = gst_bus_pop_filtered(bus, GST_MESSAGE_ERROR);
    EXPECT_EQ(err, nullptr) << "pipeline error";
    if (err) gst_message_unref(err);
    gst_object_unref(bus);
    gst_element_set_state(pipeline, GST_STATE_NULL);
    gst_object_unref(sink);
    gst_object_unref(pipeline);
    return texts;
}

std::vector<std::string> words(const std::string& s) {
    std::istringstream in(s);
    std::vector<std::string> out;
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

// How many words of `expected` appear, in order and with exact characters, in `recognized`
// once its spaces are removed.
size_t words_in_order(const std::string& expected, const std::string& recognized) {
    std::string joined;
    for (const std::string& w : words(recognized)) joined += w;
    size_t pos = 0, hits = 0;
    for (const std::string& w : words(expected))
        if (size_t at = joined.find(w, pos); at != std::string::npos) pos = at + w.size(), ++hits;
    return hits;
}

class OcrEndToEnd : public GstTest {};

TEST_F(OcrEndToEnd, RecognizesRenderedPhrases) {
    if (!have_models()) GTEST_SKIP() << "models missing: run scripts/fetch_models.sh";
    const std::vector<std::pair<std::string, std::vector<Line>>> frames = {
        {"BGRx",
         {{"Welcome to ovkit", "Sans Bold 30", 0.05, 0.05},
          {"Gate B12 Departures 14:35", "Serif 24", 0.05, 0.30},
          {"NO ENTRY", "Sans Bold 40", 0.40, 0.52},
          {"id 0042-7781", "Monospace 22", 0.05, 0.80}}},
        {"I420",
         {{"open daily until midnight", "Serif Italic 24", 0.10, 0.08},
          {"PLATFORM 9", "Monospace Bold 32", 0.50, 0.35},
          {"Total 128.50 EUR", "Sans 26", 0.08, 0.60},
          {"exit", "Sans 44", 0.70, 0.80}}},
    };
    size_t expected = 0, exact = 0, tokens = 0;
    for (const auto& [format, lines] : frames) {
        std::vector<std::string> texts = recognize(lines, format);
        std::string all;
        for (const std::string& t : texts) all += "[" + t + "] ";
        std::cout << format << " frame read: " << all << "\n";
        std::multiset<std::string> got;
        for (const std::string& t : texts)
            for (const std::string& w : words(t)) got.insert(w);
        for (const Line& l : lines) {
            // PP-OCRv4 rec often drops the space between words: a word counts as recognized
            // when its exact characters follow the previous word's in one recognized line.
            size_t best = 0;
            for (const std::string& t : texts) best = std::max(best, words_in_order(l.text, t));
            exact += best;
            for (const std::string& w : words(l.text)) {
                ++expected;
                auto it = got.find(w);
                if (it != got.end()) ++tokens, got.erase(it);
            }
        }
    }
    std::cout << "words recognized exactly: " << exact << "/" << expected << " (" << tokens
              << " also with the spaces around them)\n";
    EXPECT_GE(exact * 10, expected * 9);
}

}  // namespace
