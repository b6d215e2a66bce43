// IR v11 reader (the IR format of OpenVINO's ir_deserializer.cpp). Attribute values are kept
// as text in their order, so that writing the model again gives the same bytes. Every
// failure names the file, the layer (name and id) and the reason; rt_info is ignored.
#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>

#include "ir_format.h"
#include "ovkit/device.h"
#include "ovkit/exception.h"
#include "ovkit/ir.h"
#include "ovkit/op_registry.h"

namespace ovkit {

namespace {

int64_t parse_int(const char* text, const std::string& what) {
    int64_t v = 0;
    const char* begin = text;
    const char* end = text + std::strlen(text);
    while (begin < end && std::isspace(static_cast<unsigned char>(*begin))) ++begin;
    while (end > begin && std::isspace(static_cast<unsigned char>(end[-1]))) --end;
    auto [p, ec] = std::from_chars(begin, end, v);
    if (ec != std::errc() || p != end || p == begin) fail(what, " '", text, "' is not an integer");
    return v;
}

// A required integer attribute, at least `min`.
int64_t int_attr(pugi::xml_node node, const char* name, int64_t min = 0) {
    pugi::xml_attribute a = node.attribute(name);
    if (!a) fail("<", node.name(), "> has no '", name, "' attribute");
    int64_t v = parse_int(a.value(), std::string("<") + node.name() + "> attribute '" + name + "'");
    if (v < min) fail("<", node.name(), "> attribute '", name, "' is ", v, "; expected at least ", min);
    return v;
}

int64_t int_attr_or(pugi::xml_node node, const char* name, int64_t fallback) {
    return node.attribute(name) ? int_attr(node, name, INT64_MIN) : fallback;
}

// Slicing of a port-map entry (axis, start, end, stride, part_size): BodyInput and BodyOutput
// carry the same fields.
template <typename Port>
void read_slicing(pugi::xml_node e, Port& p) {
    if (!e.attribute("axis")) return;
    p.axis = int_attr(e, "axis");
    p.start = int_attr_or(e, "start", 0);
    p.end = int_attr_or(e, "end", -1);
    p.stride = int_attr_or(e, "stride", 1);
    p.part_size = int_attr_or(e, "part_size", 1);
}

ElementType precision_of(pugi::xml_node port) {
    pugi::xml_attribute a = port.attribute("precision");
    if (!a) fail("port ", port.attribute("id").value(), " has no precision");
    try {
        return type_from_name(a.value());
    } catch (const Exception&) {
        fail("port ", port.attribute("id").value(), " has unknown precision '", a.value(), "'");
    }
}

struct PortDesc {
    int64_t id = 0;
    ElementType type = ElementType::undefined;
    std::vector<std::string> names;
};

struct Source {
    size_t layer = 0;
    size_t output = 0;
    bool connected = false;
};

struct Layer {
    pugi::xml_node xml;
    int64_t id = 0;
    std::string name, type, version;
    std::vector<PortDesc> inputs, outputs;
    std::vector<Source> sources;  // per input port
    std::string describe() const { return "layer '" + name + "' (id " + std::to_string(id) + ")"; }
};

std::vector<PortDesc> read_ports(pugi::xml_node parent, bool outputs) {
    std::vector<PortDesc> ports;
    for (pugi::xml_node port : parent.children("port")) {
        PortDesc p;
        p.id = int_attr(port, "id");
        if (outputs || port.attribute("precision")) p.type = precision_of(port);
        p.names = ir::split_names(port.attribute("names").value());
        for (pugi::xml_node dim : port.children("dim")) {
            int64_t d = parse_int(dim.text().get(), "port " + std::to_string(p.id) + " dimension");
            check(d >= -1, "port ", p.id, " has dimension ", d, "; expected -1 (dynamic) or more");
        }
        ports.push_back(std::move(p));
    }
    return ports;
}

// The body of a subgraph op as read, with where its Parameter and Result layers went.
struct Net {
    std::shared_ptr<Model> model;
    std::map<int64_t, size_t> parameter_index, result_index;  // layer id -> index
};

class IrReader {
public:
    IrReader(std::string xml_path, std::string bin_path)
        : xml_path_(std::move(xml_path)), bin_path_(std::move(bin_path)) {}

