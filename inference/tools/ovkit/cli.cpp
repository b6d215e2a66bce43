#include "cli.h"

namespace ovkit::cli {

std::string Args::next(const std::string& flag) {
    check(pos < items.size(), "option ", flag, " needs a value");
    return items[pos++];
}

std::pair<std::string, std::string> split_assignment(const std::string& s, const std::string& flag) {
    size_t eq = s.find('=');
    check(eq != std::string::npos && eq > 0, "option ", flag, " expects NAME=FILE, got '", s, "'");
    return {s.substr(0, eq), s.substr(eq + 1)};
}

std::pair<std::string, PartialShape> parse_named_shape(const std::string& s) {
    size_t b = s.find('[');
    check(b != std::string::npos && s.back() == ']', "shape '", s, "' must look like NAME[d0,d1,...]");
    return {s.substr(0, b), PartialShape::parse(s.substr(b))};
}

std::shared_ptr<Model> load_model(const std::string& path, const std::vector<std::string>& shapes) {
    Core core;
    auto model = core.read_model(path);
    if (shapes.empty()) return model;
    std::map<std::string, PartialShape> wanted;
    for (const auto& s : shapes) {
        auto [name, shape] = parse_named_shape(s);
        if (name.empty()) {
            check(model->parameters().size() == 1, "shape '", s, "' has no input name but the model has ",
                  model->parameters().size(), " inputs");
            name = model->parameters()[0]->name;
        }
        wanted[name] = shape;
    }
    reshape(*model, wanted);
    return model;
}

}  // namespace ovkit::cli
