// Resource limits and the error contract: hostile models get an ovkit::Exception before anything
// big is allocated or the stack runs out; MAX_MODEL_MEMORY bounds compile and inference; public
// entry points throw nothing but ovkit::Exception.
#include <gtest/gtest.h>
#include <onnx/onnx_pb.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "ovkit/core.h"
#include "ovkit/memory.h"
#include "ovkit/npy.h"

namespace ovkit {
namespace {

namespace fs = std::filesystem;

fs::path temp_dir() {
    fs::path d = fs::temp_directory_path() / ("ovkit_limits_" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d;
}

void write_file(const fs::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

// Expects `fn` to throw ovkit::Exception whose message contains `text`.
template <typename Fn>
void expect_error(Fn&& fn, const std::string& text) {
    try {
        fn();
        ADD_FAILURE() << "no exception; expected one containing '" << text << "'";
    } catch (const Exception& e) {
        EXPECT_NE(std::string(e.what()).find(text), std::string::npos) << e.what();
    } catch (const std::exception& e) {
        ADD_FAILURE() << "not an ovkit::Exception: " << e.what();
    }
}

// A tensor value; `dims` {-1} leaves the shape unknown.
void add_value_info(onnx::ValueInfoProto* v, const std::string& name, int type, const std::vector<int64_t>& dims) {
    v->set_name(name);
    auto* tt = v->mutable_type()->mutable_tensor_type();
    tt->set_elem_type(type);
    if (dims == std::vector<int64_t>{-1}) return;
    auto* shape = tt->mutable_shape();
    for (int64_t d : dims) shape->add_dim()->set_dim_value(d);
}

onnx::ModelProto model_proto() {
    onnx::ModelProto m;
    m.set_ir_version(8);
    m.add_opset_import()->set_version(17);
    m.mutable_graph()->set_name("hostile");
    return m;
}

std::string save(const onnx::ModelProto& m, const std::string& name) {
    fs::path p = temp_dir() / name;
    write_file(p, m.SerializeAsString());
    return p.string();
}

// y = Identity(initializer "w" of `dims`) with the given inline float values.
std::string model_with_initializer(const std::vector<int64_t>& dims, const std::string& raw, const std::string& name) {
    auto m = model_proto();
    auto* g = m.mutable_graph();
    auto* w = g->add_initializer();
    w->set_name("w");
    w->set_data_type(onnx::TensorProto::FLOAT);
    for (int64_t d : dims) w->add_dims(d);
    if (!raw.empty()) w->set_raw_data(raw);
    auto* n = g->add_node();
    n->set_op_type("Identity");
    n->add_input("w");
    n->add_output("y");
    add_value_info(g->add_output(), "y", onnx::TensorProto::FLOAT, {-1});
    return save(m, name);
}

TEST(Limits, HugeInitializerFailsBeforeAllocating) {
    Core core;
    expect_error([&] { core.read_model(model_with_initializer({1000000, 1000000}, std::string(16, '\0'), "huge_raw.onnx")); },
                 "bytes of raw data");
    expect_error([&] { core.read_model(model_with_initializer({1000000, 1000000}, "", "huge_empty.onnx")); },
                 "fewer values");
}

TEST(Limits, ShapeProductOverflowingInt64) {
    Core core;
    expect_error([&] { core.read_model(model_with_initializer({int64_t(1) << 32, int64_t(1) << 32, 4}, "", "overflow.onnx")); },
                 "more elements than fit in 64 bits");
}

TEST(Limits, HugeTensorFromConstantFoldingHitsTheBudget) {
    // ConstantOfShape([1e6, 1e6]) is folded at read time: 4 TB must fail on MAX_MODEL_MEMORY.
    auto m = model_proto();
    auto* g = m.mutable_graph();
    auto* s = g->add_initializer();
    s->set_name("shape");
    s->set_data_type(onnx::TensorProto::INT64);
    s->add_dims(2);
    s->add_int64_data(1000000);
    s->add_int64_data(1000000);
    auto* n = g->add_node();
    n->set_op_type("ConstantOfShape");
    n->add_input("shape");
    n->add_output("y");
    add_value_info(g->add_output(), "y", onnx::TensorProto::FLOAT, {-1});
    Core core;
    expect_error(
        [&] { core.compile_model(core.read_model(save(m, "constant_of_shape.onnx")), "REFERENCE").create_infer_request().infer(); },
        "MAX_MODEL_MEMORY");
}

TEST(Limits, LoopWithHugeTripCount) {
    // Loop(M = 1e12, cond = true) whose body emits one float per iteration as a scan output.
    auto m = model_proto();
    auto* g = m.mutable_graph();
    add_value_info(g->add_input(), "cond", onnx::TensorProto::BOOL, {});
    auto* trip = g->add_initializer();
    trip->set_name("M");
    trip->set_data_type(onnx::TensorProto::INT64);
    trip->add_int64_data(1000000000000);
    auto* loop = g->add_node();
    loop->set_op_type("Loop");
    loop->set_name("big_loop");
    loop->add_input("M");
    loop->add_input("cond");
    loop->add_output("scan");
    auto* attr = loop->add_attribute();
    attr->set_name("body");
    attr->set_type(onnx::AttributeProto::GRAPH);
    auto* body = attr->mutable_g();
    body->set_name("body");
    add_value_info(body->add_input(), "i", onnx::TensorProto::INT64, {});
    add_value_info(body->add_input(), "c", onnx::TensorProto::BOOL, {});
    auto* id = body->add_node();
    id->set_op_type("Identity");
    id->add_input("c");
    id->add_output("c_out");
    auto* k = body->add_node();
    k->set_op_type("Constant");
    k->add_output("v");
    auto* value = k->add_attribute();
    value->set_name("value");
    value->set_type(onnx::AttributeProto::TENSOR);
    value->mutable_t()->set_data_type(onnx::TensorProto::FLOAT);
    value->mutable_t()->add_dims(1);
    value->mutable_t()->add_float_data(1.0f);
    add_value_info(body->add_output(), "c_out", onnx::TensorProto::BOOL, {});
    add_value_info(body->add_output(), "v", onnx::TensorProto::FLOAT, {1});
    add_value_info(g->add_output(), "scan", onnx::TensorProto::FLOAT, {-1});
    Core core;
    expect_error(
        [&] {
            auto compiled = core.compile_model(core.read_model(save(m, "loop.onnx")), "REFERENCE");
            auto request = compiled.create_infer_request();
            request.set_input_tensor(0, Tensor::from_vector(std::vector<bool>{true}, {}));
            request.infer();
        },
        "MAX_MODEL_MEMORY");
}

TEST(Limits, DeeplyNestedOnnxSubgraphs) {
    // 3000 nested If nodes: the protobuf parser's recursion limit rejects it, no stack overflow.
    auto m = model_proto();
    auto* g = m.mutable_graph();
    add_value_info(g->add_input(), "c", onnx::TensorProto::BOOL, {});
    add_value_info(g->add_output(), "y", onnx::TensorProto::BOOL, {});
    onnx::GraphProto* cur = g;
    for (int depth = 0; depth < 3000; ++depth) {
        auto* n = cur->add_node();
        n->set_op_type("If");
        n->add_input("c");
        n->add_output("y");
        for (const char* branch : {"then_branch", "else_branch"}) {
            auto* a = n->add_attribute();
            a->set_name(branch);
            a->set_type(onnx::AttributeProto::GRAPH);
            a->mutable_g()->set_name(branch);
            add_value_info(a->mutable_g()->add_output(), "y", onnx::TensorProto::BOOL, {});
        }
        cur = n->mutable_attribute(0)->mutable_g();
    }
    auto* leaf = cur->add_node();
    leaf->set_op_type("Identity");
    leaf->add_input("c");
    leaf->add_output("y");
    std::string bytes;
    ASSERT_TRUE(m.SerializeToString(&bytes));
    fs::path p = temp_dir() / "nested.onnx";
    write_file(p, bytes);
    Core core;
    expect_error([&] { core.read_model(p.string()); }, "not a valid ONNX protobuf");
}

std::string ir_constant(const std::string& shape, int64_t offset, int64_t size) {
    return R"(<?xml version="1.0"?>
<net name="c" version="11">
  <layers>
    <layer id="0" name="w" type="Const" version="opset1">
      <data element_type="f32" shape=")" + shape + R"(" offset=")" + std::to_string(offset) + R"(" size=")" +
           std::to_string(size) + R"("/>
      <output><port id="0" precision="FP32"><dim>2</dim></port></output>
    </layer>
    <layer id="1" name="y" type="Result" version="opset1">
      <input><port id="0" precision="FP32"><dim>2</dim></port></input>
    </layer>
  </layers>
  <edges><edge from-layer="0" from-port="0" to-layer="1" to-port="0"/></edges>
</net>
)";
}

TEST(Limits, IrConstantPastTheEndOfTheBin) {
    fs::path d = temp_dir();
    write_file(d / "c.bin", std::string(8, '\0'));
    write_file(d / "past_end.xml", ir_constant("2", 1000, 8));
    write_file(d / "huge.xml", ir_constant("1000000,1000000", 0, 8));
    write_file(d / "offset_overflow.xml", ir_constant("2", INT64_MAX, 8));
    Core core;
    expect_error([&] { core.read_model((d / "past_end.xml").string(), (d / "c.bin").string()); }, "past the end");
    expect_error([&] { core.read_model((d / "huge.xml").string(), (d / "c.bin").string()); }, "is smaller than");
    expect_error([&] { core.read_model((d / "offset_overflow.xml").string(), (d / "c.bin").string()); },
                 "past the end");
}

TEST(Limits, DeeplyNestedIrBodies) {
    // 3000 Loop layers, each the only layer of the one before's body.
    std::string open, close;
    for (int depth = 0; depth < 3000; ++depth) {
        open += R"(<layers><layer id="0" name="l)" + std::to_string(depth) + R"(" type="Loop" version="opset5"><body>)";
        close = "</body></layer></layers>" + close;
    }
    std::string xml = R"(<?xml version="1.0"?><net name="n" version="11">)" + open + "<layers/>" + close + "</net>";
    fs::path d = temp_dir();
    write_file(d / "nested.xml", xml);
    Core core;
    expect_error([&] { core.read_model((d / "nested.xml").string()); }, "nested more than");
}

// y = x + x on [n] floats.
std::shared_ptr<Model> add_model(int64_t n) {
    auto m = model_proto();
    auto* g = m.mutable_graph();
    add_value_info(g->add_input(), "x", onnx::TensorProto::FLOAT, {n});
    auto* add = g->add_node();
    add->set_op_type("Add");
    add->add_input("x");
    add->add_input("x");
    add->add_output("y");
    add_value_info(g->add_output(), "y", onnx::TensorProto::FLOAT, {n});
    return Core().read_model(save(m, "add.onnx"));
}

TEST(Limits, MaxModelMemoryBoundsInference) {
    Core core;
    auto model = add_model(1 << 16);  // 256 KiB per tensor
    auto input = Tensor(ElementType::f32, {1 << 16});
    auto small = core.compile_model(model, "REFERENCE", {{"MAX_MODEL_MEMORY", "65536"}}).create_infer_request();
    small.set_input_tensor(0, input);
    expect_error([&] { small.infer(); }, "MAX_MODEL_MEMORY (65536 bytes");
    auto roomy = core.compile_model(model, "REFERENCE", {{"MAX_MODEL_MEMORY", "10000000"}}).create_infer_request();
    roomy.set_input_tensor(0, input);
    roomy.infer();
    EXPECT_EQ(roomy.get_output_tensor(0).size(), 1 << 16);
}

TEST(Limits, MaxModelMemoryCountsTheConstants) {
    Core core;
    auto model = core.read_model(model_with_initializer({1024}, std::string(4096, '\0'), "constants.onnx"));
    expect_error([&] { core.compile_model(model, "REFERENCE", {{"MAX_MODEL_MEMORY", "1000"}}); }, "constants");
    core.compile_model(model, "REFERENCE", {{"MAX_MODEL_MEMORY", "100000"}});
    expect_error([&] { core.compile_model(model, "REFERENCE", {{"MAX_MODEL_MEMORY", "99999999999999999999999"}}); },
                 "does not fit in 64 bits");
}

TEST(Limits, DefaultLimitIsGenerousAndAdjustable) {
    uint64_t before = default_memory_limit();
    EXPECT_GE(before, uint64_t(256) << 20);
    set_default_memory_limit(1 << 20);
    expect_error([] { Tensor(ElementType::f32, {1 << 20}); }, "MAX_MODEL_MEMORY (1048576 bytes");
    set_default_memory_limit(before);
    EXPECT_EQ(Tensor(ElementType::f32, {1 << 20}).size(), 1 << 20);
}

TEST(ErrorContract, EmptyObjectsAndBadIndicesThrowOvkitExceptions) {
    expect_error([] { InferRequest().infer(); }, "empty");
    expect_error([] { CompiledModel().inputs(); }, "empty");
    expect_error([] { CompiledModel().create_infer_request(); }, "empty");
    Core core;
    auto request = core.compile_model(add_model(4), "REFERENCE").create_infer_request();
    expect_error([&] { request.get_input_tensor(7); }, "out of range");
    expect_error([&] { request.get_output_tensor(7); }, "out of range");
    expect_error([&] { request.get_tensor("nope"); }, "nope");
}

TEST(ErrorContract, MalformedFilesThrowOvkitExceptions) {
    fs::path d = temp_dir();
    Core core;
    write_file(d / "garbage.onnx", std::string("\x08\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01garbage", 18));
    expect_error([&] { core.read_model((d / "garbage.onnx").string()); }, "garbage.onnx");
    write_file(d / "bad.xml", "<net version='11'><layers><layer");
    expect_error([&] { core.read_model((d / "bad.xml").string()); }, "malformed XML");
    write_file(d / "bad.npy", std::string("\x93NUMPY\x01\x00\x10\x00{'descr': '<f4',", 26));
    expect_error([&] { read_npy((d / "bad.npy").string()); }, "bad.npy");
    // External data whose offset is not a number (std::stoll used to throw std::invalid_argument).
    auto m = model_proto();
    auto* g = m.mutable_graph();
    auto* w = g->add_initializer();
    w->set_name("w");
    w->set_data_type(onnx::TensorProto::FLOAT);
    w->add_dims(1);
    w->set_data_location(onnx::TensorProto::EXTERNAL);
    for (auto [key, value] : {std::pair{"location", "w.bin"}, std::pair{"offset", "zero"}}) {
        auto* kv = w->add_external_data();
        kv->set_key(key);
        kv->set_value(value);
    }
    auto* n = g->add_node();
    n->set_op_type("Identity");
    n->add_input("w");
    n->add_output("y");
    add_value_info(g->add_output(), "y", onnx::TensorProto::FLOAT, {1});
    expect_error([&] { core.read_model(save(m, "external.onnx")); }, "is not an integer");
}

}  // namespace
}  // namespace ovkit
