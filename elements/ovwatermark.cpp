/**
 * SECTION:element-ovwatermark
 * Draws each region of interest: its box and a label line (detection label or object id,
 * then every classification label) in a built-in 7x12 bitmap font (ASCII; other characters
 * drawn as '?'). Works in place on RGB, BGR, RGBx, BGRx, I420, NV12 and GRAY8.
 *
 *   gst-launch-1.0 ... ! ovdetect ... ! ovclassify ... ! ovwatermark ! videoconvert ! autovideosink
 */
#include "ovwatermark.h"

#include <algorithm>
#include <string>

#include "common/font.h"
#include "common/meta.h"
#include "common/preprocess.h"

using namespace ovkit::gst;

enum { PROP_0, PROP_THICKNESS, PROP_SHOW_LABELS };

struct _GstOvWatermark {
    GstVideoFilter parent;
    guint thickness;
    gboolean show_labels;
};

G_DEFINE_TYPE(GstOvWatermark, gst_ov_watermark, GST_TYPE_VIDEO_FILTER)
GST_ELEMENT_REGISTER_DEFINE(ovwatermark, "ovwatermark", GST_RANK_NONE, GST_TYPE_OV_WATERMARK)

namespace {

struct Color {
    uint8_t r, g, b;
};

const Color kPalette[] = {{0, 255, 0}, {255, 64, 64}, {64, 128, 255}, {255, 200, 0}, {255, 0, 255}, {0, 255, 255}};

// Writes single pixels of one color into a mapped frame of any accepted format.
class Painter {
public:
    Painter(GstVideoFrame* frame, Color c) : f_(frame) {
        rgb_[0] = c.r, rgb_[1] = c.g, rgb_[2] = c.b;
        y_ = uint8_t((66 * c.r + 129 * c.g + 25 * c.b + 128) / 256 + 16);
        u_ = uint8_t((-38 * c.r - 74 * c.g + 112 * c.b + 128) / 256 + 128);
        v_ = uint8_t((112 * c.r - 94 * c.g - 18 * c.b + 128) / 256 + 128);
    }
    int width() const { return GST_VIDEO_FRAME_WIDTH(f_); }
    int height() const { return GST_VIDEO_FRAME_HEIGHT(f_); }

    void put(int x, int y) const {
        if (x < 0 || y < 0 || x >= width() || y >= height()) return;
        uint8_t* p = row(0, y);
        switch (GST_VIDEO_FRAME_FORMAT(f_)) {
            case GST_VIDEO_FORMAT_RGB: std::copy_n(rgb_, 3, p + x * 3); break;
            case GST_VIDEO_FORMAT_RGBx: std::copy_n(rgb_, 3, p + x * 4); break;
            case GST_VIDEO_FORMAT_BGR:
            case GST_VIDEO_FORMAT_BGRx: {
                uint8_t* q = p + x * (GST_VIDEO_FRAME_FORMAT(f_) == GST_VIDEO_FORMAT_BGR ? 3 : 4);
                q[0] = rgb_[2], q[1] = rgb_[1], q[2] = rgb_[0];
                break;
            }
            case GST_VIDEO_FORMAT_GRAY8: p[x] = y_; break;
            case GST_VIDEO_FORMAT_NV12:
                p[x] = y_;
                row(1, y / 2)[(x / 2) * 2] = u_, row(1, y / 2)[(x / 2) * 2 + 1] = v_;
                break;
            case GST_VIDEO_FORMAT_I420:
                p[x] = y_;
                row(1, y / 2)[x / 2] = u_, row(2, y / 2)[x / 2] = v_;
                break;
            default: break;
        }
    }

    void fill(int x0, int y0, int x1, int y1) const {
        for (int y = std::max(0, y0); y < std::min(height(), y1); ++y)
            for (int x = std::max(0, x0); x < std::min(width(), x1); ++x) put(x, y);
    }

private:
    uint8_t* row(int plane, int y) const {
        return static_cast<uint8_t*>(GST_VIDEO_FRAME_PLANE_DATA(f_, plane)) + size_t(y) * GST_VIDEO_FRAME_PLANE_STRIDE(f_, plane);
    }
    GstVideoFrame* f_;
    uint8_t rgb_[3], y_, u_, v_;
};

// ASCII for the bitmap font: each UTF-8 sequence outside 32..126 becomes one '?'.
std::string printable(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        unsigned char c = s[i];
        if (c >= 32 && c < 127) out += char(c);
        else if ((c & 0xC0) != 0x80) out += '?';
    }
    return out;
}

