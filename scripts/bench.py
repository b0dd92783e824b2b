#!/usr/bin/env python3
"""Benchmarks: the same Go program under chanscope and compiled by real Go.

Each program in bench/ has a `const N = ...` line. It is run with a small and
a large N, both ways, and the per-op cost is (T(large) - T(small)) / (large -
small): startup and compile time cancel out. Times are CPU time (user +
system) of the process, the best of --reps runs. Go runs with GOMAXPROCS=1,
chanscope with --procs 1 (release build). Memory per blocked goroutine comes
from the peak RSS of bench/blocked.go with 1,000,000 against 1,000 goroutines.

Usage: scripts/bench.py [--reps 3] [--update-readme] [--only NAME]
"""
import argparse, os, re, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CHANSCOPE = os.path.join(ROOT, "target", "release", "chanscope")

# name, small N, large N, ops per unit of N, target ratio (chanscope / Go)
BENCHES = [
    ("pingpong", "unbuffered ping-pong (round trip)", 1000, 300000, 2.0),
    ("buffered", "buffered producer/consumer (cap 128)", 1000, 1000000, None),
    ("spawn", "goroutine spawn + exit", 1000, 200000, 3.0),
    ("mutex", "contended Mutex (4 goroutines)", 1000, 1000000, 3.0),
    ("sieve", "prime sieve (per prime, 1000 primes)", 10, 1000, 3.0),
    ("fib", "fib(30)", 1, 30, 30.0),
    ("iface", "interface method call (two dynamic types)", 1000, 1000000, None),
]


def with_n(src, n):
    return re.sub(r"const N = \d+", "const N = %d" % n, src, count=1)


def run(cmd, env=None):
    """CPU time (user + system, s) and peak RSS (KiB) of one run.

    CPU time rather than wall time: the machine is shared, and a longer run
    is more likely to wait for a core, which would skew the ratios.
    """
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, ru = os.wait4(p.pid, 0)
    t = ru.ru_utime + ru.ru_stime
    err = p.stderr.read().decode(errors="replace")
    p.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("benchmark failed: %s\n%s" % (" ".join(cmd), err))
    return t, ru.ru_maxrss


def best(cmd, reps, env=None):
    runs = [run(cmd, env) for _ in range(reps)]
    return min(r[0] for r in runs), min(r[1] for r in runs)


def prepare(tmp, name, n):
    src = open(os.path.join(ROOT, "bench", name + ".go")).read()
    path = os.path.join(tmp, "%s_%d.go" % (name, n))
    with open(path, "w") as f:
        f.write(with_n(src, n))
    exe = path[:-3]
    env = dict(os.environ, GOTOOLCHAIN="local")
    subprocess.run(["go", "build", "-o", exe, path], check=True, env=env)
    return path, exe


def measure(tmp, name, n, reps):
    path, exe = prepare(tmp, name, n)
    genv = dict(os.environ, GOMAXPROCS="1")
    go = best([exe], reps, genv)
    cs = best([CHANSCOPE, "run", "--procs", "1", "--timeout", "0", "--max-steps", "0", path], reps)
    return go, cs


def fmt_ns(ns):
    if ns >= 1e6:
        return "%.2f ms" % (ns / 1e6)
    if ns >= 1e3:
        return "%.2f µs" % (ns / 1e3)
    return "%.0f ns" % ns


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--update-readme", action="store_true")
    ap.add_argument("--only")
    args = ap.parse_args()
    if not os.path.exists(CHANSCOPE):
        sys.exit("build first: cargo build --release")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, label, small, large, target in BENCHES:
            if args.only and args.only != name:
                continue
            (gs, _), (cs_s, _) = measure(tmp, name, small, args.reps)
            (gl, _), (cs_l, _) = measure(tmp, name, large, args.reps)
            ops = large - small if name != "fib" else 1
            go_ns = max(gl - gs, 1e-9) * 1e9 / ops
            cs_ns = max(cs_l - cs_s, 1e-9) * 1e9 / ops
            ratio = cs_ns / go_ns
            verdict = "" if target is None else ("meets ≤ %g×" % target if ratio <= target else "misses ≤ %g×" % target)
            rows.append("| %s | %s | %s | %.1f× | %s |" % (label, fmt_ns(go_ns), fmt_ns(cs_ns), ratio, verdict))
            print(rows[-1], flush=True)
        if not args.only or args.only == "blocked":
            small, large = 1000, 1000000
            (_, g_s), (_, c_s) = measure(tmp, "blocked", small, 1)
            (_, g_l), (_, c_l) = measure(tmp, "blocked", large, 1)
            go_b = (g_l - g_s) * 1024 / (large - small)
            cs_b = (c_l - c_s) * 1024 / (large - small)
            verdict = "meets ≤ 512 B" if cs_b <= 512 else "misses ≤ 512 B"
            rows.append("| memory per blocked goroutine (1,000,000 parked) | %.0f B | %.0f B | %.2f× | %s |" % (go_b, cs_b, cs_b / go_b, verdict))
            print(rows[-1], flush=True)
    go_version = subprocess.run(["go", "version"], capture_output=True, text=True, env=dict(os.environ, GOTOOLCHAIN="local")).stdout.strip()
    table = "\n".join([
        "Measured %s on this machine (%d cores), %s, release build, procs 1 vs GOMAXPROCS=1, CPU time per op (best of %d runs):" % (time.strftime("%Y-%m-%d"), os.cpu_count(), go_version, args.reps),
        "",
        "| benchmark | Go | chanscope | ratio | target |",
        "|---|---|---|---|---|",
    ] + rows)
    print()
    print(table)
    if args.update_readme:
        readme = os.path.join(ROOT, "README.md")
        text = open(readme).read()
        new = re.sub(r"(<!-- bench:start -->\n).*?(\n<!-- bench:end -->)", lambda m: m.group(1) + table + m.group(2), text, flags=re.S)
        open(readme, "w").write(new)
        print("README.md updated")


if __name__ == "__main__":
    main()
