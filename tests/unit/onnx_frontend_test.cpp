// ONNX frontend behaviour not covered by the backend node tests: external-data tensors,
// and the single error that lists every unsupported op with its nodes.
#include <gtest/gtest.h>
#include <onnx/onnx_pb.h>

#include <filesystem>
#include <fstream>

#include "ovkit/core.h"

using namespace ovkit;
namespace fs = std::filesystem;

namespace {

class OnnxFrontend : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("ovkit_onnx_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    // Y = X + W with W [2,2] f32 read from external data.
    onnx::ModelProto add_with_external_weights(const std::string& location, int64_t offset, int64_t length) {
        onnx::ModelProto m;
        m.set_ir_version(8);
        m.add_opset_import()->set_version(13);
        auto* g = m.mutable_graph();
        g->set_name("external");
        auto value = [](onnx::ValueInfoProto* v, const char* name) {
            v->set_name(name);
            auto* t = v->mutable_type()->mutable_tensor_type();
            t->set_elem_type(onnx::TensorProto::FLOAT);
            t->mutable_shape()->add_dim()->set_dim_value(2);
            t->mutable_shape()->add_dim()->set_dim_value(2);
        };
        value(g->add_input(), "X");
        value(g->add_output(), "Y");
        auto* w = g->add_initializer();
        w->set_name("W");
        w->set_data_type(onnx::TensorProto::FLOAT);
        w->add_dims(2);
        w->add_dims(2);
        w->set_data_location(onnx::TensorProto::EXTERNAL);
        auto kv = [&](const char* k, const std::string& v) {
            auto* e = w->add_external_data();
            e->set_key(k);
            e->set_value(v);
        };
        kv("location", location);
        kv("offset", std::to_string(offset));
        if (length >= 0) kv("length", std::to_string(length));
        auto* n = g->add_node();
        n->set_op_type("Add");
        n->set_name("add");
        n->add_input("X");
        n->add_input("W");
        n->add_output("Y");
        return m;
    }

    std::string save(const onnx::ModelProto& m) {
        std::string path = (dir_ / "model.onnx").string();
        std::ofstream f(path, std::ios::binary);
        m.SerializeToOstream(&f);
        return path;
    }

    void write_weights(size_t pad) {
        std::ofstream f(dir_ / "weights.bin", std::ios::binary);
        std::string padding(pad, '\0');
        f.write(padding.data(), std::streamsize(padding.size()));
        float w[4] = {1, 2, 3, 4};
        f.write(reinterpret_cast<const char*>(w), sizeof w);
    }

    std::string error_of(const onnx::ModelProto& m) {
        try {
            Core().read_model(save(m));
        } catch (const Exception& e) {
            return e.what();
        }
        return "";
    }

    fs::path dir_;
};

}  // namespace

TEST_F(OnnxFrontend, ReadsExternalDataAtOffset) {
    write_weights(16);
    Core core;
    auto compiled = core.compile_model(core.read_model(save(add_with_external_weights("weights.bin", 16, 16))), "CPU");
    auto req = compiled.create_infer_request();
    req.set_input_tensor(0, Tensor::from_vector(std::vector<float>{10, 20, 30, 40}, {2, 2}));
    req.infer();
    const float* y = req.get_output_tensor(0).data<float>();
    EXPECT_FLOAT_EQ(y[0], 11);
    EXPECT_FLOAT_EQ(y[3], 44);
}

TEST_F(OnnxFrontend, ExternalDataErrorsNameTensorAndFile) {
    write_weights(0);
    std::string msg = error_of(add_with_external_weights("weights.bin", 8, -1));
    EXPECT_NE(msg.find("'W'"), std::string::npos) << msg;
    EXPECT_NE(msg.find("past the end"), std::string::npos) << msg;
    msg = error_of(add_with_external_weights("weights.bin", 0, 12));
    EXPECT_NE(msg.find("length 12"), std::string::npos) << msg;
    msg = error_of(add_with_external_weights("missing.bin", 0, 16));
    EXPECT_NE(msg.find("missing.bin"), std::string::npos) << msg;
    msg = error_of(add_with_external_weights("../../etc/passwd", 0, 16));
    EXPECT_NE(msg.find("leaves the model's folder"), std::string::npos) << msg;
}

TEST_F(OnnxFrontend, OneErrorListsEveryUnsupportedOpWithItsNodes) {
    write_weights(0);
    auto m = add_with_external_weights("weights.bin", 0, 16);
    for (const char* name : {"draw_a", "draw_b"}) {
        auto* n = m.mutable_graph()->add_node();
        n->set_op_type("Bernoulli");
        n->set_name(name);
        n->add_input("Y");
        n->add_output(std::string(name) + "_out");
    }
    auto* n = m.mutable_graph()->add_node();
    n->set_op_type("FancyOp");
    n->set_domain("com.example");
    n->set_name("fancy");
    n->add_input("Y");
    n->add_output("fancy_out");
    std::string msg = error_of(m);
    for (const char* s : {"2 unsupported operation type(s)", "Bernoulli (opset 13): 2 nodes 'draw_a', 'draw_b'",
                          "com.example.FancyOp", "'fancy'"})
        EXPECT_NE(msg.find(s), std::string::npos) << s << " not in: " << msg;
}
