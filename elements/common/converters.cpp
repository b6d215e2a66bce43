#include "common/converters.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace ovkit::gst {
namespace {

struct Point {
    double x, y;
};

double cross(Point o, Point a, Point b) { return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x); }

// Andrew's monotone chain; `pts` is sorted in place.
std::vector<Point> convex_hull(std::vector<Point>& pts) {
    std::sort(pts.begin(), pts.end(), [](Point a, Point b) { return a.x < b.x || (a.x == b.x && a.y < b.y); });
    std::vector<Point> hull(2 * pts.size());
    size_t k = 0;
    for (size_t i = 0; i < pts.size(); ++i) {
        while (k >= 2 && cross(hull[k - 2], hull[k - 1], pts[i]) <= 0) --k;
        hull[k++] = pts[i];
    }
    for (size_t i = pts.size() - 1, t = k + 1; i > 0; --i) {
        while (k >= t && cross(hull[k - 2], hull[k - 1], pts[i - 1]) <= 0) --k;
        hull[k++] = pts[i - 1];
    }
    hull.resize(k > 1 ? k - 1 : k);
    return hull;
}

// Minimum-area rectangle around a convex hull (rotating calipers over its edges).
struct RotatedRect {
    Point center;
    double w, h, angle;  // angle of the w side, radians
};

RotatedRect min_area_rect(const std::vector<Point>& hull, bool rotated) {
    RotatedRect best{{0, 0}, 0, 0, 0};
    double best_area = -1;
    size_t edges = rotated ? hull.size() : 1;
    for (size_t i = 0; i < edges; ++i) {
        double angle = 0;
        if (rotated) {
            Point a = hull[i], b = hull[(i + 1) % hull.size()];
            angle = std::atan2(b.y - a.y, b.x - a.x);
        }
        double c = std::cos(angle), s = std::sin(angle);
        double u0 = 1e30, u1 = -1e30, v0 = 1e30, v1 = -1e30;
        for (Point p : hull) {
            double u = p.x * c + p.y * s, v = -p.x * s + p.y * c;
            u0 = std::min(u0, u), u1 = std::max(u1, u), v0 = std::min(v0, v), v1 = std::max(v1, v);
        }
        double area = (u1 - u0) * (v1 - v0);
        if (best_area < 0 || area < best_area) {
            best_area = area;
            double uc = (u0 + u1) / 2, vc = (v0 + v1) / 2;
            best = {{uc * c - vc * s, uc * s + vc * c}, u1 - u0, v1 - v0, angle};
        }
    }
    return best;
}

// Mean probability inside the rectangle (PaddleOCR's box_score_fast on the mini box).
double rect_score(const float* prob, int width, int height, const RotatedRect& r) {
    double c = std::cos(r.angle), s = std::sin(r.angle);
    double ext = (std::abs(r.w * c) + std::abs(r.h * s)) / 2, eyt = (std::abs(r.w * s) + std::abs(r.h * c)) / 2;
    int x0 = std::max(0, int(r.center.x - ext)), x1 = std::min(width - 1, int(r.center.x + ext));
    int y0 = std::max(0, int(r.center.y - eyt)), y1 = std::min(height - 1, int(r.center.y + eyt));
    double sum = 0;
    int n = 0;
    for (int y = y0; y <= y1; ++y)
        for (int x = x0; x <= x1; ++x) {
            double dx = x + 0.5 - r.center.x, dy = y + 0.5 - r.center.y;
            if (std::abs(dx * c + dy * s) <= r.w / 2 && std::abs(-dx * s + dy * c) <= r.h / 2) sum += prob[y * width + x], ++n;
        }
    return n ? sum / n : 0;
}

}  // namespace