void draw_text(const Painter& ink, const Painter& background, int x, int y, const std::string& text, int scale) {
    background.fill(x, y, x + int(text.size()) * kGlyphWidth * scale + 2, y + kGlyphHeight * scale);
    for (size_t i = 0; i < text.size(); ++i) {
        const uint8_t* glyph = kGlyphs[text[i] - 32];
        for (int gy = 0; gy < kGlyphHeight; ++gy)
            for (int gx = 0; gx < kGlyphWidth; ++gx)
                if (glyph[gy] >> gx & 1) {
                    int px = x + 1 + (int(i) * kGlyphWidth + gx) * scale, py = y + gy * scale;
                    ink.fill(px, py, px + scale, py + scale);
                }
    }
}

std::string region_label(GstVideoRegionOfInterestMeta* m) {
    std::string label;
    int id = region_object_id(m);
    if (id >= 0) label = "#" + std::to_string(id);
    for (GList* l = m->params; l; l = l->next) {
        auto* s = static_cast<GstStructure*>(l->data);
        if (gst_structure_has_name(s, "object_id")) continue;
        if (gst_structure_has_name(s, "detection") && !label.empty()) continue;
        if (const char* text = gst_structure_get_string(s, "label"))
            label += (label.empty() ? "" : " ") + std::string(text);
    }
    return printable(label);
}

}  // namespace

static GstFlowReturn gst_ov_watermark_transform_frame_ip(GstVideoFilter* filter, GstVideoFrame* frame) {
    auto* self = GST_OV_WATERMARK(filter);
    const int scale = std::max(1, GST_VIDEO_FRAME_HEIGHT(frame) / 480);
    const int t = int(self->thickness);
    Painter black(frame, {0, 0, 0});
    for (GstVideoRegionOfInterestMeta* m : regions(frame->buffer)) {
        int id = std::max(0, region_object_id(m));
        Painter ink(frame, kPalette[id % (sizeof(kPalette) / sizeof(kPalette[0]))]);
        int x0 = int(m->x), y0 = int(m->y), x1 = int(m->x + m->w), y1 = int(m->y + m->h);
        ink.fill(x0, y0, x1, y0 + t), ink.fill(x0, y1 - t, x1, y1);
        ink.fill(x0, y0, x0 + t, y1), ink.fill(x1 - t, y0, x1, y1);
        std::string label = self->show_labels ? region_label(m) : "";
        if (!label.empty()) {
            int ty = y0 >= kGlyphHeight * scale ? y0 - kGlyphHeight * scale : y1;
            draw_text(ink, black, x0, ty, label, scale);
        }
    }
    return GST_FLOW_OK;
}

static void gst_ov_watermark_set_property(GObject* object, guint id, const GValue* value, GParamSpec* pspec) {
    auto* self = GST_OV_WATERMARK(object);
    switch (id) {
        case PROP_THICKNESS: self->thickness = g_value_get_uint(value); break;
        case PROP_SHOW_LABELS: self->show_labels = g_value_get_boolean(value); break;
        default: G_OBJECT_WARN_INVALID_PROPERTY_ID(object, id, pspec); break;
    }
}

static void gst_ov_watermark_get_property(GObject* object, guint id, GValue* value, GParamSpec* pspec) {
    auto* self = GST_OV_WATERMARK(object);
    switch (id) {
        case PROP_THICKNESS: g_value_set_uint(value, self->thickness); break;
        case PROP_SHOW_LABELS: g_value_set_boolean(value, self->show_labels); break;
        default: G_OBJECT_WARN_INVALID_PROPERTY_ID(object, id, pspec); break;
    }
}

static void gst_ov_watermark_init(GstOvWatermark* self) {
    self->thickness = 2;
    self->show_labels = TRUE;
}

static void gst_ov_watermark_class_init(GstOvWatermarkClass* klass) {
    auto* gobject = G_OBJECT_CLASS(klass);
    auto* element = GST_ELEMENT_CLASS(klass);
    gobject->set_property = gst_ov_watermark_set_property;
    gobject->get_property = gst_ov_watermark_get_property;
    const auto flags = GParamFlags(G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | GST_PARAM_CONTROLLABLE);
    g_object_class_install_property(gobject, PROP_THICKNESS,
        g_param_spec_uint("thickness", "Thickness", "Box line width in pixels", 1, 32, 2, flags));
    g_object_class_install_property(gobject, PROP_SHOW_LABELS,
        g_param_spec_boolean("show-labels", "Show labels", "Draw the label line above each box", TRUE, flags));
    gst_element_class_set_static_metadata(element, "ovkit watermark", "Filter/Effect/Video",
                                          "Draws regions of interest and their labels", "ovkit developers");
    GstCaps* caps = gst_caps_from_string(OVKIT_VIDEO_CAPS);
    gst_element_class_add_pad_template(element, gst_pad_template_new("sink", GST_PAD_SINK, GST_PAD_ALWAYS, caps));
    gst_element_class_add_pad_template(element, gst_pad_template_new("src", GST_PAD_SRC, GST_PAD_ALWAYS, caps));
    gst_caps_unref(caps);
    GST_VIDEO_FILTER_CLASS(klass)->transform_frame_ip = gst_ov_watermark_transform_frame_ip;
}
