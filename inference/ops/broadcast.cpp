// Broadcast(data, target_shape[, axes_mapping]; mode) (opset3):
//   numpy: data broadcasts to exactly target_shape;
//   bidirectional: the output is the numpy broadcast of both shapes (ONNX Expand);
//   explicit: data dimension i goes to output axis axes_mapping[i], the others repeat it.
#include "movement_helpers.h"

namespace ovkit {
namespace {

PartialShape target_of(const ShapeContext& c) {
    std::vector<int64_t> target;
    if (!c.int_values(1, target)) return PartialShape::dynamic(infer::known_length(c, 1));
    for (int64_t v : target)
        check(v >= 0, c.node.describe(), ": target shape ", to_string(target), " has a negative value");
    return PartialShape(Shape(target));
}

void infer_broadcast(ShapeContext& c) {
    std::string mode = c.node.attrs.get_string("mode", "numpy");
    const PartialShape& in = c.in_shapes[0];
    PartialShape target = target_of(c);
    ElementType t = c.in_types[0];
    if (mode == "bidirectional") {
        if (!target.rank_is_static() || !in.rank_is_static()) return c.set_output(0, t, PartialShape::dynamic());
        return c.set_output(0, t, broadcast_shapes(in, target));
    }
    if (mode == "explicit") {
        std::vector<int64_t> mapping;
        if (c.inputs() < 3 || !c.int_values(2, mapping) || !in.rank_is_static() || !target.rank_is_static())
            return c.set_output(0, t, target);
        check(int64_t(mapping.size()) == in.rank(), c.node.describe(), ": axes_mapping ", to_string(mapping),
              " does not match the data rank ", in.rank());
        std::vector<Dimension> placed(target.size(), Dimension(1));
        for (size_t i = 0; i < mapping.size(); ++i) {
            check(mapping[i] >= 0 && mapping[i] < target.rank() && (i == 0 || mapping[i] > mapping[i - 1]),
                  c.node.describe(), ": axes_mapping ", to_string(mapping), " is not increasing within rank ",
                  target.rank());
            placed[size_t(mapping[i])] = in[i];
        }
        broadcast_shapes(PartialShape(placed), target);  // checks compatibility
        return c.set_output(0, t, target);
    }
    check(mode == "numpy", c.node.describe(), ": unknown mode '", mode, "'");
    if (in.rank_is_static() && target.rank_is_static()) {
        check(in.rank() <= target.rank(), c.node.describe(), ": cannot broadcast ", in.to_string(), " to ",
              target.to_string());
        PartialShape joined = broadcast_shapes(in, target);
        for (size_t i = 0; i < target.size(); ++i)
            check(target[i].is_dynamic() || joined[i] == target[i], c.node.describe(), ": cannot broadcast ",
                  in.to_string(), " to ", target.to_string());
    }
    c.set_output(0, t, target);
}

}  // namespace
OVKIT_OP("Broadcast", infer_broadcast, 2, 3);
OVKIT_OP_VERSION("Broadcast", "opset3");
}  // namespace ovkit
