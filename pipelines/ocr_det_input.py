#!/usr/bin/python3
"""PP-OCR text-detection input: an image (or a rendered sample sign) -> NCHW float32 .npy.

  ocr_det_input.py OUT.npy [--image IMAGE] [--save-image PNG]

PaddleOCR's det preprocessing: resize so the longer side is at most 960 and both sides are
multiples of 32 (DetResizeForTest), channels in BGR order (as cv2 reads them), x/255, then
(x - mean) / std with mean (0.485, 0.456, 0.406) and std (0.229, 0.224, 0.225) in that order.
Without --image, renders a sample sign with DejaVu fonts. Needs numpy and PIL.
"""
import argparse
import os

import numpy as np
from PIL import Image, ImageDraw, ImageFont

LIMIT_SIDE = 960
MEAN = np.array([0.485, 0.456, 0.406], np.float32)
STD = np.array([0.229, 0.224, 0.225], np.float32)
FONTS = "/usr/share/fonts/truetype/dejavu"


def det_preprocess(image):
    """PIL image -> float32 [1, 3, H, W] for PP-OCR det."""
    image = image.convert("RGB")
    w, h = image.size
    scale = min(1.0, LIMIT_SIDE / max(w, h))
    size = (max(32, round(w * scale / 32) * 32), max(32, round(h * scale / 32) * 32))
    if size != (w, h):
        image = image.resize(size, Image.BILINEAR)
    x = np.asarray(image, np.float32)[:, :, ::-1] / 255.0
    x = (x - MEAN) / STD
    return np.ascontiguousarray(x.transpose(2, 0, 1)[None], np.float32)


def sample_sign():
    img = Image.new("RGB", (640, 480), (235, 238, 242))
    d = ImageDraw.Draw(img)

    def text(xy, s, face, size, color):
        d.text(xy, s, font=ImageFont.truetype(os.path.join(FONTS, face), size), fill=color)

    text((36, 30), "Welcome to ovkit", "DejaVuSans-Bold.ttf", 48, (25, 25, 25))
    text((36, 110), "Gate B12  Departures 14:35", "DejaVuSans.ttf", 30, (40, 40, 140))
    d.rectangle((36, 190, 400, 290), fill=(200, 30, 30))
    text((60, 210), "NO ENTRY", "DejaVuSans-Bold.ttf", 52, (255, 255, 255))
    text((36, 340), "Text detection runs on CPU", "DejaVuSerif.ttf", 28, (20, 90, 20))
    text((36, 400), "ID 0042-7781", "DejaVuSansMono.ttf", 26, (90, 60, 20))
    return img


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("out", help="output .npy")
    p.add_argument("--image", help="input image (default: render a sample sign)")
    p.add_argument("--save-image", help="also save the (rendered) image here")
    args = p.parse_args()
    image = Image.open(args.image) if args.image else sample_sign()
    if args.save_image:
        image.save(args.save_image)
    x = det_preprocess(image)
    np.save(args.out, x)
    print(f"input {args.out}: {list(x.shape)} float32 from {args.image or 'a rendered sample sign'} "
          f"({image.size[0]}x{image.size[1]})")


if __name__ == "__main__":
    main()
