#!/usr/bin/env bash
# Class-data sharing (CDS) for a faster start: extracts the executable jar into DEST (the layout CDS needs: a plain
# jar and lib/ instead of jars nested in a jar), then makes one training run that starts the application, refreshes
# the Spring context (engine, schema, deployment, organisation — everything a real start does) and exits at once
# (spring.context.exit=onRefresh), writing every class it loaded to DEST/application.jsa.
# Start the application from DEST afterwards with the archive (same JDK, same jar, same java options):
#   java -XX:SharedArchiveFile=DEST/application.jsa -jar DEST/<jar name> [args]
# A missing or stale archive (another JDK or jar) is not an error: the JVM says so and starts without it.
# The training run uses a throwaway H2 database in DEST/training unless ARGS give another data source.
# Usage: scripts/build-cds-archive.sh JAR DEST [application args for the training run, e.g. --spring.profiles.active=demo]
set -euo pipefail
[[ $# -ge 2 ]] || { sed -n 2,12p "$0"; exit 2; }
jar=$(realpath "$1")
dest=$2
shift 2
rm -rf "$dest"
mkdir -p "$dest"
dest=$(realpath "$dest")
java -Djarmode=tools -jar "$jar" extract --destination "$dest/app" >/dev/null
extracted="$dest/app/$(basename "$jar")"
mkdir -p "$dest/training"
# the training run must not serve anything nor meet another process' port: a random port
(cd "$dest/training" && java ${JAVA_OPTS:-} -XX:ArchiveClassesAtExit="$dest/application.jsa" -Xlog:cds=error \
    -Dspring.context.exit=onRefresh -jar "$extracted" --server.port=0 \
    --spring.datasource.url="jdbc:h2:file:$dest/training/data/training;MODE=LEGACY;NON_KEYWORDS=VALUE" \
    "$@" >"$dest/training/training.log" 2>&1) || { tail -30 "$dest/training/training.log"; exit 1; }
rm -rf "$dest/training/data"
[[ -s $dest/application.jsa ]] || { echo "no archive written; see $dest/training/training.log"; exit 1; }
echo "CDS archive $dest/application.jsa ($(du -m "$dest/application.jsa" | cut -f1) MiB);" \
  "start with: java -XX:SharedArchiveFile=$dest/application.jsa -jar $extracted"
