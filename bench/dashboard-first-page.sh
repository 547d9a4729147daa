#!/usr/bin/env bash
# Time to the dashboard's first page, whole process: starts `keel dashboard` over a store, asks for the overview's
# page and its JSON (what a browser opening http://127.0.0.1:PORT/ needs before it can draw) until both answer 200,
# and takes the time from the process start to that answer. Runs it N times; prints each run and the median.
# Usage: bench/dashboard-first-page.sh N STORE.db KEEL.dll [PORT]
#   dotnet run -c Release --project bench/Keel.Benchmarks -- dashboard /tmp/dash-bench   # writes the big store once
#   bench/dashboard-first-page.sh 5 /tmp/dash-bench/dashboard-bench.db .build/keel/keel.dll
# Note the machine's load (uptime) with the figures: on a shared machine they are only as steady as it is.
set -euo pipefail
runs="$1"; store="$(realpath "$2")"; dll="$(realpath "$3")"; port="${4:-5391}"
work="$(mktemp -d)"
pid=""
cleanup() { [[ -n "$pid" ]] && kill "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
# A paper config whose store is the given file (keys are not needed: the dashboard never calls the broker).
cat > "$work/bench.json" <<JSON
{
  "mode": "paper",
  "alpaca": { "tradingUrl": "http://127.0.0.1:18080", "dataUrl": "http://127.0.0.1:18080" },
  "timeframe": "1Min",
  "symbols": ["SPY"],
  "strategies": ["sma-crossover"],
  "risk": { "sizing": "fixed:10" },
  "store": { "sqlite": "$store" },
  "logs": "$work/logs"
}
JSON
times=()
for ((i = 0; i < runs; i++)); do
  start=$(date +%s%N)
  dotnet "$dll" dashboard --config "$work/bench.json" --results "$work/results" --port "$port" > "$work/out.log" 2>&1 &
  pid=$!
  # Bounded: 600 tries 50 ms apart (30 s at most).
  ok=""
  for ((try = 0; try < 600; try++)); do
    if curl -sf -o /dev/null "http://127.0.0.1:$port/" && curl -sf -o /dev/null "http://127.0.0.1:$port/api/overview?width=1400"; then ok=1; break; fi
    sleep 0.05
  done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
  [[ -n "$ok" ]] || { echo "the dashboard did not answer within 30 s:"; cat "$work/out.log"; exit 1; }
  times+=("$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.2f", (b - a) / 1e9}')")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
echo "runs: ${times[*]} s"
echo "median: $(median "${times[@]}") s from process start to the first overview (page and JSON) (load average now: $(cut -d' ' -f1-3 /proc/loadavg))"
