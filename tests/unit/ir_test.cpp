// IR v11 writer and reader: byte-identical round trips, same inference results before and
// after, subgraph port maps, and one test per malformed input.
#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>

#include "ovkit/core.h"
#include "ovkit/ir.h"
#include "ovkit/op_registry.h"

namespace ovkit {
namespace {

namespace fs = std::filesystem;

// A subgraph op known only to this test: outputs are the body results the port map names.
void infer_test_subgraph(ShapeContext& c) {
    for (const BodyOutput& o : c.node.body_outputs) {
        const Port& r = c.node.bodies.at(size_t(o.body))->results().at(size_t(o.body_result))->outputs[0];
        c.set_output(size_t(o.external_port), r.type, r.shape);
    }
}
OVKIT_OP("IrTestSubgraph", infer_test_subgraph, 0, 1 << 20, false);

std::string file_bytes(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
}

void write_file(const std::string& path, const std::string& bytes) {
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    f.write(bytes.data(), std::streamsize(bytes.size()));
}

bool has_reference_kernel(const char* type) {
    const OpDef* def = OpRegistry::find(type);
    return def && def->reference;
}

class IrTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::path(::testing::TempDir()) /
               (std::string("ovkit_ir_") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }
    std::string path(const std::string& name) const { return (dir_ / name).string(); }

    // write -> read -> write: both .xml and .bin must come out byte for byte the same.
    std::shared_ptr<Model> round_trip(const Model& model) {
        write_ir(model, path("a.xml"));
        auto again = read_ir(path("a.xml"));
        write_ir(*again, path("b.xml"));
        EXPECT_EQ(file_bytes(path("a.xml")), file_bytes(path("b.xml")));
        EXPECT_EQ(file_bytes(path("a.bin")), file_bytes(path("b.bin")));
        return again;
    }

    fs::path dir_;
};

std::vector<Tensor> infer(const std::shared_ptr<Model>& model, const std::vector<Tensor>& inputs) {
    Core core;
    CompiledModel compiled = core.compile_model(model, "REFERENCE");
    InferRequest request = compiled.create_infer_request();
    for (size_t i = 0; i < inputs.size(); ++i) request.set_input_tensor(i, inputs[i]);
    request.infer();
    std::vector<Tensor> outputs;
    for (size_t i = 0; i < compiled.outputs().size(); ++i) outputs.push_back(request.get_output_tensor(i));
    return outputs;
}

void expect_identical(const std::vector<Tensor>& a, const std::vector<Tensor>& b) {
    ASSERT_EQ(a.size(), b.size());
    for (size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].type(), b[i].type()) << "output " << i;
        EXPECT_EQ(a[i].shape(), b[i].shape()) << "output " << i;
        ASSERT_EQ(a[i].byte_size(), b[i].byte_size()) << "output " << i;
        EXPECT_EQ(0, std::memcmp(a[i].data(), b[i].data(), a[i].byte_size())) << "output " << i;
    }
}

// Inputs 0, 1, 2, ... converted to each parameter's type.
std::vector<Tensor> ramp_inputs(const Model& model) {
    std::vector<Tensor> inputs;
    for (const Node* p : model.parameters()) {
        Shape s = p->outputs[0].shape.to_shape();
        std::vector<double> v(size_t(shape_size(s)));
        for (size_t i = 0; i < v.size(); ++i) v[i] = double(i % 7);
        inputs.push_back(Tensor::from_double(p->outputs[0].type, v, s));
    }
    return inputs;
}

const ElementType kArithmeticTypes[] = {ElementType::f16, ElementType::bf16, ElementType::f64, ElementType::i8,
                                        ElementType::i16, ElementType::i32,  ElementType::i64, ElementType::u8,
                                        ElementType::u16, ElementType::u32,  ElementType::u64};