std::vector<Detection> dbnet_boxes(const Tensor& prob, size_t b, Placement pl, const PostProc& post) {
    const Shape& s = prob.shape();
    if (prob.type() != ElementType::f32 || s.size() < 3)
        throw std::runtime_error("dbnet converter expects a float [N,1,H,W] probability map");
    const int height = int(s[s.size() - 2]), width = int(s[s.size() - 1]);
    const float* p = prob.data<float>() + b * size_t(height) * width;
    std::vector<int> label(size_t(height) * width, 0);
    std::vector<Detection> boxes;
    std::vector<int> stack;
    int next = 0;
    for (int start = 0; start < height * width; ++start) {
        if (label[start] || p[start] <= post.binarize_threshold) continue;
        // One 8-connected region: per row, its leftmost and rightmost pixel.
        std::vector<int> row_min(height, width), row_max(height, -1);
        label[start] = ++next;
        stack.assign(1, start);
        while (!stack.empty()) {
            int i = stack.back();
            stack.pop_back();
            int y = i / width, x = i % width;
            row_min[y] = std::min(row_min[y], x), row_max[y] = std::max(row_max[y], x);
            for (int dy = -1; dy <= 1; ++dy)
                for (int dx = -1; dx <= 1; ++dx) {
                    int yy = y + dy, xx = x + dx;
                    if (yy < 0 || yy >= height || xx < 0 || xx >= width) continue;
                    int j = yy * width + xx;
                    if (!label[j] && p[j] > post.binarize_threshold) label[j] = next, stack.push_back(j);
                }
        }
        std::vector<Point> pts;
        for (int y = 0; y < height; ++y)
            if (row_max[y] >= 0)
                for (double x : {double(row_min[y]), double(row_max[y] + 1)}) pts.push_back({x, double(y)}), pts.push_back({x, y + 1.0});
        std::vector<Point> hull = convex_hull(pts);
        RotatedRect r = min_area_rect(hull, post.rotated_boxes);
        if (std::min(r.w, r.h) < post.min_box_size) continue;
        double score = rect_score(p, width, height, r);
        if (score < post.box_threshold) continue;
        double d = r.w * r.h * post.unclip_ratio / (2 * (r.w + r.h));  // unclip: offset by area*ratio/perimeter
        r.w += 2 * d, r.h += 2 * d;
        if (std::min(r.w, r.h) < post.min_box_size + 2) continue;
        double c = std::cos(r.angle), sn = std::sin(r.angle);
        double ex = (std::abs(r.w * c) + std::abs(r.h * sn)) / 2, ey = (std::abs(r.w * sn) + std::abs(r.h * c)) / 2;
        Detection det;
        det.x_min = float(std::clamp((r.center.x - ex) / pl.content_w, 0.0, 1.0));
        det.x_max = float(std::clamp((r.center.x + ex) / pl.content_w, 0.0, 1.0));
        det.y_min = float(std::clamp((r.center.y - ey) / pl.content_h, 0.0, 1.0));
        det.y_max = float(std::clamp((r.center.y + ey) / pl.content_h, 0.0, 1.0));
        det.confidence = float(score);
        det.angle = float(r.angle * 180.0 / M_PI);
        if (det.x_max > det.x_min && det.y_max > det.y_min) boxes.push_back(det);
    }
    // Reading order: top to bottom, then left to right.
    std::sort(boxes.begin(), boxes.end(), [](const Detection& a, const Detection& b) {
        return std::abs(a.y_min - b.y_min) > 0.01f ? a.y_min < b.y_min : a.x_min < b.x_min;
    });
    return boxes;
}

std::vector<Detection> ssd_boxes(const Tensor& out, size_t b, float threshold) {
    if (out.type() != ElementType::f32 || out.shape().empty() || out.shape().back() != 7)
        throw std::runtime_error("ssd converter expects a float [1,1,K,7] output");
    std::vector<Detection> boxes;
    const float* v = out.data<float>();
    for (int64_t k = 0; k < out.size() / 7; ++k, v += 7) {
        if (v[0] < 0) break;
        if (size_t(v[0]) != b || v[2] < threshold) continue;
        Detection d;
        d.label_id = int(v[1]), d.confidence = v[2];
        d.x_min = std::clamp(v[3], 0.f, 1.f), d.y_min = std::clamp(v[4], 0.f, 1.f);
        d.x_max = std::clamp(v[5], 0.f, 1.f), d.y_max = std::clamp(v[6], 0.f, 1.f);
        boxes.push_back(d);
    }
    return boxes;
}

