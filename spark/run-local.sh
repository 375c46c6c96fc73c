#!/usr/bin/env bash
# Runs the population screening job on local[*] with Spark from the Maven dependencies: no Spark
# installation needed, only Java 17 and Maven.
#
#   spark/run-local.sh --input DIR --output DIR [--format bulk-fhir|intake-ndjson] [--date D]
#                      [--rules DIR] [--tables DIR] [--overwrite]
#   spark/run-local.sh generate --patients N --seed S --output DIR [--date D]
#   spark/run-local.sh intakes --input DIR --output FILE [--date D]
#
# The first form runs org.botoxeligibility.spark.ScreeningJob (the same class spark-submit runs)
# and prints the summary line on standard output; the Parquet tables land in the output folder.
# The second writes a synthetic Bulk Data export (org.botoxeligibility.spark.SyntheticExport);
# the third the equivalent NDJSON intakes of an export, read without Spark
# (org.botoxeligibility.spark.ReferenceBundles), for the CLI and --format intake-ndjson.
# On first use (or when the sources changed) it installs the library into the local Maven
# repository and compiles this project; progress goes to standard error.
#
# Environment: SPARK_MASTER (default local[*]), BOTOX_SPARK_JAVA_OPTS (default -Xmx3g),
# MAVEN_REPO_LOCAL (default ~/.m2/repository).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
repo=${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}
lib="$repo/org/botoxeligibility/botox-eligibility/2.0.0/botox-eligibility-2.0.0.jar"

if [ ! -f "$lib" ] || [ -n "$(find "$root/src/main" "$root/rules" "$root/pom.xml" -newer "$lib" -print -quit)" ]; then
  echo "run-local.sh: installing the library (mvn install -DskipTests at the root)..." >&2
  (cd "$root" && mvn -q -B -DskipTests -Dfuzz.skip=true install) >&2
fi
cp_file="$here/target/classpath.txt"
stamp="$here/target/classes/.built"
if [ ! -f "$stamp" ] || [ ! -f "$cp_file" ] || [ "$lib" -nt "$stamp" ] \
    || [ -n "$(find "$here/src/main" "$here/pom.xml" -newer "$stamp" -print -quit)" ]; then
  echo "run-local.sh: compiling spark/ ..." >&2
  (cd "$here" && mvn -q -B compile dependency:build-classpath -DincludeScope=compile \
    -Dmdep.outputFile="$cp_file") >&2
  touch "$stamp"
fi

main=org.botoxeligibility.spark.ScreeningJob
case "${1:-}" in
  generate) main=org.botoxeligibility.spark.SyntheticExport; shift ;;
  intakes) main=org.botoxeligibility.spark.ReferenceBundles; shift ;;
esac
export SPARK_LOCAL_IP=${SPARK_LOCAL_IP:-127.0.0.1}
# shellcheck disable=SC2086
exec java @"$here/spark-jvm.args" ${BOTOX_SPARK_JAVA_OPTS:--Xmx3g} \
  -Dspark.master="${SPARK_MASTER:-local[*]}" -Dspark.ui.enabled=false \
  -cp "$here/target/classes:$(cat "$cp_file")" "$main" "$@"
