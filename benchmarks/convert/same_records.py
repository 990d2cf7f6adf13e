#!/usr/bin/python3
"""Parity check: do two sets of TFRecord files hold the same records, byte for byte (in any order)?

Usage: same_records.py --ours SHARD [SHARD...] --theirs FILE [FILE...]
Each record is the whole framed record (length, CRCs, serialised tf.train.Example with class_index, ink and shape),
so equal records mean bit-identical ink. Our shards are in seeded shuffled order and the Python peer's in file
order, so the check compares the sorted lists. Prints one line; exits 1 on a difference.
"""
import argparse
import struct
import sys


def records(path):
    with open(path, "rb") as f:
        data = f.read()
    out, p = [], 0
    while p < len(data):
        (length,) = struct.unpack_from("<Q", data, p)
        end = p + 12 + length + 4
        if end > len(data):
            sys.exit(f"{path}: truncated record at byte {p}")
        out.append(data[p:end])
        p = end
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ours", nargs="+", required=True)
    ap.add_argument("--theirs", nargs="+", required=True)
    ap.add_argument("--label", default="")
    a = ap.parse_args()
    ours = sorted(r for f in a.ours for r in records(f))
    theirs = sorted(r for f in a.theirs for r in records(f))
    label = f"{a.label}: " if a.label else ""
    if ours == theirs:
        print(f"parity {label}{len(ours):,} records bit-identical (ink, shape, class_index, framing)")
        return
    only_ours = len(set(ours) - set(theirs))
    only_theirs = len(set(theirs) - set(ours))
    print(f"parity {label}DIFFERENT: {len(ours):,} ours vs {len(theirs):,} theirs; "
          f"{only_ours:,} only in ours, {only_theirs:,} only in theirs")
    sys.exit(1)


if __name__ == "__main__":
    main()
