#pragma once
// Conventions of the IR v11 text shared by the reader and the writer.
#include <string>
#include <vector>

namespace ovkit::ir {

constexpr int kIrVersion = 11;

// "dir/model.xml" -> "dir/model.bin", where the weights go when no path is given.
std::string default_bin_path(const std::string& xml_path);

// Graph type names and IR layer type names differ for a few ops (OpenVINO's serializer
// writes Constant as "Const", Relu as "ReLU", ...).
std::string layer_type_of(const std::string& op_type);
std::string op_type_of(const std::string& layer_type);

// Port `names` attribute: tensor names joined by ',' with commas inside a name escaped as "\,".
std::string join_names(const std::vector<std::string>& names);
std::vector<std::string> split_names(const std::string& text);

// Loop's special body ports live in <port_map> entries with a `purpose` in the IR and in
// these Loop attributes in the graph (body parameter / body result index, -1 for none).
constexpr const char* kCurrentIterationAttr = "current_iteration_input_idx";
constexpr const char* kConditionOutputAttr = "body_condition_output_idx";
constexpr const char* kCurrentIterationPurpose = "current_iteration";
constexpr const char* kConditionOutputPurpose = "execution_condition";

// Bodies and port maps of the subgraph ops: Loop and TensorIterator have "body" + "port_map";
// If has "then_body"/"then_port_map" (body 0) and "else_body"/"else_port_map" (body 1).
struct BodyTags {
    const char* body;
    const char* port_map;
};
std::vector<BodyTags> body_tags(const std::string& op_type, size_t body_count);

}  // namespace ovkit::ir
