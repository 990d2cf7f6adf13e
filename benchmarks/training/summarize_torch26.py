#!/usr/bin/python3
"""The table of run_torch26.sh: per model and batch size, ours and torch 2.6's examples/s (medians over turns) and
the median of the paired per-turn ratios ours / peer, with how busy the rest of the machine was (cores).
usage: summarize_torch26.py OUT/speed-torch26.tsv
"""
import statistics
import sys
from collections import defaultdict

rows = defaultdict(lambda: defaultdict(dict))
for line in open(sys.argv[1]):
    f = line.rstrip("\n").split("\t")
    if len(f) == 6:
        rows[f[0]][f[1]][int(f[2])] = (float(f[3]), float(f[4]))

print("| model | batch | ours examples/s | torch 2.6 examples/s | ours / torch 2.6 (median of paired turns, min–max) | other processes (cores) | turns |")
print("|---|---:|---:|---:|---:|---:|---:|")
for tag, sides in rows.items():
    ours, peer = sides.get("ours", {}), sides.get("torch26", {})
    turns = sorted(set(ours) & set(peer))
    if not turns:
        continue
    ratios = [ours[t][0] / peer[t][0] for t in turns]
    others = [max(ours[t][1], peer[t][1]) for t in turns]
    model, batch = tag.rsplit("-b", 1)
    name = {"tutorial": "tutorial 3×128", "main": "main job 1×64"}.get(model, model)
    print(f"| {name} | {batch} | {statistics.median(ours[t][0] for t in turns):.1f} | {statistics.median(peer[t][0] for t in turns):.1f} | "
          f"**{statistics.median(ratios):.2f}×** ({min(ratios):.2f}–{max(ratios):.2f}) | {statistics.median(others):.1f} | {len(turns)} |")
