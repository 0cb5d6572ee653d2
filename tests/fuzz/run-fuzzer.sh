#!/bin/sh
# run-fuzzer.sh HARNESS CORPUS ARTIFACT-PREFIX SECONDS SEED-DIR...
# Runs one libFuzzer harness for SECONDS over CORPUS (kept between runs)
# and the seeds; prints its executions; exits non-zero on a finding.
set -u
harness=$1 corpus=$2 artifacts=$3 seconds=$4
shift 4
mkdir -p "$corpus"
log=$(mktemp)
"$harness" -max_total_time="$seconds" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="$artifacts" "$corpus" "$@" >"$log" 2>&1
status=$?
grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb|ERROR|SUMMARY|Test unit written' "$log"
[ "$status" -eq 0 ] || tail -n 40 "$log"
rm -f "$log"
exit "$status"
