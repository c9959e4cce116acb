#!/usr/bin/env bash
# authentication-service benchmark: what OpenIPM adds to a provider's answer. At RATE requests/s (open loop) for
# DURATION seconds, an officer POSTs authentications of codes the reference provider issued and reads each verdict
# on its server-sent events stream (GET /api/v1/authentications/{id}/events, what an officer's app does); per
# request, "202 accepted -> verdict on the stream" minus the provider latency the verdict reports is OpenIPM's
# overhead (outbox, relay, Kafka, worker, recording, notification). In the same seconds, at the same rate on the
# same broker, a bare Kafka record goes producer -> consumer: the floor one Kafka hop costs on this machine.
# Prints p50/p99/max of both, their ratio and the load average during each run. Asserts nothing.
#
# Usage: authentication-service/bench/authentication-bench.sh
#   Starts everything it needs on its own ports and stops it at the end: Kafka (KRaft, 19094) and PostgreSQL 17
#   (25434) with the shared starter (`./ipm up --infra-only`, state in the work dir, apart from your own .ipm/),
#   authentication-service from authentication-service/target/quarkus-app (18083) and the reference provider from
#   reference-provider/target/quarkus-app (18086), with that setup's key and `./ipm token`.
# Environment: RATE (200), DURATION (seconds per run, 20), RUNS (3),
#              the warm-up (not counted): rounds of WARMUP_ROUND seconds (60) at RATE, at least WARMUP_MIN_ROUNDS
#              (4) and at most WARMUP_ROUNDS (10); it ends after a round in which the service's JIT compilers took
#              under WARMUP_JIT_SHARE % (5) of its CPU. After a fixed 240 s they still took up to a third of it in
#              the first measured run, and that run had the worst p99 of its bench,
#              KAFKA_PORT, PG_PORT, AUTH_PORT, REFERENCE_PORT (the ports above),
#              AUTH_JAVA_OPTS (-Xmx1g), REFERENCE_JAVA_OPTS (-Xmx512m), GENERATOR_JAVA_OPTS (the load
#              generator's, -Xmx512m),
#              JFR=1 (records authentication-service with Flight Recorder into the work
#              dir), AUTH_APP, REFERENCE_APP (quarkus-app folders to run, e.g. of another build to compare).
# Needs: a JDK 17, curl, psql, the project packaged (./mvnw -B package -DskipTests; the script does it if missing).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
BENCH="$ROOT/authentication-service/bench"
RATE="${RATE:-200}"
DURATION="${DURATION:-20}"
RUNS="${RUNS:-3}"
WARMUP_ROUND="${WARMUP_ROUND:-60}"
WARMUP_MIN_ROUNDS="${WARMUP_MIN_ROUNDS:-4}"
WARMUP_ROUNDS="${WARMUP_ROUNDS:-10}"
WARMUP_JIT_SHARE="${WARMUP_JIT_SHARE:-5}"
GTIN=09520123456788
BRAND=bench-brand
source "$ROOT/tools/bench/bench-lib.sh"
bench_require curl psql
bench_init authentication-bench

AUTH_APP="${AUTH_APP:-$ROOT/authentication-service/target/quarkus-app}"
REFERENCE_APP="${REFERENCE_APP:-$ROOT/reference-provider/target/quarkus-app}"
bench_package :authentication-service,:reference-provider "$AUTH_APP/quarkus-run.jar" "$REFERENCE_APP/quarkus-run.jar"
bench_classpath "$BENCH/pom.xml"

bench_infra "${KAFKA_PORT:-19094}" "${PG_PORT:-25434}"
# SQL statements per request come from pg_stat_statements (bench-lib.sh restarts the infrastructure to load it).
bench_statements_enable
AUTH_PORT="${AUTH_PORT:-18083}"
REFERENCE_PORT="${REFERENCE_PORT:-18086}"
AUTH=http://127.0.0.1:$AUTH_PORT
REFERENCE=http://127.0.0.1:$REFERENCE_PORT
bench_service authentication-service "$AUTH_PORT" "$AUTH_APP" \
  "${AUTH_JAVA_OPTS:--Xmx1g} ${JFR:+-XX:StartFlightRecording=filename=$WORK/authentication.jfr,settings=profile,dumponexit=true}" \
  OPENIPM_AUTHENTICATION_SECRET_KEY="$(head -c 32 /dev/urandom | base64)"
