// Convolution, GroupConvolution and their transposed forms ConvolutionBackpropData and
// GroupConvolutionBackpropData (OpenVINO opset1).
//   Convolution                  data [N, C_in, X...], filters [C_out, C_in, K...]
//   GroupConvolution             data [N, G*C_in, X...], filters [G, C_out, C_in, K...]
//   ConvolutionBackpropData      data [N, C_in, X...], filters [C_in, C_out, K...], [output_shape]
//   GroupConvolutionBackpropData data [N, G*C_in, X...], filters [G, C_in, C_out, K...], [output_shape]
#include "sliding_window.h"

namespace ovkit {
namespace {

int64_t static_or(const Dimension& d, int64_t fallback) { return d.is_static() ? d.value() : fallback; }

// Checks ranks and types; returns the spatial rank (-1 when unknown).
int64_t conv_spatial_rank(const ShapeContext& c, bool grouped) {
    check(c.in_types[0] == c.in_types[1], c.node.describe(), ": data and filters element types differ (",
          type_name(c.in_types[0]), " and ", type_name(c.in_types[1]), ")");
    const PartialShape& data = c.in_shapes[0];
    const PartialShape& filters = c.in_shapes[1];
    int64_t extra = grouped ? 1 : 0;
    int64_t rank = data.rank_is_static() ? data.rank() : filters.rank_is_static() ? filters.rank() - extra : -1;
    if (data.rank_is_static() && filters.rank_is_static())
        check(filters.rank() == data.rank() + extra, c.node.describe(), ": filters rank ", filters.rank(),
              " does not match data rank ", data.rank(), grouped ? " (expected data rank + 1)" : "");
    return infer::spatial_rank(c, rank);
}

// Checks that the data's channels match what the filters read, when both are known.
void check_channels(const ShapeContext& c, const Dimension& data_channels, int64_t groups, const Dimension& per_group) {
    if (data_channels.is_static() && per_group.is_static() && groups > 0)
        check(data_channels.value() == groups * per_group.value(), c.node.describe(), ": data has ",
              data_channels.value(), " channels but filters expect ", groups, " x ", per_group.value());
}

void infer_convolution(ShapeContext& c, bool grouped) {
    int64_t spatial = conv_spatial_rank(c, grouped);
    if (spatial < 0) return c.set_output(0, c.in_types[0], PartialShape::dynamic());
    const PartialShape& data = c.in_shapes[0];
    PartialShape filters = c.in_shapes[1].rank_is_static() ? c.in_shapes[1] : PartialShape::dynamic(spatial + 2 + grouped);
    PartialShape in = data.rank_is_static() ? data : PartialShape::dynamic(spatial + 2);
    auto w = infer::window_attrs(c, size_t(spatial));
    int64_t groups = grouped ? static_or(filters[0], -1) : 1;
    size_t k0 = grouped ? 3 : 2;  // first kernel dim in filters
    check_channels(c, in[1], groups, filters[k0 - 1]);
    std::vector<Dimension> out{in[0], Dimension::dynamic()};
    int64_t c_out = static_or(filters[k0 - 2], -1);
    if (c_out >= 0 && groups >= 0) out[1] = c_out * groups;
    for (int64_t i = 0; i < spatial; ++i)
        out.push_back(infer::window_output(c, w, size_t(i), in[2 + i], static_or(filters[k0 + i], -1)));
    c.set_output(0, c.in_types[0], PartialShape(out));
}

void infer_backprop(ShapeContext& c, bool grouped) {
    int64_t spatial = conv_spatial_rank(c, grouped);
    if (spatial < 0) return c.set_output(0, c.in_types[0], PartialShape::dynamic());
    PartialShape filters = c.in_shapes[1].rank_is_static() ? c.in_shapes[1] : PartialShape::dynamic(spatial + 2 + grouped);
    PartialShape in = c.in_shapes[0].rank_is_static() ? c.in_shapes[0] : PartialShape::dynamic(spatial + 2);
    auto w = infer::window_attrs(c, size_t(spatial));
    auto output_padding = c.node.attrs.get_ints("output_padding", std::vector<int64_t>(size_t(spatial), 0));
    check(int64_t(output_padding.size()) == spatial, c.node.describe(), ": 'output_padding' has ",
          output_padding.size(), " values for ", spatial, " spatial dimensions");
    int64_t groups = grouped ? static_or(filters[0], -1) : 1;
    size_t k0 = grouped ? 3 : 2;
    check_channels(c, in[1], groups, filters[k0 - 2]);
    std::vector<Dimension> out{in[0], Dimension::dynamic()};
    int64_t c_out = static_or(filters[k0 - 1], -1);
    if (c_out >= 0 && groups >= 0) out[1] = c_out * groups;

    bool has_output_shape = c.inputs() > 2;
    std::vector<int64_t> output_shape;
    if (has_output_shape && c.int_values(2, output_shape))
        check(int64_t(output_shape.size()) == spatial, c.node.describe(), ": output_shape has ",
              output_shape.size(), " values for ", spatial, " spatial dimensions");
    for (int64_t i = 0; i < spatial; ++i) {
        const Dimension& x = in[2 + i];
        int64_t k = static_or(filters[k0 + i], -1);
        if (has_output_shape) {
            out.push_back(output_shape.empty() ? Dimension::dynamic() : Dimension(output_shape[i]));
        } else if (x.is_dynamic() || k < 0) {
            out.push_back(Dimension::dynamic());
        } else if (w.auto_pad == "same_upper" || w.auto_pad == "same_lower") {
            out.push_back(x.value() * w.strides[i]);
        } else {
            int64_t pads = w.auto_pad == "valid" ? 0 : w.pads_begin[i] + w.pads_end[i];
            int64_t size = w.strides[i] * (x.value() - 1) + (k - 1) * w.dilations[i] + 1 - pads + output_padding[i];
            check(size > 0, c.node.describe(), ": output size ", size, " on spatial axis ", i,
                  " is not positive (pads ", pads, " too large)");
            out.push_back(size);
        }
    }
    c.set_output(0, c.in_types[0], PartialShape(out));
}

void convolution(ShapeContext& c) { infer_convolution(c, false); }
void group_convolution(ShapeContext& c) { infer_convolution(c, true); }
void backprop(ShapeContext& c) { infer_backprop(c, false); }
void group_backprop(ShapeContext& c) { infer_backprop(c, true); }

}  // namespace

OVKIT_OP("Convolution", convolution, 2, 2);
OVKIT_OP("GroupConvolution", group_convolution, 2, 2);
OVKIT_OP("ConvolutionBackpropData", backprop, 2, 3);
OVKIT_OP("GroupConvolutionBackpropData", group_backprop, 2, 3);

}  // namespace ovkit