// Parameter -> Add(weights) -> Relu -> Result in f32, one Parameter + Constant + Add per other
// element type, a boolean and a scalar Constant as outputs, and a copy of the f32 weights.
std::shared_ptr<Model> typed_model() {
    auto m = std::make_shared<Model>();
    m->name = "typed";
    Node* x = m->add_parameter("x", ElementType::f32, Shape{2, 3});
    std::vector<float> w = {0.5f, -1.25f, 3.0f, -7.5f, 1e-3f, 65504.0f};
    Node* add = m->add("Add", {x->output(), m->add_constant(Tensor::from_vector(w, {2, 3}), "w")}, {}, "add");
    Node* relu = m->add("Relu", {add->output()}, {}, "relu");
    relu->outputs[0].names = {"relu_out"};
    m->add_result(relu->output(), "relu_result");
    for (ElementType t : kArithmeticTypes) {
        std::string n = type_name(t);
        Node* p = m->add_parameter("p_" + n, t, Shape{3});
        Output c = m->add_constant(Tensor::from_double(t, {1, 2, 3}, {3}), "c_" + n);
        m->add_result(m->add("Add", {p->output(), c}, {}, "add_" + n)->output(), "result_" + n);
    }
    m->add_result(m->add_constant(Tensor::from_vector(std::vector<bool>{true, false, true}, {3}), "flags"));
    m->add_result(m->add_constant(Tensor::from_vector(std::vector<int64_t>{42}, {}), "scalar"));
    Node* again = m->add("Add", {x->output(), m->add_constant(Tensor::from_vector(w, {2, 3}), "w_copy")}, {}, "add_copy");
    m->add_result(again->output(), "copy_result");
    return m;
}

TEST_F(IrTest, RoundTripIsByteIdentical) {
    auto m = typed_model();
    auto again = round_trip(*m);
    ASSERT_EQ(again->parameters().size(), m->parameters().size());
    ASSERT_EQ(again->results().size(), m->results().size());
    for (size_t i = 0; i < m->parameters().size(); ++i) {
        EXPECT_EQ(again->parameters()[i]->name, m->parameters()[i]->name);
        EXPECT_EQ(again->parameters()[i]->outputs[0].type, m->parameters()[i]->outputs[0].type);
    }
    for (size_t i = 0; i < m->results().size(); ++i) EXPECT_EQ(again->results()[i]->name, m->results()[i]->name);
    EXPECT_EQ(again->name, "typed");
    ASSERT_NE(again->find("relu"), nullptr);
    EXPECT_EQ(again->find("relu")->outputs[0].names, std::vector<std::string>{"relu_out"});
    EXPECT_EQ(again->find("relu")->type, "Relu");
}

TEST_F(IrTest, InferenceMatchesBeforeAndAfter) {
    auto m = typed_model();
    write_ir(*m, path("m.xml"));
    Core core;
    auto again = core.read_model(path("m.xml"));  // ".xml" goes through the IR reader
    auto inputs = ramp_inputs(*m);
    expect_identical(infer(m, inputs), infer(again, inputs));
}

TEST_F(IrTest, ConstantsKeepTypeShapeAndBytes) {
    auto m = typed_model();
    auto again = round_trip(*m);
    for (const auto& n : m->nodes()) {
        if (n->type != "Constant") continue;
        Node* c = again->find(n->name);
        ASSERT_NE(c, nullptr) << n->name;
        EXPECT_EQ(c->value.type(), n->value.type()) << n->name;
        EXPECT_EQ(c->value.shape(), n->value.shape()) << n->name;
        ASSERT_EQ(c->value.byte_size(), n->value.byte_size()) << n->name;
        EXPECT_EQ(0, std::memcmp(c->value.data(), n->value.data(), n->value.byte_size())) << n->name;
    }
}