std::vector<Detection> yolo_boxes(const Tensor& out, size_t b, Placement pl, float threshold, float iou_threshold) {
    const Shape& s = out.shape();
    if (out.type() != ElementType::f32 || s.size() != 3)
        throw std::runtime_error("yolo converter expects a float [1,N,5+C] (v5) or [1,4+C,N] (v8) output");
    const bool v8 = s[1] < s[2];  // v8 puts the (few) box attributes first
    const size_t boxes = v8 ? s[2] : s[1], attrs = v8 ? s[1] : s[2];
    const size_t first_class = v8 ? 4 : 5;
    if (attrs <= first_class) throw std::runtime_error("yolo converter: " + std::to_string(attrs) + " attributes per box is too few");
    const float* p = out.data<float>() + b * boxes * attrs;
    auto at = [&](size_t box, size_t a) { return v8 ? p[a * boxes + box] : p[box * attrs + a]; };
    std::vector<Detection> found;
    for (size_t i = 0; i < boxes; ++i) {
        size_t best = first_class;
        for (size_t a = first_class + 1; a < attrs; ++a)
            if (at(i, a) > at(i, best)) best = a;
        float score = at(i, best) * (v8 ? 1.f : at(i, 4));
        if (score < threshold) continue;
        float cx = at(i, 0), cy = at(i, 1), w = at(i, 2), h = at(i, 3);
        Detection d;
        d.x_min = std::clamp((cx - w / 2) / pl.content_w, 0.f, 1.f), d.x_max = std::clamp((cx + w / 2) / pl.content_w, 0.f, 1.f);
        d.y_min = std::clamp((cy - h / 2) / pl.content_h, 0.f, 1.f), d.y_max = std::clamp((cy + h / 2) / pl.content_h, 0.f, 1.f);
        d.confidence = score, d.label_id = int(best - first_class);
        found.push_back(d);
    }
    std::sort(found.begin(), found.end(), [](const Detection& a, const Detection& b) { return a.confidence > b.confidence; });
    std::vector<Detection> kept;
    for (const Detection& d : found) {
        bool overlaps = false;
        for (const Detection& k : kept) overlaps |= k.label_id == d.label_id && iou(k, d) > iou_threshold;
        if (!overlaps) kept.push_back(d);
    }
    return kept;
}

Classification ctc_decode(const Tensor& scores, size_t b, const std::vector<std::string>& labels) {
    const Shape& s = scores.shape();
    if (scores.type() != ElementType::f32 || s.size() != 3)
        throw std::runtime_error("ctc converter expects float [N,T,C] scores");
    const size_t steps = s[1], classes = s[2];
    if (!labels.empty() && classes > labels.size() + 2)
        throw std::runtime_error("ctc converter: the model has " + std::to_string(classes) + " classes but the labels only " +
                                 std::to_string(labels.size()) + " (+ blank and space)");
    const float* p = scores.data<float>() + b * steps * classes;
    Classification c;
    size_t prev = 0, kept = 0;
    double conf = 0;
    for (size_t t = 0; t < steps; ++t, p += classes) {
        size_t best = size_t(std::max_element(p, p + classes) - p);
        if (best != 0 && best != prev) {
            c.label += best - 1 < labels.size() ? labels[best - 1] : labels.empty() ? "#" + std::to_string(best) : " ";
            conf += p[best], ++kept;
        }
        prev = best;
    }
    c.confidence = kept ? float(conf / kept) : 0.f;
    c.label_id = 0;
    return c;
}

Classification label_argmax(const Tensor& scores, size_t b, const std::vector<std::string>& labels) {
    if (scores.type() != ElementType::f32 || scores.shape().empty())
        throw std::runtime_error("label converter expects float [N,C] scores");
    const size_t classes = size_t(scores.size() / int64_t(scores.shape()[0]));
    const float* p = scores.data<float>() + b * classes;
    std::vector<double> prob(p, p + classes);
    double sum = 0;
    bool probabilities = true;
    for (double v : prob) sum += v, probabilities &= v >= 0 && v <= 1;
    if (!probabilities || std::abs(sum - 1) > 1e-3) {
        double mx = *std::max_element(prob.begin(), prob.end());
        sum = 0;
        for (double& v : prob) v = std::exp(v - mx), sum += v;
        for (double& v : prob) v /= sum;
    }
    Classification c;
    c.label_id = int(std::max_element(prob.begin(), prob.end()) - prob.begin());
    c.confidence = float(prob[c.label_id]);
    c.label = size_t(c.label_id) < labels.size() ? labels[c.label_id] : std::to_string(c.label_id);
    return c;
}

float iou(const Detection& a, const Detection& b) {
    float w = std::min(a.x_max, b.x_max) - std::max(a.x_min, b.x_min);
    float h = std::min(a.y_max, b.y_max) - std::max(a.y_min, b.y_min);
    if (w <= 0 || h <= 0) return 0;
    float inter = w * h;
    float uni = (a.x_max - a.x_min) * (a.y_max - a.y_min) + (b.x_max - b.x_min) * (b.y_max - b.y_min) - inter;
    return uni > 0 ? inter / uni : 0;
}

}  // namespace ovkit::gst
