#include "common/model_proc.h"

#include <json-glib/json-glib.h>

#include <cstring>
#include <fstream>
#include <stdexcept>

namespace ovkit::gst {
namespace {

[[noreturn]] void bad(const std::string& path, const std::string& what) {
    throw std::runtime_error("model-proc '" + path + "': " + what);
}

// Typed reads: json-glib returns 0 or NULL (with a g_critical) for a member of another type,
// so every member is checked before it is read.
bool holds(JsonNode* n, GType type) {
    if (!n || !JSON_NODE_HOLDS_VALUE(n)) return false;
    GType t = json_node_get_value_type(n);
    return type == G_TYPE_DOUBLE ? (t == G_TYPE_DOUBLE || t == G_TYPE_INT64) : t == type;
}

double number(JsonNode* n, const std::string& what, const std::string& path) {
    if (!holds(n, G_TYPE_DOUBLE)) bad(path, what + " must be a number");
    return json_node_get_double(n);
}

std::vector<float> floats(JsonObject* o, const char* key, const std::string& path) {
    std::vector<float> v;
    if (!json_object_has_member(o, key)) return v;
    JsonNode* n = json_object_get_member(o, key);
    if (!JSON_NODE_HOLDS_ARRAY(n)) bad(path, std::string("'") + key + "' must be an array of numbers");
    JsonArray* a = json_node_get_array(n);
    for (guint i = 0; i < json_array_get_length(a); ++i)
        v.push_back(float(number(json_array_get_element(a, i), std::string("'") + key + "' element", path)));
    return v;
}

std::string string_or(JsonObject* o, const char* key, const std::string& fallback, const std::string& path) {
    if (!json_object_has_member(o, key)) return fallback;
    JsonNode* n = json_object_get_member(o, key);
    if (!holds(n, G_TYPE_STRING)) bad(path, std::string("'") + key + "' must be a string");
    return json_node_get_string(n);
}

double number_or(JsonObject* o, const char* key, double fallback, const std::string& path) {
    if (!json_object_has_member(o, key)) return fallback;
    return number(json_object_get_member(o, key), std::string("'") + key + "'", path);
}

int int_or(JsonObject* o, const char* key, int fallback, const std::string& path) {
    double v = number_or(o, key, fallback, path);
    if (!(v >= -1e9 && v <= 1e9)) bad(path, std::string("'") + key + "' is out of range");
    return int(v);
}

JsonObject* first_object(JsonObject* root, const char* key, const std::string& path) {
    if (!json_object_has_member(root, key)) return nullptr;
    JsonNode* n = json_object_get_member(root, key);
    if (!JSON_NODE_HOLDS_ARRAY(n)) bad(path, std::string("'") + key + "' must be an array");
    JsonArray* a = json_node_get_array(n);
    if (json_array_get_length(a) == 0) return nullptr;
    JsonNode* e = json_array_get_element(a, 0);
    if (!JSON_NODE_HOLDS_OBJECT(e)) bad(path, std::string("'") + key + "[0]' must be an object");
    return json_node_get_object(e);
}

// Sets the fields of `pre` that `p` names (model-proc params, or pre-process-config).
void read_params(JsonObject* p, PreProc& pre, const std::string& path) {
    if (json_object_has_member(p, "resize")) {
        std::string resize = string_or(p, "resize", "", path);
        if (resize != "aspect-ratio" && resize != "no-aspect-ratio")
            bad(path, "params.resize is '" + resize + "'; expected 'aspect-ratio' or 'no-aspect-ratio'");
        pre.keep_aspect = resize == "aspect-ratio";
    }
    pre.color_space = string_or(p, "color_space", pre.color_space, path);
    if (pre.color_space != "RGB" && pre.color_space != "BGR" && pre.color_space != "GRAY")
        bad(path, "params.color_space is '" + pre.color_space + "'; expected RGB, BGR or GRAY");
    std::vector<float> range = floats(p, "range", path);
    if (!range.empty()) {
        if (range.size() != 2) bad(path, "params.range must hold two numbers");
        pre.range_min = range[0];
        pre.range_max = range[1];
    }
    if (json_object_has_member(p, "mean")) pre.mean = floats(p, "mean", path);
    if (json_object_has_member(p, "std")) pre.std = floats(p, "std", path);
    for (float s : pre.std)
        if (s == 0.f) bad(path, "params.std holds a zero");
    pre.size_multiple = int_or(p, "size_multiple", pre.size_multiple, path);
    pre.max_size = int_or(p, "max_size", pre.max_size, path);
    pre.min_size = int_or(p, "min_size", pre.min_size, path);
    if (pre.size_multiple < 1 || pre.max_size < 1 || pre.min_size < 0)
        bad(path, "params.size_multiple/max_size must be >= 1 and min_size >= 0");
}

void read_pre(JsonObject* item, PreProc& pre, const std::string& path) {
    if (!item || !json_object_has_member(item, "params")) return;
    JsonNode* params = json_object_get_member(item, "params");
    if (!JSON_NODE_HOLDS_OBJECT(params)) bad(path, "'params' must be an object");
    read_params(json_node_get_object(params), pre, path);
}

void read_post(JsonObject* item, PostProc& post, const std::string& path) {
    if (!item) return;
    post.converter = string_or(item, "converter", "", path);
    post.layer_name = string_or(item, "layer_name", "", path);
    post.attribute_name = string_or(item, "attribute_name", "", path);
    if (json_object_has_member(item, "labels")) {
        JsonNode* n = json_object_get_member(item, "labels");
        if (!JSON_NODE_HOLDS_ARRAY(n)) bad(path, "'labels' must be an array of strings");
        JsonArray* a = json_node_get_array(n);
        for (guint i = 0; i < json_array_get_length(a); ++i) {
            JsonNode* e = json_array_get_element(a, i);
            if (!holds(e, G_TYPE_STRING)) bad(path, "'labels' must be an array of strings");
            post.labels.push_back(json_node_get_string(e));
        }
    }
    post.binarize_threshold = float(number_or(item, "binarize_threshold", post.binarize_threshold, path));
    post.box_threshold = float(number_or(item, "box_threshold", post.box_threshold, path));
    post.unclip_ratio = float(number_or(item, "unclip_ratio", post.unclip_ratio, path));
    post.min_box_size = int_or(item, "min_box_size", post.min_box_size, path);
    post.iou_threshold = float(number_or(item, "iou_threshold", post.iou_threshold, path));
    std::string box_type = string_or(item, "box_type", "rotated", path);
    if (box_type != "rotated" && box_type != "axis-aligned")
        bad(path, "box_type is '" + box_type + "'; expected 'rotated' or 'axis-aligned'");
    post.rotated_boxes = box_type == "rotated";
}

}  // namespace

ModelProc read_model_proc(const std::string& path) {
    ModelProc mp;
    JsonParser* parser = json_parser_new();
    GError* error = nullptr;
    if (!json_parser_load_from_file(parser, path.c_str(), &error)) {
        std::string msg = error->message;
        g_error_free(error);
        g_object_unref(parser);
        bad(path, msg);
    }
    try {
        JsonNode* root = json_parser_get_root(parser);
        if (!root || !JSON_NODE_HOLDS_OBJECT(root)) bad(path, "the top level must be an object");
        JsonObject* o = json_node_get_object(root);
        read_pre(first_object(o, "input_preproc", path), mp.pre, path);
        read_post(first_object(o, "output_postproc", path), mp.post, path);
    } catch (...) {
        g_object_unref(parser);
        throw;
    }
    g_object_unref(parser);
    return mp;
}

void apply_pre_process_config(const std::string& config, PreProc& pre) {
    JsonObject* params = json_object_new();
    gchar** items = g_strsplit(config.c_str(), ";", -1);
    for (gchar** item = items; *item; ++item) {
        gchar** kv = g_strsplit(g_strstrip(*item), "=", 2);
        if (kv[0] && *kv[0]) {
            const char* value = kv[1] ? kv[1] : "";
            gchar** numbers = g_strsplit(value, ",", -1);
            bool numeric = *value != 0;
            for (gchar** n = numbers; *n && numeric; ++n) {
                const char* v = g_strstrip(*n);
                numeric = *v && strspn(v, "0123456789.-+eE") == strlen(v);
            }
            if (numeric && g_strv_length(numbers) > 1) {
                JsonArray* a = json_array_new();
                for (gchar** n = numbers; *n; ++n) json_array_add_double_element(a, g_ascii_strtod(*n, nullptr));
                json_object_set_array_member(params, kv[0], a);
            } else if (numeric) {
                json_object_set_double_member(params, kv[0], g_ascii_strtod(value, nullptr));
            } else {
                json_object_set_string_member(params, kv[0], value);
            }
            g_strfreev(numbers);
        }
        g_strfreev(kv);
    }
    g_strfreev(items);
    try {
        read_params(params, pre, "pre-process-config");
    } catch (...) {
        json_object_unref(params);
        throw;
    }
    json_object_unref(params);
}

std::vector<std::string> read_labels(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("labels-file '" + path + "' cannot be read");
    std::vector<std::string> labels;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        labels.push_back(line);
    }
    return labels;
}

}  // namespace ovkit::gst
