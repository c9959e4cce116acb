#!/usr/bin/env bash
# messaging-service benchmark: how fast officers can flag shipments, and how long a flag takes to reach the broker.
# 1. Throughput: CLIENTS officers flag back to back (closed loop) for DURATION seconds: flags per second.
# 2. Latency: at RATE flags/s (open loop) for DURATION seconds, per flag "POST sent -> its shipment-flagged record
#    consumed" (matching codes in the catalogue copy, case, participants, timeline, outbox, relay, Kafka); in the same
#    seconds, at the same rate on the same broker, a bare Kafka record goes producer -> consumer: the floor one
#    Kafka hop costs on this machine. Prints p50/p99/max of both and the load average during each run. Asserts
#    nothing.
#
# Usage: messaging-service/bench/messaging-bench.sh
#   Starts what it needs on its own ports and stops it at the end: Kafka (KRaft, 19196) and PostgreSQL 17 (25536)
#   with the shared starter (`./ipm up --infra-only`, state in the work dir, apart from your own .ipm/), and
#   messaging-service from messaging-service/target/quarkus-app (18184), with that setup's key and `./ipm token`.
# Environment: RATE (100), DURATION (seconds per run, 20), RUNS (2), CLIENTS (8), WARMUP (seconds, 10, not counted),
#              MESSAGING_JAVA_OPTS (-Xmx1g), MESSAGING_APP (a quarkus-app folder to run, e.g. of another build).
# Needs: a JDK 17, curl, psql, the project packaged (./mvnw -B package -DskipTests; the script does it if missing).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
BENCH="$ROOT/messaging-service/bench"
RATE="${RATE:-100}"
DURATION="${DURATION:-20}"
RUNS="${RUNS:-2}"
CLIENTS="${CLIENTS:-8}"
WARMUP="${WARMUP:-10}"
GTIN=09520123456788
BRAND=bench-brand
AUTHORITY=bench-customs
OFFICE=FRLEH
for tool in curl psql; do
  command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 2; }
done

WORK="$(mktemp -d /tmp/messaging-bench.XXXXXX)"
PIDS=()
STARTED_INFRA=0
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  if [ "$STARTED_INFRA" = 1 ]; then "$ROOT/ipm" down >/dev/null || true; fi
  echo "work files (logs): $WORK"
}
trap cleanup EXIT

