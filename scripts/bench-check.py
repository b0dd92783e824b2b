#!/usr/bin/env python3
"""Benchmark of `chanscope check` (not a test): schedules/s and states/s of
the explorer, how much partial-order reduction (sleep sets) shrinks the
systematic search on dining philosophers (N=3,4,5) and on tests/bugs, and
SPIN's states/s on the equivalent Promela model (Debian's `spin`).

    scripts/bench-check.py [--release] [--time-limit 60s]

"states" for chanscope are transitions executed by the stateless search
(each visible step of each schedule, prefixes re-executed); SPIN's are
states stored (its search is stateful). Both searches run to exhaustion
where they can.
"""
import argparse, glob, json, os, re, shutil, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def philosophers_go(n):
    return f"""package main

import "sync"

func main() {{
	const n = {n}
	forks := make([]*sync.Mutex, n)
	for i := range forks {{
		forks[i] = &sync.Mutex{{}}
	}}
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {{
		wg.Add(1)
		go func() {{
			defer wg.Done()
			l, r := forks[i], forks[(i+1)%n]
			l.Lock()
			r.Lock()
			r.Unlock()
			l.Unlock()
		}}()
	}}
	wg.Wait()
}}
"""


def philosophers_pml(n):
    # The same program: each philosopher takes its left fork, then its
    # right one, puts them back and ends; main waits for all of them.
    return f"""#define N {n}
bit fork[N];
byte finished;

proctype phil(byte i) {{
	atomic {{ fork[i] == 0 -> fork[i] = 1 }};
	atomic {{ fork[(i+1)%N] == 0 -> fork[(i+1)%N] = 1 }};
	fork[(i+1)%N] = 0;
	fork[i] = 0;
	finished++
}}

init {{
	byte i = 0;
	atomic {{
		do
		:: i < N -> run phil(i); i++
		:: else -> break
		od
	}};
	finished == N
}}
"""


def chanscope_check(cs, path, args, time_limit):
    cmd = [cs, "check", "--json", "--stats", "--time-limit", time_limit] + args + [path]
    t0 = time.time()
    p = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.time() - t0
    stats = dict(kv.split("=", 1) for kv in p.stderr.strip().splitlines()[-1].split()[1:]) if "stats:" in p.stderr else {}
    report = json.loads(p.stdout) if p.stdout.strip() else {}
    return stats, report, wall


def spin(pml, reduce):
    d = tempfile.mkdtemp()
    try:
        with open(os.path.join(d, "m.pml"), "w") as f:
            f.write(pml)
        subprocess.run(["spin", "-a", "m.pml"], cwd=d, check=True, capture_output=True)
        flags = ["-O2", "-DSAFETY"] + ([] if reduce else ["-DNOREDUCE"])
        subprocess.run(["gcc"] + flags + ["-o", "pan", "pan.c"], cwd=d, check=True, capture_output=True)
        # -c0: go on past errors (the deadlocks), to cover the whole graph.
        p = subprocess.run(["./pan", "-c0", "-n", "-m100000"], cwd=d, capture_output=True, text=True)
        out = p.stdout
        num = lambda pat: float(re.search(pat, out).group(1)) if re.search(pat, out) else 0.0
        return {
            "states": int(num(r"([\d.e+]+) states, stored")),
            "transitions": int(num(r"([\d.e+]+) transitions \(= stored\+matched\)")),
            "seconds": num(r"pan: elapsed time ([\d.e+-]+) seconds"),
            "errors": int(num(r"errors: (\d+)")),
        }
    finally:
        shutil.rmtree(d)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--release", action="store_true")
    ap.add_argument("--time-limit", default="60s")
    a = ap.parse_args()
    prof = "release" if a.release else "debug"
    subprocess.run(["cargo", "build", "-q", "-p", "chanscope-core"] + (["--release"] if a.release else []), cwd=ROOT, check=True)
    cs = os.path.join(ROOT, "target", prof, "chanscope")
    tmp = tempfile.mkdtemp()
    print(f"chanscope {prof} build; systematic search only (--search-only), time limit {a.time_limit}\n")
    print("| program | search | schedules | exhaustive | transitions | s | schedules/s | transitions/s | findings |")
    print("|---|---|---|---|---|---|---|---|---|")
    for n in (3, 4, 5):
        path = os.path.join(tmp, f"philosophers{n}.go")
        with open(path, "w") as f:
            f.write(philosophers_go(n))
        for por in (False, True):
            st, rep, _ = chanscope_check(cs, path, ["--search-only", "--schedules", "10000000"] + ([] if por else ["--no-por"]), a.time_limit)
            print(f"| philosophers N={n} | {'sleep sets' if por else 'none'} | {st.get('schedules')} | {st.get('exhaustive')} | {st.get('transitions')} | {float(st.get('seconds', 0)):.2f} | {st.get('schedules_per_s')} | {st.get('transitions_per_s')} | {len(rep.get('findings', []))} |")
    print("\nSPIN 6.5 (pan -DSAFETY, states stored; its own partial-order reduction on/off):\n")
    print("| program | reduction | states | transitions | s | states/s | errors |")
    print("|---|---|---|---|---|---|---|")
    # N=8: large enough for pan's clock (10 ms resolution) to give a rate.
    for n in (3, 4, 5, 8):
        for red in (False, True):
            r = spin(philosophers_pml(n), red)
            rate = r["states"] / r["seconds"] if r["seconds"] > 0 else float("inf")
            print(f"| philosophers N={n} | {'on' if red else 'off'} | {r['states']} | {r['transitions']} | {r['seconds']:.3f} | {rate:.0f} | {r['errors']} |")
    files = sorted(glob.glob(os.path.join(ROOT, "tests", "bugs", "*.go")))
    if files:
        print(f"\ntests/bugs ({len(files)} programs), systematic search capped at 2000 schedules:\n")
        print("| search | exhausted | schedules | transitions | s | schedules/s | transitions/s |")
        print("|---|---|---|---|---|---|---|")
        for por in (False, True):
            tot = {"ex": 0, "sch": 0, "tr": 0, "s": 0.0}
            for f in files:
                st, rep, _ = chanscope_check(cs, f, ["--search-only", "--schedules", "2000"] + ([] if por else ["--no-por"]), a.time_limit)
                tot["ex"] += st.get("exhaustive") == "true"
                tot["sch"] += int(st.get("schedules", 0))
                tot["tr"] += int(st.get("transitions", 0))
                tot["s"] += float(st.get("seconds", 0))
            s = max(tot["s"], 1e-9)
            print(f"| {'sleep sets' if por else 'none'} | {tot['ex']}/{len(files)} | {tot['sch']} | {tot['tr']} | {tot['s']:.1f} | {tot['sch']/s:.0f} | {tot['tr']/s:.0f} |")
        print("\ntests/bugs with the default budget (random + PCT + search):\n")
        tot = {"sch": 0, "s": 0.0, "tr": 0}
        for f in files:
            st, rep, _ = chanscope_check(cs, f, [], "10s")
            tot["sch"] += int(st.get("schedules", 0))
            tot["tr"] += int(st.get("transitions", 0))
            tot["s"] += float(st.get("seconds", 0))
        s = max(tot["s"], 1e-9)
        print(f"{tot['sch']} schedules in {tot['s']:.1f} s: {tot['sch']/s:.0f} schedules/s, {tot['tr']/s:.0f} transitions/s")
    shutil.rmtree(tmp)


if __name__ == "__main__":
    sys.exit(main())
