#!/usr/bin/env bash
# Start-up benchmark: builds the jar, starts it (demo profile, fresh H2 database in a temp folder) RUNS times,
# and reports the time until Spring says "Started", the time until Tasklist answers, and the resident memory
# after start-up and after a warm-up of REST calls. Usage: [JAVA_OPTS=-Xmx384m] bench/startup.sh [RUNS]   (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
./mvnw -q -B -ntp -DskipTests package
jar=$(ls target/directive-follow-up-*.jar | grep -v original | head -1)
port=18080
for run in $(seq 1 "$runs"); do
  work=$(mktemp -d)
  start=$(date +%s.%N)
  (cd "$work" && exec java ${JAVA_OPTS:-} -jar "$OLDPWD/$jar" --spring.profiles.active=demo --server.port=$port \
      --spring.datasource.url="jdbc:h2:file:$work/data/directives;MODE=LEGACY;NON_KEYWORDS=VALUE" >"$work/app.log" 2>&1) &
  pid=$!
  until grep -q "Started Application in" "$work/app.log" 2>/dev/null; do
    kill -0 $pid 2>/dev/null || { echo "app died:"; tail -30 "$work/app.log"; exit 1; }
    sleep 0.2
  done
  started=$(grep -o "Started Application in [0-9.]* seconds" "$work/app.log" | grep -o "[0-9.]*" | head -1)
  until curl -sf -o /dev/null "http://localhost:$port/camunda/app/tasklist/default/"; do sleep 0.2; done
  ready=$(awk "BEGIN {print $(date +%s.%N) - $start}")
  rss_start=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
  for i in $(seq 1 200); do
    curl -sf -o /dev/null -u demo:demo "http://localhost:$port/engine-rest/task?maxResults=50"
    curl -sf -o /dev/null -u demo:demo "http://localhost:$port/engine-rest/process-definition"
  done
  rss_warm=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
  printf 'run %d: Spring started in %ss, Tasklist answered after %.1fs (wall), RSS %d MiB after start, %d MiB after 400 REST calls\n' \
    "$run" "$started" "$ready" $((rss_start / 1024)) $((rss_warm / 1024))
  kill $pid; wait $pid 2>/dev/null || true
  rm -rf "$work"
done