wait_port() { # host port seconds [pid of the process that should listen]
  local end=$((SECONDS + $3))
  while [ "$SECONDS" -lt "$end" ]; do
    (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null && return 0
    if [ -n "${4:-}" ] && ! kill -0 "$4" 2>/dev/null; then echo "the process for $1:$2 ended" >&2; return 1; fi
    sleep 0.2
  done
  echo "nothing listens on $1:$2 after $3 s" >&2; return 1
}

MESSAGING_APP="${MESSAGING_APP:-$ROOT/messaging-service/target/quarkus-app}"
if [ ! -f "$MESSAGING_APP/quarkus-run.jar" ] || [ ! -d "$ROOT/platform/event-contracts/target/classes" ] \
    || [ ! -f "$ROOT/tools/launcher/target/launcher.jar" ]; then
  echo "== packaging messaging-service and the launcher"
  "$ROOT/mvnw" -B -q package -pl :messaging-service,:launcher -am -DskipTests
fi
echo "== resolving the bench classpath"
"$ROOT/mvnw" -B -q -f "$BENCH/pom.xml" dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="$ROOT/platform/event-contracts/target/classes:$(cat "$WORK/cp.txt")"
bench() { java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" "$BENCH/MessagingBench.java" "$@"; }

BOOTSTRAP=localhost:19196
MESSAGING=http://127.0.0.1:18184
echo "== starting Kafka (19196) and PostgreSQL (25536): ./ipm up --infra-only, state in $WORK/ipm"
# Exported: ./ipm down and ./ipm token below act on this setup, not on your own .ipm/.
export IPM_DIR="$WORK/ipm" IPM_KAFKA_PORT=19196 IPM_POSTGRES_PORT=25536
STARTED_INFRA=1
IPM_JAVA_OPTS="-Xmx1g -XX:+UseSerialGC" "$ROOT/ipm" up --infra-only -d > "$WORK/ipm-up.log" 2>&1 || {
  cat "$WORK/ipm-up.log" >&2; exit 1; }
export PGPASSWORD="$(cat "$IPM_DIR/state/db-password")"
PSQL=(psql -h 127.0.0.1 -p 25536 -U openipm -d openipm -tA)

echo "== starting messaging-service (127.0.0.1:18184): $MESSAGING_APP"
# A loaded machine can take longer than the pool's 5 s default to open the first connection at start.
env QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT=30S QUARKUS_HTTP_PORT=18184 KAFKA_BOOTSTRAP_SERVERS=$BOOTSTRAP \
  OPENIPM_RATE_LIMIT_ENABLED=false QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:25536/openipm \
  QUARKUS_DATASOURCE_USERNAME=openipm QUARKUS_DATASOURCE_PASSWORD="$PGPASSWORD" \
  MP_JWT_VERIFY_PUBLICKEY_LOCATION="$IPM_DIR/keys/public.pem" MP_JWT_VERIFY_ISSUER=https://openipm.local \
  MP_JWT_VERIFY_AUDIENCES=openipm QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
  java ${MESSAGING_JAVA_OPTS:--Xmx1g} -jar "$MESSAGING_APP/quarkus-run.jar" >> "$WORK/messaging-service.log" 2>&1 &
PIDS+=($!)
wait_port 127.0.0.1 18184 600 $! || { tail -n 30 "$WORK/messaging-service.log" >&2; exit 1; }

ADMIN="$("$ROOT/ipm" token admin --ttl 120)"
OFFICER="$("$ROOT/ipm" token officer --sub bench-officer --org $AUTHORITY --country FR --ttl 120)"
echo "== registering $AUTHORITY (office $OFFICE); $BRAND's product on product-events"
curl -sf -X POST "$MESSAGING/api/v1/authorities" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d "{\"id\":\"$AUTHORITY\",\"name\":\"Bench customs\",\"country\":\"FR\",\"type\":\"CUSTOMS\",\"offices\":[{\"code\":\"$OFFICE\",\"name\":\"Le Havre\",\"kind\":\"PORT\",\"timeZone\":\"Europe/Paris\"}],\"languages\":[\"fr\"],\"contacts\":[]}" \
  > /dev/null
bench catalogue "$BOOTSTRAP" "$BRAND" "$GTIN"
for _ in $(seq 1 300); do
  [ "$("${PSQL[@]}" -c "select count(*) from messaging.catalogue_gtin where gtin = '$GTIN'" 2>/dev/null)" = 1 ] \
    && break
  sleep 0.1
done

with_load() { # label command...: runs it, then prints the mean 1-minute load average during it
  local label=$1
  shift
  ( while :; do cut -d' ' -f1 /proc/loadavg; sleep 1; done ) > "$WORK/load.$label.txt" &
  local sampler=$!
  "$@" | tee "$WORK/result.$label.txt"
  kill "$sampler" 2>/dev/null || true
  awk '{ s += $1; n++ } END { printf "  load average (1 min) during the run: %.1f on %d cores\n", s / n, '"$(nproc)"' }' \
    "$WORK/load.$label.txt" | tee -a "$WORK/result.$label.txt"
}

echo "== warm-up: $WARMUP s at $RATE/s (not counted)"
bench latency "$BOOTSTRAP" "$MESSAGING" "$OFFICER" "$OFFICE" "$GTIN" "$RATE" "$WARMUP" > /dev/null
echo "== throughput: $CLIENTS officers flagging back to back for $DURATION s"
with_load throughput bench throughput "$MESSAGING" "$OFFICER" "$OFFICE" "$GTIN" "$CLIENTS" "$DURATION"
for run in $(seq 1 "$RUNS"); do
  echo "== latency run $run of $RUNS: $DURATION s at $RATE flags/s"
  with_load "latency-$run" bench latency "$BOOTSTRAP" "$MESSAGING" "$OFFICER" "$OFFICE" "$GTIN" "$RATE" "$DURATION"
done
echo "== summary"
grep -h -e RESULT -e "load average" "$WORK"/result.*.txt
