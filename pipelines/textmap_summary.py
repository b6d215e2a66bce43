#!/usr/bin/python3
"""Summary of a PP-OCR text-detection probability map (the det model's output .npy).

  textmap_summary.py MAP.npy [--threshold 0.3] [--min-area 16]

Prints the map shape, the fraction of pixels above the threshold, a coarse character picture
of the map, and the text regions: 8-connected components of the thresholded map with their
bounding boxes (map pixels, x0 y0 x1 y1 inclusive), area and mean probability.
Needs numpy only.
"""
import argparse
from collections import deque

import numpy as np


def components(mask):
    """8-connected components of a 2-D bool mask -> list of (ys, xs) index arrays."""
    labels = np.zeros(mask.shape, np.int32)
    h, w = mask.shape
    found = []
    for y0, x0 in zip(*np.nonzero(mask)):
        if labels[y0, x0]:
            continue
        labels[y0, x0] = len(found) + 1
        queue, ys, xs = deque([(y0, x0)]), [], []
        while queue:
            y, x = queue.popleft()
            ys.append(y)
            xs.append(x)
            for ny in range(max(0, y - 1), min(h, y + 2)):
                for nx in range(max(0, x - 1), min(w, x + 2)):
                    if mask[ny, nx] and not labels[ny, nx]:
                        labels[ny, nx] = len(found) + 1
                        queue.append((ny, nx))
        found.append((np.array(ys), np.array(xs)))
    return found


def picture(prob, threshold, cols=64):
    """The map as text: one character per cell, '#' mostly text, '+' some text, '.' none."""
    h, w = prob.shape
    cell = max(1, w // cols)
    rows = []
    for y in range(0, h - cell + 1, cell * 2):  # characters are about twice as high as wide
        row = ""
        for x in range(0, w - cell + 1, cell):
            frac = (prob[y:y + cell * 2, x:x + cell] > threshold).mean()
            row += "#" if frac > 0.5 else "+" if frac > 0.1 else "."
        rows.append(row)
    return "\n".join(rows)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("map", help="det output .npy, shape [1, 1, H, W]")
    p.add_argument("--threshold", type=float, default=0.3)
    p.add_argument("--min-area", type=int, default=16, help="smaller components are not listed")
    args = p.parse_args()

    m = np.load(args.map)
    if m.ndim != 4 or m.shape[:2] != (1, 1):
        raise SystemExit(f"{args.map}: expected a [1, 1, H, W] map, got {list(m.shape)}")
    prob = m[0, 0].astype(np.float32)
    mask = prob > args.threshold
    print(f"text map: shape {list(m.shape)}, values {prob.min():.3f}..{prob.max():.3f}, "
          f"{mask.mean() * 100:.2f}% of pixels above {args.threshold}")
    print(picture(prob, args.threshold))
    regions = [(ys, xs) for ys, xs in components(mask) if ys.size >= args.min_area]
    regions.sort(key=lambda r: (r[0].min(), r[1].min()))
    print(f"{len(regions)} text regions (8-connected, area >= {args.min_area}):")
    for i, (ys, xs) in enumerate(regions):
        print(f"  {i:2d}: box x {xs.min():4d}..{xs.max():4d}  y {ys.min():4d}..{ys.max():4d}  "
              f"area {ys.size:6d}  mean p {prob[ys, xs].mean():.3f}")


if __name__ == "__main__":
    main()
