#include "ir_format.h"

#include <filesystem>
#include <utility>

namespace ovkit::ir {

namespace {
// {graph op type, IR layer type}
const std::pair<const char*, const char*> kRenamed[] = {
    {"Constant", "Const"}, {"PRelu", "PReLU"}, {"Relu", "ReLU"}, {"Softmax", "SoftMax"}};
}  // namespace

std::string default_bin_path(const std::string& xml_path) {
    return std::filesystem::path(xml_path).replace_extension(".bin").string();
}

std::string layer_type_of(const std::string& op_type) {
    for (const auto& [op, layer] : kRenamed)
        if (op_type == op) return layer;
    return op_type;
}

std::string op_type_of(const std::string& layer_type) {
    for (const auto& [op, layer] : kRenamed)
        if (layer_type == layer) return op;
    return layer_type;
}

std::string join_names(const std::vector<std::string>& names) {
    std::string out;
    for (size_t i = 0; i < names.size(); ++i) {
        if (i) out += ',';
        for (char c : names[i]) {
            if (c == ',') out += '\\';
            out += c;
        }
    }
    return out;
}

std::vector<std::string> split_names(const std::string& text) {
    std::vector<std::string> out;
    if (text.empty()) return out;
    std::string cur;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == ',') {
            cur += ',';
            ++i;
        } else if (text[i] == ',') {
            out.push_back(cur);
            cur.clear();
        } else {
            cur += text[i];
        }
    }
    out.push_back(cur);
    return out;
}

std::vector<BodyTags> body_tags(const std::string& op_type, size_t body_count) {
    if (op_type == "If") return {{"then_body", "then_port_map"}, {"else_body", "else_port_map"}};
    if (body_count == 0) return {};
    return {{"body", "port_map"}};
}

}  // namespace ovkit::ir
