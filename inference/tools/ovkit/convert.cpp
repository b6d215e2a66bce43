// ovkit convert MODEL.onnx -o OUT.xml [--input NAME[d0,d1,...]] [--compress-to-fp16]
#include <cstdio>

#include "cli.h"

namespace ovkit::cli {

int run_convert(Args& args) {
    fail("convert is not available yet: the IR v11 writer is not built");
}

}  // namespace ovkit::cli
