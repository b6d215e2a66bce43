// The real models of DESIGN.md ("Models used in tests") through ovkit on CPU, from the .onnx and
// from the IR that `ovkit convert` writes, compared with ONNX Runtime 1.30's outputs stored in
// reference/<case>.txt (made by make_reference.js, see README.md here). Tolerance: rtol 1e-3,
// atol 1e-4 (det: atol 1e-3). Models come from $OVKIT_CACHE/models (default
// ~/.cache/ovkit/models); when they are missing the test fails and says to fetch them.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "ovkit/core.h"
#include "ovkit/npy.h"

namespace fs = std::filesystem;
using namespace ovkit;

namespace {

constexpr double kRtol = 1e-3;

struct Output;
using Runner = std::vector<Output> (*)(const CompiledModel&, const fs::path& input);

struct Case {
    const char* name;
    const char* model;
    const char* input;  // prepared by make_inputs.py
    Runner run;
    double atol;
};

// One model output: its full shape and the stored (flat index, value) pairs.
struct ReferenceOutput {
    std::string name;
    Shape shape;
    std::vector<std::pair<int64_t, float>> values;
};

// An output computed by ovkit, flattened (the VAD case stacks frames along a leading axis).
struct Output {
    std::string name;
    Shape shape;
    std::vector<double> values;
};

fs::path models_dir() {
    if (const char* cache = std::getenv("OVKIT_CACHE")) return fs::path(cache) / "models";
    const char* home = std::getenv("HOME");
    return fs::path(home ? home : "") / ".cache" / "ovkit" / "models";
}

// Runs a shell command, returning its exit code (-1 when it did not exit normally) and its
// combined output.
int run_command(const std::string& command, std::string& output) {
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    if (!pipe) return -1;
    std::array<char, 4096> buf;
    size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) output.append(buf.data(), n);
    int status = pclose(pipe);
    return status != -1 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string quote(const fs::path& p) { return "'" + p.string() + "'"; }

std::vector<ReferenceOutput> read_reference(const fs::path& path) {
    std::ifstream f(path);
    check(f.good(), "cannot open ", path.string());
    std::vector<ReferenceOutput> outputs;
    std::string line;
    while (std::getline(f, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream s(line);
        std::string word, dims;
        size_t k = 0, count = 0;
        s >> word >> k;
        ReferenceOutput out;
        s >> out.name >> word >> dims >> word >> count;
        check(!s.fail() && k == outputs.size(), path.string(), ": bad line '", line, "'");
        std::istringstream d(dims);
        for (std::string v; std::getline(d, v, ',');) out.shape.push_back(std::stoll(v));
        for (size_t i = 0; i < count && std::getline(f, line); ++i) {
            std::istringstream v(line);
            int64_t index;
            double value;
            v >> index >> value;
            check(!v.fail() && index >= 0 && index < shape_size(out.shape), path.string(), ": bad value line '",
                  line, "'");
            out.values.emplace_back(index, float(value));
        }
        check(out.values.size() == count, path.string(), ": output ", out.name, " has ", out.values.size(),
              " values, expected ", count);
        outputs.push_back(std::move(out));
    }
    check(!outputs.empty(), path.string(), " holds no outputs");
    return outputs;
}

Output flatten(const std::string& name, const Tensor& t) {
    return Output{name, t.shape(), t.as_double()};
}

// Single-input models: one inference on the prepared input.
std::vector<Output> run_once(const CompiledModel& compiled, const fs::path& input) {
    InferRequest request = compiled.create_infer_request();
    request.set_input_tensor(0, read_npy(input.string()));
    request.infer();
    std::vector<Output> outputs;
    for (size_t k = 0; k < compiled.outputs().size(); ++k)
        outputs.push_back(flatten(compiled.outputs()[k].name, request.get_output_tensor(k)));
    return outputs;
}

// Silero VAD v5: one inference per 512-sample frame, the state carried from ovkit's own stateN.
std::vector<Output> run_vad(const CompiledModel& compiled, const fs::path& input) {
    Tensor frames = read_npy(input.string());
    check(frames.type() == ElementType::f32 && frames.shape().size() == 2, input.string(),
          ": expected f32 [frames, samples], got ", to_string(frames.shape()));
    const int64_t count = frames.shape()[0], frame_size = frames.shape()[1];
    InferRequest request = compiled.create_infer_request();
    Tensor state(ElementType::f32, {2, 1, 128});
    request.set_tensor("sr", Tensor::from_vector(std::vector<int64_t>{16000}, Shape{}));
    std::vector<Output> outputs;
    for (int64_t f = 0; f < count; ++f) {
        Tensor frame(ElementType::f32, {1, frame_size});
        std::copy_n(frames.data<float>() + f * frame_size, frame_size, frame.data<float>());
        request.set_tensor("input", frame);
        request.set_tensor("state", state);
        request.infer();
        for (size_t k = 0; k < compiled.outputs().size(); ++k) {
            Output o = flatten(compiled.outputs()[k].name, request.get_output_tensor(k));
            if (f == 0) {
                o.shape.insert(o.shape.begin(), count);
                outputs.push_back(std::move(o));
            } else {
                outputs[k].values.insert(outputs[k].values.end(), o.values.begin(), o.values.end());
            }
        }
        state = request.get_tensor("stateN").copy();
    }
    return outputs;
}

const Case kCases[] = {
    {"det", "ch_PP-OCRv4_det_infer.onnx", "det_x.npy", run_once, 1e-3},
    {"rec", "ch_PP-OCRv4_rec_infer.onnx", "rec_x.npy", run_once, 1e-4},
    {"cls", "ch_ppocr_mobile_v2.0_cls_infer.onnx", "cls_x.npy", run_once, 1e-4},
    {"vad", "silero_vad_v5.onnx", "vad_frames.npy", run_vad, 1e-4},
};

// Compares every stored reference value; returns "" when all are within tolerance.
std::string compare(const Case& c, const std::string& label, const std::vector<Output>& got,
                    const std::vector<ReferenceOutput>& want) {
    std::ostringstream errors;
    if (got.size() != want.size())
        errors << "  ovkit gives " << got.size() << " outputs, ONNX Runtime " << want.size() << "\n";
    for (size_t k = 0; k < std::min(got.size(), want.size()); ++k) {
        const Output& g = got[k];
        const ReferenceOutput& w = want[k];
        if (g.name != w.name) errors << "  output " << k << " is named '" << g.name << "', expected '" << w.name << "'\n";
        if (g.shape != w.shape || int64_t(g.values.size()) != shape_size(w.shape)) {
            errors << "  output " << k << " '" << w.name << "' has shape " << to_string(g.shape) << ", expected "
                   << to_string(w.shape) << "\n";
            continue;
        }
        double max_err = 0;
        size_t bad = 0;
        std::ostringstream first;
        for (const auto& [index, expected] : w.values) {
            double value = g.values[size_t(index)];
            double err = std::fabs(value - expected);
            if (!(err <= max_err)) max_err = err;  // NaN sticks
            if (!(err <= c.atol + kRtol * std::fabs(expected)) && bad++ < 3)
                first << " [" << index << "] " << value << " vs " << expected << ";";
        }
        std::cout << "[" << label << "] output " << k << " '" << w.name << "' " << to_string(w.shape)
                  << ": max abs error " << max_err << " over " << w.values.size() << " values, " << bad
                  << " outside tolerance" << std::endl;
        if (bad)
            errors << "  output " << k << " '" << w.name << "': " << bad << " of " << w.values.size()
                   << " values outside rtol " << kRtol << " / atol " << c.atol << ", max abs error " << max_err
                   << "; first:" << first.str() << "\n";
    }
    return errors.str();
}

// Inputs are decoded from the checked-in PNG / WAV files once per run, by make_inputs.py.
const fs::path& inputs_dir() {
    static const fs::path dir = OVKIT_REAL_MODELS_INPUTS;
    static const std::string error = [] {
        std::string output;
        std::string command =
            quote(OVKIT_PYTHON) + " " + quote(fs::path(OVKIT_REAL_MODELS_DIR) / "make_inputs.py") + " prepare " + quote(dir);
        return run_command(command, output) == 0 ? std::string() : command + " failed:\n" + output;
    }();
    if (!error.empty()) throw Exception(error);
    return dir;
}

struct Param {
    const Case* c;
    bool ir;  // run the IR converted by `ovkit convert` instead of the .onnx
    std::string label() const { return std::string(c->name) + (ir ? "_ir" : "_onnx"); }
};

void PrintTo(const Param& p, std::ostream* os) { *os << p.label(); }

class RealModel : public ::testing::TestWithParam<Param> {};

TEST_P(RealModel, MatchesOnnxRuntime) {
    const Param& p = GetParam();
    const Case& c = *p.c;
    const std::string label = p.label();
    fs::path model = models_dir() / c.model;
    ASSERT_TRUE(fs::exists(model)) << "[" << label << "] " << model.string()
                                   << " is missing: run scripts/fetch_models.sh (it downloads into $OVKIT_CACHE, "
                                      "default ~/.cache/ovkit)";
    if (p.ir) {
        fs::path xml = fs::path(OVKIT_REAL_MODELS_IR) / (std::string(c.name) + ".xml");
        fs::create_directories(xml.parent_path());
        std::string output, command = quote(OVKIT_CLI) + " convert " + quote(model) + " -o " + quote(xml);
        ASSERT_EQ(run_command(command, output), 0) << "[" << label << "] " << command << " failed:\n" << output;
        model = xml;
    }
    try {
        std::vector<ReferenceOutput> want =
            read_reference(fs::path(OVKIT_REAL_MODELS_DIR) / "reference" / (std::string(c.name) + ".txt"));
        fs::path input = inputs_dir() / c.input;
        Core core;
        CompiledModel compiled = core.compile_model(core.read_model(model.string()), "CPU");
        std::string errors = compare(c, label, c.run(compiled, input), want);
        EXPECT_TRUE(errors.empty()) << "[" << label << "] " << model.string() << " differs from ONNX Runtime:\n"
                                    << errors;
    } catch (const std::exception& e) {
        FAIL() << "[" << label << "] " << model.string() << ": " << e.what();
    }
}

std::vector<Param> all_params() {
    std::vector<Param> params;
    for (bool ir : {false, true})
        for (const Case& c : kCases) params.push_back({&c, ir});
    return params;
}

INSTANTIATE_TEST_SUITE_P(RealModels, RealModel, ::testing::ValuesIn(all_params()),
                         [](const ::testing::TestParamInfo<Param>& info) { return info.param.label(); });

}  // namespace
