// The CPU device (oneDNN + own kernels) against the REFERENCE device on small models of each
// fused pattern, and the implementation it reports for each.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "ovkit/core.h"

namespace ovkit {
namespace {

Tensor random_tensor(const Shape& s, unsigned seed, float lo = -1.f, float hi = 1.f) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> d(lo, hi);
    Tensor t(ElementType::f32, s);
    for (int64_t i = 0; i < t.size(); ++i) t.data<float>()[i] = d(rng);
    return t;
}

Output constant(Model& m, const Shape& s, unsigned seed, float lo = -1.f, float hi = 1.f) {
    return m.add_constant(random_tensor(s, seed, lo, hi));
}

Output scalar(Model& m, float v) { return m.add_constant(Tensor::from_vector(std::vector<float>{v}, {})); }

Attributes conv_attrs(int64_t stride = 1, int64_t pad = 1, int64_t dilation = 1) {
    return Attributes{{"strides", std::vector<int64_t>{stride, stride}},
                      {"pads_begin", std::vector<int64_t>{pad, pad}},
                      {"pads_end", std::vector<int64_t>{pad, pad}},
                      {"dilations", std::vector<int64_t>{dilation, dilation}}};
}

// Runs `m` on CPU and REFERENCE with the same random inputs; expects close outputs and
// returns the CPU implementation of node `name`.
std::string compare(const std::shared_ptr<Model>& m, const std::string& name, float tol = 1e-4f) {
    Core core;
    auto cpu = core.compile_model(m, "CPU");
    auto ref = core.compile_model(m, "REFERENCE");
    auto rc = cpu.create_infer_request(), rr = ref.create_infer_request();
    for (size_t i = 0; i < m->parameters().size(); ++i) {
        Tensor t = random_tensor(m->parameters()[i]->outputs[0].shape.to_shape(), unsigned(7 + i));
        rc.set_input_tensor(i, t);
        rr.set_input_tensor(i, t);
    }
    for (int run = 0; run < 2; ++run) {  // the second run reuses the arena
        rc.infer();
        rr.infer();
        for (size_t o = 0; o < cpu.outputs().size(); ++o) {
            Tensor a = rc.get_output_tensor(o), b = rr.get_output_tensor(o);
            EXPECT_EQ(a.shape(), b.shape());
            for (int64_t i = 0; i < a.size(); ++i)
                EXPECT_NEAR(a.data<float>()[i], b.data<float>()[i], tol * (1 + std::fabs(b.data<float>()[i])))
                    << "output " << o << " element " << i;
        }
    }
    const Node* n = m->find(name);
    return n ? cpu.implementation(*n) : "";
}

TEST(CpuDevice, ConvBiasRelu) {
    auto m = std::make_shared<Model>();
    Output x = m->add_parameter("x", ElementType::f32, PartialShape{1, 8, 12, 12})->output(0);
    Output c = m->add("Convolution", {x, constant(*m, {16, 8, 3, 3}, 1)}, conv_attrs(), "conv")->output(0);
    Output b = m->add("Add", {c, constant(*m, {1, 16, 1, 1}, 2)})->output(0);
    m->add_result(m->add("Relu", {b})->output(0));
    std::string impl = compare(m, "conv");
    EXPECT_NE(impl.find("onednn"), std::string::npos) << impl;
    EXPECT_NE(impl.find("conv+bias+relu"), std::string::npos) << impl;
}

TEST(CpuDevice, DepthwiseBatchNormHswishPattern) {
    auto m = std::make_shared<Model>();
    Output x = m->add_parameter("x", ElementType::f32, PartialShape{1, 8, 10, 10})->output(0);
    Output c = m->add("GroupConvolution", {x, constant(*m, {8, 1, 1, 3, 3}, 3)}, conv_attrs(2, 1), "dw")->output(0);
    Output bn = m->add("BatchNormInference", {c, constant(*m, {8}, 4), constant(*m, {8}, 5), constant(*m, {8}, 6),
                                               constant(*m, {8}, 7, 0.5f, 2.f)},
                       Attributes{{"epsilon", 1e-5}})
                    ->output(0);
    // Paddle's hardswish: x * clip(x + 3, 0, 6) / 6
    Output a = m->add("Add", {bn, scalar(*m, 3)})->output(0);
    Output cl = m->add("Clamp", {a}, Attributes{{"min", 0.0}, {"max", 6.0}})->output(0);
    Output mu = m->add("Multiply", {bn, cl})->output(0);
    m->add_result(m->add("Divide", {mu, scalar(*m, 6)})->output(0));
    std::string impl = compare(m, "dw");
    EXPECT_NE(impl.find("group_conv+bn+hswish"), std::string::npos) << impl;
}

TEST(CpuDevice, DilatedConvResidualSumAndHardSigmoid) {
    auto m = std::make_shared<Model>();
    Output x = m->add_parameter("x", ElementType::f32, PartialShape{1, 8, 9, 9})->output(0);
    Output r = m->add("Convolution", {x, constant(*m, {8, 8, 1, 1}, 8)}, conv_attrs(1, 0), "pw")->output(0);
    Output c = m->add("Convolution", {x, constant(*m, {8, 8, 3, 3}, 9)}, conv_attrs(1, 2, 2), "dil")->output(0);
    Output s = m->add("Add", {c, r})->output(0);
    m->add_result(m->add("HardSigmoid", {s, scalar(*m, 0.2f), scalar(*m, 0.5f)})->output(0));
    std::string impl = compare(m, "dil");
    EXPECT_NE(impl.find("+sum+hsigmoid"), std::string::npos) << impl;
}

TEST(CpuDevice, DeconvolutionPoolingConcatResize) {
    auto m = std::make_shared<Model>();
    Output x = m->add_parameter("x", ElementType::f32, PartialShape{1, 4, 8, 8})->output(0);
    Output d = m->add("ConvolutionBackpropData", {x, constant(*m, {4, 6, 2, 2}, 10)},
                      Attributes{{"strides", std::vector<int64_t>{2, 2}}, {"pads_begin", std::vector<int64_t>{0, 0}},
                                 {"pads_end", std::vector<int64_t>{0, 0}}, {"dilations", std::vector<int64_t>{1, 1}}},
                      "deconv")
                   ->output(0);  // [1, 6, 16, 16]
    Output p = m->add("MaxPool", {d},
                      Attributes{{"strides", std::vector<int64_t>{2, 2}}, {"pads_begin", std::vector<int64_t>{0, 0}},
                                 {"pads_end", std::vector<int64_t>{0, 0}}, {"kernel", std::vector<int64_t>{2, 2}},
                                 {"dilations", std::vector<int64_t>{1, 1}}},
                      "pool", 2)
                   ->output(0);  // [1, 6, 8, 8]
    Output cat = m->add("Concat", {p, x}, Attributes{{"axis", int64_t(1)}}, "cat")->output(0);
    Output sizes = m->add_constant(Tensor::from_vector(std::vector<int64_t>{16, 16}, {2}));
    Output axes = m->add_constant(Tensor::from_vector(std::vector<int64_t>{2, 3}, {2}));
    Output up = m->add("Interpolate", {cat, sizes, axes},
                       Attributes{{"mode", std::string("nearest")}, {"shape_calculation_mode", std::string("sizes")},
                                  {"coordinate_transformation_mode", std::string("asymmetric")},
                                  {"nearest_mode", std::string("floor")}},
                       "up")
                    ->output(0);
    Output gap = m->add("ReduceMean", {up, m->add_constant(Tensor::from_vector(std::vector<int64_t>{2, 3}, {2}))},
                        Attributes{{"keep_dims", true}}, "gap")
                     ->output(0);
    m->add_result(up);
    m->add_result(gap);
    EXPECT_NE(compare(m, "deconv").find("deconv"), std::string::npos);
    Core core;
    auto cpu = core.compile_model(m, "CPU");
    for (const char* name : {"pool", "cat", "up", "gap"})
        EXPECT_NE(cpu.implementation(*m->find(name)).find("onednn"), std::string::npos) << name;
}

TEST(CpuDevice, MatMulSoftmaxAndSmallAdd) {
    auto m = std::make_shared<Model>();
    Output x = m->add_parameter("x", ElementType::f32, PartialShape{2, 5, 16})->output(0);
    Output y = m->add("MatMul", {x, constant(*m, {16, 12}, 11)}, Attributes{{"transpose_a", false}, {"transpose_b", false}},
                      "mm")
                   ->output(0);
    Output s = m->add("Softmax", {y}, Attributes{{"axis", int64_t(-1)}}, "sm")->output(0);
    m->add_result(m->add("Add", {s, s}, {}, "add")->output(0));
    EXPECT_NE(compare(m, "mm").find("onednn"), std::string::npos);
    Core core;
    auto cpu = core.compile_model(m, "CPU");
    EXPECT_EQ(cpu.implementation(*m->find("add")), "own:eltwise");
}

TEST(CpuDevice, KeptOutputsAreNotOverwritten) {
    auto m = std::make_shared<Model>();
    Output x = m->add_parameter("x", ElementType::f32, PartialShape{1, 4})->output(0);
    m->add_result(m->add("Add", {x, x})->output(0));
    Core core;
    auto r = core.compile_model(m, "CPU").create_infer_request();
    r.set_input_tensor(0, Tensor::from_vector(std::vector<float>{1, 2, 3, 4}, {1, 4}));
    r.infer();
    Tensor first = r.get_output_tensor(0);
    r.set_input_tensor(0, first);  // fed back, like a recurrent state
    r.infer();
    EXPECT_EQ(first.data<float>()[3], 8.f);
    EXPECT_EQ(r.get_output_tensor(0).data<float>()[3], 16.f);
}

}  // namespace
}  // namespace ovkit
