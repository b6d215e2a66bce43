// The C++ API: shapes, tensors, model building, shape inference with dynamic dimensions,
// requests (sync, async, callback) and the errors a user can cause.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>

#include "ovkit/core.h"
#include "ovkit/npy.h"

using namespace ovkit;

namespace {

std::shared_ptr<Model> add_model(PartialShape shape) {
    auto m = std::make_shared<Model>();
    m->name = "add";
    Node* a = m->add_parameter("a", ElementType::f32, shape);
    Node* b = m->add_parameter("b", ElementType::f32, shape);
    Node* sum = m->add("Add", {a->output(), b->output()});
    m->add_result(sum->output(), "sum");
    return m;
}

Tensor filled(Shape s, float start) {
    Tensor t(ElementType::f32, std::move(s));
    for (int64_t i = 0; i < t.size(); ++i) t.data<float>()[i] = start + float(i);
    return t;
}

}  // namespace

TEST(PartialShape, ParsesAndPrintsDynamicAndBoundedDims) {
    PartialShape s = PartialShape::parse("[1,?,1..10,-1]");
    ASSERT_EQ(s.rank(), 4);
    EXPECT_TRUE(s[0].is_static());
    EXPECT_FALSE(s[1].is_static());
    EXPECT_EQ(s[2].min, 1);
    EXPECT_EQ(s[2].max, 10);
    EXPECT_EQ(s.to_string(), "[1,?,1..10,?]");
    EXPECT_TRUE(s.compatible(Shape{1, 5, 10, 2}));
    EXPECT_FALSE(s.compatible(Shape{1, 5, 11, 2}));
    EXPECT_THROW(PartialShape::parse("[1,x]"), Exception);
}

TEST(PartialShape, BroadcastKeepsWhatIsKnown) {
    auto r = broadcast_shapes(PartialShape::parse("[?,3]"), PartialShape::parse("[4,1]"));
    EXPECT_EQ(r.to_string(), "[4,3]");
    EXPECT_THROW(broadcast_shapes(Shape{2, 3}, Shape{4, 3}), Exception);
}

TEST(ShapeSize, OverflowIsAnError) { EXPECT_THROW(shape_size({int64_t(1) << 40, int64_t(1) << 40}), Exception); }

TEST(Tensor, Float16RoundTrips) {
    for (float f : {0.0f, 1.0f, -2.5f, 65504.0f, 6.1035156e-05f, 5.9604645e-08f}) EXPECT_EQ(float(float16(f)), f);
    EXPECT_EQ(float(bfloat16(1.0f)), 1.0f);
}

TEST(Model, InfersDynamicShapesAndRunsThem) {
    auto m = add_model(PartialShape::parse("[?,3]"));
    EXPECT_EQ(m->results()[0]->outputs[0].shape.to_string(), "[?,3]");
    Core core;
    auto compiled = core.compile_model(m, "CPU");
    auto req = compiled.create_infer_request();
    for (int64_t batch : {1, 4}) {
        req.set_input_tensor(0, filled({batch, 3}, 0));
        req.set_input_tensor(1, filled({batch, 3}, 10));
        req.infer();
        Tensor out = req.get_output_tensor(0);
        ASSERT_EQ(out.shape(), (Shape{batch, 3}));
        EXPECT_FLOAT_EQ(out.data<float>()[2], 0 + 2 + 10 + 2);
    }
}

TEST(Model, BoundedDimensionRejectsOutOfRangeInput) {
    Core core;
    auto compiled = core.compile_model(add_model(PartialShape::parse("[1..2,3]")), "CPU");
    auto req = compiled.create_infer_request();
    EXPECT_THROW(req.set_input_tensor(0, filled({3, 3}, 0)), Exception);
}

TEST(Model, IncompatibleShapesFailWhenBuilt) {
    auto m = std::make_shared<Model>();
    Node* a = m->add_parameter("a", ElementType::f32, Shape{2, 3});
    Node* b = m->add_parameter("b", ElementType::f32, Shape{4, 3});
    try {
        m->add("Add", {a->output(), b->output()}, {}, "my_add");
        FAIL() << "expected an error";
    } catch (const Exception& e) {
        EXPECT_NE(std::string(e.what()).find("my_add"), std::string::npos) << e.what();
    }
}

