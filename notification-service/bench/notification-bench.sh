#!/usr/bin/env bash
# notification-service benchmark: source event -> signed webhook delivered. A webhook receiver on loopback (in the
# driver) is a brand's endpoint; COUNTERFEIT verdicts are written straight onto authentication-completed at RATE
# events/s for DURATION seconds; per event, "produced -> webhook received" is the latency (each event makes two
# alerts, the brand's and the authority's, and one delivery). In the same seconds, at the same rate on the same
# broker, a bare Kafka record goes producer -> consumer: the floor one Kafka hop costs on this machine. Then the
# same run again with a second subscription of the brand whose endpoint is dead (connection refused): the healthy
# endpoint's delivery rate and latency show whether the dead one holds it back. Prints p50/p99/max, lost events
# and the load average during the runs, and the CPU time each part of the setup spent per event. Asserts nothing.
#
# Usage: notification-service/bench/notification-bench.sh
#   Starts everything it needs on its own ports and stops it at the end: Kafka (KRaft, KAFKA_PORT 19097) and
#   PostgreSQL 17 (PG_PORT 25437) with the shared starter (`./ipm up --infra-only`, state in the work dir, apart from your own .ipm/) and
#   notification-service from notification-service/target/quarkus-app (APP_PORT 18085), with that setup's key and
#   `./ipm token`.
# Environment: RATE (1000), DURATION (seconds per run, 20), WARMUP (seconds, 30, not counted:
#              after 10 s the first measured run still paid for JIT compilation),
#              NOTIFICATION_JAVA_OPTS (-Xmx1g), NOTIFICATION_APP (quarkus-app folder to run).
# Needs: a JDK 17, the project packaged (./mvnw -B package -DskipTests; the script does it if missing).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
BENCH="$ROOT/notification-service/bench"
RATE="${RATE:-1000}"
DURATION="${DURATION:-20}"
WARMUP="${WARMUP:-30}"
BRAND=bench-brand

source "$ROOT/tools/bench/bench-lib.sh"
bench_init notification-bench

APP="${NOTIFICATION_APP:-$ROOT/notification-service/target/quarkus-app}"
bench_package :notification-service "$APP/quarkus-run.jar"
bench_classpath "$BENCH/pom.xml"

KAFKA_PORT="${KAFKA_PORT:-19097}"
PG_PORT="${PG_PORT:-25437}"
APP_PORT="${APP_PORT:-18085}"
BASE=http://127.0.0.1:$APP_PORT
bench_infra "$KAFKA_PORT" "$PG_PORT"
# Loopback http is what a local run allows: the bench's receiver is on this machine.
bench_service notification-service "$APP_PORT" "$APP" "${NOTIFICATION_JAVA_OPTS:--Xmx1g}" \
  OPENIPM_NOTIFICATION_SECRET_KEY="$(head -c 32 /dev/urandom | base64)" OPENIPM_NOTIFICATION_WEBHOOKS_ALLOW_LOOPBACK_HTTP=true
bench_wait_ready "$BASE" 180
SERVICE_PID=${PIDS[-1]}

BRAND_TOKEN="$("$ROOT/ipm" token brand --org $BRAND --ttl 120)"
BEFORE="$(bench_cpu_snapshot "$SERVICE_PID")"
# The driver runs in its own shell, which reports the driver's CPU time once it has ended.
with_load runs bash -c 'java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$1" "$2" "${@:3}"
    sed "s/.*) //" /proc/$$/stat | awk "{ print \"DRIVER_TICKS \" \$14 + \$15 }"' _ \
  "$CP" "$BENCH/NotificationBench.java" "$BOOTSTRAP" "$BASE" "$BRAND_TOKEN" "$BRAND" "$RATE" "$DURATION" "$WARMUP"
# Over the whole driver run (warm-up and both runs, and the waits for the last deliveries): what each part of the
# setup spent per event offered.
bench_cpu_report "$BEFORE" "$(bench_cpu_snapshot "$SERVICE_PID")" \
  "$(awk '/DRIVER_TICKS/ { print $2 }' "$WORK/result.runs.txt")" "$((RATE * (WARMUP + 2 * DURATION)))" \
  notification-service event | tee -a "$WORK/result.runs.txt"
echo "== summary (goal: delivery p99 < 1 s at 1,000 events/s, 0 lost)"
grep -h -e RESULT -e '^CPU' "$WORK/result.runs.txt"
