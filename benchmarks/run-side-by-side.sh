#!/usr/bin/env bash
# Runs the same workloads on Weft, the real yjs and diamond-types-node, one after the other in one
# session, then writes benchmarks/RESULTS.md and benchmarks/results-chart.svg from the figures.
#
#   WEFT_TRACES=../shared/traces benchmarks/run-side-by-side.sh
#
# Environment: WEFT_TRACES (required: the editing traces), ROUNDS (crdt-benchmarks rounds, default
# 3), TRACE_ROUNDS (trace rounds, default 3), TRACE_WARMUP (unmeasured trace rounds before them,
# default 6: the JIT needs that many replays of a long trace to settle), B4X100_SECONDS (how long B4x100 in -Xmx64m may take,
# default 120), SKIP_BUILD=1 (reuse benchmarks/target/benchmarks.jar), SKIP_JMH=1,
# SKIP_TRANSPORTS=1 (no transport load runs).
# Under 15 minutes on a 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -z "${WEFT_TRACES:-}" || ! -d "${WEFT_TRACES}/sequential" ]]; then
  echo "set WEFT_TRACES to the editing traces directory (e.g. WEFT_TRACES=../shared/traces)" >&2
  exit 2
fi
WEFT_TRACES="$(cd "$WEFT_TRACES" && pwd)"
export WEFT_TRACES
ROUNDS="${ROUNDS:-3}"
TRACE_ROUNDS="${TRACE_ROUNDS:-3}"
TRACE_WARMUP="${TRACE_WARMUP:-6}"
OUT=benchmarks/target/side-by-side
JAR=benchmarks/target/benchmarks.jar
# One JVM per part; a fixed heap so that no run is penalised by a resize, G1 (the default), and
# pre-touched: on a virtual machine the first write to each page of the heap is slow enough that a
# round allocating into fresh pages measured the page faults more than the work.
JAVA_OPTS=(-Xms2g -Xmx2g -XX:+AlwaysPreTouch -Djdk.attach.allowAttachSelf=true)
B4X100_SECONDS="${B4X100_SECONDS:-120}"
SHORT_REPEATS=9 # as SideBySide.SHORT_REPEATS and SHORT_REPEATS in js/traces.mjs
JMH_SETTINGS="TraceBenchmark on automerge-paper: 1 fork (-Xms1g -Xmx1g), 5 warm-up and 4 measured single-shot iterations"

started=$(date +%s)
mkdir -p "$OUT"
: > "$OUT/results.jsonl"
rm -f "$OUT/jmh.json"

if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  echo "building benchmarks.jar" >&2
  ./mvnw -q -B -Pbench -pl benchmarks -am package -DskipTests -Dweft.skipNpm=true
  (cd benchmarks/js && npm ci --no-audit --no-fund --silent)
fi

load_start=$(cut -d' ' -f1-3 /proc/loadavg)

weft() { java "${JAVA_OPTS[@]}" -cp "$JAR" dev.weft.benchmarks.SideBySide "$@" >> "$OUT/results.jsonl"; }
js() { node --expose-gc benchmarks/js/run.mjs "$@" >> "$OUT/results.jsonl"; }
step() { echo "[$(( $(date +%s) - started ))s] $*" >&2; }

step "crdt-benchmarks B1-B4: Weft";  weft crdt --rounds "$ROUNDS" --warmup 1
step "crdt-benchmarks B1-B4: Yjs";   js crdt --rounds "$ROUNDS" --warmup 1
step "traces: Weft";                 weft traces --rounds "$TRACE_ROUNDS" --warmup "$TRACE_WARMUP"
step "traces: Yjs, diamond-types";   js traces --rounds "$TRACE_ROUNDS" --warmup "$TRACE_WARMUP"
step "retained heap";                weft heap; js heap
step "B4x100 in -Xmx64m: Weft"
weft flatten --flattened "$OUT/automerge-paper.patches"
set +e
timeout "$B4X100_SECONDS" java -Xmx64m -cp "$JAR" dev.weft.benchmarks.SideBySide b4x100 \
  --flattened "$OUT/automerge-paper.patches" >> "$OUT/results.jsonl" 2> "$OUT/b4x100.err"
