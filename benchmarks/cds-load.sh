#!/usr/bin/env bash
# Load on the CDS Hooks service (BENCHMARKS.md, "CDS Hooks service"): a server and 32 clients in
# one JVM on 127.0.0.1, order-sign calls with the realistic prefetch of
# examples/cds-hooks/order-sign-request.json, each with a freshly signed JWT; bounded to N calls
# (default 100,000) and 600 s. Prints p50/p90/p99/max, calls/s, errors, heap after full GCs.
# Usage: benchmarks/cds-load.sh [N] [CLIENTS] [ES384|RS384] [presigned]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ ! -f benchmarks/target/benchmarks.jar ] || [ ! -f target/botox-eligibility.jar ] \
    || [ target/botox-eligibility.jar -nt benchmarks/target/benchmarks.jar ]; then
  mvn -q -B install -DskipTests >&2
  mvn -q -B -f benchmarks/pom.xml package >&2
fi
exec java -Xmx1g -cp benchmarks/target/benchmarks.jar \
  org.botoxeligibility.bench.CdsLoadBenchmark "${1:-100000}" "${2:-32}" "${3:-ES384}" "${4:-}"