TEST_F(IrTest, IdenticalConstantsShareBytesInBin) {
    auto m = typed_model();
    write_ir(*m, path("m.xml"));
    std::set<std::string> blobs;
    for (const auto& n : m->nodes())
        if (n->type == "Constant")
            blobs.insert(std::string(static_cast<const char*>(n->value.data()), n->value.byte_size()));
    size_t unique = 0;
    for (const auto& b : blobs) unique += b.size();
    EXPECT_EQ(file_bytes(path("m.bin")).size(), unique);  // w_copy, u8 = i8, ... stored once
}

TEST_F(IrTest, WritesOpenVinoLayout) {
    auto m = typed_model();
    write_ir(*m, path("m.xml"));
    std::string xml = file_bytes(path("m.xml"));
    EXPECT_EQ(xml.rfind("<?xml version=\"1.0\"?>\n<net name=\"typed\" version=\"11\">", 0), 0u) << xml.substr(0, 80);
    EXPECT_NE(xml.find("<layer id=\"0\" name=\"x\" type=\"Parameter\" version=\"opset1\">"), std::string::npos);
    EXPECT_NE(xml.find("<data shape=\"2,3\" element_type=\"f32\" />"), std::string::npos);
    EXPECT_NE(xml.find("type=\"Const\""), std::string::npos);
    EXPECT_NE(xml.find("<data element_type=\"f32\" shape=\"2,3\" offset=\"0\" size=\"24\" />"), std::string::npos);
    EXPECT_NE(xml.find("<data element_type=\"boolean\" shape=\"3\""), std::string::npos);
    EXPECT_NE(xml.find("<data element_type=\"i64\" shape=\"\""), std::string::npos);
    EXPECT_NE(xml.find("type=\"ReLU\""), std::string::npos);
    EXPECT_NE(xml.find("<port id=\"1\" precision=\"FP32\" names=\"relu_out\">"), std::string::npos);
    EXPECT_NE(xml.find("precision=\"BF16\""), std::string::npos);
    EXPECT_NE(xml.find("precision=\"BOOL\""), std::string::npos);
    EXPECT_NE(xml.find("<rt_info />\n</net>"), std::string::npos);
    // Results come last, after every other layer.
    EXPECT_GT(xml.find("type=\"Result\""), xml.rfind("type=\"Add\""));
}

TEST_F(IrTest, DynamicAndBoundedShapes) {
    Model m;
    m.name = "dynamic";
    Node* d = m.add_parameter("d", ElementType::f32, PartialShape{Dimension::dynamic(), 3});
    Node* b = m.add_parameter("b", ElementType::f32, PartialShape{Dimension(1, 10), 3});
    m.add_result(m.add("Add", {d->output(), b->output()})->output());
    auto again = round_trip(m);
    std::string xml = file_bytes(path("a.xml"));
    EXPECT_NE(xml.find("shape=\"?,3\""), std::string::npos);
    EXPECT_NE(xml.find("shape=\"1..10,3\""), std::string::npos);
    EXPECT_NE(xml.find("<dim>-1</dim>"), std::string::npos);
    EXPECT_EQ(again->parameters()[0]->outputs[0].shape, (PartialShape{Dimension::dynamic(), 3}));
    EXPECT_EQ(again->parameters()[1]->outputs[0].shape, (PartialShape{Dimension(1, 10), 3}));
    Tensor x = Tensor::from_vector(std::vector<float>{1, 2, 3, 4, 5, 6}, {2, 3});
    expect_identical(infer(std::make_shared<Model>(m), {x, x}), infer(again, {x, x}));
}

TEST_F(IrTest, TensorNamesWithCommasAreEscaped) {
    Model m;
    Node* x = m.add_parameter("x", ElementType::f32, Shape{2});
    Node* r = m.add("Relu", {x->output()}, {}, "relu");
    r->outputs[0].names = {"a,b", "c"};
    m.add_result(r->output());
    auto again = round_trip(m);
    EXPECT_NE(file_bytes(path("a.xml")).find("names=\"a\\,b,c\""), std::string::npos);
    EXPECT_EQ(again->find("relu")->outputs[0].names, (std::vector<std::string>{"a,b", "c"}));
}

