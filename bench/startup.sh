#!/usr/bin/env bash
# Start-up benchmark: builds the jar(s), starts each RUNS times on a fresh H2 database in a temp folder, and reports
# the time until Spring says "Started", the time until Tasklist answers, and the resident memory after start-up and
# after a warm-up of REST calls.
#   product  this application, demo profile (demo organisation, 100 users, notice 295 loaded at start)
#   bare     a bare Camunda 7.24 Spring Boot starter app (bench/bare-camunda, built offline), measured the same way
# Usage: [JAVA_OPTS=-Xmx384m] bench/startup.sh [RUNS] [product|bare|both]   (default 3 product)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
which=${2:-product}
port=18080
out=target/bench/startup.txt
mkdir -p target/bench

measure() { # label jar args...
  local label=$1 jar=$2; shift 2
  local sum_started=0 sum_rss=0
  for run in $(seq 1 "$runs"); do
    local work; work=$(mktemp -d)
    local start; start=$(date +%s.%N)
    (cd "$work" && exec java ${JAVA_OPTS:-} -jar "$OLDPWD/$jar" "$@" --server.port=$port \
        --spring.datasource.url="jdbc:h2:file:$work/data/directives;MODE=LEGACY;NON_KEYWORDS=VALUE" >"$work/app.log" 2>&1) &
    local pid=$!
    until grep -q "Started Application in" "$work/app.log" 2>/dev/null; do
      kill -0 $pid 2>/dev/null || { echo "app died:"; tail -30 "$work/app.log"; exit 1; }
      sleep 0.2
    done
    local started; started=$(grep -o "Started Application in [0-9.]* seconds" "$work/app.log" | grep -o "[0-9.]*" | head -1)
    until curl -sf -o /dev/null "http://localhost:$port/camunda/app/tasklist/default/"; do sleep 0.2; done
    local ready; ready=$(awk "BEGIN {print $(date +%s.%N) - $start}")
    local rss_start; rss_start=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
    for i in $(seq 1 200); do
      curl -s -o /dev/null -u demo:demo "http://localhost:$port/engine-rest/task?maxResults=50"
      curl -s -o /dev/null -u demo:demo "http://localhost:$port/engine-rest/process-definition"
    done
    local rss_warm; rss_warm=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
    printf '%-7s run %d: Spring started in %ss, Tasklist answered after %.1fs (wall), RSS %d MiB after start, %d MiB after 400 REST calls\n' \
      "$label" "$run" "$started" "$ready" $((rss_start / 1024)) $((rss_warm / 1024)) | tee -a "$out"
    kill $pid; wait $pid 2>/dev/null || true
    rm -rf "$work"
    sum_started=$(awk "BEGIN {print $sum_started + $started}")
    sum_rss=$((sum_rss + rss_start / 1024))
  done
  eval "${label}_started=$(awk "BEGIN {print $sum_started / $runs}")"
  eval "${label}_rss=$((sum_rss / runs))"
  printf '%-7s mean of %d: started %.1f s, RSS after start %d MiB\n' "$label" "$runs" \
    "$(eval echo \$${label}_started)" "$(eval echo \$${label}_rss)" | tee -a "$out"
}

echo "# startup — $(date -u +%FT%TZ), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg), JAVA_OPTS=${JAVA_OPTS:-}" > "$out"
if [[ $which == product || $which == both ]]; then
  ./mvnw -q -B -ntp -DskipTests package
  jar=$(ls target/directive-follow-up-*.jar | grep -v original | head -1)
  measure product "$jar" --spring.profiles.active=demo
fi
if [[ $which == bare || $which == both ]]; then
  ./mvnw -q -B -ntp -o -f bench/bare-camunda/pom.xml -DskipTests package
  measure bare bench/bare-camunda/target/bare-camunda-1.jar
fi
if [[ $which == both ]]; then
  awk "BEGIN {printf \"ratio product/bare: start-up %.2fx, RSS after start %.2fx (target <= 1.2x both)\n\", \
    $product_started / $bare_started, $product_rss / $bare_rss}" | tee -a "$out"
fi
