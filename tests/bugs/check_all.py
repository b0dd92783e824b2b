#!/usr/bin/env python3
"""Run `chanscope check --json` on every program in manifest.json and compare
the kinds found with the expected ones.

Usage: tests/bugs/check_all.py [--bin target/debug/chanscope] [--time-limit 10s] [FILE.go ...]
Prints one line per program: OK / MISSING kinds / FALSE ALARM, the kinds
found, the schedules run and whether the search was exhaustive. Exit 1 when
any expected kind is missing or a correct program got a finding.
"""
import argparse, json, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "debug", "chanscope"))
    ap.add_argument("--time-limit", default="10s")
    ap.add_argument("files", nargs="*")
    a = ap.parse_args()
    manifest = json.load(open(os.path.join(HERE, "manifest.json")))
    bad = 0
    for e in manifest:
        if a.files and e["file"] not in [os.path.basename(f) for f in a.files]:
            continue
        p = subprocess.run([a.bin, "check", "--json", "--time-limit", a.time_limit, e["file"]],
                           cwd=HERE, capture_output=True, text=True)
        try:
            d = json.loads(p.stdout)
        except ValueError:
            print("%-48s ERROR exit %d: %s" % (e["file"], p.returncode, (p.stderr or p.stdout).strip()[:120]))
            bad += 1
            continue
        found = sorted({f["kind"] for f in d["findings"]})
        missing = [k for k in e["expect"] if k not in found]
        if not e["expect"] and found:
            status = "FALSE ALARM"
        elif missing:
            status = "MISSING " + ",".join(missing)
        else:
            status = "OK"
        bad += status != "OK"
        print("%-48s %-22s found=%-28s schedules=%s exhaustive=%s" % (
            e["file"], status, ",".join(found) or "-", d["schedules"], d["exhaustive"]))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
