#!/usr/bin/python3
"""Inputs of the real-model tests (see README.md in this folder).

  make_inputs.py prepare OUT_DIR   decode the checked-in data/ files into model inputs (.npy):
                                   det_x.npy [1,3,640,640], rec_x.npy [1,3,48,320],
                                   cls_x.npy [1,3,48,192], vad_frames.npy [20,512] (f32)
  make_inputs.py render            regenerate data/ (DejaVu fonts, espeak-ng, sox); only
                                   needed to change the test inputs, then rerun make_reference.js

Uses only numpy and PIL (Debian's python3-numpy, python3-pil).
"""
import os
import subprocess
import sys
import tempfile
import wave

import numpy as np
from PIL import Image, ImageDraw, ImageFont

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")
# The det preprocessing is the OCR demo's, so that the test covers the demo's input path.
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.join(HERE, "..", "..", "pipelines"))
from ocr_det_input import det_preprocess  # noqa: E402
FONTS = "/usr/share/fonts/truetype/dejavu"

REC_SIZE = (320, 48)  # PP-OCRv4 rec: width, height
CLS_SIZE = (192, 48)  # mobile v2 cls
VAD_FRAMES, VAD_FRAME = 20, 512  # silero v5 at 16 kHz
VAD_RATE = 16000


def font(name, size):
    return ImageFont.truetype(os.path.join(FONTS, name), size)


def render_det(path):
    img = Image.new("RGB", (640, 640), (246, 244, 238))
    d = ImageDraw.Draw(img)
    lines = [
        ("DejaVuSans-Bold.ttf", 44, (20, 20, 20), (40, 40), "ovkit camera analytics"),
        ("DejaVuSerif.ttf", 36, (30, 30, 120), (40, 130), "Reading real models, 2024"),
        ("DejaVuSansMono.ttf", 30, (120, 20, 20), (40, 220), "PP-OCRv4 det 640x640"),
        ("DejaVuSans.ttf", 28, (10, 90, 10), (40, 300), "Speech, vision and audio"),
        ("DejaVuSansCondensed-Bold.ttf", 56, (0, 0, 0), (40, 380), "EXIT 42"),
    ]
    for face, size, color, xy, text in lines:
        d.text(xy, text, font=font(face, size), fill=color)
    # A sign: light text on a dark box.
    d.rectangle((330, 480, 610, 600), fill=(30, 60, 110))
    d.text((350, 505), "Platform 7", font=font("DejaVuSans-Bold.ttf", 40), fill=(250, 250, 250))
    d.text((40, 560), "small print: 12.5 EUR", font=font("DejaVuSans.ttf", 20), fill=(60, 60, 60))
    img.save(path, optimize=True)


def render_word(path, text, width=None, rotate180=False):
    """A 48-pixel-high word; `width` None fits the text (as a cropped rec input would)."""
    f = font("DejaVuSans.ttf", 32)
    left, top, right, bottom = f.getbbox(text)
    size = (width or right - left + 12, 48)
    img = Image.new("RGB", size, (255, 255, 255))
    ImageDraw.Draw(img).text((6 - left, (size[1] - (bottom - top)) // 2 - top), text, font=f, fill=(15, 15, 15))
    if rotate180:
        img = img.rotate(180)
    img.save(path, optimize=True)


def render_vad(path):
    with tempfile.TemporaryDirectory() as tmp:
        raw = os.path.join(tmp, "speech.wav")
        resampled = os.path.join(tmp, "speech16k.wav")
        subprocess.run(["espeak-ng", "-v", "en-us", "-s", "150", "-w", raw,
                        "Hello, this is a voice activity test."], check=True)
        subprocess.run(["sox", raw, "-r", str(VAD_RATE), "-c", "1", "-b", "16", resampled], check=True)
        samples = read_wav(resampled)
    # Three frames of silence, "Hello," and the pause after it: the probability rises and falls.
    clip = np.concatenate([np.zeros(3 * VAD_FRAME, np.int16), samples])[:VAD_FRAMES * VAD_FRAME]
    assert clip.size == VAD_FRAMES * VAD_FRAME, "espeak-ng output is too short"
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(VAD_RATE)
        w.writeframes(clip.astype("<i2").tobytes())


def read_wav(path):
    with wave.open(path, "rb") as w:
        assert w.getnchannels() == 1 and w.getsampwidth() == 2, f"{path}: expected mono 16-bit"
        assert w.getframerate() == VAD_RATE, f"{path}: expected {VAD_RATE} Hz"
        return np.frombuffer(w.readframes(w.getnframes()), "<i2")


def rec_like(name, size):
    """PaddleOCR rec/cls: BGR, (x/255 - 0.5)/0.5, right-padded with zeros to the model width."""
    img = np.asarray(Image.open(os.path.join(DATA, name)).convert("RGB"), np.float32)[:, :, ::-1]
    h, w = img.shape[:2]
    assert h == size[1] and w <= size[0], f"{name}: expected height {size[1]} and width <= {size[0]}"
    x = np.zeros((size[1], size[0], 3), np.float32)
    x[:, :w] = (img / 255.0 - 0.5) / 0.5
    return np.ascontiguousarray(x.transpose(2, 0, 1)[None])


def prepare(out):
    os.makedirs(out, exist_ok=True)
    det = det_preprocess(Image.open(os.path.join(DATA, "det.png")))
    assert det.shape == (1, 3, 640, 640), f"data/det.png gives {det.shape}, expected 640x640"
    np.save(os.path.join(out, "det_x.npy"), det)
    np.save(os.path.join(out, "rec_x.npy"), rec_like("rec.png", REC_SIZE))
    np.save(os.path.join(out, "cls_x.npy"), rec_like("cls.png", CLS_SIZE))
    frames = read_wav(os.path.join(DATA, "vad.wav")).astype(np.float32) / 32768.0
    np.save(os.path.join(out, "vad_frames.npy"), frames.reshape(VAD_FRAMES, VAD_FRAME))


def render():
    os.makedirs(DATA, exist_ok=True)
    render_det(os.path.join(DATA, "det.png"))
    render_word(os.path.join(DATA, "rec.png"), "Inference 2024")
    render_word(os.path.join(DATA, "cls.png"), "Camera 7", width=CLS_SIZE[0], rotate180=True)
    render_vad(os.path.join(DATA, "vad.wav"))


def main(argv):
    if len(argv) == 3 and argv[1] == "prepare":
        prepare(argv[2])
    elif len(argv) == 2 and argv[1] == "render":
        render()
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
