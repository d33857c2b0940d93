#!/usr/bin/env bash
# Start-up benchmark: builds the jar(s), starts each RUNS times on a fresh H2 database in a temp folder and once more
# on the same database (a restart: schema, migrations, deployment and organisation already there), and reports the
# time until Spring says "Started" with the CPU seconds used by then, the time until Tasklist answers, and the
# resident memory after start-up and after a warm-up of REST calls, and how long the first REST call took (what
# start-up leaves to the first request shows there).
#   product  this application, demo profile (demo organisation, 100 users, notice 295 loaded at start)
#   bare     a bare Camunda 7.24 Spring Boot starter app (bench/bare-camunda, built offline), measured the same way
# Each is measured in these variants (STARTUP_VARIANTS, default "jar cds"), the same way for both apps:
#   jar      java -jar on the executable jar, as built
#   cds      extracted jar started with a class-data sharing archive made by scripts/build-cds-archive.sh (its
#            training run, not timed, uses the same application arguments)
#   noaot    java -jar with -Dspring.aot.enabled=false: the product works its bean definitions out at start instead of
#            using the build's (README "Start-up: bean definitions from the build"); the bare app has none, so for it
#            this is its jar variant measured again in the same turn
#   nodeploy java -jar with --camunda.bpm.auto-deployment-enabled=false: the product without Camunda deploying its 11
#            models, DMN and 36 forms (its first start otherwise parses and stores them all), to show how much of the
#            gap to the bare app is the engine's work on the product's models; the bare app deploys nothing, so for it
#            this is its jar variant measured again in the same turn. Not a way to run the product: without its models
#            it has no process to start
# With "both" the apps take turns, run by run (product, bare, product, bare…): this machine's speed drifts by 10-20 %
# over minutes (a virtual machine on a shared host), and measuring all of one app before the other put that drift
# into the ratio. Each run also prints its own pair's ratio, so the spread shows.
# Usage: [JAVA_OPTS=-Xmx384m] [STARTUP_VARIANTS="jar cds noaot nodeploy"] bench/startup.sh [RUNS] [product|bare|both]   (default 3 product)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
which=${2:-product}
port=18080
variants=${STARTUP_VARIANTS:-jar cds}
out=target/bench/startup.txt
mkdir -p target/bench
jvm_extra=""  # set per variant: the CDS archive option
app_extra=""  # set per variant: application arguments added for both apps

start_once() { # label round work jar args... — starts, measures, stops; sets started, ready, rss_start, rss_warm, cpu
  local label=$1 round=$2 work=$3 jar=$4; shift 4
  local log=$work/app-$round.log
  local start; start=$(date +%s.%N)
  (cd "$work" && exec java ${JAVA_OPTS:-} $jvm_extra -jar "$OLDPWD/$jar" "$@" $app_extra --server.port=$port \
      --spring.datasource.url="jdbc:h2:file:$work/data/directives;MODE=LEGACY;NON_KEYWORDS=VALUE" >"$log" 2>&1) &
  local pid=$!
  until grep -q "Started Application in" "$log" 2>/dev/null; do
    kill -0 $pid 2>/dev/null || { echo "app died:"; tail -30 "$log"; exit 1; }
    sleep 0.2
  done
  # CPU seconds the JVM used until "Started" (all threads): steadier than wall time on a shared machine
  cpu=$(awk '{printf "%.1f", ($14 + $15) / 100}' /proc/$pid/stat)
  started=$(grep -o "Started Application in [0-9.]* seconds" "$log" | grep -o "[0-9.]*" | head -1)
  # the first request after "Started": what a user meets first (anything made lazy at start is paid here)
  first_call=$(curl -s -o /dev/null -w '%{time_total}' -u demo:demo "http://localhost:$port/engine-rest/task?maxResults=50")
  until curl -sf -o /dev/null "http://localhost:$port/camunda/app/tasklist/default/"; do sleep 0.2; done
  ready=$(awk "BEGIN {print $(date +%s.%N) - $start}")
  rss_start=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
  for i in $(seq 1 200); do
    curl -s -o /dev/null -u demo:demo "http://localhost:$port/engine-rest/task?maxResults=50"
    curl -s -o /dev/null -u demo:demo "http://localhost:$port/engine-rest/process-definition"
  done
  rss_warm=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
  printf '%-11s %-7s: Spring started in %ss (CPU %ss), first REST call %d ms, Tasklist answered after %.1fs (wall), RSS %d MiB after start, %d MiB after 400 REST calls\n' \
    "$label" "$round" "$started" "$cpu" "$(awk "BEGIN {printf \"%d\", $first_call * 1000}")" "$ready" \
    $((rss_start / 1024)) $((rss_warm / 1024)) | tee -a "$out"
  kill $pid; wait $pid 2>/dev/null || true
}

declare -A sum_started sum_cpu sum_rss sum_restarted sum_rss_restart pairs
label_of() { # app variant — the name a variant's figures are kept and printed under: product, product_cds…
  if [[ $2 == jar ]]; then echo "$1"; else echo "$1_$2"; fi
}
run_once() { # label jar args... — one run: a first start on a fresh database, then a restart on the same one
  local label=$1 jar=$2; shift 2
  local work; work=$(mktemp -d)
  start_once "$label" "first" "$work" "$jar" "$@"
  sum_started[$label]=$(awk "BEGIN {print ${sum_started[$label]:-0} + $started}")
  sum_cpu[$label]=$(awk "BEGIN {print ${sum_cpu[$label]:-0} + $cpu}")
  sum_rss[$label]=$(( ${sum_rss[$label]:-0} + rss_start / 1024 ))
  last_started=$started last_cpu=$cpu
  start_once "$label" "restart" "$work" "$jar" "$@"
  sum_restarted[$label]=$(awk "BEGIN {print ${sum_restarted[$label]:-0} + $started}")
  sum_rss_restart[$label]=$(( ${sum_rss_restart[$label]:-0} + rss_start / 1024 ))
  rm -rf "$work"
}