    Net read_net(pugi::xml_node net) {
        std::vector<Layer> layers = read_layers(net);
        connect_edges(net, layers);
        Net out;
        out.model = std::make_shared<Model>();
        out.model->name = net.attribute("name").value();
        std::vector<Node*> created(layers.size(), nullptr);
        for (size_t i : creation_order(layers)) {
            const Layer& l = layers[i];
            try {
                Node* n = create_node(*out.model, l, created);
                created[i] = n;
                if (n->type == "Parameter") {
                    out.parameter_index[l.id] = out.model->parameters().size();
                    out.model->parameters().push_back(n);
                } else if (n->type == "Result") {
                    out.result_index[l.id] = out.model->results().size();
                    out.model->results().push_back(n);
                } else if (n->type == "Assign") {
                    out.model->add_sink(n);
                }
            } catch (const Exception& e) {
                fail(l.describe(), ": ", e.what());
            }
        }
        return out;
    }

private:
    std::vector<Layer> read_layers(pugi::xml_node net) {
        pugi::xml_node list = net.child("layers");
        check(bool(list), "<", net.name(), "> has no <layers>");
        std::vector<Layer> layers;
        std::map<int64_t, size_t> seen;
        for (pugi::xml_node x : list.children("layer")) {
            Layer l;
            l.xml = x;
            l.name = x.attribute("name").value();
            try {
                l.id = int_attr(x, "id");
                l.type = ir::op_type_of(x.attribute("type").value());
                check(!l.type.empty(), "has no type");
                l.version = x.attribute("version").value();
                l.inputs = read_ports(x.child("input"), false);
                l.outputs = read_ports(x.child("output"), true);
                l.sources.resize(l.inputs.size());
                std::map<int64_t, int> port_ids;
                for (const auto* ports : {&l.inputs, &l.outputs})
                    for (const PortDesc& p : *ports)
                        check(++port_ids[p.id] == 1, "has two ports with id ", p.id);
            } catch (const Exception& e) {
                fail(l.describe(), ": ", e.what());
            }
            auto [it, fresh] = seen.emplace(l.id, layers.size());
            if (!fresh) fail(l.describe(), ": duplicate layer id ", l.id, " (also layer '", layers[it->second].name, "')");
            layers.push_back(std::move(l));
        }
        return layers;
    }

    static size_t port_index(const std::vector<PortDesc>& ports, int64_t id) {
        for (size_t i = 0; i < ports.size(); ++i)
            if (ports[i].id == id) return i;
        return ports.size();
    }

    static void connect_edges(pugi::xml_node net, std::vector<Layer>& layers) {
        std::map<int64_t, size_t> by_id;
        for (size_t i = 0; i < layers.size(); ++i) by_id[layers[i].id] = i;
        for (pugi::xml_node e : net.child("edges").children("edge")) {
            int64_t from = int_attr(e, "from-layer"), from_port = int_attr(e, "from-port");
            int64_t to = int_attr(e, "to-layer"), to_port = int_attr(e, "to-port");
            std::string edge = "edge " + std::to_string(from) + ":" + std::to_string(from_port) + " -> " +
                               std::to_string(to) + ":" + std::to_string(to_port);
            auto f = by_id.find(from), t = by_id.find(to);
            if (f == by_id.end()) fail(edge, " starts at a missing layer (id ", from, ")");
            if (t == by_id.end()) fail(edge, " ends at a missing layer (id ", to, ")");
            Layer& src = layers[f->second];
            Layer& dst = layers[t->second];
            size_t out = port_index(src.outputs, from_port);
            if (out == src.outputs.size()) fail(edge, ": ", src.describe(), " has no output port ", from_port);
            size_t in = port_index(dst.inputs, to_port);
            if (in == dst.inputs.size()) fail(edge, ": ", dst.describe(), " has no input port ", to_port);
            if (dst.sources[in].connected) fail(edge, ": input port ", to_port, " of ", dst.describe(), " is connected twice");
            dst.sources[in] = {f->second, out, true};
        }
        for (const Layer& l : layers)
            for (size_t i = 0; i < l.inputs.size(); ++i)
                if (!l.sources[i].connected) fail(l.describe(), ": input port ", l.inputs[i].id, " is not connected");
    }

    // Parameters in file order, then every other layer after its inputs (depth first, in file
    // order, so a file already in topological order keeps its order).
    static std::vector<size_t> creation_order(const std::vector<Layer>& layers) {
        std::vector<size_t> order;
        std::vector<int> state(layers.size(), 0);  // 0 new, 1 on the stack, 2 done
        for (size_t i = 0; i < layers.size(); ++i)
            if (layers[i].type == "Parameter") {
                order.push_back(i);
                state[i] = 2;
            }
        for (size_t root = 0; root < layers.size(); ++root) {
            if (state[root]) continue;
            std::vector<std::pair<size_t, size_t>> stack{{root, 0}};
            state[root] = 1;
            while (!stack.empty()) {
                auto& [i, next] = stack.back();
                if (next < layers[i].sources.size()) {
                    size_t in = layers[i].sources[next++].layer;
                    if (state[in] == 1) fail(layers[i].describe(), ": the edges form a cycle through ", layers[in].describe());
                    if (state[in] == 0) {
                        state[in] = 1;
                        stack.push_back({in, 0});
                    }
                    continue;
                }
                state[i] = 2;
                order.push_back(i);
                stack.pop_back();
            }
        }
        return order;
    }

