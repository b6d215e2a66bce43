// ovkit infer -m MODEL [-d DEVICE] -i NAME=FILE.npy ... [--output-dir DIR]
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "cli.h"
#include "ovkit/npy.h"

namespace ovkit::cli {

namespace {
const char* kHelp =
    "usage: ovkit infer -m MODEL [-d DEVICE] -i NAME=FILE.npy ... [--output-dir DIR]\n"
    "\n"
    "Runs MODEL (.onnx or .xml) once. Inputs are NumPy .npy files (f32, f16, f64, i64, i32,\n"
    "i16, i8, u8.., bool; 0-d scalars too). Writes DIR/<k>.npy for the k-th output and\n"
    "DIR/outputs.json ([{\"index\",\"name\",\"shape\",\"type\"}]). DIR defaults to '.'.\n"
    "  -d DEVICE   CPU (default), REFERENCE, ...\n";

std::string json_escape(const std::string& s) {
    std::string r;
    for (char c : s) {
        if (c == '"' || c == '\\') r += '\\';
        if (static_cast<unsigned char>(c) < 0x20) continue;
        r += c;
    }
    return r;
}
}  // namespace

int run_infer(Args& args) {
    std::string model_path, device = "CPU", out_dir = ".";
    std::vector<std::pair<std::string, std::string>> inputs;
    while (!args.done()) {
        std::string a = args.items[args.pos++];
        if (a == "-h" || a == "--help") {
            std::fputs(kHelp, stdout);
            return 0;
        } else if (a == "-m") {
            model_path = args.next(a);
        } else if (a == "-d") {
            device = args.next(a);
        } else if (a == "-i") {
            inputs.push_back(split_assignment(args.next(a), a));
        } else if (a == "--output-dir" || a == "-o") {
            out_dir = args.next(a);
        } else {
            fail("unknown option '", a, "' (see ovkit infer --help)");
        }
    }
    check(!model_path.empty(), "missing -m MODEL (see ovkit infer --help)");
    Core core;
    CompiledModel compiled = core.compile_model(core.read_model(model_path), device);
    InferRequest req = compiled.create_infer_request();
    std::vector<bool> given(compiled.inputs().size(), false);
    for (const auto& [name, file] : inputs) {
        size_t idx = compiled.input_index(name);
        Tensor t = read_npy(file);
        try {
            req.set_input_tensor(idx, t);
        } catch (const Exception& e) {
            fail(e.what(), " (from '", file, "')");
        }
        given[idx] = true;
    }
    for (size_t i = 0; i < given.size(); ++i)
        check(given[i], "input '", compiled.inputs()[i].name, "' was not given (-i ", compiled.inputs()[i].name,
              "=FILE.npy)");
    req.infer();
    std::filesystem::create_directories(out_dir);
    std::ofstream json(std::filesystem::path(out_dir) / "outputs.json");
    json << "[";
    for (size_t k = 0; k < compiled.outputs().size(); ++k) {
        Tensor t = req.get_output_tensor(k);
        write_npy((std::filesystem::path(out_dir) / (std::to_string(k) + ".npy")).string(), t);
        json << (k ? ",\n " : "\n ") << "{\"index\": " << k << ", \"name\": \"" << json_escape(compiled.outputs()[k].name)
             << "\", \"shape\": [";
        for (size_t d = 0; d < t.shape().size(); ++d) json << (d ? ", " : "") << t.shape()[d];
        json << "], \"type\": \"" << type_name(t.type()) << "\"}";
        std::printf("output %zu '%s': %s %s\n", k, compiled.outputs()[k].name.c_str(), type_name(t.type()),
                    to_string(t.shape()).c_str());
    }
    json << "\n]\n";
    return 0;
}

}  // namespace ovkit::cli
