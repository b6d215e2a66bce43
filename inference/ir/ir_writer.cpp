// IR v11 writer: the layout of OpenVINO's serializer (src/core/src/pass/serialize.cpp).
// Layers: parameters, then the other nodes in graph order, sinks, results; ports numbered
// inputs first; edges sorted by source layer; Const bytes appended to the .bin, identical
// blobs stored once.
#include <pugixml.hpp>

#include <algorithm>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>

#include "ir_format.h"
#include "ovkit/exception.h"
#include "ovkit/ir.h"

namespace ovkit {

namespace {

class BinWriter {
public:
    // Offset of `size` bytes at `data` in the blob; identical bytes are stored once.
    size_t write(const void* data, size_t size) {
        std::string_view bytes(static_cast<const char*>(data), size);
        size_t hash = std::hash<std::string_view>{}(bytes);
        auto [begin, end] = offsets_.equal_range(hash);
        for (auto it = begin; it != end; ++it)
            if (it->second.second == size && std::string_view(blob_).substr(it->second.first, size) == bytes)
                return it->second.first;
        size_t offset = blob_.size();
        blob_.append(bytes);
        offsets_.emplace(hash, std::make_pair(offset, size));
        return offset;
    }
    const std::string& blob() const { return blob_; }

private:
    std::string blob_;
    std::unordered_multimap<size_t, std::pair<size_t, size_t>> offsets_;  // hash -> offset, size
};

void append_dims(pugi::xml_node port, const PartialShape& shape) {
    for (const Dimension& d : shape.dims())
        port.append_child("dim").text().set(d.is_static() ? std::to_string(d.min).c_str() : "-1");
}

// OpenVINO writes shapes in attributes without brackets ("1,3,?,1..10").
std::string attribute_text(const AttributeValue& value) {
    std::string text = Attributes::to_text(value);
    if (text.size() >= 2 && text.front() == '[' && text.back() == ']') return text.substr(1, text.size() - 2);
    return text;
}

bool is_loop_special(const Node& n, const std::string& attr) {
    return n.type == "Loop" && (attr == ir::kCurrentIterationAttr || attr == ir::kConditionOutputAttr);
}

// A Convert from an f16/bf16 Constant: OpenVINO marks these as weight decompression.
bool is_decompression(const Node& n) {
    if (n.type != "Convert" || n.inputs.size() != 1) return false;
    const Node& src = *n.inputs[0].node;
    return src.type == "Constant" && (src.value.type() == ElementType::f16 || src.value.type() == ElementType::bf16);
}

class NetWriter {
public:
    NetWriter(BinWriter& bin, const std::string& path) : bin_(bin), path_(path) {}

    void write(pugi::xml_node net, const Model& model) {
        std::vector<const Node*> order = layer_order(model);
        std::map<const Node*, int64_t> ids;
        for (const Node* n : order) ids[n] = int64_t(ids.size());
        pugi::xml_node layers = net.append_child("layers");
        for (const Node* n : order) {
            try {
                write_layer(layers.append_child("layer"), *n, ids.at(n), model);
            } catch (const Exception& e) {
                fail("Cannot write IR '", path_, "': ", n->describe(), ": ", e.what());
            }
        }
        write_edges(net.append_child("edges"), order, ids);
        net.append_child("rt_info");
    }

private:
    static std::vector<const Node*> layer_order(const Model& model) {
        std::set<const Node*> ends(model.parameters().begin(), model.parameters().end());
        ends.insert(model.results().begin(), model.results().end());
        ends.insert(model.sinks().begin(), model.sinks().end());
        std::vector<const Node*> order(model.parameters().begin(), model.parameters().end());
        for (const auto& n : model.nodes())
            if (!ends.count(n.get())) order.push_back(n.get());
        order.insert(order.end(), model.sinks().begin(), model.sinks().end());
        order.insert(order.end(), model.results().begin(), model.results().end());
        return order;
    }

