// NonMaxSuppression (OpenVINO opset9): boxes [N, B, 4], scores [N, C, B], optional
// max_output_boxes_per_class, iou_threshold, score_threshold, soft_nms_sigma (scalars or [1]).
// Outputs selected_indices [K, 3] (batch, class, box; output_type), selected_scores [K, 3]
// (scores' type) and valid_outputs [1]; K depends on the data and is bounded by
// N * C * min(B, max_output_boxes_per_class).
#include "infer_helpers.h"

namespace ovkit {
namespace {

void infer_nms(ShapeContext& c) {
    const PartialShape& boxes = c.in_shapes[0];
    const PartialShape& scores = c.in_shapes[1];
    check(boxes.rank() < 0 || (boxes.rank() == 3 && (!boxes[2].is_static() || boxes[2].value() == 4)),
          c.node.describe(), ": boxes must be [batches, boxes, 4], got ", boxes.to_string());
    check(scores.rank() < 0 || scores.rank() == 3, c.node.describe(), ": scores must be [batches, classes, boxes], got ",
          scores.to_string());
    for (size_t i = 2; i < c.inputs(); ++i)
        check(c.in_shapes[i].rank() < 0 || c.in_shapes[i].rank() <= 1, c.node.describe(), ": input ", i,
              " must be a scalar, got ", c.in_shapes[i].to_string());
    const std::string out_name = c.node.attrs.get_string("output_type", "i64");
    const ElementType index_type = type_from_name(out_name);
    check(index_type == ElementType::i64 || index_type == ElementType::i32, c.node.describe(),
          ": output_type must be i64 or i32, got ", out_name);

    Dimension selected(0, -1);
    std::vector<int64_t> max_out{0};
    const bool know_max = c.inputs() < 3 || c.int_values(2, max_out);
    if (know_max && boxes.rank() == 3 && scores.rank() == 3 && boxes[0].is_static() && boxes[1].is_static() &&
        scores[1].is_static() && !max_out.empty()) {
        const int64_t per_class = std::min(boxes[1].value(), std::max<int64_t>(max_out[0], 0));
        selected = Dimension(0, boxes[0].value() * scores[1].value() * per_class);
    }
    c.set_output(0, index_type, PartialShape{selected, 3});
    c.set_output(1, c.in_types[1], PartialShape{selected, 3});
    c.set_output(2, index_type, PartialShape{1});
}

}  // namespace

OVKIT_OP("NonMaxSuppression", infer_nms, 2, 6);
OVKIT_OP_VERSION("NonMaxSuppression", "opset9");

}  // namespace ovkit
