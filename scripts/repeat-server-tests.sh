#!/usr/bin/env bash
# Runs the CDS Hooks service's test classes (org.botoxeligibility.server.*Test, and the
# logs-at-every-level execution that holds ServerLogsTest) ROUNDS times in a row, to show that
# none of them fails by chance. Not part of CI: a round takes minutes.
#
#   scripts/repeat-server-tests.sh [ROUNDS]      # default 20
#
# The test classes are compiled once; each round runs them with surefire alone. The reports of a
# failing round are kept in target/repeat-server-tests/round-N/. Exit code: the number of failed
# rounds (0 when every round passed), at most 100.
set -u
cd "$(dirname "$0")/.."
rounds="${1:-20}"
out=target/repeat-server-tests
tests='org.botoxeligibility.server.*Test'

mvn -o -q -Dfuzz.skip=true test-compile || { echo "test-compile failed" >&2; exit 100; }
rm -rf "$out" && mkdir -p "$out"
failed=0
for i in $(seq 1 "$rounds"); do
  start=$(date +%s)
  if mvn -o -q surefire:test@default-test surefire:test@logs-at-every-level \
      -Dtest="$tests" -Dsurefire.failIfNoSpecifiedTests=false > "$out/round-$i.log" 2>&1; then
    result=passed
    rm -f "$out/round-$i.log"
  else
    result=FAILED
    failed=$((failed + 1))
    cp -r target/surefire-reports "$out/round-$i"
  fi
  echo "round $i/$rounds: $result ($(( $(date +%s) - start )) s)"
done
echo "$rounds rounds, $failed failed"
exit $(( failed > 100 ? 100 : failed ))