    void write_layer(pugi::xml_node layer, const Node& n, int64_t id, const Model& model) {
        layer.append_attribute("id").set_value(std::to_string(id).c_str());
        layer.append_attribute("name").set_value(n.name.c_str());
        layer.append_attribute("type").set_value(ir::layer_type_of(n.type).c_str());
        layer.append_attribute("version").set_value(n.version.c_str());
        pugi::xml_node data = layer.append_child("data");
        if (n.type == "Constant") {
            write_constant(data, n);
        } else {
            for (const auto& [name, value] : n.attrs.items())
                if (!is_loop_special(n, name))
                    data.append_attribute(name.c_str()).set_value(attribute_text(value).c_str());
        }
        if (is_decompression(n)) {
            pugi::xml_node attr = layer.append_child("rt_info").append_child("attribute");
            attr.append_attribute("name").set_value("decompression");
            attr.append_attribute("version").set_value("0");
        }
        pugi::xml_node input = layer.append_child("input");
        int64_t port_id = 0;
        for (const Output& in : n.inputs) {
            pugi::xml_node port = input.append_child("port");
            port.append_attribute("id").set_value(std::to_string(port_id++).c_str());
            port.append_attribute("precision").set_value(ir_precision_name(in.type()));
            append_dims(port, in.shape());
        }
        pugi::xml_node output = layer.append_child("output");
        if (n.type != "Result") {
            for (size_t i = 0; i < n.outputs.size(); ++i) {
                pugi::xml_node port = output.append_child("port");
                port.append_attribute("id").set_value(std::to_string(port_id++).c_str());
                port.append_attribute("precision").set_value(ir_precision_name(n.outputs[i].type));
                std::string names = ir::join_names(tensor_names(n, i, model));
                if (!names.empty()) port.append_attribute("names").set_value(names.c_str());
                append_dims(port, n.outputs[i].shape);
            }
        }
        if (!n.bodies.empty()) write_bodies(layer, input, output, n);
        for (pugi::xml_node child : {data, input, output})
            if (!child.first_child() && !child.first_attribute()) layer.remove_child(child);
    }

    // The port's names, led by the names of Results it feeds: the name a compiled model
    // shows for that output is the first one.
    static std::vector<std::string> tensor_names(const Node& n, size_t index, const Model& model) {
        std::vector<std::string> names;
        auto add = [&](const std::string& s) {
            if (std::find(names.begin(), names.end(), s) == names.end()) names.push_back(s);
        };
        for (const Node* r : model.results())
            if (r->inputs[0].node == &n && r->inputs[0].index == index)
                for (const auto& s : r->outputs[0].names) add(s);
        for (const auto& s : n.outputs[index].names) add(s);
        return names;
    }

    void write_constant(pugi::xml_node data, const Node& n) {
        const Tensor& v = n.value;
        check(bool(v), "the Constant has no value");
        data.append_attribute("element_type").set_value(type_name(v.type()));
        data.append_attribute("shape").set_value(Attributes::to_text(v.shape()).c_str());
        size_t offset = bin_.write(v.data(), v.byte_size());
        data.append_attribute("offset").set_value(std::to_string(offset).c_str());
        data.append_attribute("size").set_value(std::to_string(v.byte_size()).c_str());
    }

    // Loop/TensorIterator: port_map, back_edges, input, output, data, body.
    // If: else_port_map, then_port_map, data, input, output, then_body, else_body.
    void write_bodies(pugi::xml_node layer, pugi::xml_node input, pugi::xml_node output, const Node& n) {
        auto tags = ir::body_tags(n.type, n.bodies.size());
        check(tags.size() == n.bodies.size(), "has ", n.bodies.size(), " bodies; the IR form of ", n.type,
              " has ", tags.size());
        bool is_if = n.type == "If";
        if (!is_if) {
            layer.prepend_move(output);
            layer.prepend_move(input);
        }
        std::vector<std::vector<int64_t>> param_ids, result_ids;
        for (size_t b = 0; b < n.bodies.size(); ++b) {
            pugi::xml_node body = layer.append_child(tags[b].body);
            NetWriter(bin_, path_).write(body, *n.bodies[b]);
            param_ids.push_back(io_ids(*n.bodies[b], true));
            result_ids.push_back(io_ids(*n.bodies[b], false));
        }
        std::vector<pugi::xml_node> maps;
        for (size_t b = 0; b < n.bodies.size(); ++b) maps.push_back(layer.prepend_child(tags[b].port_map));
        pugi::xml_node back_edges;
        auto body_index = [&](int64_t b, size_t count, const char* what) {
            check(b >= 0 && size_t(b) < count, "a ", what, " refers to body ", b, " of ", count);
            return size_t(b);
        };
        auto id_of = [&](const std::vector<int64_t>& ids, int64_t index, const char* what) {
            check(index >= 0 && size_t(index) < ids.size(), what, " index ", index, " is out of range (",
                  ids.size(), " in the body)");
            return std::to_string(ids[size_t(index)]);
        };
        for (const BodyInput& in : n.body_inputs) {
            size_t b = body_index(in.body, n.bodies.size(), "body input");
            pugi::xml_node e = maps[b].append_child("input");
            if (in.axis >= 0) e.append_attribute("axis").set_value(std::to_string(in.axis).c_str());
            e.append_attribute("external_port_id").set_value(std::to_string(in.external_port).c_str());
            e.append_attribute("internal_layer_id")
                .set_value(id_of(param_ids[b], in.body_parameter, "body parameter").c_str());
            if (in.axis >= 0) append_slicing(e, in.start, in.end, in.stride, in.part_size);
            if (in.back_edge_result >= 0) {
                if (!back_edges) back_edges = layer.insert_child_after("back_edges", maps[b]);
                pugi::xml_node edge = back_edges.append_child("edge");
                edge.append_attribute("from-layer")
                    .set_value(id_of(result_ids[b], in.back_edge_result, "back edge result").c_str());
                edge.append_attribute("to-layer")
                    .set_value(id_of(param_ids[b], in.body_parameter, "body parameter").c_str());
            }
        }
        for (const BodyOutput& out : n.body_outputs) {
            size_t b = body_index(out.body, n.bodies.size(), "body output");
            pugi::xml_node e = maps[b].append_child("output");
            if (out.axis >= 0) e.append_attribute("axis").set_value(std::to_string(out.axis).c_str());
            e.append_attribute("external_port_id")
                .set_value(std::to_string(int64_t(n.inputs.size()) + out.external_port).c_str());
            e.append_attribute("internal_layer_id")
                .set_value(id_of(result_ids[b], out.body_result, "body result").c_str());
            if (out.axis >= 0) append_slicing(e, out.start, out.end, out.stride, out.part_size);
        }
        if (n.type == "Loop") {
            int64_t iteration = n.attrs.get_int(ir::kCurrentIterationAttr, -1);
            int64_t condition = n.attrs.get_int(ir::kConditionOutputAttr, -1);
            if (iteration >= 0)
                append_purpose(maps[0].append_child("input"), id_of(param_ids[0], iteration, ir::kCurrentIterationAttr),
                               ir::kCurrentIterationPurpose);
            if (condition >= 0)
                append_purpose(maps[0].append_child("output"), id_of(result_ids[0], condition, ir::kConditionOutputAttr),
                               ir::kConditionOutputPurpose);
        }
    }

