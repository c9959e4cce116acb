#!/usr/bin/env bash
# Seizure ingestion benchmark: how many seizures a second go from a customs system's POST to their seizure-matched
# record (stored, matched against the catalogue and counted in the POST's transaction, outbox, relay,
# seizure-matched), beside the raw rate of the same broker in the same run, measured by Kafka's own producer
# performance tool (org.apache.kafka.tools.ProducerPerformance, same record size as one seizure on
# seizure-reported, acks=all). Prints records/s of both, the ratio, how many seizures were lost (must be 0),
# whether the statistics count each seizure once, the load average during each part and the CPU time per seizure
# of the service, Kafka, PostgreSQL and the bench's client during the ingestion. Asserts nothing.
#
# Usage: messaging-service/bench/seizure-bench.sh
#   Starts what it needs on its own ports and stops it at the end: Kafka (KRaft, 19197) and PostgreSQL 17 (25537)
#   with the shared starter (`./ipm up --infra-only`, state in the work dir, apart from your own .ipm/), and
#   messaging-service from messaging-service/target/quarkus-app (18185), with that setup's key and `./ipm token`.
# Environment: RECORDS (seizures posted, 20000), BATCH (per POST, 1000), CLIENTS (concurrent callers, 2),
#              WARMUP (seizures per warm-up round, posted by another authority, not counted, 20000),
#              WARMUP_ROUNDS (at most, 12), WARMUP_JIT_SHARE (the warm-up ends after a round in which the JIT
#              compilers took less than this % of the service's CPU, 10),
#              KAFKA_RECORDS (records for the producer tool, 200000), MESSAGING_JAVA_OPTS (-Xmx1g),
#              MESSAGING_APP (a quarkus-app folder to run, e.g. of another build), KAFKA_PORT, PG_PORT, APP_PORT.
# Needs: a JDK 17, curl, psql, the project packaged (./mvnw -B package -DskipTests; the script does it if missing), and
#        Maven Central once for kafka-tools.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
BENCH="$ROOT/messaging-service/bench"
RECORDS="${RECORDS:-20000}"
BATCH="${BATCH:-1000}"
CLIENTS="${CLIENTS:-2}"
WARMUP="${WARMUP:-20000}"
WARMUP_ROUNDS="${WARMUP_ROUNDS:-12}"
WARMUP_JIT_SHARE="${WARMUP_JIT_SHARE:-10}"
KAFKA_RECORDS="${KAFKA_RECORDS:-200000}"
GTIN=09520123456788
BRAND=bench-brand
AUTHORITY=bench-customs
WARMUP_AUTHORITY=bench-warmup
source "$ROOT/tools/bench/bench-lib.sh"
bench_require curl psql
bench_init seizure-bench

