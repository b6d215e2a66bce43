#pragma once
// Shared pieces of the `ovkit` subcommands: argument walking and input parsing.
#include <map>
#include <string>
#include <vector>

#include "ovkit/core.h"

namespace ovkit::cli {

struct Args {
    std::vector<std::string> items;
    size_t pos = 0;
    bool done() const { return pos >= items.size(); }
    const std::string& peek() const { return items[pos]; }
    std::string next(const std::string& flag);  // value after a flag; throws when missing
};

// "-i NAME=FILE.npy" -> {NAME, FILE}
std::pair<std::string, std::string> split_assignment(const std::string& s, const std::string& flag);
// "NAME[1,3,224,224]" or "[1,3,224,224]" -> {NAME or "", shape}
std::pair<std::string, PartialShape> parse_named_shape(const std::string& s);
// Reads the model and applies -shape / --input overrides.
std::shared_ptr<Model> load_model(const std::string& path, const std::vector<std::string>& shapes);

int run_infer(Args& args);
int run_benchmark(Args& args);
int run_inspect(Args& args);
int run_convert(Args& args);

}  // namespace ovkit::cli
