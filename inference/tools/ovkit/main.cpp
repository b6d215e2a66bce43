// `ovkit` — one command line for the toolkit: convert | infer | benchmark | inspect.
#include <cstdio>
#include <cstring>
#include <functional>

#include "cli.h"

namespace {

const char* kUsage =
    "usage: ovkit <command> [options]\n"
    "\n"
    "commands:\n"
    "  infer      run a model on .npy inputs, write .npy outputs\n"
    "  benchmark  measure latency and throughput (like benchmark_app)\n"
    "  inspect    show inputs, outputs, op histogram and unsupported ops\n"
    "  convert    convert an ONNX model to IR v11 (.xml + .bin)\n"
    "\n"
    "Run 'ovkit <command> --help' for the options of a command.\n";

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h")) {
        std::fputs(kUsage, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    std::string cmd = argv[1];
    ovkit::cli::Args args;
    for (int i = 2; i < argc; ++i) args.items.emplace_back(argv[i]);
    static const std::map<std::string, std::function<int(ovkit::cli::Args&)>> commands = {
        {"infer", ovkit::cli::run_infer},
        {"benchmark", ovkit::cli::run_benchmark},
        {"inspect", ovkit::cli::run_inspect},
        {"convert", ovkit::cli::run_convert},
    };
    auto it = commands.find(cmd);
    if (it == commands.end()) {
        std::fprintf(stderr, "ovkit: unknown command '%s'\n%s", cmd.c_str(), kUsage);
        return 2;
    }
    try {
        return it->second(args);
    } catch (const std::exception& e) {
        std::string msg = e.what();
        for (char& c : msg)
            if (c == '\n') c = ' ';
        std::fprintf(stderr, "ovkit %s: error: %s\n", cmd.c_str(), msg.c_str());
        return 1;
    } catch (...) {
        std::fprintf(stderr, "ovkit %s: error: unknown failure\n", cmd.c_str());
        return 1;
    }
}