report() { # label — the means of its runs
  local label=$1
  eval "${label}_started=$(awk "BEGIN {print ${sum_started[$label]} / $runs}")"
  eval "${label}_rss=$(( ${sum_rss[$label]} / runs ))"
  eval "${label}_cpu=$(awk "BEGIN {print ${sum_cpu[$label]} / $runs}")"
  eval "${label}_restarted=$(awk "BEGIN {print ${sum_restarted[$label]} / $runs}")"
  eval "${label}_rss_restart=$(( ${sum_rss_restart[$label]} / runs ))"
  printf '%-11s mean of %d: first start %.1f s (CPU %.1f s), RSS %d MiB; restart %.1f s, RSS %d MiB\n' "$label" "$runs" \
    "$(eval echo \$${label}_started)" "$(eval echo \$${label}_cpu)" "$(eval echo \$${label}_rss)" \
    "$(eval echo \$${label}_restarted)" "$(eval echo \$${label}_rss_restart)" | tee -a "$out"
}

echo "# startup — $(date -u +%FT%TZ), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg), JAVA_OPTS=${JAVA_OPTS:-}, variants: $variants" > "$out"
apps=()
declare -A jar_of args_of
if [[ $which == product || $which == both ]]; then
  ./mvnw -q -B -ntp -DskipTests package
  apps+=(product)
  jar_of[product]=$(ls target/directive-follow-up-*.jar | grep -v original | head -1)
  args_of[product]="--spring.profiles.active=demo"
fi
if [[ $which == bare || $which == both ]]; then
  ./mvnw -q -B -ntp -o -f bench/bare-camunda/pom.xml -DskipTests package
  apps+=(bare)
  jar_of[bare]=bench/bare-camunda/target/bare-camunda-1.jar
  args_of[bare]=""
fi
for variant in $variants; do
  case $variant in
    jar|noaot|nodeploy) ;;
    cds)
      for app in "${apps[@]}"; do
        echo "$app: CDS training run (not timed)"
        # shellcheck disable=SC2086
        scripts/build-cds-archive.sh "${jar_of[$app]}" "target/bench/cds-$app" ${args_of[$app]} >/dev/null
      done ;;
    *) echo "unknown variant $variant (jar, cds, noaot, nodeploy)"; exit 2 ;;
  esac
done
for run in $(seq 1 "$runs"); do
  for variant in $variants; do
    declare -A first_of=()
    for app in "${apps[@]}"; do
      jar=${jar_of[$app]} jvm_extra="" app_extra=""
      case $variant in
        cds) jar="target/bench/cds-$app/app/$(basename "$jar")"
             jvm_extra="-XX:SharedArchiveFile=$PWD/target/bench/cds-$app/application.jsa" ;;
        noaot) jvm_extra="-Dspring.aot.enabled=false" ;;
        nodeploy) app_extra="--camunda.bpm.auto-deployment-enabled=false" ;;
      esac
      # shellcheck disable=SC2086
      run_once "$(label_of "$app" "$variant")" "$jar" ${args_of[$app]}
      first_of[$app]=$last_started
    done
    if [[ $which == both ]]; then
      pair=$(awk "BEGIN {printf \"%.2f\", ${first_of[product]} / ${first_of[bare]}}")
      pairs[$variant]="${pairs[$variant]:-} $pair"
      echo "run $run, $variant: first start product/bare ${pair}x" | tee -a "$out"
    fi
  done
done
for variant in $variants; do
  for app in "${apps[@]}"; do
    report "$(label_of "$app" "$variant")"
  done
done
if [[ $which == both ]]; then
  for variant in $variants; do
    p=$(label_of product "$variant") b=$(label_of bare "$variant")
    ps=${p}_started bs=${b}_started pc=${p}_cpu bc=${b}_cpu pr=${p}_rss br=${b}_rss
    prs=${p}_restarted brs=${b}_restarted prr=${p}_rss_restart brr=${b}_rss_restart
    awk "BEGIN {printf \"ratio product/bare, %-3s, first start: start-up %.2fx (CPU %.2fx), RSS after start %.2fx (target <= 1.2x both)\n\", \
      \"$variant\", ${!ps} / ${!bs}, ${!pc} / ${!bc}, ${!pr} / ${!br}}" | tee -a "$out"
    awk "BEGIN {printf \"ratio product/bare, %-3s, restart:     start-up %.2fx, RSS after start %.2fx\n\", \
      \"$variant\", ${!prs} / ${!brs}, ${!prr} / ${!brr}}" | tee -a "$out"
    # the spread the mean hides: single starts of the product vary by 1-2 s on this machine, the bare app's less
    echo "ratio product/bare, $variant, first start, each pair of turns:${pairs[$variant]} (median $(tr ' ' '\n' <<<"${pairs[$variant]}" \
      | grep . | sort -n | awk '{v[NR] = $1} END {printf "%.2f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}')x)" | tee -a "$out"
  done
fi