TEST_F(IrTest, ResultNamesLeadTheTensorNames) {
    // The ONNX frontend names a Result after the graph output; the IR keeps that name first on
    // the producing port, so the compiled model shows the same output name after reading.
    Model m;
    Node* x = m.add_parameter("x", ElementType::f32, Shape{2});
    Node* r = m.add("Relu", {x->output()}, {}, "relu");
    r->outputs[0].names = {"inner", "y"};
    m.add_result(r->output(), "y")->outputs[0].names = {"y"};
    auto again = round_trip(m);
    Core core;
    EXPECT_EQ(core.compile_model(again, "REFERENCE").outputs()[0].name, "y");
}

// Outer x [4,2] sliced along axis 0, y [2] merged through a back edge; output 0 concatenates
// the per-iteration sums, output 1 is the last state.
std::shared_ptr<Model> subgraph_model(const std::string& type, Attributes attrs) {
    auto body = std::make_shared<Model>();
    Node* bx = body->add_parameter("bx", ElementType::f32, Shape{1, 2});
    Node* by = body->add_parameter("by", ElementType::f32, Shape{2});
    Output bias = body->add_constant(Tensor::from_vector(std::vector<float>{0.5f, 1.5f}, {2}), "bias");
    Node* sum = body->add("Add", {body->add("Add", {bx->output(), by->output()})->output(), bias});
    body->add_result(sum->output(), "sum");
    body->add_result(body->add("Relu", {by->output()})->output(), "state");

    auto m = std::make_shared<Model>();
    m->name = "subgraph";
    Node* x = m->add_parameter("x", ElementType::f32, Shape{4, 2});
    Node* y = m->add_parameter("y", ElementType::f32, Shape{2});
    Node* n = m->add_with(type, {x->output(), y->output()}, std::move(attrs), "sub", [&](Node& node) {
        node.bodies = {body};
        BodyInput sliced;
        sliced.external_port = 0;
        sliced.body_parameter = 0;
        sliced.axis = 0;
        BodyInput merged;
        merged.external_port = 1;
        merged.body_parameter = 1;
        merged.back_edge_result = 1;
        node.body_inputs = {sliced, merged};
        BodyOutput concat;
        concat.external_port = 0;
        concat.body_result = 0;
        concat.axis = 0;
        BodyOutput last;
        last.external_port = 1;
        last.body_result = 1;
        node.body_outputs = {concat, last};
        node.outputs.resize(2);
    });
    m->add_result(n->output(0), "concat");
    m->add_result(n->output(1), "last");
    return m;
}

TEST_F(IrTest, SubgraphPortMapRoundTrip) {
    auto m = subgraph_model("IrTestSubgraph", {});
    auto again = round_trip(*m);
    std::string xml = file_bytes(path("a.xml"));
    EXPECT_NE(xml.find("<port_map>"), std::string::npos);
    EXPECT_NE(xml.find("<input axis=\"0\" external_port_id=\"0\" internal_layer_id=\"0\" start=\"0\" end=\"-1\" "
                       "stride=\"1\" part_size=\"1\" />"),
              std::string::npos);
    EXPECT_NE(xml.find("<output axis=\"0\" external_port_id=\"2\""), std::string::npos);
    EXPECT_NE(xml.find("<back_edges>"), std::string::npos);
    EXPECT_LT(xml.find("<port_map>"), xml.find("<back_edges>"));
    EXPECT_LT(xml.find("<back_edges>"), xml.find("<body>"));
    Node* sub = again->find("sub");
    ASSERT_NE(sub, nullptr);
    ASSERT_EQ(sub->bodies.size(), 1u);
    ASSERT_EQ(sub->body_inputs.size(), 2u);
    EXPECT_EQ(sub->body_inputs[0].axis, 0);
    EXPECT_EQ(sub->body_inputs[0].end, -1);
    EXPECT_EQ(sub->body_inputs[1].back_edge_result, 1);
    EXPECT_EQ(sub->body_inputs[1].body_parameter, 1);
    ASSERT_EQ(sub->body_outputs.size(), 2u);
    EXPECT_EQ(sub->body_outputs[0].axis, 0);
    EXPECT_EQ(sub->body_outputs[1].external_port, 1);
    EXPECT_EQ(sub->bodies[0]->find("bias")->value.as_double(), (std::vector<double>{0.5, 1.5}));
}

