// ONNX normalizations:
//   LayerNormalization -> MVN over axes [axis, rank) * Scale + B; the optional Mean and
//     InvStdDev outputs as ReduceMean and 1 / Sqrt(variance + epsilon).
//   BatchNormalization -> BatchNormInference; with training_mode the batch statistics
//     (ReduceMean over all axes but 1) feed it and the running statistics are updated.
//   InstanceNormalization -> MVN over the spatial axes, scale and bias unsqueezed to [C,1,...].
//   MeanVarianceNormalization -> MVN (axes default [0,2,3], eps 1e-9 outside the sqrt).
//   LRN -> LRN over axis 1.
//   LpNormalization -> x / ReduceL1 or ReduceL2 along axis (kept).
#include "../node_context.h"

namespace ovkit::onnx_frontend {
namespace {

int64_t known_rank(NodeContext& c, Output x) {
    int64_t rank = x.shape().rank();
    if (rank < 0) c.fail("the input rank must be known");
    return rank;
}

std::vector<int64_t> range(int64_t begin, int64_t end) {
    std::vector<int64_t> r;
    for (int64_t i = begin; i < end; ++i) r.push_back(i);
    return r;
}

Output mvn(NodeContext& c, Output x, const std::vector<int64_t>& axes, double eps, const char* eps_mode) {
    return c.make("MVN", {x, c.const_i64(axes)},
                  Attributes{{"normalize_variance", true}, {"eps", eps}, {"eps_mode", std::string(eps_mode)}});
}

std::vector<Output> layer_normalization(NodeContext& c) {
    Output x = c.input(0);
    int64_t rank = known_rank(c, x);
    auto axes = range(normalize_axis(c.attr_int("axis", -1), rank, c.name()), rank);
    double eps = c.attr_float("epsilon", 1e-5f);
    Output y = c.make("Multiply", {mvn(c, x, axes, eps, "inside_sqrt"), c.input(1)});
    if (c.has_input(2)) y = c.make("Add", {y, c.input(2)});
    if (!c.has_output(1) && !c.has_output(2)) return {y};
    Output mean = c.make("ReduceMean", {x, c.const_i64(axes)}, Attributes{{"keep_dims", true}});
    Output diff = c.make("Subtract", {x, mean});
    Output var = c.make("ReduceMean", {c.make("Multiply", {diff, diff}), c.const_i64(axes)}, Attributes{{"keep_dims", true}});
    Output std_dev = c.make("Sqrt", {c.make("Add", {var, c.scalar(x.type(), eps)})});
    return {y, mean, c.make("Divide", {c.scalar(x.type(), 1), std_dev})};
}

std::vector<Output> batch_normalization(NodeContext& c) {
    Output x = c.input(0), scale = c.input(1), bias = c.input(2), mean = c.input(3), var = c.input(4);
    double eps = c.attr_float("epsilon", 1e-5f);
    Attributes attrs{{"epsilon", eps}};
    if (c.attr_int("training_mode", 0) == 0) return {c.make("BatchNormInference", {x, scale, bias, mean, var}, attrs)};
    // Training mode: normalize with the batch's own (biased) statistics.
    int64_t rank = known_rank(c, x);
    auto axes = range(0, rank);
    axes.erase(axes.begin() + 1);
    Output batch_mean = c.make("ReduceMean", {x, c.const_i64(axes)}, Attributes{{"keep_dims", false}});
    Output diff = c.make("Subtract", {x, c.make("ReduceMean", {x, c.const_i64(axes)}, Attributes{{"keep_dims", true}})});
    Output batch_var = c.make("ReduceMean", {c.make("Multiply", {diff, diff}), c.const_i64(axes)}, Attributes{{"keep_dims", false}});
    Output y = c.make("BatchNormInference", {x, scale, bias, batch_mean, batch_var}, attrs);
    double momentum = c.attr_float("momentum", 0.9f);
    auto running = [&](Output old, Output batch) {
        return c.make("Add", {c.make("Multiply", {old, c.scalar(x.type(), momentum)}),
                              c.make("Multiply", {batch, c.scalar(x.type(), 1.0 - momentum)})});
    };
    return {y, running(mean, batch_mean), running(var, batch_var)};
}

std::vector<Output> instance_normalization(NodeContext& c) {
    Output x = c.input(0);
    int64_t rank = known_rank(c, x);
    if (rank < 3) c.fail("input must have rank >= 3, got ", x.shape().to_string());
    Output spatial = c.const_i64(range(1, rank - 1));
    Output scale = c.make("Unsqueeze", {c.input(1), spatial});
    Output bias = c.make("Unsqueeze", {c.input(2), spatial});
    Output y = mvn(c, x, range(2, rank), c.attr_float("epsilon", 1e-5f), "inside_sqrt");
    return {c.make("Add", {c.make("Multiply", {y, scale}), bias})};
}

std::vector<Output> mean_variance_normalization(NodeContext& c) {
    return {mvn(c, c.input(0), c.attr_ints("axes", {0, 2, 3}), 1e-9, "outside_sqrt")};
}

std::vector<Output> lrn(NodeContext& c) {
    return {c.make("LRN", {c.input(0), c.const_i64({1})},
                   Attributes{{"alpha", double(c.attr_float("alpha", 1e-4f))},
                              {"beta", double(c.attr_float("beta", 0.75f))},
                              {"bias", double(c.attr_float("bias", 1.0f))},
                              {"size", c.attr_int("size")}})};
}

std::vector<Output> lp_normalization(NodeContext& c) {
    Output x = c.input(0);
    int64_t axis = normalize_axis(c.attr_int("axis", -1), known_rank(c, x), c.name());
    int64_t p = c.attr_int("p", 2);
    if (p != 1 && p != 2) c.fail("p must be 1 or 2, got ", p);
    Output norm = c.make(p == 1 ? "ReduceL1" : "ReduceL2", {x, c.const_i64({axis})}, Attributes{{"keep_dims", true}});
    return {c.make("Divide", {x, norm})};
}

}  // namespace

ONNX_OP("LayerNormalization", 17, layer_normalization);
ONNX_OP("BatchNormalization", 1, batch_normalization);
ONNX_OP("InstanceNormalization", 1, instance_normalization);
ONNX_OP("MeanVarianceNormalization", 9, mean_variance_normalization);
ONNX_OP("LRN", 1, lrn);
ONNX_OP("LpNormalization", 1, lp_normalization);

}  // namespace ovkit::onnx_frontend