TEST(InferRequest, WrongTypeUnknownNameAndMissingInputAreErrors) {
    Core core;
    auto compiled = core.compile_model(add_model(Shape{2, 3}), "CPU");
    auto req = compiled.create_infer_request();
    EXPECT_THROW(req.set_input_tensor(0, Tensor(ElementType::i64, {2, 3})), Exception);
    EXPECT_THROW(req.set_tensor("nope", filled({2, 3}, 0)), Exception);
    EXPECT_THROW(req.set_input_tensor(5, filled({2, 3}, 0)), Exception);
    req.set_input_tensor(0, filled({2, 3}, 0));
    EXPECT_THROW(req.infer(), Exception);  // input 'b' not set
}

TEST(InferRequest, AsyncRunsCallback) {
    Core core;
    auto compiled = core.compile_model(add_model(Shape{2, 3}), "CPU");
    auto req = compiled.create_infer_request();
    req.set_input_tensor(0, filled({2, 3}, 0));
    req.set_input_tensor(1, filled({2, 3}, 1));
    std::atomic<int> calls{0};
    req.set_callback([&](std::exception_ptr e) {
        EXPECT_FALSE(e);
        ++calls;
    });
    req.start_async();
    req.wait();
    EXPECT_EQ(calls.load(), 1);
    EXPECT_FLOAT_EQ(req.get_output_tensor(0).data<float>()[5], 5 + 6);
}

TEST(Core, UnknownDeviceListsAvailableOnes) {
    Core core;
    try {
        core.compile_model(add_model(Shape{1}), "TPU");
        FAIL();
    } catch (const Exception& e) {
        std::string msg = e.what();
        EXPECT_NE(msg.find("TPU"), std::string::npos);
        EXPECT_NE(msg.find("CPU"), std::string::npos);
    }
    auto devices = core.available_devices();
    EXPECT_NE(std::find(devices.begin(), devices.end(), "CPU"), devices.end());
}

TEST(Core, BadModelFilesAreErrors) {
    Core core;
    auto dir = std::filesystem::temp_directory_path() / "ovkit_api_test";
    std::filesystem::create_directories(dir);
    EXPECT_THROW(core.read_model((dir / "missing.onnx").string()), Exception);
    std::ofstream(dir / "garbage.onnx") << "this is not a protobuf \x01\x02\x03";
    EXPECT_THROW(core.read_model((dir / "garbage.onnx").string()), Exception);
    std::ofstream(dir / "model.weird") << "x";
    EXPECT_THROW(core.read_model((dir / "model.weird").string()), Exception);
}

TEST(Npy, RoundTripsAndRejectsTruncatedFiles) {
    auto dir = std::filesystem::temp_directory_path() / "ovkit_api_test";
    std::filesystem::create_directories(dir);
    Tensor t = filled({2, 3, 4}, 1);
    write_npy((dir / "t.npy").string(), t);
    Tensor r = read_npy((dir / "t.npy").string());
    ASSERT_EQ(r.shape(), t.shape());
    EXPECT_EQ(std::memcmp(r.data(), t.data(), t.byte_size()), 0);
    Tensor scalar = Tensor::from_vector(std::vector<int64_t>{7}, {});
    write_npy((dir / "s.npy").string(), scalar);
    EXPECT_EQ(read_npy((dir / "s.npy").string()).shape(), Shape{});
    std::filesystem::resize_file(dir / "t.npy", 100);
    EXPECT_THROW(read_npy((dir / "t.npy").string()), Exception);
}

TEST(Core, PropertiesAreCheckedByName) {
    Core core;
    auto m = add_model(Shape{1});
    EXPECT_NO_THROW(core.compile_model(m, "CPU", {{"PERFORMANCE_HINT", "THROUGHPUT"}, {"INFERENCE_NUM_THREADS", "2"}}));
    EXPECT_THROW(core.compile_model(m, "CPU", {{"PERFORMANCE_HINT", "FAST"}}), Exception);
    EXPECT_THROW(core.compile_model(m, "CPU", {{"NUM_STREAMS", "-1"}}), Exception);
    EXPECT_THROW(core.compile_model(m, "CPU", {{"NO_SUCH_PROPERTY", "1"}}), Exception);
}