AUTH_PID=${PIDS[-1]}
# The reference provider stands in for another organisation's machine, on the cores OpenIPM is measured on. It and the
# generator were compiled by C1 alone for a while; after a 240 s warm-up, with both JIT compilers they took 0.45-0.66
# and 0.68-0.90 ms of CPU per request instead of 0.88-1.03 and 1.16-1.24 (4 December 2026, 3 runs each).
bench_service reference-provider "$REFERENCE_PORT" "$REFERENCE_APP" "${REFERENCE_JAVA_OPTS:--Xmx512m}" \
  OPENIPM_REFERENCE_PROVIDER_PUBLIC_URL=$REFERENCE
REFERENCE_PID=${PIDS[-1]}

ADMIN="$("$ROOT/ipm" token admin --ttl 120)"
BRAND_TOKEN="$("$ROOT/ipm" token brand --org $BRAND --ttl 120)"
OFFICER="$("$ROOT/ipm" token officer --sub bench-officer --ttl 120)"

NEEDED=$((RATE * (DURATION * RUNS + WARMUP_ROUND * WARMUP_ROUNDS)))
echo "== the reference provider issues $NEEDED codes for $BRAND's GTIN $GTIN (each is verified once)"
: > "$WORK/codes.txt"
while [ "$(wc -l < "$WORK/codes.txt")" -lt "$NEEDED" ]; do
  curl -sf -X POST "$REFERENCE/api/v1/codes" -H "Authorization: Bearer $BRAND_TOKEN" \
    -H 'Content-Type: application/json' -d "{\"gtin\": \"$GTIN\", \"count\": 1000}" \
    | grep -o '"uri":"[^"]*"' | cut -d'"' -f4 >> "$WORK/codes.txt"
done
echo "== registering the reference provider in authentication-service; the product on product-events"
curl -sf "$REFERENCE/admin/registration" -H "Authorization: Bearer $ADMIN" \
  | curl -sf -X POST "$AUTH/api/v1/providers" -H "Authorization: Bearer $ADMIN" \
      -H 'Content-Type: application/json' --data-binary @- > /dev/null
# Compiled once, not by the source launcher (that compilation counted as the generator's CPU time).
javac -nowarn -d "$WORK/bench-classes" -cp "$CP" "$BENCH/AuthenticationBench.java" > "$WORK/javac.log" 2>&1 || {
  cat "$WORK/javac.log" >&2; exit 1; }
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" AuthenticationBench catalogue \
  "$BOOTSTRAP" "$BRAND" "$GTIN"
bench_await_catalogue authentication "$GTIN"

# CPU time (clock ticks) of the reference provider, then bench_cpu_snapshot's: the service, Kafka, PostgreSQL and
# the whole machine.
cpu_snapshot() {
  echo "$(bench_ticks_of "$REFERENCE_PID") $(bench_cpu_snapshot "$AUTH_PID")"
}

