#!/usr/bin/env bash
# notification-service benchmark: source event -> signed webhook delivered. A webhook receiver on loopback (in the
# driver) is a brand's endpoint; COUNTERFEIT verdicts are written straight onto authentication-completed at RATE
# events/s for DURATION seconds; per event, "produced -> webhook received" is the latency (each event makes two
# alerts, the brand's and the authority's, and one delivery). In the same seconds, at the same rate on the same
# broker, a bare Kafka record goes producer -> consumer: the floor one Kafka hop costs on this machine. Then the
# same run again with a second subscription of the brand whose endpoint is dead (connection refused): the healthy
# endpoint's delivery rate and latency show whether the dead one holds it back. Prints p50/p99/max, lost events
# and the load average during the runs. Asserts nothing.
#
# Usage: notification-service/bench/notification-bench.sh
#   Starts everything it needs on its own ports and stops it at the end: Kafka (KRaft, KAFKA_PORT 19097) and
#   PostgreSQL 17 (PG_PORT 25437) with the shared starter (`./ipm up --infra-only`, state in the work dir, apart from your own .ipm/) and
#   notification-service from notification-service/target/quarkus-app (APP_PORT 18085), with that setup's key and
#   `./ipm token`.
# Environment: RATE (1000), DURATION (seconds per run, 20), WARMUP (seconds, 10, not counted),
#              NOTIFICATION_JAVA_OPTS (-Xmx1g), NOTIFICATION_APP (quarkus-app folder to run).
# Needs: a JDK 17, the project packaged (./mvnw -B package -DskipTests; the script does it if missing).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
BENCH="$ROOT/notification-service/bench"
RATE="${RATE:-1000}"
DURATION="${DURATION:-20}"
WARMUP="${WARMUP:-10}"
BRAND=bench-brand

WORK="$(mktemp -d /tmp/notification-bench.XXXXXX)"
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

APP="${NOTIFICATION_APP:-$ROOT/notification-service/target/quarkus-app}"
if [ ! -f "$APP/quarkus-run.jar" ] || [ ! -d "$ROOT/platform/event-contracts/target/classes" ] \
    || [ ! -f "$ROOT/tools/launcher/target/launcher.jar" ]; then
  echo "== packaging notification-service and the launcher"
  "$ROOT/mvnw" -B -q package -pl :notification-service,:launcher -am -DskipTests
fi
echo "== resolving the bench classpath"
"$ROOT/mvnw" -B -q -f "$BENCH/pom.xml" dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="$ROOT/platform/event-contracts/target/classes:$(cat "$WORK/cp.txt")"

KAFKA_PORT="${KAFKA_PORT:-19097}"
PG_PORT="${PG_PORT:-25437}"
APP_PORT="${APP_PORT:-18085}"
BOOTSTRAP=localhost:$KAFKA_PORT
BASE=http://127.0.0.1:$APP_PORT
echo "== starting Kafka ($KAFKA_PORT) and PostgreSQL ($PG_PORT): ./ipm up --infra-only, state in $WORK/ipm"
# Exported: ./ipm down and ./ipm token below act on this setup, not on your own .ipm/.
export IPM_DIR="$WORK/ipm" IPM_KAFKA_PORT=$KAFKA_PORT IPM_POSTGRES_PORT=$PG_PORT
STARTED_INFRA=1
IPM_JAVA_OPTS="-Xmx1g -XX:+UseSerialGC" "$ROOT/ipm" up --infra-only -d > "$WORK/ipm-up.log" 2>&1 || {
  cat "$WORK/ipm-up.log" >&2; exit 1; }
PGPASSWORD="$(cat "$IPM_DIR/state/db-password")"

echo "== starting notification-service (127.0.0.1:$APP_PORT): $APP"
# Loopback http is what a local run allows: the bench's receiver is on this machine.
env QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT=30S QUARKUS_HTTP_PORT=$APP_PORT KAFKA_BOOTSTRAP_SERVERS=$BOOTSTRAP \
  OPENIPM_RATE_LIMIT_ENABLED=false QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/openipm \
  QUARKUS_DATASOURCE_USERNAME=openipm QUARKUS_DATASOURCE_PASSWORD="$PGPASSWORD" \
  MP_JWT_VERIFY_PUBLICKEY_LOCATION="$IPM_DIR/keys/public.pem" MP_JWT_VERIFY_ISSUER=https://openipm.local \
  MP_JWT_VERIFY_AUDIENCES=openipm QUARKUS_LOG_CONSOLE_JSON_ENABLED=false _PROD_QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
  OPENIPM_NOTIFICATION_SECRET_KEY="$(head -c 32 /dev/urandom | base64)" \
  OPENIPM_NOTIFICATION_WEBHOOKS_ALLOW_LOOPBACK_HTTP=true \
  java ${NOTIFICATION_JAVA_OPTS:--Xmx1g} -jar "$APP/quarkus-run.jar" >> "$WORK/notification-service.log" 2>&1 &
PIDS+=($!)
wait_port 127.0.0.1 "$APP_PORT" 180 $! || { tail -n 30 "$WORK/notification-service.log" >&2; exit 1; }
for _ in $(seq 1 300); do
  curl -sf "$BASE/q/health/ready" > /dev/null 2>&1 && break
  sleep 0.2
done

BRAND_TOKEN="$("$ROOT/ipm" token brand --org $BRAND --ttl 120)"
( while :; do cut -d' ' -f1 /proc/loadavg; sleep 1; done ) > "$WORK/load.txt" &
SAMPLER=$!
PIDS+=($SAMPLER)
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" "$BENCH/NotificationBench.java" \
  "$BOOTSTRAP" "$BASE" "$BRAND_TOKEN" "$BRAND" "$RATE" "$DURATION" "$WARMUP" | tee "$WORK/result.txt"
kill "$SAMPLER" 2>/dev/null || true
awk '{ s += $1; n++ } END { printf "load average (1 min) during the runs: %.1f on %d cores\n", s / n, '"$(nproc)"' }' \
  "$WORK/load.txt" | tee -a "$WORK/result.txt"
echo "== summary (goal: delivery p99 < 1 s at 1,000 events/s, 0 lost)"
grep -h RESULT "$WORK/result.txt"