    Node* create_node(Model& model, const Layer& l, const std::vector<Node*>& created) {
        if (!OpRegistry::find(l.type))
            fail("unknown layer type '", l.xml.attribute("type").value(), "' (version '", l.version, "')");
        std::vector<Output> inputs;
        for (const Source& s : l.sources) inputs.push_back(Output{created[s.layer], s.output});
        Attributes attrs;
        for (pugi::xml_attribute a : l.xml.child("data").attributes()) attrs.set(a.name(), std::string(a.value()));
        Node* n = nullptr;
        if (l.type == "Constant") {
            Tensor value = constant_value(l, attrs);
            attrs.erase("offset");
            attrs.erase("size");
            n = model.add_with("Constant", {}, std::move(attrs), l.name, [&](Node& c) {
                c.value = value;
                c.outputs.resize(1);
            });
        } else if (l.xml.child("body") || l.type == "If") {
            n = create_subgraph(model, l, std::move(inputs), std::move(attrs));
        } else {
            n = model.add(l.type, std::move(inputs), std::move(attrs), l.name, l.outputs.size());
        }
        if (!l.version.empty()) n->version = l.version;
        if (n->type != "Result" && n->outputs.size() != l.outputs.size())
            fail("has ", l.outputs.size(), " output ports; ", n->type, " produces ", n->outputs.size());
        for (size_t i = 0; i < l.outputs.size(); ++i) {
            ElementType inferred = n->outputs[i].type;
            if (inferred != ElementType::undefined && inferred != l.outputs[i].type)
                fail("output port ", l.outputs[i].id, " has precision ", ir_precision_name(l.outputs[i].type),
                     " but the operation produces ", type_name(inferred));
            n->outputs[i].names = l.outputs[i].names;
        }
        return n;
    }

    Tensor constant_value(const Layer& l, const Attributes& attrs) {
        pugi::xml_node data = l.xml.child("data");
        check(bool(data), "has no <data>");
        ElementType type = type_from_name(attrs.get_string("element_type"));
        check(type != ElementType::undefined, "has an undefined element_type");
        Shape shape = attrs.get_ints("shape");
        for (int64_t d : shape) check(d >= 0, "has a negative dimension in shape '", attrs.get_string("shape"), "'");
        uint64_t offset = uint64_t(int_attr(data, "offset")), size = uint64_t(int_attr(data, "size"));
        // All checked before allocating: the shape must fit in `size` and `size` in the weights file.
        uint64_t count = uint64_t(shape_size(shape));
        uint64_t elem = std::max<uint64_t>(element_size(type), 1);
        check(count <= size / elem, "size ", size, " is smaller than the ", count, " elements of ",
              type_name(type), to_string(shape));
        const std::string& bin = weights();
        if (offset > bin.size() || size > bin.size() - offset)
            fail("offset ", offset, " + size ", size, " is past the end of weights file '", bin_path_, "' (",
                 bin.size(), " bytes)");
        Tensor t(type, shape);
        if (t.byte_size()) std::memcpy(t.data(), bin.data() + offset, t.byte_size());
        return t;
    }

    const std::string& weights() {
        if (!weights_loaded_) {
            std::error_code ec;
            if (!std::filesystem::is_regular_file(bin_path_, ec))
                fail("weights file '", bin_path_, "' is missing (needed by the Constants)");
            std::ifstream f(bin_path_, std::ios::binary);
            check(bool(f), "cannot open weights file '", bin_path_, "'");
            weights_.assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
            check(!f.bad(), "cannot read weights file '", bin_path_, "'");
            weights_loaded_ = true;
        }
        return weights_;
    }

