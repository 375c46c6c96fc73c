#!/usr/bin/env bash
# Measures the whole-process figures of BENCHMARKS.md in one run, on this machine:
#   - the JVM floor: `java -version`, 10 runs;
#   - one intake through the launcher (./botox-eligibility evaluate), 10 runs;
#   - the knowledge base ready in a fresh JVM (StartupProbe), 5 runs;
#   - an NDJSON batch of N intakes (default 100,000) through `evaluate --ndjson`, 3 runs with the
#     default heap and 3 with -Xmx128m; the rate is net of start-up (the one-intake median).
# Prints medians with min-max. Needs only bash, awk, Java 17 and Maven.
# Usage: benchmarks/cli-bench.sh [N]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
n=${1:-100000}
out=target/bench
mkdir -p "$out"

if [ ! -f benchmarks/target/benchmarks.jar ] || [ ! -f target/botox-eligibility.jar ] \
    || [ target/botox-eligibility.jar -nt benchmarks/target/benchmarks.jar ]; then
  mvn -q -B install -DskipTests >&2
  mvn -q -B -f benchmarks/pom.xml package >&2
fi
./botox-eligibility --version >/dev/null            # the CDS archive, if the jar is new

batch="$out/batch-$n.ndjson"
if [ ! -f "$batch" ]; then
  for f in examples/*.json; do tr -d '\n' < "$f"; echo; done > "$out/seeds.ndjson"
  awk -v n="$n" '{ seed[NR] = $0 } END {
      for (i = 0; i < n; i++) { line = seed[i % NR + 1]
        sub(/"intakeId": *"[^"]*"/, sprintf("\"intakeId\":\"B-%07d\"", i), line); print line } }' \
    "$out/seeds.ndjson" > "$batch"
fi

ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>"$out/stderr.txt"; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
stats() { sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
  printf "%s ms (min %s, max %s, %d runs)", m, v[1], v[NR], NR }'; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

java_runs=$(for i in $(seq 10); do ms java -version; done)
cli_runs=$(for i in $(seq 10); do ms ./botox-eligibility evaluate --date 2026-11-27 examples/chronic-migraine.json; done)
java_med=$(echo "$java_runs" | median)
cli_med=$(echo "$cli_runs" | median)

probe_runs=$(for i in $(seq 5); do
  java -cp benchmarks/target/benchmarks.jar org.botoxeligibility.bench.StartupProbe | sed 's/.*build_ms=\([0-9.]*\).*/\1/'
done)

batch_runs=$(for i in 1 2 3; do ms ./botox-eligibility evaluate --ndjson --date 2026-11-27 "$batch"; done)
lines=$(./botox-eligibility evaluate --ndjson --date 2026-11-27 "$batch" | wc -l)
small_runs=$(for i in 1 2 3; do BOTOX_ELIGIBILITY_JAVA_OPTS=-Xmx128m ms ./botox-eligibility evaluate --ndjson --date 2026-11-27 "$batch"; done)
batch_med=$(echo "$batch_runs" | median)
small_med=$(echo "$small_runs" | median)

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); $(java -version 2>&1 | head -n 1)"
echo "| figure | median (spread) |"
echo "|---|---|"
echo "| java -version | $(echo "$java_runs" | stats) |"
echo "| CLI, one intake, whole process (launcher) | $(echo "$cli_runs" | stats); $(awk -v a="$cli_med" -v b="$java_med" 'BEGIN { printf "%.1f", a / b }')x java -version |"
echo "| knowledge base ready in a fresh JVM (build only) | $(echo "$probe_runs" | stats) |"
echo "| NDJSON, $n intakes, default heap | $(echo "$batch_runs" | stats); $lines assessments; $(awk -v n="$n" -v t="$batch_med" -v s="$cli_med" 'BEGIN { printf "%.0f", n / ((t - s) / 1000) }') intakes/s net of start-up |"
echo "| NDJSON, $n intakes, -Xmx128m | $(echo "$small_runs" | stats); $(awk -v n="$n" -v t="$small_med" -v s="$cli_med" 'BEGIN { printf "%.0f", n / ((t - s) / 1000) }') intakes/s net of start-up |"