rc=$?
set -e
if [[ $rc -ne 0 ]]; then
  if [[ $rc -eq 124 ]]; then reason="did not finish within ${B4X100_SECONDS} s"; else reason="exit code $rc"; fi
  oom=$(grep -m1 -o 'OutOfMemoryError[^"]*' "$OUT/b4x100.err" || true)
  progress=$(grep 'finished' "$OUT/b4x100.err" | tail -1 || true)
  echo "{\"lib\":\"weft\",\"suite\":\"b4x100-failed\",\"error\":\"${reason}${oom:+; $oom}\",\"progress\":\"${progress}\"}" \
    >> "$OUT/results.jsonl"
fi
step "B4x100 in -Xmx1g: Weft (the time against B4 when memory is not the limit)"
set +e
timeout "$B4X100_SECONDS" java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -cp "$JAR" dev.weft.benchmarks.SideBySide \
  b4x100-large-heap --flattened "$OUT/automerge-paper.patches" >> "$OUT/results.jsonl" 2> "$OUT/b4x100-large-heap.err"
set -e
if [[ "${SKIP_JMH:-}" != 1 ]]; then
  step "JMH: ${JMH_SETTINGS}"
  java -jar "$JAR" 'TraceBenchmark\.(localReplay|loadV1|encodeV1)$' -p trace=automerge-paper \
    -f 1 -wi 5 -i 4 -bm ss -tu ms -rf json -rff "$OUT/jmh.json" > "$OUT/jmh.log"
fi
if [[ "${SKIP_TRANSPORTS:-}" != 1 ]]; then
  step "transports: 100 documents x 10 writers over WebSocket, Redis, Kafka"
  rm -f transports/*/target/load-results.jsonl
  ./mvnw -q -B -Pload -pl transports/websocket,transports/redis,transports/kafka -am verify \
    -Dweft.skipNpm=true > "$OUT/transports.log" 2>&1
  cat transports/websocket/target/load-results.jsonl transports/redis/target/load-results.jsonl \
    transports/kafka/target/load-results.jsonl > "$OUT/transports.jsonl"
fi
load_end=$(cut -d' ' -f1-3 /proc/loadavg)
step "writing benchmarks/RESULTS.md"

CPU="$(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1)" \
CORES="$(nproc)" \
MEM="$(free -h | awk '/^Mem:/ {print $2}')" \
JAVA_VERSION="$(java -version 2>&1 | head -2 | tail -1)" \
NODE_VERSION="$(node --version)" \
WEFT_VERSION="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo '+changes')" \
LOAD_START="$load_start" LOAD_END="$load_end" \
SETTINGS="Weft: java ${JAVA_OPTS[*]}, one JVM per part; B1-B3: 1 warm-up round then ${ROUNDS}; B4: 2 (after the warm-up round); sequential traces: ${TRACE_WARMUP} warm-up rounds then ${TRACE_ROUNDS}; concurrent traces: 2 (after the sequential ones). Yjs and diamond-types: node --expose-gc, yjs imported as ESM, the same rounds. encode and load: the median of ${SHORT_REPEATS} timings per round. B4x100: Weft only, java -Xmx64m, at most ${B4X100_SECONDS} s, and again with -Xmx1g for its time against B4" \
JMH="$JMH_SETTINGS" \
node -e '
const fs = require("fs")
const v = p => JSON.parse(fs.readFileSync("benchmarks/js/node_modules/" + p + "/package.json", "utf8")).version
const e = process.env
fs.writeFileSync(process.argv[1], JSON.stringify({
  date: new Date().toISOString().replace(/\.\d+Z$/, "Z"), cpu: e.CPU, cores: e.CORES, memory: e.MEM,
  java: e.JAVA_VERSION, node: e.NODE_VERSION, weft: e.WEFT_VERSION, yjs: v("yjs"),
  dt: v("diamond-types-node"), lib0: v("lib0"), loadStart: e.LOAD_START, loadEnd: e.LOAD_END,
  settings: e.SETTINGS, jmhSettings: e.JMH }, null, 2))
' "$OUT/machine.json"
node benchmarks/js/report.mjs "$OUT" benchmarks/RESULTS.md benchmarks/results-chart.svg
step "done"
