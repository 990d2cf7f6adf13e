#!/usr/bin/python3
"""Markdown tables from run.sh's outputs in OUT: speed.tsv, speed-refblas.tsv, speed-bucket.tsv, padding.md, accuracy.txt.

Timings come in paired turns (alternate.py). A turn is QUIET when other processes used less than 0.3 cores
during both of its halves; on a shared machine only those say how fast each side is, so the tables give medians
over quiet turns first, then over all turns (disturbed ones included) to show the noise.
usage: summarize.py OUT
"""
import os
import re
import statistics
import sys
from collections import defaultdict

QUIET = 0.3
out = sys.argv[1]


def read_tsv(name):
    """{tag: {side: {turn: (examples/s, others' cores, own cores)}}}"""
    rows = defaultdict(lambda: defaultdict(dict))
    path = os.path.join(out, name)
    if os.path.exists(path):
        for line in open(path):
            f = line.rstrip("\n").split("\t")
            if len(f) == 6:
                rows[f[0]][f[1]][int(f[2])] = (float(f[3]), float(f[4]), float(f[5]))
    return rows


def med(values, digits=1):
    return f"{statistics.median(values):.{digits}f} ({min(values):.{digits}f}–{max(values):.{digits}f})" if values else "–"


def paired(a, b):
    """Turns both sides ran, and of those the quiet ones."""
    both = sorted(set(a) & set(b))
    quiet = [t for t in both if a[t][1] < QUIET and b[t][1] < QUIET]
    return both, quiet


def key(tag):
    """"b8-t2-tuned" → (8, 2, "tuned")"""
    b, t, alloc = re.match(r"b(\d+)-t(\d+)-(\w+)", tag).groups()
    return int(b), int(t), alloc


def comparison(rows, first, second, title, names):
    """One row per batch size and thread count: medians over quiet turns, the paired ratio over quiet turns and
    over all turns, and examples per CPU-second (all turns; meaningful at 1 thread, where no thread spins)."""
    print(title + "\n")
    print(f"| batch | threads | malloc | quiet turns | {names[0]}, quiet | {names[1]}, quiet | ratio, quiet turns | ratio, all turns | "
          f"{names[0]} / CPU-s | {names[1]} / CPU-s | ratio per CPU-s |")
    print("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for tag in sorted(rows, key=lambda t: (key(t)[2], -key(t)[1], key(t)[0])):
        a, b = rows[tag].get(first, {}), rows[tag].get(second, {})
        both, quiet = paired(a, b)
        if not both:
            continue
        ratio = lambda turns: [a[t][0] / b[t][0] for t in turns]
        per_cpu = lambda side: [side[t][0] / side[t][2] for t in both]
        cpu_ratio = [x / y for x, y in zip(per_cpu(a), per_cpu(b))]
        B, T, alloc = key(tag)
        print(f"| {B} | {T} | {alloc} | {len(quiet)} of {len(both)} | {med([a[t][0] for t in quiet])} | {med([b[t][0] for t in quiet])} | "
              f"**{med(ratio(quiet), 2)}** | {med(ratio(both), 2)} | {med(per_cpu(a))} | {med(per_cpu(b))} | {med(cpu_ratio, 2)} |")
    print()


speed = read_tsv("speed.tsv")
if speed:
    comparison(speed, "ours", "peer", "### Training examples/s: ours vs the PyTorch peer (medians, min–max in brackets)", ("ours", "peer"))

refblas = read_tsv("speed-refblas.tsv")
if refblas:
    comparison(refblas, "openblas", "refblas", "### The peer on OpenBLAS vs Debian's reference BLAS (what python3-torch alone pulls in)",
               ("OpenBLAS", "reference BLAS"))

padding = os.path.join(out, "padding.md")
if os.path.exists(padding):
    print("### Padding with and without length bucketing (TrainingStream over the training shards)\n")
    print("".join(l for l in open(padding) if l.startswith("|") or l.startswith("  batch")))

bucket = read_tsv("speed-bucket.tsv")
if bucket:
    comparison(bucket, "bucketed", "plain", "### Examples/s of our training step, bucketed vs plain batches (turns, as above)",
               ("bucketed", "plain"))

accuracy = os.path.join(out, "accuracy.txt")
lines = [l for l in open(accuracy) if l.startswith("accuracy ")] if os.path.exists(accuracy) else []
if lines:
    print("### Accuracy with and without bucketing (same seed, same steps)\n")
    print("| seed | bucketing | steps | eval top-1 | eval top-3 | eval drawings |")
    print("|---:|---|---:|---:|---:|---:|")
    for l in lines:
        m = re.search(r"seed=(\d+) bucket=(\w+) steps (\d+) .*eval top-1 ([\d.]+ ?%) top-3 ([\d.]+ ?%) \((\d+) drawings\)", l)
        if m:
            print("| " + " | ".join(m.groups()) + " |")
    print()
