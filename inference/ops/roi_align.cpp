// ROIAlign (OpenVINO opset9): data [N, C, H, W], rois [R, 4], batch_indices [R]
// -> [R, C, pooled_h, pooled_w].
#include "infer_helpers.h"

namespace ovkit {
namespace {

void infer_roi_align(ShapeContext& c) {
    const PartialShape& data = c.in_shapes[0];
    const PartialShape& rois = c.in_shapes[1];
    const PartialShape& indices = c.in_shapes[2];
    check(data.rank() < 0 || data.rank() == 4, c.node.describe(), ": data must be 4-D, got ", data.to_string());
    check(rois.rank() < 0 || (rois.rank() == 2 && (!rois[1].is_static() || rois[1].value() == 4)),
          c.node.describe(), ": rois must be [num_rois, 4], got ", rois.to_string());
    check(indices.rank() < 0 || indices.rank() == 1, c.node.describe(), ": batch_indices must be 1-D, got ",
          indices.to_string());
    check(is_integral(c.in_types[2]), c.node.describe(), ": batch_indices must be integers, got ",
          type_name(c.in_types[2]));
    const int64_t ph = c.node.attrs.get_int("pooled_h"), pw = c.node.attrs.get_int("pooled_w");
    check(ph > 0 && pw > 0, c.node.describe(), ": pooled_h (", ph, ") and pooled_w (", pw, ") must be positive");
    Dimension num_rois = rois.rank() == 2 ? rois[0] : Dimension::dynamic();
    if (num_rois.is_dynamic() && indices.rank() == 1) num_rois = indices[0];
    if (rois.rank() == 2 && indices.rank() == 1 && rois[0].is_static() && indices[0].is_static())
        check(rois[0] == indices[0], c.node.describe(), ": ", rois[0].value(), " rois but ", indices[0].value(),
              " batch indices");
    c.set_output(0, c.in_types[0],
                 PartialShape{num_rois, data.rank() == 4 ? data[1] : Dimension::dynamic(), ph, pw});
}

}  // namespace

OVKIT_OP("ROIAlign", infer_roi_align, 3, 3);
OVKIT_OP_VERSION("ROIAlign", "opset9");

}  // namespace ovkit
