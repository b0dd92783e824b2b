#!/bin/sh
# Outcome distribution of `chanscope run` over seeds and GOMAXPROCS:
#   seeds.sh FILE.go [N]   -> counts of (exit code, first stderr line)
cd "$(dirname "$0")" || exit 1
CS=../../target/debug/chanscope
n=${2:-40}
for p in 1 2 4; do
	s=1
	while [ $s -le $n ]; do
		"$CS" run --procs $p --seed $s "$1" >/dev/null 2>/tmp/seeds_err.$$
		echo "procs=$p rc=$? $(head -1 /tmp/seeds_err.$$ | cut -c1-70)"
		s=$((s + 1))
	done
done | sort | uniq -c
rm -f /tmp/seeds_err.$$
