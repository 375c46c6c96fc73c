#!/usr/bin/env bash
# The population screening benchmark of spark/BENCHMARKS.md (not a test): N generated patients
# (default 100,000) through the Spark job on local[1] and local[2], the same patients' intakes
# through the job (--format intake-ndjson) and through the CLI's NDJSON path; R runs of each
# (default 3). Prints one line per run and the medians: wall time, CPU seconds (user + system of
# the whole process), patients/s and CPU ms per patient, and the load average around each run.
# Usage: spark/bench.sh [N] [R]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
n=${1:-100000}
runs=${2:-3}
date=2026-11-27
out="$here/target/bench"
export_dir="$out/export-$n"
intakes="$out/intakes-$n.ndjson"
mkdir -p "$out"

if [ ! -f "$export_dir/Patient.ndjson" ]; then
  "$here/run-local.sh" generate --patients "$n" --seed 42 --output "$export_dir" --date "$date" >&2
fi
if [ ! -f "$intakes" ]; then
  "$here/run-local.sh" intakes --input "$export_dir" --output "$intakes" --date "$date" >&2
fi
if [ ! -f "$root/target/botox-eligibility.jar" ]; then
  (cd "$root" && mvn -q -B -DskipTests -Dfuzz.skip=true package) >&2
fi
"$root/botox-eligibility" --version >/dev/null   # the launcher's CDS archive, if the jar is new
lines=$(cat "$export_dir"/*.ndjson | wc -l)
ni=$(wc -l < "$intakes")
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); $(java -version 2>&1 | head -n 1)"
echo "export: $n patients, $lines lines, $(du -sm "$export_dir" | cut -f1) MB; intakes: $ni"

# one run: label, patients, command...; prints "label wall cpu load-before load-after"
run() {
  local label=$1 count=$2; shift 2
  local before after
  before=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f "%e %U %S" -o "$out/time.txt" "$@" >"$out/stdout.txt" 2>"$out/stderr.txt" \
    || { echo "run failed: $label" >&2; cat "$out/stderr.txt" >&2; exit 1; }
  after=$(cut -d' ' -f1 /proc/loadavg)
  read -r wall user sys < "$out/time.txt"
  echo "$label $count $wall $(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }') $before $after"
}

results="$out/results.txt"
: > "$results"
for r in $(seq "$runs"); do
  for m in 1 2; do
    SPARK_MASTER="local[$m]" BOTOX_SPARK_JAVA_OPTS="-Xmx3g -Dbotox.timings=true" run "job-bulk-fhir-local[$m]" "$n" \
      "$here/run-local.sh" --input "$export_dir" --output "$out/out" --date "$date" --overwrite | tee -a "$results"
    grep '^timing:' "$out/stderr.txt" | sed "s/^/  local[$m] /" >&2
  done
  SPARK_MASTER="local[2]" run "job-intake-ndjson-local[2]" "$ni" \
    "$here/run-local.sh" --input "$intakes" --output "$out/out-intakes" --format intake-ndjson \
    --date "$date" --overwrite | tee -a "$results"
  run "cli-ndjson" "$ni" "$root/botox-eligibility" evaluate --ndjson --date "$date" "$intakes" \
    | tee -a "$results"
done
tail -n 1 "$out/stdout.txt" >/dev/null
echo
echo "| run | items | wall s (median, min-max) | CPU s | items/s | CPU ms per item | load avg before/after |"
echo "|---|---|---|---|---|---|---|"
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
for label in "job-bulk-fhir-local[1]" "job-bulk-fhir-local[2]" "job-intake-ndjson-local[2]" "cli-ndjson"; do
  rows=$(grep -F "$label " "$results")
  items=$(echo "$rows" | head -n 1 | cut -d' ' -f2)
  wall=$(echo "$rows" | cut -d' ' -f3 | median)
  cpu=$(echo "$rows" | cut -d' ' -f4 | median)
  lo=$(echo "$rows" | cut -d' ' -f3 | sort -n | head -n 1)
  hi=$(echo "$rows" | cut -d' ' -f3 | sort -n | tail -n 1)
  load=$(echo "$rows" | awk '{ printf "%s%s/%s", sep, $5, $6; sep = ", " }')
  awk -v l="$label" -v i="$items" -v w="$wall" -v c="$cpu" -v lo="$lo" -v hi="$hi" -v ld="$load" 'BEGIN {
    printf "| %s | %d | %.1f (%.1f-%.1f) | %.1f | %.0f | %.2f | %s |\n", l, i, w, lo, hi, c, i / w, 1000 * c / i, ld }'
done
