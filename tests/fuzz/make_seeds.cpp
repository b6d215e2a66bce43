// Seed corpora for the fuzz targets, made at build time from the ONNX backend test models:
//   OUT/onnx: the model files; OUT/ir: every 4th model converted to IR and packed as fuzz_ir reads
//   it; OUT/npy: .npy files of the inputs of those models (their types and static shapes).
// usage: make_seeds DATA_DIR OUT_DIR
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "ovkit/core.h"
#include "ovkit/ir.h"
#include "ovkit/npy.h"

namespace fs = std::filesystem;

namespace {
std::string slurp(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
}
}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s DATA_DIR OUT_DIR\n", argv[0]);
        return 2;
    }
    fs::path out = argv[2];
    for (const char* d : {"onnx", "ir", "npy"}) fs::create_directories(out / d);
    std::vector<fs::path> models;
    for (const auto& e : fs::directory_iterator(argv[1]))
        if (fs::exists(e.path() / "model.onnx")) models.push_back(e.path() / "model.onnx");
    std::sort(models.begin(), models.end());
    ovkit::Core core;
    size_t counts[3] = {};
    for (size_t i = 0; i < models.size(); ++i) {
        std::string name = models[i].parent_path().filename().string();
        fs::copy_file(models[i], out / "onnx" / name, fs::copy_options::overwrite_existing);
        ++counts[0];
        if (i % 4) continue;
        try {
            auto model = core.read_model(models[i].string());
            fs::path xml = out / (name + ".xml"), bin = out / (name + ".bin");
            ovkit::write_ir(*model, xml.string(), bin.string());
            std::string x = slurp(xml), b = slurp(bin);
            uint32_t n = uint32_t(x.size());
            char len[4] = {char(n), char(n >> 8), char(n >> 16), char(n >> 24)};
            std::ofstream(out / "ir" / name, std::ios::binary) << std::string(len, 4) << x << b;
            fs::remove(xml);
            fs::remove(bin);
            ++counts[1];
            for (const ovkit::Node* p : model->parameters()) {
                const auto& port = p->outputs[0];
                if (!port.shape.is_static()) continue;
                ovkit::Tensor t(port.type, port.shape.to_shape());
                ovkit::write_npy((out / "npy" / (name + "_" + p->name + ".npy")).string(), t);
                ++counts[2];
            }
        } catch (const ovkit::Exception&) {
            // Models the runtime cannot read or write give no IR/.npy seed.
        }
    }
    std::printf("seeds: %zu onnx, %zu ir, %zu npy in %s\n", counts[0], counts[1], counts[2], out.c_str());
    return 0;
}
