#!/usr/bin/env python3
"""Writes the image folders of benchmarks/meta-start.sh (grey PNGs, one sub-folder per class).

    meta-start-data.py OUT [FASHION_PER_CLASS]

OUT/fashion-0-4, OUT/fashion-5-9: Fashion-MNIST training images (28x28) of classes 0-4 and 5-9,
    the first FASHION_PER_CLASS (default 150) of each class;
OUT/digits-0-4, OUT/digits-5-9: sklearn's optical digits (8x8, pixel counts 0-16 scaled to
    0-255), every image of digits 0-4 and 5-9.
Needs numpy only (the PNGs are written with zlib).
"""
import gzip
import os
import struct
import sys
import zlib

import numpy as np

FASHION = "/usr/share/datasets/fashion-mnist"
DIGITS = "/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz"


def png(path, pixels):
    """Writes an 8-bit grey PNG."""
    height, width = pixels.shape
    raw = b"".join(b"\x00" + pixels[row].astype(np.uint8).tobytes() for row in range(height))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    with open(path, "wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n")
        out.write(chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)))
        out.write(chunk(b"IDAT", zlib.compress(raw, 9)))
        out.write(chunk(b"IEND", b""))


def write(folder, images, labels, classes, per_class):
    counts = {c: 0 for c in classes}
    for index, (image, label) in enumerate(zip(images, labels)):
        label = int(label)
        if label not in counts or (per_class and counts[label] >= per_class):
            continue
        target = os.path.join(folder, str(label))
        os.makedirs(target, exist_ok=True)
        png(os.path.join(target, f"{index}.png"), image)
        counts[label] += 1
    return sum(counts.values())


def main():
    out = sys.argv[1]
    per_class = int(sys.argv[2]) if len(sys.argv) > 2 else 150
    with gzip.open(os.path.join(FASHION, "train-images-idx3-ubyte.gz")) as f:
        images = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 28, 28)
    with gzip.open(os.path.join(FASHION, "train-labels-idx1-ubyte.gz")) as f:
        labels = np.frombuffer(f.read(), np.uint8, offset=8)
    digits = np.loadtxt(gzip.open(DIGITS), delimiter=",")
    digit_images = np.rint(digits[:, :64] * 255 / 16).reshape(-1, 8, 8)
    digit_labels = digits[:, 64]
    for name, data, wanted, cap in [
        ("fashion-0-4", (images, labels), range(0, 5), per_class),
        ("fashion-5-9", (images, labels), range(5, 10), per_class),
        ("digits-0-4", (digit_images, digit_labels), range(0, 5), 0),
        ("digits-5-9", (digit_images, digit_labels), range(5, 10), 0),
    ]:
        count = write(os.path.join(out, name), data[0], data[1], list(wanted), cap)
        print(f"{name}: {count} images", file=sys.stderr)


if __name__ == "__main__":
    main()
