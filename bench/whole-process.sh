#!/usr/bin/env bash
# Whole-process wall time and peak memory of one command, as the issue-18 targets are stated: runs it N
# times under /usr/bin/time -v and prints the median wall time and the median peak RSS (and each run's).
# Usage: bench/whole-process.sh N COMMAND [ARGS...]
#   bench/whole-process.sh 5 dotnet .build/keel/keel.dll backtest --data /tmp/1m.csv --tz UTC \
#     --strategy sma-crossover:fast=10,slow=30 --sizing percent:95 --fill next-open --keep-open --json
# Note the machine's load (uptime) with the figures: on a shared machine they are only as steady as it is.
set -euo pipefail
runs="$1"; shift
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
walls=(); rss=()
for ((i = 0; i < runs; i++)); do
  /usr/bin/time -v -o "$log" "$@" > /dev/null
  wall="$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")"   # m:ss.ss
  secs="$(awk -F: '{printf "%.2f", $1 * 60 + $2}' <<< "$wall")"
  kb="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")"
  walls+=("$secs"); rss+=("$((kb / 1024))")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
echo "runs: wall ${walls[*]} s; peak RSS ${rss[*]} MB"
echo "median: $(median "${walls[@]}") s wall, $(median "${rss[@]}") MB peak RSS (load average now: $(cut -d' ' -f1-3 /proc/loadavg))"
