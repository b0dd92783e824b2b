#!/bin/sh
# Checks tests/bugs programs against real Go and chanscope:
#   verify.sh [FILE.go ...]   (default: every .go here)
# For each file: go vet, go build, go run (exit code), go run -race (exit code,
# 66 = race reported) and `chanscope run` (exit code and first stderr line).
# Run from anywhere; needs target/debug/chanscope (cargo build -p chanscope-core).
cd "$(dirname "$0")" || exit 1
CS=../../target/debug/chanscope
export GOTOOLCHAIN=local GOFLAGS=-mod=mod
tmp=$(mktemp -d)
[ $# -eq 0 ] && set -- *.go
for f in "$@"; do
	vet=ok; GO111MODULE=off go vet "$f" >"$tmp/vet" 2>&1 || vet="vet:$(grep -v '^#' "$tmp/vet" | head -1 | cut -c1-80)"
	GO111MODULE=off go build -o "$tmp/bin" "$f" >"$tmp/build" 2>&1 || { echo "$f BUILD FAILED: $(head -3 "$tmp/build")"; continue; }
	timeout 20 "$tmp/bin" >"$tmp/gout" 2>"$tmp/err"; go_rc=$?
	GO111MODULE=off go build -race -o "$tmp/rbin" "$f" >/dev/null 2>&1
	timeout 5 "$tmp/rbin" >/dev/null 2>"$tmp/rerr"; race_rc=$?
	timeout 30 "$CS" run "$f" >"$tmp/cout" 2>"$tmp/cerr"; cs_rc=$?
	out=same; cmp -s "$tmp/gout" "$tmp/cout" || out=DIFF
	echo "$f | go=$go_rc race=$race_rc cs=$cs_rc | out=$out | $vet | go: $(head -1 "$tmp/err" | cut -c1-60) | cs: $(head -1 "$tmp/cerr" | cut -c1-90)"
done
rm -rf "$tmp"