MESSAGING_APP="${MESSAGING_APP:-$ROOT/messaging-service/target/quarkus-app}"
bench_package :messaging-service "$MESSAGING_APP/quarkus-run.jar"
bench_classpath "$BENCH/pom.xml"
JAVA_BENCH=(java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP")
# The customs system's client, compiled once (the source launcher compiled it at each start, on the client's CPU
# time). One client process plays every round (see SeizureBench), so that its start and JIT compilation fall in the
# warm-up: started afresh for the measured run, it took 0.13 ms of CPU per seizure, 0.04 of them during the run itself.
javac -nowarn -d "$WORK/bench-classes" -cp "$CP" "$BENCH/SeizureBench.java" > "$WORK/javac.log" 2>&1 || {
  cat "$WORK/javac.log" >&2; exit 1; }

bench_infra "${KAFKA_PORT:-19197}" "${PG_PORT:-25537}"
bench_statements_enable
MESSAGING=http://127.0.0.1:${APP_PORT:-18185}
bench_service messaging-service "${APP_PORT:-18185}" "$MESSAGING_APP" "${MESSAGING_JAVA_OPTS:--Xmx1g}"
SERVICE_PID=${PIDS[-1]}

ADMIN="$("$ROOT/ipm" token admin --ttl 120)"
echo "== registering $AUTHORITY and $WARMUP_AUTHORITY; $BRAND's product (GTIN $GTIN verified) on product-events"
bench_register_authority "$MESSAGING" "$ADMIN" $AUTHORITY
bench_register_authority "$MESSAGING" "$ADMIN" $WARMUP_AUTHORITY
"${JAVA_BENCH[@]}" org.openipm.bench.Catalogue "$BOOTSTRAP" "$BRAND" "$GTIN"
bench_await_catalogue messaging "$GTIN"
SYSTEM="$("$ROOT/ipm" token customs-system --sub bench-system --org $AUTHORITY --country FR --ttl 120)"
WARMUP_SYSTEM="$("$ROOT/ipm" token customs-system --sub bench-warmup --org $WARMUP_AUTHORITY --country FR --ttl 120)"

# The JIT compilers of a fresh service on two busy cores keep compiling for a minute of this load: after one round of
# 10,000 seizures they still took 45 % of the service's CPU in the measured run; after 200,000 the service needed 45 %
# less CPU per seizure. A measured run is meant to show the service as it runs for days, so the warm-up goes on by
# rounds until the compilers' share of a round is small.
mkdir -p "$WORK/rounds"
# shellcheck disable=SC2086 # DRIVER_JAVA_OPTS holds several options
java ${DRIVER_JAVA_OPTS:--Xmx1g -XX:+UseSerialGC} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" SeizureBench \
  rounds "$BOOTSTRAP" "$MESSAGING" "$GTIN" "$BATCH" "$CLIENTS" "$WORK/rounds" > "$WORK/customs-system.log" 2>&1 &
DRIVER_PID=$!
PIDS+=("$DRIVER_PID")
ROUND=0
ingest_round() { # token authority records: one round of the client; prints its report
  ROUND=$((ROUND + 1))
  echo "$1 $2 $3" > "$WORK/rounds/order.tmp"
  mv "$WORK/rounds/order.tmp" "$WORK/rounds/go.$ROUND"
  while [ ! -e "$WORK/rounds/round.$ROUND.txt" ]; do
    kill -0 "$DRIVER_PID" 2>/dev/null || { echo "the client ended:" >&2; cat "$WORK/customs-system.log" >&2; exit 1; }
    sleep 0.1
  done
  cat "$WORK/rounds/round.$ROUND.txt"
}

echo "== warm-up: rounds of $WARMUP seizures by $WARMUP_AUTHORITY (not counted) until the JIT compilers take" \
  "under $WARMUP_JIT_SHARE % of the service's CPU in a round, at most $WARMUP_ROUNDS rounds"
for round in $(seq 1 "$WARMUP_ROUNDS"); do
  threads="$(bench_thread_snapshot "$SERVICE_PID")"
  ingest_round "$WARMUP_SYSTEM" "$WARMUP_AUTHORITY" "$WARMUP" > "$WORK/warmup.$round.txt"
  jit="$(bench_jit_share "$threads" "$(bench_thread_snapshot "$SERVICE_PID")")"
  echo "  round $round: $(awk '/^INGEST_RATE/ { printf "%.0f", $2 }' "$WORK/warmup.$round.txt") seizures/s;" \
    "the JIT compilers took $jit % of the service's CPU"
  [ "$jit" -lt "$WARMUP_JIT_SHARE" ] && break
done
echo "== seizure ingestion: $RECORDS seizures in batches of $BATCH by $CLIENTS callers"
bench_statements_reset
BEFORE="$(bench_cpu_snapshot "$SERVICE_PID")"
THREADS_BEFORE="$(bench_thread_snapshot "$SERVICE_PID")"
with_load ingest ingest_round "$SYSTEM" "$AUTHORITY" "$RECORDS"
touch "$WORK/rounds/stop"
# From just before the round's order to its report: what each part of the setup spent per seizure (the client's
# share is its own CPU from its first POST to its last read, in clock ticks as the others).
bench_cpu_report "$BEFORE" "$(bench_cpu_snapshot "$SERVICE_PID")" \
  "$(awk -v hz="$(getconf CLK_TCK)" '/^DRIVER_RUN_MS / { printf "%d", $2 * hz / 1000 }' "$WORK/result.ingest.txt")" \
  "$RECORDS" messaging-service seizure | tee -a "$WORK/result.ingest.txt"
bench_thread_report "$THREADS_BEFORE" "$(bench_thread_snapshot "$SERVICE_PID")" "$RECORDS" seizure 10 \
  | tee -a "$WORK/result.ingest.txt"
bench_statements_report ingest 12 | tee -a "$WORK/result.ingest.txt"
SIZE="$(awk '/^RECORD_SIZE/ { print $2 }' "$WORK/result.ingest.txt")"

echo "== raw Kafka producer rate: ProducerPerformance, $KAFKA_RECORDS records of $SIZE bytes, acks=all, 6 partitions"
"${JAVA_BENCH[@]}" org.apache.kafka.tools.TopicCommand --bootstrap-server "$BOOTSTRAP" --create --if-not-exists \
  --topic seizure-bench-raw --partitions 6 --replication-factor 1 > /dev/null
with_load kafka "${JAVA_BENCH[@]}" org.apache.kafka.tools.ProducerPerformance --topic seizure-bench-raw \
  --num-records "$KAFKA_RECORDS" --record-size "$SIZE" --throughput -1 \
  --producer-props bootstrap.servers="$BOOTSTRAP" acks=all
KAFKA_RATE="$(grep -E '^[0-9]+ records sent' "$WORK/result.kafka.txt" | tail -n 1 \
  | sed -E 's/^[0-9]+ records sent, ([0-9.]+) records\/sec.*/\1/')"
INGEST_RATE="$(awk '/^INGEST_RATE/ { print $2 }' "$WORK/result.ingest.txt")"
LOST="$(awk '/^LOST/ { print $2 }' "$WORK/result.ingest.txt")"

echo "== summary"
grep -h -e RESULT -e '^CPU' -e 'CPU per' -e 'by thread' "$WORK/result.ingest.txt"
grep -h "load average" "$WORK/result.ingest.txt" | sed 's/^/  ingestion:/'
echo "RESULT raw Kafka producer (ProducerPerformance, $SIZE-byte records, acks=all): $KAFKA_RATE records/s"
grep -h "load average" "$WORK/result.kafka.txt" | sed 's/^/  kafka:/'
awk -v s="$INGEST_RATE" -v k="$KAFKA_RATE" -v lost="$LOST" 'BEGIN {
  printf "RESULT ratio ingestion / raw Kafka: %.3fx (first goal >= 0.1x); lost: %s\n", s / k, lost }'
