#!/usr/bin/python3
"""The converter benchmark's table (run.sh calls it): medians over the runs, and the ratio as the median of the
ratios of paired runs (each of ours followed by one of the Python peer, so both saw the same load).

Usage: report.py WORK_FOLDER RUNS INPUT_MB [PARITY_LINE...]
"""
import datetime
import json
import statistics
import subprocess
import sys


def sh(command):
    return subprocess.run(command, shell=True, capture_output=True, text=True).stdout.strip()


def main():
    work, runs, mb, parity = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4:]
    load = lambda name: [json.load(open(f"{work}/{name}-{i}.json")) for i in range(1, runs + 1)]
    ours, pys = load("ours"), load("python")
    walls = [float(open(f"{work}/ours-{i}.wall").read()) for i in range(1, runs + 1)]
    full = json.load(open(f"{work}/python.json"))
    med = statistics.median

    o_dps = [o["drawings_per_second"] for o in ours]
    o_mbs = [o["input_mb_per_second"] for o in ours]
    o_cpu = [o["input_bytes"] / 1e6 / o["cpu_seconds"] for o in ours]
    p_dps = [p["drawings"] / p["seconds"] for p in pys]
    p_mbs = [p["input_bytes"] / 1e6 / p["seconds"] for p in pys]
    p_cpu = [p["input_bytes"] / 1e6 / p["cpu_seconds"] for p in pys]
    ratio = lambda a, b: [x / y for x, y in zip(a, b)]

    print(f"\nmachine: {sh('lscpu | sed -n s/^Model.name:.//p').strip()}, {sh('nproc')} cores; "
          f"{datetime.datetime.now():%Y-%m-%d %H:%M}; load average {open('/proc/loadavg').read().split()[0]} at the end; "
          f"input {mb} MB ({ours[0]['train_records']:,} drawings, 10 classes)\n")
    print("| converter | drawings/s | MB/s of ndjson | MB/s per CPU-second | seconds |")
    print("|---|---:|---:|---:|---:|")
    print(f"| ours: scripts/convert.cs, {ours[0]['workers']} workers (median of {runs}) | {med(o_dps):,.0f} | "
          f"{med(o_mbs):,.1f} | {med(o_cpu):,.1f} | {med(o['seconds'] for o in ours):.2f} |")
    print(f"| Python peer: per-line parse_line, 1 core (median of {runs}, {pys[0]['drawings']:,} drawings each) | "
          f"{med(p_dps):,.0f} | {med(p_mbs):,.1f} | {med(p_cpu):,.1f} | {med(p['seconds'] for p in pys):.2f} |")
    print(f"| Python peer: whole input, once | {full['drawings'] / full['seconds']:,.0f} | "
          f"{full['input_bytes'] / 1e6 / full['seconds']:,.1f} | {full['input_bytes'] / 1e6 / full['cpu_seconds']:,.1f} | "
          f"{full['seconds']:.2f} |")
    print(f"| **ours ÷ Python** (median of paired runs) | **{med(ratio(o_dps, p_dps)):.1f}×** | "
          f"**{med(ratio(o_mbs, p_mbs)):.1f}×** | {med(ratio(o_cpu, p_cpu)):.1f}× | |")

    seconds = ", ".join(f"{o['seconds']:.2f}" for o in ours)
    jit = ", ".join(f"{o['jit_seconds']:.2f}" for o in ours)
    print(f"\nours per run (s): {seconds}; of which compiling methods on first use (CPU-s): {jit}; "
          f"whole process with `dotnet run` start-up (s): {', '.join(f'{w:.1f}' for w in walls)}")
    print(f"paired ratios (drawings/s): {', '.join(f'{r:.1f}' for r in ratio(o_dps, p_dps))}")
    st = full["stage_seconds"]
    print("Python peer, whole input, seconds by stage: " + ", ".join(f"{k} {v:.2f}" for k, v in st.items()) +
          f"; CRC-32C: {full['crc']}; numpy {full['numpy']}, Python {full['python']}")
    for line in parity:
        print(line)


if __name__ == "__main__":
    main()
