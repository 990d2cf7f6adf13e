#!/usr/bin/python3
"""Times two training processes in turns, so that both see the same load on a shared machine.

Each SIDE is a command that speaks the --serve protocol of bench.cs speed and peer_pytorch.py: it prints a line
starting "ready", then answers each "run N" (train on its next N batches) with "done EXAMPLES SECONDS CPU_SECONDS".
Both sides first warm up (untimed); then, for every turn, each side trains K steps, back to back, the order
flipping every turn. Both cycle through the same batch file from the start, so a turn's two halves train on the
same batches and their ratio is paired. While a side runs, /proc/stat gives the CPU the whole machine used; minus
the side's own CPU time, that is what OTHER processes took (in cores): the measure of a turn's disturbance.
Before each turn it waits until other processes have used less than --quiet cores for a second (at most
--max-wait seconds, then it runs the turn anyway), so that turns run when the shared machine is quiet; the summary
tells the turns that stayed quiet in both halves from the others.
Appends "TAG<TAB>SIDE<TAB>TURN<TAB>EXAMPLES_PER_SECOND<TAB>OTHERS_CORES<TAB>OWN_CORES" lines to --tsv.

usage: alternate.py --tag b8 --tsv out/speed.tsv --turns 30 --steps 8 --warmup 8 NAME=COMMAND NAME=COMMAND
"""
import argparse
import os
import shlex
import subprocess
import sys
import time

HZ = os.sysconf("SC_CLK_TCK")


def busy_seconds():
    """CPU seconds the whole machine has spent busy (user, nice, system, irq, softirq, steal) since boot."""
    with open("/proc/stat") as f:
        fields = [int(v) for v in f.readline().split()[1:9]]
    user, nice, system, idle, iowait, irq, softirq, steal = fields
    return (user + nice + system + irq + softirq + steal) / HZ


def others_now(seconds=1.0):
    """Cores busy over the next second, none of them ours (both sides are idle between turns)."""
    busy = busy_seconds()
    time.sleep(seconds)
    return (busy_seconds() - busy) / seconds


def wait_quiet(limit, seconds):
    """Waits until other processes use less than `limit` cores, for at most `seconds`."""
    deadline = time.monotonic() + seconds
    while others_now() >= limit and time.monotonic() < deadline:
        time.sleep(1.0)


def start(command):
    p = subprocess.Popen(shlex.split(command), stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
    for line in p.stdout:
        if line.startswith("ready"):
            print("  " + line.strip(), file=sys.stderr)
            return p
    raise SystemExit(f"{command!r} ended before it was ready")


def run(p, n):
    """(examples/s, cores other processes used meanwhile, cores this side used)."""
    busy, wall = busy_seconds(), time.perf_counter()
    p.stdin.write(f"run {n}\n")
    p.stdin.flush()
    for line in p.stdout:
        if line.startswith("done "):
            _, examples, seconds, cpu = line.split()
            wall = time.perf_counter() - wall
            others = max(0.0, busy_seconds() - busy - float(cpu)) / wall
            return int(examples) / float(seconds), others, float(cpu) / float(seconds)
    raise SystemExit("a side ended in the middle of a turn")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tag", required=True)
    ap.add_argument("--tsv", required=True)
    ap.add_argument("--turns", type=int, default=30)
    ap.add_argument("--steps", type=int, required=True, help="steps per side per turn")
    ap.add_argument("--warmup", type=int, default=4)
    ap.add_argument("--quiet", type=float, default=0.3, help="cores other processes may use when a turn starts")
    ap.add_argument("--max-wait", type=float, default=30, help="seconds to wait for quiet before each turn")
    ap.add_argument("sides", nargs=2, metavar="NAME=COMMAND")
    a = ap.parse_args()
    sides = [s.split("=", 1) for s in a.sides]
    procs = {name: start(command) for name, command in sides}
    for name, _ in sides:
        run(procs[name], a.warmup)
    with open(a.tsv, "a") as tsv:
        for turn in range(1, a.turns + 1):
            wait_quiet(a.quiet, a.max_wait)
            order = sides if turn % 2 else sides[::-1]
            for name, _ in order:
                value, others, own = run(procs[name], a.steps)
                line = f"{a.tag}\t{name}\t{turn}\t{value:.2f}\t{others:.2f}\t{own:.2f}"
                print(line, file=tsv, flush=True)
                print("  " + line, file=sys.stderr)
    for p in procs.values():
        p.stdin.close()
        p.wait()


if __name__ == "__main__":
    main()
