#!/usr/bin/python3
"""The Python peer of the converter benchmark: the tutorial's per-line conversion (create_dataset.py, parse_line),
written from its description in shared/REFERENCE.md, plus the record it writes.

Per line: json.loads; all points as float32 rows (x, y, 0) with 1 in the third column on each stroke's last point;
x and y scaled by the bounding box ((v - min) / (max - min), a zero range counting as 1); each row's x, y replaced
by the difference to the previous row; the first row dropped. Lines with an empty word, no strokes or a stroke
whose x and y lengths differ are skipped, as in the tutorial. Then the tf.train.Example (class_index, ink, shape)
is encoded by hand with struct (TensorFlow is not installed here; the bytes are what our encoder writes, keys in
sorted order) and framed as a TFRecord with CRC-32C: crcmod's C extension when installed (TensorFlow's writer
computes it in C++ too), else a pure-Python table (much slower; the output says which).

Usage: tutorial_parse_line.py --input DIR [--limit N] [--classes a,b] [--out FILE]
  --limit N  only the first N lines of each class file (0 = all)
  --out FILE write the framed records (class files in sorted order, lines in file order) for parity checks
Prints one JSON object: drawings, skipped, input bytes, wall and CPU seconds, seconds per stage, CRC used.
"""
import argparse
import json
import os
import struct
import sys
import time

import numpy as np


def parse_line(line):
    """(ink float32 [points - 1, 3], word), or (None, reason) for a line the tutorial skips."""
    sample = json.loads(line)
    word = sample.get("word")
    if not word:
        return None, "empty word"
    strokes = sample.get("drawing") or []
    total = sum(len(stroke[0]) for stroke in strokes)
    if not strokes or total == 0:
        return None, "empty drawing"
    ink = np.zeros((total, 3), dtype=np.float32)
    t = 0
    for stroke in strokes:
        n = len(stroke[0])
        if n != len(stroke[1]):
            return None, "x/y length mismatch"
        ink[t:t + n, 0] = stroke[0]
        ink[t:t + n, 1] = stroke[1]
        t += n
        ink[t - 1, 2] = 1  # end of stroke (an empty stroke re-flags a point that already ends one)
    lower = np.min(ink[:, 0:2], axis=0)
    upper = np.max(ink[:, 0:2], axis=0)
    scale = upper - lower
    scale[scale == 0] = 1
    ink[:, 0:2] = (ink[:, 0:2] - lower) / scale
    ink[1:, 0:2] -= ink[0:-1, 0:2]  # numpy copies the overlapping operand first: true deltas
    ink = ink[1:, :]
    if ink.shape[0] == 0:
        return None, "fewer than 2 points"  # an empty ink: our converter skips these too
    return ink, word


def varint(v):
    out = bytearray()
    while v >= 0x80:
        out.append((v & 0x7F) | 0x80)
        v >>= 7
    out.append(v)
    return bytes(out)


def field(number, payload):
    """A length-delimited protobuf field."""
    return varint(number << 3 | 2) + varint(len(payload)) + payload


def encode_example(ink, class_index):
    """tf.train.Example {class_index: int64_list [i], ink: float_list (packed), shape: int64_list [N, 3]}."""
    def entry(key, feature):
        return field(1, field(1, key) + field(2, feature))
    class_feature = field(3, field(1, varint(class_index)))
    floats = ink.astype("<f4").tobytes()
    ink_feature = field(2, field(1, floats) if floats else b"")
    shape_feature = field(3, field(1, varint(ink.shape[0]) + varint(3)))
    features = entry(b"class_index", class_feature) + entry(b"ink", ink_feature) + entry(b"shape", shape_feature)
    return field(1, features)


def _crc32c_table():
    table = []
    for i in range(256):
        c = i
        for _ in range(8):
            c = (c >> 1) ^ 0x82F63B78 if c & 1 else c >> 1
        table.append(c)
    return table


_TABLE = _crc32c_table()


def crc32c_python(data):
    c = 0xFFFFFFFF
    for b in data:
        c = _TABLE[(c ^ b) & 0xFF] ^ (c >> 8)
    return c ^ 0xFFFFFFFF


try:
    import crcmod.predefined
    crc32c = crcmod.predefined.mkCrcFun("crc-32c")
    CRC_IMPL = "crcmod (C extension)" if hasattr(crcmod, "_crcfunext") else "crcmod (pure Python)"
except ImportError:
    crc32c = crc32c_python
    CRC_IMPL = "pure-Python table"


def masked_crc(data):
    c = crc32c(data)
    return (((c >> 15) | (c << 17)) + 0xA282EAD8) & 0xFFFFFFFF


def frame(record):
    header = struct.pack("<Q", len(record))
    return header + struct.pack("<I", masked_crc(header)) + record + struct.pack("<I", masked_crc(record))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--input", required=True)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--classes", default="")
    ap.add_argument("--out", default="")
    a = ap.parse_args()
    assert crc32c_python(b"123456789") == 0xE3069283 and crc32c(b"123456789") == 0xE3069283
    names = sorted(f[:-len(".ndjson")] for f in os.listdir(a.input) if f.endswith(".ndjson"))
    if a.classes:
        names = [n for n in names if n in a.classes.split(",")]
    if not names:
        sys.exit(f"no .ndjson files in {a.input}")
    out = open(a.out, "wb") if a.out else None
    stage = {"read": 0.0, "parse_normalise": 0.0, "encode_example": 0.0, "frame_crc": 0.0, "write": 0.0}
    drawings = skipped = in_bytes = out_bytes = 0
    wall0, cpu0 = time.perf_counter(), time.process_time()
    clock = time.perf_counter
    for index, name in enumerate(names):
        with open(os.path.join(a.input, name + ".ndjson"), "rb") as f:
            n = 0
            while True:
                t0 = clock()
                line = f.readline()
                if not line or (a.limit and n >= a.limit):
                    break
                n += 1
                in_bytes += len(line)
                t1 = clock()
                ink, _ = parse_line(line)
                t2 = clock()
                stage["read"] += t1 - t0
                stage["parse_normalise"] += t2 - t1
                if ink is None:
                    skipped += 1
                    continue
                record = encode_example(ink, index)
                t3 = clock()
                framed = frame(record)
                t4 = clock()
                if out:
                    out.write(framed)
                out_bytes += len(framed)
                drawings += 1
                stage["encode_example"] += t3 - t2
                stage["frame_crc"] += t4 - t3
                stage["write"] += clock() - t4
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    if out:
        out.close()
    print(json.dumps({"drawings": drawings, "skipped": skipped, "input_bytes": in_bytes, "output_bytes": out_bytes,
                      "seconds": wall, "cpu_seconds": cpu, "stage_seconds": stage, "crc": CRC_IMPL,
                      "numpy": np.__version__, "python": sys.version.split()[0]}))


if __name__ == "__main__":
    main()
