#include "infer_helpers.h"

namespace ovkit {
OVKIT_OP("Relu", infer::same_as_input, 1, 1);
}
