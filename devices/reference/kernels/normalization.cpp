// MVN, LRN and BatchNormInference, computed in double.
#include "reduction.h"

namespace ovkit::reference {
namespace {

// Calls fn(T tag) for floating point element types, fails otherwise.
template <typename Fn>
void visit_float(const Node& n, ElementType t, Fn&& fn) {
    visit_type(t, [&](auto tag) {
        using T = decltype(tag);
        if constexpr (is_floating_v<T>) fn(tag);
        else fail(n.describe(), ": input must be floating point");
    });
}

// (x - mean) / sqrt(var + eps) (inside_sqrt) or / (sqrt(var) + eps) (outside_sqrt), with
// mean and var over the axes; without normalize_variance only the mean is subtracted.
void mvn(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    const Shape& shape = in[0].shape();
    auto mask = axes_mask(in[1].as_int64(), shape.size(), n);
    double count = double(reduced_count(shape, mask));
    Shape kept = shape;
    for (size_t d = 0; d < shape.size(); ++d)
        if (mask[d]) kept[d] = 1;
    size_t groups = size_t(shape_size(kept));
    bool variance = n.attrs.get_bool("normalize_variance");
    double eps = n.attrs.get_float("eps");
    bool inside = n.attrs.get_string("eps_mode") == "inside_sqrt";
    visit_float(n, in[0].type(), [&](auto tag) {
        using T = decltype(tag);
        const T* x = in[0].data<T>();
        T* y = out[0].data<T>();
        std::vector<double> mean(groups, 0.0), var(groups, 0.0);
        for_each_reduced(shape, mask, [&](int64_t i, int64_t o) { mean[o] += double(x[i]); });
        for (double& m : mean) m /= count;
        for_each_reduced(shape, mask, [&](int64_t i, int64_t o) {
            double d = double(x[i]) - mean[o];
            var[o] += d * d;
        });
        for (size_t o = 0; o < groups; ++o) {
            double v = var[o] / count;
            var[o] = !variance ? 1.0 : inside ? std::sqrt(v + eps) : std::sqrt(v) + eps;
        }
        for_each_reduced(shape, mask, [&](int64_t i, int64_t o) { y[i] = T((double(x[i]) - mean[o]) / var[o]); });
    });
}

// x / (bias + alpha / size^len(axes) * sum(x^2 over the window))^beta; along each axis the
// window covers (size - 1) / 2 elements before and the rest after.
void lrn(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    const Shape& shape = in[0].shape();
    auto mask = axes_mask(in[1].as_int64(), shape.size(), n);
    int64_t size = n.attrs.get_int("size");
    double alpha = n.attrs.get_float("alpha"), beta = n.attrs.get_float("beta"), bias = n.attrs.get_float("bias");
    size_t window_rank = 0;
    for (bool m : mask) window_rank += m;
    double scale = alpha / std::pow(double(size), double(window_rank));
    int64_t before = (size - 1) / 2, after = size - 1 - before;
    auto st = strides_of(shape);
    size_t rank = shape.size();
    visit_float(n, in[0].type(), [&](auto tag) {
        using T = decltype(tag);
        const T* x = in[0].data<T>();
        T* y = out[0].data<T>();
        std::vector<int64_t> idx(rank, 0), lo(rank), hi(rank), w(rank);
        for (int64_t i = 0, total = in[0].size(); i < total; ++i) {
            for (size_t d = 0; d < rank; ++d) {
                lo[d] = mask[d] ? std::max<int64_t>(0, idx[d] - before) : idx[d];
                hi[d] = mask[d] ? std::min<int64_t>(shape[d] - 1, idx[d] + after) : idx[d];
            }
            double sum = 0;
            w = lo;
            while (true) {
                int64_t at = 0;
                for (size_t d = 0; d < rank; ++d) at += w[d] * st[d];
                sum += double(x[at]) * double(x[at]);
                int64_t d = int64_t(rank) - 1;
                for (; d >= 0 && ++w[size_t(d)] > hi[size_t(d)]; --d) w[size_t(d)] = lo[size_t(d)];
                if (d < 0) break;
            }
            y[i] = T(double(x[i]) / std::pow(bias + scale * sum, beta));
            for (int64_t d = int64_t(rank) - 1; d >= 0 && ++idx[size_t(d)] == shape[size_t(d)]; --d) idx[size_t(d)] = 0;
        }
    });
}

void batch_norm(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    AxisSplit s = split_at_axis(in[0].shape(), 1);
    double eps = n.attrs.get_float("epsilon");
    visit_float(n, in[0].type(), [&](auto tag) {
        using T = decltype(tag);
        const T *x = in[0].data<T>(), *gamma = in[1].data<T>(), *beta = in[2].data<T>();
        const T *mean = in[3].data<T>(), *var = in[4].data<T>();
        T* y = out[0].data<T>();
        for (int64_t c = 0; c < s.dim; ++c) {
            double scale = double(gamma[c]) / std::sqrt(double(var[c]) + eps);
            for (int64_t o = 0; o < s.outer; ++o)
                for (int64_t i = 0; i < s.inner; ++i)
                    y[s.at(o, c, i)] = T((double(x[s.at(o, c, i)]) - double(mean[c])) * scale + double(beta[c]));
        }
    });
}

}  // namespace

OVKIT_REFERENCE_KERNEL("MVN", mvn);
OVKIT_REFERENCE_KERNEL("LRN", lrn);
OVKIT_REFERENCE_KERNEL("BatchNormInference", batch_norm);

}  // namespace ovkit::reference