TEST_F(IrTest, TensorIteratorRoundTripAndInference) {
    if (!has_reference_kernel("TensorIterator")) GTEST_SKIP() << "TensorIterator is not in this build";
    auto m = subgraph_model("TensorIterator", {});
    auto again = round_trip(*m);
    auto inputs = ramp_inputs(*m);
    expect_identical(infer(m, inputs), infer(again, inputs));
}

TEST_F(IrTest, LoopSpecialPortsUsePurpose) {
    if (!has_reference_kernel("Loop")) GTEST_SKIP() << "Loop is not in this build";
    auto body = std::make_shared<Model>();
    body->add_parameter("iteration", ElementType::i64, PartialShape{});
    Node* bx = body->add_parameter("bx", ElementType::f32, Shape{2});
    body->add_result(body->add_constant(Tensor::from_vector(std::vector<bool>{true}, {}), "go_on"), "cond");
    body->add_result(body->add("Add", {bx->output(), bx->output()})->output(), "twice");
    auto m = std::make_shared<Model>();
    Node* x = m->add_parameter("x", ElementType::f32, Shape{2});
    Output trips = m->add_constant(Tensor::from_vector(std::vector<int64_t>{3}, {}), "trips");
    Output go = m->add_constant(Tensor::from_vector(std::vector<bool>{true}, {}), "go");
    Attributes attrs{{"current_iteration_input_idx", int64_t(0)}, {"body_condition_output_idx", int64_t(0)}};
    Node* loop = m->add_with("Loop", {trips, go, x->output()}, attrs, "loop", [&](Node& n) {
        n.bodies = {body};
        BodyInput merged;
        merged.external_port = 2;
        merged.body_parameter = 1;
        merged.back_edge_result = 1;
        n.body_inputs = {merged};
        BodyOutput last;
        last.body_result = 1;
        n.body_outputs = {last};
        n.outputs.resize(1);
    });
    m->add_result(loop->output(0));
    auto again = round_trip(*m);
    std::string xml = file_bytes(path("a.xml"));
    EXPECT_NE(xml.find("external_port_id=\"-1\" internal_layer_id=\"0\" purpose=\"current_iteration\""),
              std::string::npos);
    EXPECT_NE(xml.find("purpose=\"execution_condition\""), std::string::npos);
    EXPECT_EQ(again->find("loop")->attrs.get_int("current_iteration_input_idx"), 0);
    EXPECT_EQ(again->find("loop")->attrs.get_int("body_condition_output_idx"), 0);
    auto inputs = ramp_inputs(*m);
    expect_identical(infer(m, inputs), infer(again, inputs));
}

