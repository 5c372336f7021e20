#!/usr/bin/env python3
"""Paired timing of whole commands: every round runs each command once, in a shuffled order, so a
noisy moment on a shared machine hits all commands alike. Records wall time and CPU time (user +
system of the command and the children it waited for: less sensitive to other load on the machine)
and, for each command, the median over rounds of its wall time divided by the base command's time
in the same round. Writes everything as JSON.

usage: paired.py ROUNDS BASE_LABEL OUT.json LABEL=COMMAND [LABEL=COMMAND ...]
COMMAND is split like a shell line (shlex) and run without a shell; output is discarded; a command
that exits non-zero stops the benchmark. Two warm-up rounds are not counted.
"""
import json
import random
import resource
import shlex
import statistics
import subprocess
import sys
import time


def cpu_ms():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (r.ru_utime + r.ru_stime) * 1e3


def run_once(argv):
    cpu = cpu_ms()
    start = time.perf_counter_ns()
    done = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = (time.perf_counter_ns() - start) / 1e6
    if done.returncode != 0:
        sys.exit("paired.py: %s exited %d:\n%s" % (shlex.join(argv), done.returncode, done.stderr.decode(errors="replace")))
    return elapsed, cpu_ms() - cpu


def main():
    rounds, base, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    commands = {}
    for spec in sys.argv[4:]:
        label, _, command = spec.partition("=")
        commands[label] = shlex.split(command)
    if base not in commands:
        sys.exit("paired.py: no command labelled %r" % base)
    rng = random.Random(20261201)
    times = {label: [] for label in commands}
    cpu = {label: [] for label in commands}
    for r in range(rounds + 2):
        order = list(commands)
        rng.shuffle(order)
        for label in order:
            wall, used = run_once(commands[label])
            if r >= 2:
                times[label].append(wall)
                cpu[label].append(used)
    result = {}
    for label, ts in times.items():
        ratios = [t / b for t, b in zip(ts, times[base])]
        result[label] = {"command": shlex.join(commands[label]), "median_ms": statistics.median(ts),
                         "ratio_to_base": statistics.median(ratios), "median_cpu_ms": statistics.median(cpu[label]),
                         "times_ms": ts, "cpu_ms": cpu[label]}
    with open(out, "w") as f:
        json.dump({"rounds": rounds, "base": base, "results": result}, f, indent=1)


if __name__ == "__main__":
    main()
