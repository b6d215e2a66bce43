// NonMaxSuppression (OpenVINO opset9), per batch and class: repeatedly take the highest
// scoring candidate (ties: lower box index), keep it when no kept box overlaps it by more
// than iou_threshold. With soft_nms_sigma > 0 overlapping candidates are re-scored by
// exp(-0.5 * iou^2 / sigma) instead (Gaussian soft-NMS) and dropped below score_threshold.
#include <algorithm>
#include <array>
#include <queue>

#include "helpers.h"

namespace ovkit::reference {
namespace {

using Box = std::array<double, 4>;  // y1, x1, y2, x2 with y1 <= y2, x1 <= x2

Box read_box(const double* p, bool center) {
    if (center) {  // x_center, y_center, width, height
        return {p[1] - p[3] / 2, p[0] - p[2] / 2, p[1] + p[3] / 2, p[0] + p[2] / 2};
    }
    return {std::min(p[0], p[2]), std::min(p[1], p[3]), std::max(p[0], p[2]), std::max(p[1], p[3])};
}

double iou(const Box& a, const Box& b) {
    const double area_a = (a[2] - a[0]) * (a[3] - a[1]), area_b = (b[2] - b[0]) * (b[3] - b[1]);
    if (area_a <= 0 || area_b <= 0) return 0;
    const double ih = std::max(0.0, std::min(a[2], b[2]) - std::max(a[0], b[0]));
    const double iw = std::max(0.0, std::min(a[3], b[3]) - std::max(a[1], b[1]));
    const double inter = ih * iw;
    return inter / (area_a + area_b - inter);
}

struct Candidate {
    double score;
    int64_t box;
    size_t checked = 0;  // kept boxes already compared against (soft-NMS)
    bool operator<(const Candidate& o) const {  // max-heap: higher score, then lower index first
        return score != o.score ? score < o.score : box > o.box;
    }
};

struct Selected {
    int64_t batch, cls, box;
    double score;
};

double scalar_input(const std::vector<Tensor>& in, size_t i, double fallback) {
    if (in.size() <= i || in[i].size() == 0) return fallback;
    return in[i].as_double()[0];
}

void nms(const Node& n, const std::vector<Tensor>& in, std::vector<Tensor>& out, EvalContext&) {
    const bool center = n.attrs.get_string("box_encoding", "corner") == "center";
    const bool sort_descending = n.attrs.get_bool("sort_result_descending", true);
    const int64_t max_out = int64_t(scalar_input(in, 2, 0));
    const double iou_threshold = scalar_input(in, 3, 0);
    const double score_threshold = scalar_input(in, 4, 0);
    const double sigma = scalar_input(in, 5, 0);
    const double soft_scale = sigma > 0 ? -0.5 / sigma : 0.0;

    const Shape& bs = in[0].shape();
    const Shape& ss = in[1].shape();
    const int64_t batches = bs[0], num_boxes = bs[1], classes = ss[1];
    check(ss[0] == batches && ss[2] == num_boxes, "boxes ", to_string(bs), " and scores ", to_string(ss),
          " do not match");
    const auto box_values = in[0].as_double(), scores = in[1].as_double();

    std::vector<Selected> selected;
    for (int64_t b = 0; b < batches; ++b) {
        std::vector<Box> boxes(static_cast<size_t>(num_boxes));
        for (int64_t i = 0; i < num_boxes; ++i) boxes[i] = read_box(box_values.data() + (b * num_boxes + i) * 4, center);
        for (int64_t cl = 0; cl < classes && max_out > 0; ++cl) {
            const double* s = scores.data() + (b * classes + cl) * num_boxes;
            std::priority_queue<Candidate> queue;
            for (int64_t i = 0; i < num_boxes; ++i)
                if (s[i] > score_threshold) queue.push({s[i], i});
            std::vector<Candidate> kept;
            while (!queue.empty() && int64_t(kept.size()) < max_out) {
                Candidate next = queue.top();
                queue.pop();
                const double original = next.score;
                bool suppressed = false;
                for (size_t j = next.checked; j < kept.size(); ++j) {
                    const double overlap = iou(boxes[next.box], boxes[kept[j].box]);
                    if (overlap > iou_threshold) {
                        suppressed = true;
                        break;
                    }
                    next.score *= std::exp(soft_scale * overlap * overlap);
                    if (next.score <= score_threshold) break;
                }
                next.checked = kept.size();
                if (suppressed || next.score <= score_threshold) continue;
                if (next.score == original) kept.push_back(next);
                else queue.push(next);  // re-scored by soft-NMS: compete again
            }
            for (const Candidate& k : kept) selected.push_back({b, cl, k.box, k.score});
        }
    }
    if (sort_descending)
        std::stable_sort(selected.begin(), selected.end(),
                         [](const Selected& a, const Selected& b) { return a.score > b.score; });

    const int64_t k = int64_t(selected.size());
    std::vector<int64_t> indices;
    std::vector<double> selected_scores;
    for (const Selected& s : selected) {
        indices.insert(indices.end(), {s.batch, s.cls, s.box});
        selected_scores.insert(selected_scores.end(), {double(s.batch), double(s.cls), s.score});
    }
    const ElementType index_type = type_from_name(n.attrs.get_string("output_type", "i64"));
    out[0] = Tensor::from_int64(index_type, indices, {k, 3});
    out[1] = Tensor::from_double(in[1].type(), selected_scores, {k, 3});
    out[2] = Tensor::from_int64(index_type, {k}, {1});
}

}  // namespace

OVKIT_REFERENCE_KERNEL("NonMaxSuppression", nms);

}  // namespace ovkit::reference
