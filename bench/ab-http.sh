#!/bin/bash
# Before/after of a change to the application over HTTP, in alternate rounds on the same machine:
# `bash bench/ab-http.sh ROUNDS MEASURE_MS file...` runs the HTTP commands bench (app only, 64 clients)
# with the files as at HEAD (before) and as in the work tree (after) in turn, and restores the work tree.
set -e
cd "$(dirname "$0")/.." && mkdir -p .tmp
rounds=$1; ms=$2; shift 2
for f in "$@"; do cp "$f" ".tmp/ab-after-$(basename $f)"; done
restore() { for f in "$@"; do cp ".tmp/ab-after-$(basename $f)" "$f"; done; }
trap "restore $*" EXIT
for r in $(seq 1 $rounds); do
  for v in before after; do
    if [ $v = before ]; then for f in "$@"; do git show "HEAD:$f" > "$f"; done; else restore "$@"; fi
    BENCH_JOB="{\"section\":\"http-commands\",\"workDir\":\"$(pwd)/.tmp/httpcmd\",\"rounds\":1,\"concurrency\":64,\"warmupMs\":2000,\"measureMs\":$ms,\"targets\":[\"app\"]}" BENCH_RESULT=$(pwd)/.tmp/ab.json node -r ./bench/register.js bench/section.ts 2>&1 | grep "http commands" | sed "s/^/$v /"
  done
done
