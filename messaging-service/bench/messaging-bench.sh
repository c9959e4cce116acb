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
#              MESSAGING_JAVA_OPTS (-Xmx1g), MESSAGING_APP (a quarkus-app folder to run, e.g. of another build),
#              KAFKA_PORT, PG_PORT, APP_PORT (the ports above).
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
source "$ROOT/tools/bench/bench-lib.sh"
bench_require curl psql
bench_init messaging-bench

MESSAGING_APP="${MESSAGING_APP:-$ROOT/messaging-service/target/quarkus-app}"
bench_package :messaging-service "$MESSAGING_APP/quarkus-run.jar"
bench_classpath "$BENCH/pom.xml"
bench() { java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" "$BENCH/MessagingBench.java" "$@"; }

bench_infra "${KAFKA_PORT:-19196}" "${PG_PORT:-25536}"
MESSAGING=http://127.0.0.1:${APP_PORT:-18184}
bench_service messaging-service "${APP_PORT:-18184}" "$MESSAGING_APP" "${MESSAGING_JAVA_OPTS:--Xmx1g}"

ADMIN="$("$ROOT/ipm" token admin --ttl 120)"
OFFICER="$("$ROOT/ipm" token officer --sub bench-officer --org $AUTHORITY --country FR --ttl 120)"
echo "== registering $AUTHORITY (office $OFFICE); $BRAND's product on product-events"
bench_register_authority "$MESSAGING" "$ADMIN" $AUTHORITY
bench catalogue "$BOOTSTRAP" "$BRAND" "$GTIN"
bench_await_catalogue messaging "$GTIN"

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