TEST_F(IrTest, IfWritesThenAndElseBodies) {
    if (!has_reference_kernel("If")) GTEST_SKIP() << "If is not in this build";
    auto then_body = std::make_shared<Model>();
    then_body->add_result(then_body->add("Relu", {then_body->add_parameter("t", ElementType::f32, Shape{2})->output()})->output());
    auto else_body = std::make_shared<Model>();
    else_body->add_result(else_body->add_parameter("e", ElementType::f32, Shape{2})->output());
    auto m = std::make_shared<Model>();
    Node* cond = m->add_parameter("cond", ElementType::boolean, PartialShape{});
    Node* x = m->add_parameter("x", ElementType::f32, Shape{2});
    Node* n = m->add_with("If", {cond->output(), x->output()}, {}, "if", [&](Node& node) {
        node.bodies = {then_body, else_body};
        BodyInput t, e;
        t.external_port = e.external_port = 1;
        e.body = 1;
        node.body_inputs = {t, e};
        BodyOutput to, eo;
        eo.body = 1;
        node.body_outputs = {to, eo};
        node.outputs.resize(1);
    });
    n->version = "opset8";
    m->add_result(n->output(0));
    auto again = round_trip(*m);
    std::string xml = file_bytes(path("a.xml"));
    EXPECT_NE(xml.find("type=\"If\" version=\"opset8\""), std::string::npos);
    EXPECT_LT(xml.find("<else_port_map>"), xml.find("<then_port_map>"));
    EXPECT_LT(xml.find("<then_body>"), xml.find("<else_body>"));
    for (bool c : {true, false}) {
        std::vector<Tensor> inputs{Tensor::from_vector(std::vector<bool>{c}, {}),
                                   Tensor::from_vector(std::vector<float>{-1.0f, 2.0f}, {2})};
        expect_identical(infer(m, inputs), infer(again, inputs));
    }
}

TEST_F(IrTest, CompressToFp16AddsDecompressionConvert) {
    if (!has_reference_kernel("Convert")) GTEST_SKIP() << "Convert is not in this build";
    auto m = typed_model();
    auto original = m->clone();
    EXPECT_EQ(compress_to_fp16(*m), 2u);  // w and w_copy (65504 fits in f16); other types stay
    auto again = round_trip(*m);
    std::string xml = file_bytes(path("a.xml"));
    EXPECT_NE(xml.find("name=\"w_compressed\" type=\"Const\""), std::string::npos);
    EXPECT_NE(xml.find("<data destination_type=\"f32\" />"), std::string::npos);
    EXPECT_NE(xml.find("<attribute name=\"decompression\" version=\"0\" />"), std::string::npos);
    EXPECT_EQ(again->find("w")->type, "Convert");
    auto inputs = ramp_inputs(*m);
    auto before = infer(original, inputs), after = infer(again, inputs);
    ASSERT_EQ(before.size(), after.size());
    for (size_t i = 0; i < before.size(); ++i) {
        auto a = before[i].as_double(), b = after[i].as_double();
        for (size_t k = 0; k < a.size(); ++k) EXPECT_NEAR(a[k], b[k], 1e-3 * std::max(1.0, std::abs(a[k])));
    }
}

TEST_F(IrTest, OnnxConformanceModelRoundTrip) {
    const std::string onnx = "/usr/share/libonnx-testdata/data/node/test_add_bcast/model.onnx";
    if (!fs::exists(onnx)) GTEST_SKIP() << onnx << " is not installed";
    Core core;
    auto m = core.read_model(onnx);
    auto again = round_trip(*m);
    auto inputs = ramp_inputs(*m);
    expect_identical(infer(m, inputs), infer(again, inputs));
    auto compiled = core.compile_model(again, "REFERENCE");
    EXPECT_EQ(compiled.inputs()[0].name, "x");
    EXPECT_EQ(compiled.outputs()[0].name, "sum");
}

// ---- malformed input: each case names the file, the layer and the reason ----

