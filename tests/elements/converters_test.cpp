// Golden-value tests of the post-processing converters (elements/common/converters.cpp),
// compiled into this test directly.
#include "common/converters.h"

#include <gtest/gtest.h>

namespace ovkit::gst {
namespace {

TEST(Converters, CtcGreedyCollapsesRepeatsAndBlanks) {
    // Classes: 0 blank, 1 'a', 2 'b', 3 space (one past the labels).
    const std::vector<int> best = {1, 1, 0, 1, 3, 2, 2, 0};
    Tensor t(ElementType::f32, {1, int64_t(best.size()), 4});
    for (size_t i = 0; i < best.size(); ++i) t.data<float>()[i * 4 + best[i]] = 0.9f;
    Classification c = ctc_decode(t, 0, {"a", "b"});
    EXPECT_EQ(c.label, "aa b");
    EXPECT_FLOAT_EQ(c.confidence, 0.9f);
}

TEST(Converters, CtcRejectsTooFewLabels) {
    Tensor t(ElementType::f32, {1, 2, 10});
    EXPECT_THROW(ctc_decode(t, 0, {"a"}), std::runtime_error);
}

TEST(Converters, LabelSoftmaxArgmax) {
    Tensor t = Tensor::from_vector<float>({1.f, 3.f, 2.f}, {1, 3});
    Classification c = label_argmax(t, 0, {"cat", "dog", "fox"});
    EXPECT_EQ(c.label, "dog");
    EXPECT_EQ(c.label_id, 1);
    EXPECT_NEAR(c.confidence, 0.6652f, 1e-3);
}

TEST(Converters, DbnetFindsUnclippedAxisAlignedBox) {
    const int h = 32, w = 64;
    Tensor t(ElementType::f32, {1, 1, h, w});
    for (int y = 10; y < 20; ++y)
        for (int x = 8; x < 48; ++x) t.data<float>()[y * w + x] = 0.95f;
    PostProc post;
    std::vector<Detection> boxes = dbnet_boxes(t, 0, Placement{w, h}, post);
    ASSERT_EQ(boxes.size(), 1u);
    // 40x10 region; unclip offset = 400 * 1.5 / 100 = 6 pixels on every side.
    EXPECT_NEAR(boxes[0].x_min, 2.0 / w, 1e-3);
    EXPECT_NEAR(boxes[0].x_max, 54.0 / w, 1e-3);
    EXPECT_NEAR(boxes[0].y_min, 4.0 / h, 1e-3);
    EXPECT_NEAR(boxes[0].y_max, 26.0 / h, 1e-3);
    EXPECT_NEAR(boxes[0].confidence, 0.95f, 1e-3);
}

TEST(Converters, DbnetDropsWeakAndTinyRegions) {
    const int h = 32, w = 32;
    Tensor t(ElementType::f32, {1, 1, h, w});
    for (int y = 2; y < 12; ++y)
        for (int x = 2; x < 20; ++x) t.data<float>()[y * w + x] = 0.4f;  // above binarize, below box threshold
    t.data<float>()[25 * w + 25] = 0.99f;                                 // one pixel
    EXPECT_TRUE(dbnet_boxes(t, 0, Placement{w, h}, PostProc{}).empty());
}

TEST(Converters, YoloV8WithNms) {
    // [1, 4 + 2 classes, 8 boxes]: two overlapping class-1 boxes, one class-0 box, 5 empty ones
    // (v8 has more boxes than attributes, which is how the layout is recognized).
    const float cx[] = {50, 52, 20}, cy[] = {50, 50, 20}, bw[] = {20, 20, 10}, bh[] = {20, 20, 10};
    const float c0[] = {0.1f, 0.1f, 0.8f}, c1[] = {0.9f, 0.7f, 0.1f};
    const int n = 8;
    Tensor t(ElementType::f32, {1, 6, n});
    float* p = t.data<float>();
    for (int i = 0; i < 3; ++i) {
        p[0 * n + i] = cx[i], p[1 * n + i] = cy[i], p[2 * n + i] = bw[i], p[3 * n + i] = bh[i];
        p[4 * n + i] = c0[i], p[5 * n + i] = c1[i];
    }
    std::vector<Detection> d = yolo_boxes(t, 0, Placement{100, 100}, 0.5f, 0.5f);
    ASSERT_EQ(d.size(), 2u);
    EXPECT_EQ(d[0].label_id, 1);
    EXPECT_NEAR(d[0].x_min, 0.40f, 1e-5);
    EXPECT_NEAR(d[0].y_max, 0.60f, 1e-5);
    EXPECT_EQ(d[1].label_id, 0);
}

TEST(Converters, YoloV5UsesObjectness) {
    // [1, 8 boxes, 5 + 1 class]: the second box has a good class score but low objectness.
    Tensor t = Tensor::from_vector<float>({10, 10, 4, 4, 0.9f, 0.9f, 30, 30, 4, 4, 0.3f, 0.9f}, {1, 8, 6});
    std::vector<Detection> d = yolo_boxes(t, 0, Placement{40, 40}, 0.5f, 0.5f);
    ASSERT_EQ(d.size(), 1u);
    EXPECT_NEAR(d[0].confidence, 0.81f, 1e-5);
}

TEST(Converters, SsdKeepsConfidentBoxes) {
    Tensor t = Tensor::from_vector<float>({0, 2, 0.9f, 0.1f, 0.2f, 0.3f, 0.4f, 0, 1, 0.2f, 0, 0, 1, 1, -1, 0, 0, 0, 0, 0, 0},
                                          {1, 1, 3, 7});
    std::vector<Detection> d = ssd_boxes(t, 0, 0.5f);
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(d[0].label_id, 2);
    EXPECT_FLOAT_EQ(d[0].x_max, 0.3f);
}

}  // namespace
}  // namespace ovkit::gst