    static void append_slicing(pugi::xml_node e, int64_t start, int64_t end, int64_t stride, int64_t part_size) {
        e.append_attribute("start").set_value(std::to_string(start).c_str());
        e.append_attribute("end").set_value(std::to_string(end).c_str());
        e.append_attribute("stride").set_value(std::to_string(stride).c_str());
        e.append_attribute("part_size").set_value(std::to_string(part_size).c_str());
    }

    static void append_purpose(pugi::xml_node e, const std::string& layer_id, const char* purpose) {
        e.append_attribute("external_port_id").set_value("-1");
        e.append_attribute("internal_layer_id").set_value(layer_id.c_str());
        e.append_attribute("purpose").set_value(purpose);
    }

    // Layer ids of a body's parameters (or results), in the body's order.
    static std::vector<int64_t> io_ids(const Model& body, bool parameters) {
        std::vector<const Node*> order = layer_order(body);
        const auto& wanted = parameters ? body.parameters() : body.results();
        std::vector<int64_t> ids;
        for (const Node* w : wanted)
            ids.push_back(int64_t(std::find(order.begin(), order.end(), w) - order.begin()));
        return ids;
    }

    static void write_edges(pugi::xml_node edges, const std::vector<const Node*>& order,
                            const std::map<const Node*, int64_t>& ids) {
        struct Edge {
            int64_t from_layer, from_port, to_layer, to_port;
        };
        std::vector<Edge> list;
        for (const Node* n : order)
            for (size_t i = 0; i < n->inputs.size(); ++i) {
                const Output& src = n->inputs[i];
                auto it = ids.find(src.node);
                check(it != ids.end(), n->describe(), " reads a node that is not in the model");
                list.push_back({it->second, int64_t(src.node->inputs.size() + src.index), ids.at(n), int64_t(i)});
            }
        std::stable_sort(list.begin(), list.end(), [](const Edge& a, const Edge& b) { return a.from_layer < b.from_layer; });
        for (const Edge& e : list) {
            pugi::xml_node edge = edges.append_child("edge");
            edge.append_attribute("from-layer").set_value(std::to_string(e.from_layer).c_str());
            edge.append_attribute("from-port").set_value(std::to_string(e.from_port).c_str());
            edge.append_attribute("to-layer").set_value(std::to_string(e.to_layer).c_str());
            edge.append_attribute("to-port").set_value(std::to_string(e.to_port).c_str());
        }
    }

    BinWriter& bin_;
    const std::string& path_;
};

}  // namespace

void write_ir(const Model& model, const std::string& xml_path, const std::string& bin_path) {
    std::string bin_file = bin_path.empty() ? ir::default_bin_path(xml_path) : bin_path;
    pugi::xml_document doc;
    pugi::xml_node net = doc.append_child("net");
    net.append_attribute("name").set_value(model.name.c_str());
    net.append_attribute("version").set_value(std::to_string(ir::kIrVersion).c_str());
    BinWriter bin;
    NetWriter(bin, xml_path).write(net, model);

    std::ofstream b(bin_file, std::ios::binary | std::ios::trunc);
    check(bool(b), "Cannot open weights file '", bin_file, "' for writing");
    b.write(bin.blob().data(), std::streamsize(bin.blob().size()));
    b.close();
    check(bool(b), "Cannot write weights file '", bin_file, "' (disk full?)");
    check(doc.save_file(xml_path.c_str(), "\t", pugi::format_default, pugi::encoding_utf8), "Cannot write IR file '",
          xml_path, "'");
}

}  // namespace ovkit