const char* kValidIr = R"(<?xml version="1.0"?>
<net name="small" version="11">
	<layers>
		<layer id="0" name="x" type="Parameter" version="opset1">
			<data shape="2" element_type="f32" />
			<rt_info><attribute name="fused_names" version="0" value="x" /></rt_info>
			<output><port id="0" precision="FP32" names="x"><dim>2</dim></port></output>
		</layer>
		<layer id="1" name="w" type="Const" version="opset1">
			<data element_type="f32" shape="2" offset="0" size="8" />
			<output><port id="0" precision="FP32"><dim>2</dim></port></output>
		</layer>
		<layer id="2" name="sum" type="Add" version="opset1">
			<input><port id="0" precision="FP32"><dim>2</dim></port><port id="1" precision="FP32"><dim>2</dim></port></input>
			<output><port id="2" precision="FP32" names="sum"><dim>2</dim></port></output>
		</layer>
		<layer id="3" name="out" type="Result" version="opset1">
			<input><port id="0" precision="FP32"><dim>2</dim></port></input>
		</layer>
	</layers>
	<edges>
		<edge from-layer="0" from-port="0" to-layer="2" to-port="0" />
		<edge from-layer="1" from-port="0" to-layer="2" to-port="1" />
		<edge from-layer="2" from-port="2" to-layer="3" to-port="0" />
	</edges>
	<rt_info><MO_version value="2023.0" /><framework><name value="onnx" /></framework></rt_info>
</net>
)";

std::string weights_bytes(size_t n) {
    std::vector<float> w = {1.5f, -2.0f};
    std::string bytes(reinterpret_cast<const char*>(w.data()), 8);
    return bytes.substr(0, n);
}

TEST_F(IrTest, ReadsHandWrittenIrAndIgnoresRtInfo) {
    write_file(path("small.xml"), kValidIr);
    write_file(path("small.bin"), weights_bytes(8));
    auto m = read_ir(path("small.xml"));
    EXPECT_EQ(m->name, "small");
    auto out = infer(m, {Tensor::from_vector(std::vector<float>{1.0f, 1.0f}, {2})});
    EXPECT_EQ(out[0].as_double(), (std::vector<double>{2.5, -1.0}));
}

TEST_F(IrTest, ExplicitWeightsPath) {
    write_file(path("small.xml"), kValidIr);
    write_file(path("other.weights"), weights_bytes(8));
    EXPECT_NO_THROW(read_ir(path("small.xml"), path("other.weights")));
}

struct BadIr {
    const char* test_name;
    std::string from, to;     // replace `from` by `to` in kValidIr; no `from`: `to` is the file (or none: kValidIr)
    size_t bin_bytes;         // size of small.bin; npos: no .bin at all
    std::vector<std::string> expected;  // substrings of the error message
};

// Test output names the case instead of dumping its bytes.
void PrintTo(const BadIr& c, std::ostream* os) { *os << c.test_name; }

std::string replace_once(std::string text, const std::string& from, const std::string& to) {
    size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << "test setup: '" << from << "' not in the IR";
    return at == std::string::npos ? text : text.replace(at, from.size(), to);
}

class BadIrTest : public IrTest, public ::testing::WithParamInterface<BadIr> {};

TEST_P(BadIrTest, ThrowsNamingFileLayerAndReason) {
    const BadIr& c = GetParam();
    std::string xml = c.from.empty() ? (c.to.empty() ? kValidIr : c.to) : replace_once(kValidIr, c.from, c.to);
    write_file(path("small.xml"), xml);
    if (c.bin_bytes != std::string::npos) write_file(path("small.bin"), weights_bytes(c.bin_bytes));
    try {
        read_ir(path("small.xml"));
        FAIL() << "no exception";
    } catch (const Exception& e) {
        std::string msg = e.what();
        EXPECT_NE(msg.find(path("small.xml")), std::string::npos) << msg;
        for (const auto& s : c.expected) EXPECT_NE(msg.find(s), std::string::npos) << "'" << s << "' not in: " << msg;
    }
}

const size_t kNoBin = std::string::npos;

