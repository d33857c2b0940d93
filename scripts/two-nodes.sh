#!/usr/bin/env bash
# Two application nodes on one PostgreSQL on this machine: http://localhost:8081 and http://localhost:8082.
#
#   APP_DB_URL=jdbc:postgresql://localhost:5432/directives APP_DB_USER=directives APP_DB_PASSWORD=secret \
#   APP_ADMIN_USER=admin APP_ADMIN_PASSWORD=… scripts/two-nodes.sh
#
# Both nodes run the postgres profile (SPRING_PROFILES_ACTIVE, default "postgres"; add ",prod" for production
# checks) and read every APP_DB_* / APP_JOB_* variable of README "PostgreSQL in production" from the environment.
# Optional: SPRING_MAIL_HOST / SPRING_MAIL_PORT (reminders by e-mail), APP_ADMIN_USER / APP_ADMIN_PASSWORD (the
# administrator, created or updated at start-up), JAVA_OPTS (default -Xmx512m), SKIP_BUILD=1 (reuse target/*.jar).
# Logs go to target/two-nodes/node-{1,2}.log; Ctrl-C stops both nodes.
set -euo pipefail
cd "$(dirname "$0")/.."

: "${APP_DB_URL:?set APP_DB_URL, e.g. jdbc:postgresql://localhost:5432/directives}"
: "${APP_DB_USER:?set APP_DB_USER}"
: "${APP_DB_PASSWORD:?set APP_DB_PASSWORD}"
export APP_DB_URL APP_DB_USER APP_DB_PASSWORD
export SPRING_PROFILES_ACTIVE=${SPRING_PROFILES_ACTIVE:-postgres}
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  ./mvnw -q -DskipTests package
fi
JAR=$(ls target/directive-follow-up-*.jar | grep -v -- '-plain.jar' | head -1)
mkdir -p target/two-nodes

# the database, pool, job executor and administrator come from the environment (APP_*); only mail is spelled out
common=()
if [[ -n "${SPRING_MAIL_HOST:-}" ]]; then
  common+=("--spring.mail.host=$SPRING_MAIL_HOST" "--spring.mail.port=${SPRING_MAIL_PORT:-25}")
fi

pids=()
stop() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait
}
trap stop EXIT INT TERM

start_node() { # name port
  # shellcheck disable=SC2086
  java $JAVA_OPTS -jar "$JAR" --server.port="$2" --app.node-id="$1" \
    --app.public-base-url="${APP_PUBLIC_BASE_URL:-http://localhost:$2}" ${common[@]+"${common[@]}"} \
    >"target/two-nodes/$1.log" 2>&1 &
  pids+=($!)
  echo "$1: pid $! on http://localhost:$2 (log target/two-nodes/$1.log)"
}

wait_ready() { # name port
  for _ in $(seq 1 180); do
    # /engine-rest answers 401 without credentials once the engine is up
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$2/engine-rest/version" || true)
    if [[ "$code" == 401 || "$code" == 200 ]]; then echo "$1 is up"; return 0; fi
    sleep 1
  done
  echo "$1 did not start; see target/two-nodes/$1.log" >&2
  return 1
}

# The first node creates or upgrades the schemas and deploys the processes; the second joins once it is up.
start_node node-1 8081
wait_ready node-1 8081
start_node node-2 8082
wait_ready node-2 8082
echo "Both nodes run on one database. Put a load balancer with sticky sessions in front (see README); Ctrl-C stops."
wait
