// ovkit convert MODEL.onnx -o OUT.xml [--input NAME[d0,d1,...]] [--compress-to-fp16]
// Like OpenVINO's `ovc`: reads a model (ONNX or IR), optionally reshapes its inputs and
// compresses its f32 weights to f16, and writes IR v11 (OUT.xml + OUT.bin).
#include <cstdio>
#include <filesystem>

#include "cli.h"
#include "ovkit/ir.h"

namespace ovkit::cli {

namespace {
const char* kHelp =
    "usage: ovkit convert MODEL [-o OUT.xml] [--input NAME[d0,d1,...]]... [--compress-to-fp16]\n"
    "\n"
    "Converts MODEL (.onnx, or .xml to rewrite an IR) to OpenVINO IR v11: OUT.xml (topology)\n"
    "and OUT.bin (weights) beside it. OUT.xml defaults to MODEL's name in the current folder.\n"
    "  -o, --output_model OUT.xml   where to write the IR\n"
    "  --input NAME[d0,d1,...]      set an input's shape; dimensions may be -1 or ? (dynamic)\n"
    "                               or MIN..MAX (bounded). Repeat the option, or give several\n"
    "                               separated by commas: --input \"a[1,3],b[2]\". NAME may be\n"
    "                               omitted when the model has one input.\n"
    "  --compress-to-fp16           store f32 weights as f16, each followed by a Convert back\n"
    "                               to f32 (halves the .bin; results change within f16 precision)\n";

// "a[1,3],b[2]" -> {"a[1,3]", "b[2]"}: commas inside brackets belong to the shape.
std::vector<std::string> split_inputs(const std::string& text) {
    std::vector<std::string> out;
    std::string cur;
    int depth = 0;
    for (char c : text) {
        if (c == '[') ++depth;
        if (c == ']') --depth;
        if (c == ',' && depth == 0) {
            out.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
}
}  // namespace

int run_convert(Args& args) {
    std::string model_path, out_xml;
    std::vector<std::string> shapes;
    bool fp16 = false;
    while (!args.done()) {
        std::string a = args.items[args.pos++];
        if (a == "-h" || a == "--help") {
            std::fputs(kHelp, stdout);
            return 0;
        } else if (a == "-o" || a == "--output_model" || a == "--output-model") {
            out_xml = args.next(a);
        } else if (a == "--input" || a == "-i") {
            for (const auto& s : split_inputs(args.next(a))) shapes.push_back(s);
        } else if (a == "--compress-to-fp16" || a == "--compress_to_fp16") {
            fp16 = true;
        } else if (!a.empty() && a[0] == '-') {
            fail("unknown option '", a, "' (see ovkit convert --help)");
        } else {
            check(model_path.empty(), "more than one model given ('", model_path, "' and '", a, "')");
            model_path = a;
        }
    }
    check(!model_path.empty(), "missing MODEL (see ovkit convert --help)");
    if (out_xml.empty()) out_xml = std::filesystem::path(model_path).stem().string() + ".xml";
    check(std::filesystem::path(out_xml).extension() == ".xml", "output '", out_xml, "' must end in .xml");
    auto model = load_model(model_path, shapes);
    if (fp16) {
        size_t n = compress_to_fp16(*model);
        std::printf("[ INFO ] Compressed %zu constant(s) to f16\n", n);
    }
    auto dir = std::filesystem::path(out_xml).parent_path();
    if (!dir.empty()) std::filesystem::create_directories(dir);
    std::string out_bin = std::filesystem::path(out_xml).replace_extension(".bin").string();
    write_ir(*model, out_xml, out_bin);
    std::printf("[ SUCCESS ] XML file: %s\n[ SUCCESS ] BIN file: %s\n", out_xml.c_str(), out_bin.c_str());
    return 0;
}

}  // namespace ovkit::cli
