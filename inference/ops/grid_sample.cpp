// GridSample (OpenVINO opset9): data [N, C, H, W], grid [N, H_out, W_out, 2] -> [N, C, H_out, W_out].
#include "infer_helpers.h"

namespace ovkit {
namespace {

void infer_grid_sample(ShapeContext& c) {
    const PartialShape& data = c.in_shapes[0];
    const PartialShape& grid = c.in_shapes[1];
    check(data.rank() < 0 || data.rank() == 4, c.node.describe(), ": data must be 4-D, got ", data.to_string());
    check(grid.rank() < 0 || grid.rank() == 4, c.node.describe(), ": grid must be 4-D, got ", grid.to_string());
    check(grid.rank() < 0 || !grid[3].is_static() || grid[3].value() == 2, c.node.describe(),
          ": grid's last dimension must be 2, got ", grid.to_string());
    check(is_float(c.in_types[1]), c.node.describe(), ": grid must be floating point, got ", type_name(c.in_types[1]));
    PartialShape out = PartialShape::dynamic(4);
    if (data.rank() == 4) out[0] = data[0], out[1] = data[1];
    if (grid.rank() == 4) {
        if (out[0].is_dynamic()) out[0] = grid[0];
        check(!grid[0].is_static() || !out[0].is_static() || grid[0] == out[0], c.node.describe(),
              ": batch of data ", data.to_string(), " and grid ", grid.to_string(), " differ");
        out[2] = grid[1], out[3] = grid[2];
    }
    c.set_output(0, c.in_types[0], out);
}

}  // namespace

OVKIT_OP("GridSample", infer_grid_sample, 2, 2);
OVKIT_OP_VERSION("GridSample", "opset9");

}  // namespace ovkit