INSTANTIATE_TEST_SUITE_P(
    Ir, BadIrTest,
    ::testing::Values(
        BadIr{"MalformedXml", "</layers>", "</layer>", 8, {"malformed XML"}},
        BadIr{"NotAnIr", "", "<model/>", 8, {"root element is <model>"}},
        BadIr{"UnsupportedVersion", "version=\"11\"", "version=\"7\"", 8, {"unsupported IR version '7'"}},
        BadIr{"EdgeToMissingLayer", "to-layer=\"3\"", "to-layer=\"9\"", 8, {"missing layer (id 9)"}},
        BadIr{"EdgeFromMissingPort", "from-port=\"2\"", "from-port=\"5\"", 8,
              {"layer 'sum' (id 2) has no output port 5"}},
        BadIr{"EdgeToMissingPort", "to-port=\"1\"", "to-port=\"4\"", 8, {"layer 'sum' (id 2) has no input port 4"}},
        BadIr{"DuplicatePortId", "<port id=\"2\" precision=\"FP32\" names=\"sum\">",
              "<port id=\"1\" precision=\"FP32\" names=\"sum\">", 8, {"layer 'sum' (id 2)", "two ports with id 1"}},
        BadIr{"InputConnectedTwice", "from-layer=\"1\" from-port=\"0\" to-layer=\"2\" to-port=\"1\"",
              "from-layer=\"1\" from-port=\"0\" to-layer=\"2\" to-port=\"0\"", 8, {"connected twice"}},
        BadIr{"InputNotConnected", "<edge from-layer=\"1\" from-port=\"0\" to-layer=\"2\" to-port=\"1\" />", "", 8,
              {"layer 'sum' (id 2): input port 1 is not connected"}},
        BadIr{"DuplicateLayerId", "id=\"3\" name=\"out\"", "id=\"2\" name=\"out\"", 8,
              {"layer 'out' (id 2)", "duplicate layer id 2", "'sum'"}},
        BadIr{"Cycle", "from-layer=\"0\" from-port=\"0\" to-layer=\"2\" to-port=\"0\"",
              "from-layer=\"2\" from-port=\"2\" to-layer=\"2\" to-port=\"0\"", 8, {"cycle"}},
        BadIr{"BinTooShort", "", "", 4, {"layer 'w' (id 1)", "past the end", "small.bin", "(4 bytes)"}},
        BadIr{"OffsetPastEnd", "offset=\"0\"", "offset=\"4\"", 8, {"layer 'w' (id 1)", "offset 4 + size 8"}},
        BadIr{"SizeSmallerThanShape", "size=\"8\"", "size=\"4\"", 8, {"layer 'w' (id 1)", "size 4 is smaller"}},
        BadIr{"MissingBin", "", "", kNoBin, {"layer 'w' (id 1)", "small.bin", "missing"}},
        BadIr{"UnknownLayerType", "type=\"Add\"", "type=\"Frobnicate\"", 8,
              {"layer 'sum' (id 2)", "unknown layer type 'Frobnicate'"}},
        BadIr{"UnknownPrecision", "<port id=\"2\" precision=\"FP32\"", "<port id=\"2\" precision=\"FP33\"", 8,
              {"layer 'sum' (id 2)", "unknown precision 'FP33'"}},
        BadIr{"PrecisionMismatch", "<port id=\"2\" precision=\"FP32\"", "<port id=\"2\" precision=\"I64\"", 8,
              {"layer 'sum' (id 2)", "precision I64", "produces f32"}},
        BadIr{"UnknownConstElementType", "element_type=\"f32\" shape=\"2\"", "element_type=\"f31\" shape=\"2\"", 8,
              {"layer 'w' (id 1)", "Unknown element type 'f31'"}},
        BadIr{"BadDimension", "<dim>2</dim></port></input>", "<dim>-5</dim></port></input>", 8,
              {"layer 'sum' (id 2)", "dimension -5"}},
        BadIr{"NonNumericId", "id=\"1\" name=\"w\"", "id=\"one\" name=\"w\"", 8, {"layer 'w'", "'one' is not an integer"}},
        BadIr{"ParameterWithoutType", "<data shape=\"2\" element_type=\"f32\" />", "<data shape=\"2\" />", 8,
              {"layer 'x' (id 0)", "element_type"}}),
    [](const ::testing::TestParamInfo<BadIr>& info) { return std::string(info.param.test_name); });

}  // namespace
}  // namespace ovkit