    Node* create_subgraph(Model& model, const Layer& l, std::vector<Output> inputs, Attributes attrs) {
        auto tags = ir::body_tags(l.type, l.xml.child("body") ? 1 : 0);
        std::vector<Net> bodies;
        // Bodies are read recursively: a hostile file must not nest them deep enough to overflow the stack.
        check(depth_ < kMaxBodyDepth, "bodies are nested more than ", kMaxBodyDepth, " deep");
        ++depth_;
        for (const auto& tag : tags) {
            pugi::xml_node body = l.xml.child(tag.body);
            check(bool(body), "has no <", tag.body, ">");
            try {
                bodies.push_back(read_net(body));
            } catch (const Exception& e) {
                --depth_;
                fail("<", tag.body, ">: ", e.what());
            }
        }
        --depth_;
        int64_t in_count = int64_t(inputs.size()), out_count = int64_t(l.outputs.size());
        std::vector<BodyInput> body_inputs;
        std::vector<BodyOutput> body_outputs;
        if (l.type == "Loop") {
            attrs.set(ir::kCurrentIterationAttr, int64_t(-1));
            attrs.set(ir::kConditionOutputAttr, int64_t(-1));
        }
        for (size_t b = 0; b < tags.size(); ++b) {
            const Net& net = bodies[b];
            pugi::xml_node map = l.xml.child(tags[b].port_map);
            auto index_of = [&](const std::map<int64_t, size_t>& ids, pugi::xml_node e, const char* attr,
                                const char* what) {
                int64_t id = int_attr(e, attr);
                auto it = ids.find(id);
                if (it == ids.end()) fail("<", tags[b].port_map, "> ", attr, " ", id, " is not a ", what, " of <", tags[b].body, ">");
                return int64_t(it->second);
            };
            for (pugi::xml_node e : map.children("input")) {
                int64_t ext = int_attr(e, "external_port_id", -1);
                int64_t param = index_of(net.parameter_index, e, "internal_layer_id", "Parameter");
                if (std::strcmp(e.attribute("purpose").value(), ir::kCurrentIterationPurpose) == 0) {
                    attrs.set(ir::kCurrentIterationAttr, param);
                    continue;
                }
                if (ext < 0) continue;  // a body parameter the op does not feed
                check(ext < in_count, "<", tags[b].port_map, "> input external_port_id ", ext, " is out of range (",
                      in_count, " inputs)");
                BodyInput in;
                in.body = int64_t(b);
                in.external_port = ext;
                in.body_parameter = param;
                read_slicing(e, in);
                for (pugi::xml_node edge : l.xml.child("back_edges").children("edge"))
                    if (int_attr(edge, "to-layer") == int_attr(e, "internal_layer_id"))
                        in.back_edge_result = index_of(net.result_index, edge, "from-layer", "Result");
                body_inputs.push_back(in);
            }
            for (pugi::xml_node e : map.children("output")) {
                int64_t ext = int_attr(e, "external_port_id", -1);
                int64_t result = index_of(net.result_index, e, "internal_layer_id", "Result");
                if (std::strcmp(e.attribute("purpose").value(), ir::kConditionOutputPurpose) == 0) {
                    attrs.set(ir::kConditionOutputAttr, result);
                    continue;
                }
                if (ext < 0) continue;
                check(ext >= in_count && ext < in_count + out_count, "<", tags[b].port_map,
                      "> output external_port_id ", ext, " is not an output port (ports ", in_count, "..",
                      in_count + out_count - 1, ")");
                BodyOutput out;
                out.body = int64_t(b);
                out.external_port = ext - in_count;
                out.body_result = result;
                read_slicing(e, out);
                body_outputs.push_back(out);
            }
        }
        return model.add_with(l.type, std::move(inputs), std::move(attrs), l.name, [&](Node& n) {
            for (auto& b : bodies) n.bodies.push_back(b.model);
            n.body_inputs = std::move(body_inputs);
            n.body_outputs = std::move(body_outputs);
            n.outputs.resize(l.outputs.size());
        });
    }

    static constexpr int kMaxBodyDepth = 64;
    int depth_ = 0;
    std::string xml_path_, bin_path_;
    std::string weights_;
    bool weights_loaded_ = false;
};

}  // namespace

std::shared_ptr<Model> read_ir(const std::string& xml_path, const std::string& bin_path) {
    std::string bin = bin_path.empty() ? ir::default_bin_path(xml_path) : bin_path;
    try {
        std::error_code ec;
        check(std::filesystem::is_regular_file(xml_path, ec), "the file does not exist or is not a file");
        pugi::xml_document doc;
        pugi::xml_parse_result parsed = doc.load_file(xml_path.c_str());
        if (!parsed) fail("malformed XML at byte ", parsed.offset, ": ", parsed.description());
        pugi::xml_node net = doc.child("net");
        check(bool(net), "the root element is <", doc.document_element().name(), ">, not <net>");
        std::string version = net.attribute("version").value();
        check(version == "10" || version == "11", "unsupported IR version '", version, "' (expected 11)");
        return IrReader(xml_path, bin).read_net(net).model;
    } catch (const Exception& e) {
        fail("IR '", xml_path, "': ", e.what());
    }
}

namespace {
const FrontendRegistration ir_registration(".xml", [](const std::string& path, const std::string& weights) {
    return read_ir(path, weights);
});
}  // namespace

}  // namespace ovkit