run_load() { # label seconds
  ( while :; do cut -d' ' -f1 /proc/loadavg; sleep 1; done ) > "$WORK/load.$1.txt" &
  local sampler=$!
  local before
  bench_statements_reset
  before="$(cpu_snapshot)"
  local threads_before
  threads_before="$(bench_thread_snapshot "$AUTH_PID")"
  # The generator starts the phase when its go file appears and reports its own CPU time from the phase's first
  # request to its last answer (GENERATOR_TICKS).
  touch "$WORK/go.$1"
  while [ ! -e "$WORK/raw.$1.txt" ]; do
    kill -0 "$GENERATOR_PID" 2>/dev/null || { echo "the load generator ended:" >&2; cat "$WORK/generator.log" >&2; exit 1; }
    sleep 0.2
  done
  grep -v GENERATOR_TICKS "$WORK/raw.$1.txt" | tee "$WORK/result.$1.txt"
  kill "$sampler" 2>/dev/null || true
  awk '{ s += $1; n++ } END { printf "  load average (1 min) during the run: %.1f on %d cores\n", s / n, '"$(nproc)"' }' \
    "$WORK/load.$1.txt" | tee -a "$WORK/result.$1.txt"
  local after generator
  after="$(cpu_snapshot)"
  generator="$(awk '/GENERATOR_TICKS/ { print $2 }' "$WORK/raw.$1.txt")"
  bench_cpu_report "${before#* }" "${after#* }" "$generator" $((RATE * $2)) authentication-service request \
    | sed 's/bench driver/load generator/; s/^CPU service_ms=/CPU auth_ms=/; s/ driver_ms=/ generator_ms=/' \
    | tee -a "$WORK/result.$1.txt"
  bench_thread_report "$threads_before" "$(bench_thread_snapshot "$AUTH_PID")" $((RATE * $2)) request 10 \
    | tee -a "$WORK/result.$1.txt"
  # The reference provider's share, and what the cores allow at this rate.
  echo "${before%% *} ${after%% *} $((RATE * $2))" | awk -v hz="$(getconf CLK_TCK)" -v cores="$(nproc)" \
      -v rate="$RATE" '{
      printf "  CPU per request (ms): reference provider %.2f (%d cores give %.2f at this rate)\n",
        ($2 - $1) * 1000 / hz / $3, cores, cores * 1000 / rate
      printf "CPU reference_ms=%.2f budget_ms=%.2f\n", ($2 - $1) * 1000 / hz / $3, cores * 1000 / rate
    }' | tee -a "$WORK/result.$1.txt"
  # Every statement of the database (the services', the relay's, the reference provider's, psql's few); the
  # statements themselves, most frequent first, in statements.<run>.txt.
  "${SUPERUSER_PSQL[@]}" -F ' | ' -c "select calls, round(total_exec_time::numeric, 1),
      regexp_replace(query, '\s+', ' ', 'g') from pg_stat_statements
      join pg_database d on d.oid = dbid where d.datname = 'openipm' order by calls desc" > "$WORK/statements.$1.txt"
  # Per request the service accepted (on a saturated machine fewer than were sent); pgjdbc's COMMIT is not counted
  # by pg_stat_statements, its BEGIN is: one per transaction.
  awk -F ' [|] ' '{ s += $1 } $3 == "BEGIN" { t += $1 } $3 ~ /^(with accepted as \()?insert into (authentication\.)?authentication_request / {
      a += $1 } END { a = a > 0 ? a : 1
      printf "  SQL per accepted request (%d accepted): %.1f statements, %.1f transactions\n", a, s / a, t / a
      printf "SQL accepted=%d statements=%.1f transactions=%.1f\n", a, s / a, t / a }' "$WORK/statements.$1.txt" \
    | tee -a "$WORK/result.$1.txt"
}

# One generator process for the warm-up and every run: its start and JIT compilation stay out of the measured runs.
# The warm-up rounds the script does not play are skipped by the generator (the file warmup.done).
PHASES=()
for round in $(seq 1 "$WARMUP_ROUNDS"); do PHASES+=("warmup$round:$WARMUP_ROUND"); done
for run in $(seq 1 "$RUNS"); do PHASES+=("$run:$DURATION"); done
java ${GENERATOR_JAVA_OPTS:--Xmx512m} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" AuthenticationBench load \
  "$BOOTSTRAP" "$AUTH" "$OFFICER" "$WORK/codes.txt" "$RATE" "$WORK" "${PHASES[@]}" > "$WORK/generator.log" 2>&1 &
GENERATOR_PID=$!
PIDS+=("$GENERATOR_PID")
echo "== warm-up (not counted): rounds of $WARMUP_ROUND s at $RATE/s, at least $WARMUP_MIN_ROUNDS, until the JIT" \
  "compilers take under $WARMUP_JIT_SHARE % of the service's CPU in a round, at most $WARMUP_ROUNDS rounds"
for round in $(seq 1 "$WARMUP_ROUNDS"); do
  threads="$(bench_thread_snapshot "$AUTH_PID")"
  run_load "warmup$round" "$WARMUP_ROUND" > /dev/null
  jit="$(bench_jit_share "$threads" "$(bench_thread_snapshot "$AUTH_PID")")"
  echo "  round $round: overhead p99 $(sed -n 's/^RESULT .*overhead_p99_ms=\([^ ]*\).*/\1/p' \
    "$WORK/result.warmup$round.txt") ms; the JIT compilers took $jit % of the service's CPU"
  [ "$round" -ge "$WARMUP_MIN_ROUNDS" ] && [ "$jit" -lt "$WARMUP_JIT_SHARE" ] && break
done
touch "$WORK/warmup.done"
for run in $(seq 1 "$RUNS"); do
  echo "== run $run of $RUNS: $DURATION s at $RATE/s"
  run_load "$run" "$DURATION"
done
echo "== summary (goal: overhead p99 < 50 ms)"
grep -h -e RESULT -e '^CPU' -e '^SQL' -e 'by thread' "$WORK"/result.[0-9]*.txt
