#!/usr/bin/env bash
# Seizure ingestion benchmark: how many seizures a second go from a customs system's POST to their seizure-matched
# record (stored, outbox, relay, seizure-reported, consumer, catalogue match, counted, outbox, relay,
# seizure-matched), beside the raw rate of the same broker in the same run, measured by Kafka's own producer
# performance tool (org.apache.kafka.tools.ProducerPerformance, same record size as one seizure on
# seizure-reported, acks=all). Prints records/s of both, the ratio, how many seizures were lost (must be 0),
# whether the statistics count each seizure once, and the load average during each part. Asserts nothing.
#
# Usage: messaging-service/bench/seizure-bench.sh
#   Starts what it needs on its own ports and stops it at the end: Kafka (KRaft, 19197) and PostgreSQL 17 (25537)
#   with the shared starter (`./ipm up --infra-only`, state in the work dir, apart from your own .ipm/), and
#   messaging-service from messaging-service/target/quarkus-app (18185), with that setup's key and `./ipm token`.
# Environment: RECORDS (seizures posted, 20000), BATCH (per POST, 1000), CLIENTS (concurrent callers, 2),
#              WARMUP (seizures posted first by another authority, not counted, 2000),
#              KAFKA_RECORDS (records for the producer tool, 200000), MESSAGING_JAVA_OPTS (-Xmx1g),
#              MESSAGING_APP (a quarkus-app folder to run, e.g. of another build).
# Needs: a JDK 17, curl, psql, the project packaged (./mvnw -B package -DskipTests; the script does it if missing), and
#        Maven Central once for kafka-tools.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
BENCH="$ROOT/messaging-service/bench"
RECORDS="${RECORDS:-20000}"
BATCH="${BATCH:-1000}"
CLIENTS="${CLIENTS:-2}"
WARMUP="${WARMUP:-2000}"
KAFKA_RECORDS="${KAFKA_RECORDS:-200000}"
GTIN=09520123456788
BRAND=bench-brand
AUTHORITY=bench-customs
WARMUP_AUTHORITY=bench-warmup
for tool in curl psql; do
  command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 2; }
done

WORK="$(mktemp -d /tmp/seizure-bench.XXXXXX)"
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
JAVA_BENCH=(java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP")

BOOTSTRAP=localhost:19197
MESSAGING=http://127.0.0.1:18185
echo "== starting Kafka (19197) and PostgreSQL (25537): ./ipm up --infra-only, state in $WORK/ipm"
# Exported: ./ipm down and ./ipm token below act on this setup, not on your own .ipm/.
export IPM_DIR="$WORK/ipm" IPM_KAFKA_PORT=19197 IPM_POSTGRES_PORT=25537
STARTED_INFRA=1
IPM_JAVA_OPTS="-Xmx1g -XX:+UseSerialGC" "$ROOT/ipm" up --infra-only -d > "$WORK/ipm-up.log" 2>&1 || {
  cat "$WORK/ipm-up.log" >&2; exit 1; }
PGPASSWORD="$(cat "$IPM_DIR/state/db-password")"

echo "== starting messaging-service (127.0.0.1:18185): $MESSAGING_APP"
env QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT=30S QUARKUS_HTTP_PORT=18185 KAFKA_BOOTSTRAP_SERVERS=$BOOTSTRAP \
  OPENIPM_RATE_LIMIT_ENABLED=false QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:25537/openipm \
  QUARKUS_DATASOURCE_USERNAME=openipm QUARKUS_DATASOURCE_PASSWORD="$PGPASSWORD" \
  MP_JWT_VERIFY_PUBLICKEY_LOCATION="$IPM_DIR/keys/public.pem" MP_JWT_VERIFY_ISSUER=https://openipm.local \
  MP_JWT_VERIFY_AUDIENCES=openipm QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
  java ${MESSAGING_JAVA_OPTS:--Xmx1g} -jar "$MESSAGING_APP/quarkus-run.jar" >> "$WORK/messaging-service.log" 2>&1 &
PIDS+=($!)
wait_port 127.0.0.1 18185 600 $! || { tail -n 30 "$WORK/messaging-service.log" >&2; exit 1; }

ADMIN="$("$ROOT/ipm" token admin --ttl 120)"
register() { # authority id
  curl -sf -X POST "$MESSAGING/api/v1/authorities" -H "Authorization: Bearer $ADMIN" \
    -H 'Content-Type: application/json' \
    -d "{\"id\":\"$1\",\"name\":\"Bench customs\",\"country\":\"FR\",\"type\":\"CUSTOMS\",\"offices\":[{\"code\":\"FRLEH\",\"name\":\"Le Havre\",\"kind\":\"PORT\",\"timeZone\":\"Europe/Paris\"}],\"languages\":[\"fr\"],\"contacts\":[]}" \
    > /dev/null
}
echo "== registering $AUTHORITY and $WARMUP_AUTHORITY; $BRAND's product (GTIN $GTIN verified) on product-events"
register $AUTHORITY
register $WARMUP_AUTHORITY
"${JAVA_BENCH[@]}" "$BENCH/MessagingBench.java" catalogue "$BOOTSTRAP" "$BRAND" "$GTIN"
for _ in $(seq 1 300); do
  [ "$(PGPASSWORD="$PGPASSWORD" psql -h 127.0.0.1 -p 25537 -U openipm -d openipm -tA \
      -c "select count(*) from messaging.catalogue_gtin where gtin = '$GTIN'" 2>/dev/null)" = 1 ] && break
  sleep 0.1
done
SYSTEM="$("$ROOT/ipm" token customs-system --sub bench-system --org $AUTHORITY --country FR --ttl 120)"
WARMUP_SYSTEM="$("$ROOT/ipm" token customs-system --sub bench-warmup --org $WARMUP_AUTHORITY --country FR --ttl 120)"

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

echo "== warm-up: $WARMUP seizures by $WARMUP_AUTHORITY (not counted)"
"${JAVA_BENCH[@]}" "$BENCH/SeizureBench.java" ingest "$BOOTSTRAP" "$MESSAGING" "$WARMUP_SYSTEM" "$WARMUP_AUTHORITY" \
  "$GTIN" "$WARMUP" "$BATCH" "$CLIENTS" > "$WORK/warmup.txt"
echo "== seizure ingestion: $RECORDS seizures in batches of $BATCH by $CLIENTS callers"
with_load ingest "${JAVA_BENCH[@]}" "$BENCH/SeizureBench.java" ingest "$BOOTSTRAP" "$MESSAGING" "$SYSTEM" \
  "$AUTHORITY" "$GTIN" "$RECORDS" "$BATCH" "$CLIENTS"
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
grep -h -e RESULT "$WORK/result.ingest.txt"
grep -h "load average" "$WORK/result.ingest.txt" | sed 's/^/  ingestion:/'
echo "RESULT raw Kafka producer (ProducerPerformance, $SIZE-byte records, acks=all): $KAFKA_RATE records/s"
grep -h "load average" "$WORK/result.kafka.txt" | sed 's/^/  kafka:/'
awk -v s="$INGEST_RATE" -v k="$KAFKA_RATE" -v lost="$LOST" 'BEGIN {
  printf "RESULT ratio ingestion / raw Kafka: %.3fx (first goal >= 0.1x); lost: %s\n", s / k, lost }'
