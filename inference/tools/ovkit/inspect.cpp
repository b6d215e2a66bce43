// ovkit inspect MODEL [-d DEVICE]
#include <cstdio>
#include <functional>
#include <map>

#include "cli.h"

namespace ovkit::cli {

int run_inspect(Args& args) {
    std::string model_path, device = "CPU";
    bool device_given = false;
    while (!args.done()) {
        std::string a = args.items[args.pos++];
        if (a == "-h" || a == "--help") {
            std::puts("usage: ovkit inspect MODEL [-d DEVICE]\n\n"
                      "Prints the model's inputs and outputs, a histogram of its operations and\n"
                      "the operations DEVICE (default CPU) cannot run. With -d, also how the\n"
                      "compiled model runs each operation.");
            return 0;
        } else if (a == "-d") {
            device = args.next(a);
            device_given = true;
        } else if (model_path.empty() && a[0] != '-') {
            model_path = a;
        } else {
            fail("unknown option '", a, "' (see ovkit inspect --help)");
        }
    }
    check(!model_path.empty(), "missing MODEL (see ovkit inspect --help)");
    Core core;
    auto model = core.read_model(model_path);
    std::printf("model: %s (%s)\n", model->name.c_str(), model_path.c_str());
    std::puts("inputs:");
    for (const Node* p : model->parameters())
        std::printf("  %s: %s %s\n", p->name.c_str(), type_name(p->outputs[0].type), p->outputs[0].shape.to_string().c_str());
    std::puts("outputs:");
    for (const Node* r : model->results())
        std::printf("  %s: %s %s\n", r->name.c_str(), type_name(r->outputs[0].type), r->outputs[0].shape.to_string().c_str());
    std::map<std::string, int> histogram;
    size_t total = 0;
    std::function<void(const Model&)> count = [&](const Model& m) {
        for (const auto& n : m.nodes()) {
            ++histogram[n->type];
            ++total;
            for (const auto& b : n->bodies) count(*b);
        }
    };
    count(*model);
    std::printf("operations (%zu):\n", total);
    for (const auto& [type, n] : histogram) std::printf("  %-28s %d\n", type.c_str(), n);
    auto missing = core.unsupported_ops(*model, device);
    std::printf("unsupported on %s: %zu\n", device.c_str(), missing.size());
    for (const auto& m : missing) std::printf("  %s\n", m.c_str());
    if (device_given && missing.empty()) {
        CompiledModel compiled = core.compile_model(model, device);
        std::printf("implementation on %s:\n", device.c_str());
        for (const auto& n : model->nodes())
            if (n->type != "Parameter" && n->type != "Constant" && n->type != "Result")
                std::printf("  %-24s %-28s %s\n", n->type.c_str(), n->name.c_str(), compiled.implementation(*n).c_str());
    }
    return 0;
}

}  // namespace ovkit::cli
