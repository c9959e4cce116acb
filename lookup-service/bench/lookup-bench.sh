#!/usr/bin/env bash
# lookup-service benchmark: loads 100,000 products / 300,000 GTINs into the read model through product-events,
# then measures lookups under rate-capped load with hey, the same for a trivial endpoint, and freshness
# (published -> visible in lookup). hey requests one URL per process, so those steps scan 8 codes again and again
# (the answers come from lookup-service's memory after the first scan); a closed-loop wrk run where every request
# is a different random code of the 300,000 measures the database path too. Prints figures; asserts nothing.
#
# Usage: lookup-service/bench/lookup-bench.sh [--ipm] [--products N] [--skip-load]
#   default  starts everything it needs on its own ports and stops it at the end: Kafka (KRaft, 19092) and
#            PostgreSQL 17 (25432) with the shared starter (`./ipm up --infra-only`, state in the work dir,
#            apart from your own .ipm/), lookup-service from lookup-service/target/quarkus-app (18082) with
#            that setup's key and `./ipm token officer`.
#   --ipm    uses what `./ipm up` runs (lookup 8082, Kafka 9092, PostgreSQL 15432) and `./ipm token officer`.
#            This loads the bench products into that shared local catalogue's topic: only on a throwaway setup.
# Environment: KAFKA_PORT, PG_PORT, LOOKUP_PORT (the ports above), PRODUCTS (100000), GTINS_PER_PRODUCT (3), DURATION (seconds per load step, 10),
#              HEY_PROCS (parallel hey processes, each on its own GTIN; 8), RATES (max-rate search steps),
#              LOOKUP_JAVA_OPTS (-Xmx1g), JFR=1 (records lookup-service with Flight Recorder into the work dir, one file per start),
#              LOOKUP_APP (the quarkus-app folder to run; default lookup-service/target/quarkus-app: point it at
#              another build, e.g. of an older commit in a git worktree, to compare two versions on the same setup),
#              BASELINE_APP (another build's quarkus-app folder: after loading, the two builds take turns on the same
#              data for ROUNDS rounds (3) and the bench prints this build / baseline ratios with their spread instead
#              of the full run; the baseline must read the same read-model schema or an older one).
# Needs: hey and wrk (apt-get install -y hey wrk), a JDK 17, the project built (./mvnw install -DskipTests once).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
BENCH="$ROOT/lookup-service/bench"
PRODUCTS="${PRODUCTS:-100000}"
GTINS_PER_PRODUCT="${GTINS_PER_PRODUCT:-3}"
DURATION="${DURATION:-10}"
HEY_PROCS="${HEY_PROCS:-8}"
RATES="${RATES:-500 1000 2000 3000 4000 5000 5500 6000 6500 7000 7500 8000 9000 10000 11000 12000 13000 15000}"
USE_IPM=0
SKIP_LOAD=0
while [ $# -gt 0 ]; do
  case "$1" in
    --ipm) USE_IPM=1 ;;
    --products) PRODUCTS="$2"; shift ;;
    --skip-load) SKIP_LOAD=1 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
source "$ROOT/tools/bench/bench-lib.sh"
bench_require hey wrk
bench_init lookup-bench
LOOKUP_PID=""
# lookup-service is started and stopped here (a baseline build takes turns with this one); the rest by the library.
trap 'stop_lookup; bench_cleanup' EXIT

STARTS=0
start_lookup() { # quarkus-app folder [migrate]: runs it on 127.0.0.1:$LOOKUP_PORT against the bench's Kafka and PostgreSQL
  STARTS=$((STARTS + 1))
  echo "== starting lookup-service (127.0.0.1:$LOOKUP_PORT): $1"
  # A baseline build reads the schema this build migrated: it must not try to migrate (or validate) it.
  # A loaded machine can take longer than the pool's 5 s default to open the first connection at start.
  QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT=30S \
  QUARKUS_FLYWAY_MIGRATE_AT_START="${2:-true}" QUARKUS_HTTP_PORT=$LOOKUP_PORT KAFKA_BOOTSTRAP_SERVERS=$BOOTSTRAP OPENIPM_RATE_LIMIT_ENABLED=false \
    QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/openipm \
    QUARKUS_DATASOURCE_USERNAME=openipm QUARKUS_DATASOURCE_PASSWORD="$PGPASSWORD" \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION="$IPM_DIR/keys/public.pem" MP_JWT_VERIFY_ISSUER=https://openipm.local \
    MP_JWT_VERIFY_AUDIENCES=openipm \
    java ${LOOKUP_JAVA_OPTS:--Xmx1g} ${JFR:+-XX:StartFlightRecording=filename=$WORK/lookup.$STARTS.jfr,settings=profile,dumponexit=true} -jar "$1/quarkus-run.jar" >> "$WORK/lookup-service.log" 2>&1 &
  LOOKUP_PID=$!
  wait_port 127.0.0.1 "$LOOKUP_PORT" 600 "$LOOKUP_PID"
}

stop_lookup() {
  [ -n "$LOOKUP_PID" ] || return 0
  kill "$LOOKUP_PID" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$LOOKUP_PID" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$LOOKUP_PID" 2>/dev/null || true
  LOOKUP_PID=""
}

bench_classpath "$BENCH/pom.xml"

if [ "$USE_IPM" = 1 ]; then
  BOOTSTRAP=localhost:9092
  BASE=http://localhost:8082
  PSQL=(psql -h 127.0.0.1 -p 15432 -U openipm -d openipm -tA)
  PGPASSWORD="$(cat "$ROOT/.ipm/state/db-password")"
  export PGPASSWORD
  TOKEN="$("$ROOT/ipm" token officer)"
else
  LOOKUP_PORT="${LOOKUP_PORT:-18082}"
  BASE=http://127.0.0.1:$LOOKUP_PORT
  bench_infra "${KAFKA_PORT:-19092}" "${PG_PORT:-25432}"

  LOOKUP_APP="${LOOKUP_APP:-$ROOT/lookup-service/target/quarkus-app}"
  [ -f "$LOOKUP_APP/quarkus-run.jar" ] || \
    "$ROOT/mvnw" -B -q package -pl :lookup-service -am -DskipTests
  TOKEN="$("$ROOT/ipm" token officer --sub bench-officer --ttl 120)"
  start_lookup "$LOOKUP_APP"
fi

count_products() { "${PSQL[@]}" -c "select count(*) from lookup.product" 2>/dev/null || echo 0; }

if [ "$SKIP_LOAD" = 0 ]; then
  echo "== loading $PRODUCTS products / $((PRODUCTS * GTINS_PER_PRODUCT)) GTINs through product-events"
  before=$(count_products)
  start=$(date +%s.%N)
  java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" "$BENCH/LoadAndFreshness.java" load "$BOOTSTRAP" \
    "$PRODUCTS" "$GTINS_PER_PRODUCT" "$WORK/gtins.txt"
  while [ "$(count_products)" -lt $((before + PRODUCTS)) ]; do sleep 1; done
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" -v n="$PRODUCTS" \
    'BEGIN { printf "read model built: %d products in %.1f s from the first event produced = %.0f events/s consumed and applied\n", n, e - s, n / (e - s) }'
else
  "${PSQL[@]}" -c "select gtin from lookup.product_gtin" > "$WORK/gtins.txt"
fi
echo "read model: $(count_products) products, $("${PSQL[@]}" -c "select count(*) from lookup.product_gtin") GTINs"

# One hey process per GTIN (hey requests a single URL); their per-request CSVs are merged for the percentiles.
hey_run() ( # label rate seconds path-prefix  ->  "achieved_rps p50_ms p99_ms non_2xx" (a subshell: wait = its hey)
  local label=$1 rate=$2 secs=$3 prefix=$4
  local workers=8 q i path
  q=$(awk -v r="$rate" -v p="$HEY_PROCS" -v w="$workers" 'BEGIN { printf "%.2f", r / p / w }')
  rm -f "$WORK"/hey.*.csv
  for i in $(seq 1 "$HEY_PROCS"); do
    path="$prefix$(sed -n "$((RANDOM % $(wc -l < "$WORK/gtins.txt") + 1))p" "$WORK/gtins.txt")"
    hey -z "${secs}s" -c "$workers" -q "$q" -o csv -H "Authorization: Bearer $TOKEN" "$BASE$path" > "$WORK/hey.$i.csv" &
  done
  wait
  local bad
  bad=$(cat "$WORK"/hey.*.csv | grep -v '^response-time' | awk -F, '$7 < 200 || $7 > 299' | wc -l)
  cat "$WORK"/hey.*.csv | grep -v '^response-time' | cut -d, -f1 | sort -g | awk -v secs="$secs" -v bad="$bad" '
    { t[NR] = $1 * 1000 }
    END { printf "%.0f %.2f %.2f %d\n", NR / secs, t[int(NR * 0.50)], t[int(NR * 0.99)], bad }' > "$WORK/result"
  echo "$label: target $rate req/s -> $(awk '{ printf "achieved %s req/s, p50 %s ms, p99 %s ms, non-2xx %s", $1, $2, $3, $4 }' "$WORK/result")" >&2
  cat "$WORK/result"
)

# wrk prints latencies as 812.00us / 4.21ms / 1.02s: everything is converted to ms.
wrk_run() ( # connections pause-ms -> "req_per_s p50_ms p99_ms non_2xx"
  wrk -t2 -c"$1" -d"${DURATION}s" --latency -H "Authorization: Bearer $TOKEN" -s "$BENCH/distinct-codes.lua" \
    "$BASE" -- "$WORK/gtins.txt" "$1" "$2" > "$WORK/wrk.$1.$2.txt"
  awk 'function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
       $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) } $1 == "Requests/sec:" { rps = $2 }
       /Non-2xx/ { bad = $NF } END { printf "%.0f %.2f %.2f %d\n", rps, p50, p99, bad }' "$WORK/wrk.$1.$2.txt"
)
max_rate() { # label path-prefix -> highest rate with p99 <= 10 ms, >= 95 % of the target achieved, no errors
  local label=$1 prefix=$2 best=0 rate achieved p50 p99 bad
  for rate in $RATES; do
    read -r achieved p50 p99 bad < <(hey_run "$label" "$rate" "$DURATION" "$prefix")
    sleep 2 # let the step's queued work (product-viewed events) drain before the next one
    if awk -v a="$achieved" -v r="$rate" -v p="$p99" -v b="$bad" 'BEGIN { exit !(p <= 10 && a >= 0.95 * r && b == 0) }'; then
      best=$achieved
    else
      break
    fi
  done
  echo "$best"
}

if [ -n "${BASELINE_APP:-}" ]; then
  # Same data, same machine, same minutes: the two builds take turns, so a noisy neighbour hits both alike.
  [ "$USE_IPM" = 0 ] || { echo "BASELINE_APP needs the bench's own setup (not --ipm)" >&2; exit 2; }
  ROUNDS="${ROUNDS:-3}"
  echo "== A/B: $ROUNDS rounds; in each, both builds in turns (baseline first in odd rounds): warm-up, then hot codes at 4,000 req/s (hey),"
  echo "   distinct codes in a closed loop with 8 connections and paced at ~2,000 req/s (wrk), $DURATION s each"
  AB="$WORK/ab.txt"
  CLK_TCK=$(getconf CLK_TCK)
  cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$LOOKUP_PID/stat"; } # user + system time of lookup-service
  : > "$AB"
  for round in $(seq 1 "$ROUNDS"); do
    order="baseline this"; [ $((round % 2)) = 0 ] && order="this baseline" # ABBA: a drifting load hits both alike
    for side in $order; do
      stop_lookup
      if [ "$side" = baseline ]; then start_lookup "$BASELINE_APP" false; else start_lookup "$LOOKUP_APP"; fi >/dev/null
      hey_run warm-up 2000 10 "/api/v1/lookup?code=" >/dev/null 2>&1
      wrk_run 8 0 >/dev/null
      cpu0=$(cpu_ticks)
      read -r hot_rps hot_p50 hot_p99 hot_bad < <(hey_run hot 4000 "$DURATION" "/api/v1/lookup?code=" 2>/dev/null)
      cpu1=$(cpu_ticks)
      read -r d_rps d_p50 d_p99 d_bad < <(wrk_run 8 0)
      cpu2=$(cpu_ticks)
      # CPU time of lookup-service per request: what a request costs, whatever else the machine is doing.
      hot_cpu=$(awk -v t=$((cpu1 - cpu0)) -v n="$hot_rps" -v d="$DURATION" -v hz="$CLK_TCK" 'BEGIN { printf "%.0f", t * 1e6 / hz / (n * d) }')
      d_cpu=$(awk -v t=$((cpu2 - cpu1)) -v n="$d_rps" -v d="$DURATION" -v hz="$CLK_TCK" 'BEGIN { printf "%.0f", t * 1e6 / hz / (n * d) }')
      read -r p_rps p_p50 p_p99 p_bad < <(wrk_run 40 20)
      echo "$round $side $hot_p50 $hot_p99 $d_rps $d_p50 $d_p99 $p_p50 $p_p99 $((hot_bad + d_bad + p_bad)) $hot_cpu $d_cpu" >> "$AB"
      echo "round $round $side: hot p50 $hot_p50 p99 $hot_p99 ms, $hot_cpu us CPU/request | distinct closed loop $d_rps req/s p50 $d_p50 p99 $d_p99 ms, $d_cpu us CPU/request | paced p50 $p_p50 p99 $p_p99 ms | non-2xx $((hot_bad + d_bad + p_bad))"
    done
  done
  echo
  echo "================ A/B: this build / baseline, per round (closed-loop req/s: higher is better; p99 and CPU time"
  echo "                 per request: lower is better; CPU per request is the figure least moved by other load)"
  awk '{ v[$1, $2] = $0 } END {
    n = 0
    for (r = 1; (r, "this") in v; r++) {
      split(v[r, "baseline"], b, " "); split(v[r, "this"], t, " ")
      q[1, r] = t[5] / b[5]; q[2, r] = t[7] / b[7]; q[3, r] = t[9] / b[9]; q[4, r] = t[4] / b[4]
      q[5, r] = t[11] / b[11]; q[6, r] = t[12] / b[12]; n = r
      printf "round %d  distinct req/s %.2f  distinct p99 %.2f  paced p99 %.2f  hot p99 %.2f  CPU/request hot %.2f distinct %.2f\n", r, q[1, r], q[2, r], q[3, r], q[4, r], q[5, r], q[6, r]
    }
    split("distinct req/s,distinct p99,paced p99,hot p99,CPU/req hot,CPU/req distinct", name, ",")
    for (k = 1; k <= 6; k++) {
      m = 0; lo = 1e9; hi = 0
      for (r = 1; r <= n; r++) { x[r] = q[k, r]; if (x[r] < lo) lo = x[r]; if (x[r] > hi) hi = x[r] }
      for (i = 2; i <= n; i++) for (j = i; j > 1 && x[j - 1] > x[j]; j--) { y = x[j]; x[j] = x[j - 1]; x[j - 1] = y }
      med = (n % 2) ? x[(n + 1) / 2] : (x[n / 2] + x[n / 2 + 1]) / 2
      printf "%-15s median %.2f  spread %.2f-%.2f over %d rounds\n", name[k], med, lo, hi, n
    }
  }' "$AB"
  exit 0
fi

echo "== warm-up (JIT, connection pool): 15 s at 2,000 req/s"
hey_run warm-up 2000 15 "/api/v1/lookup?code=" >/dev/null
# The rate search runs before the overload run: an overload leaves a backlog (queued product-viewed events,
# busy connections) that would spoil the lower steps measured after it.
echo "== highest rate with p99 <= 10 ms"
lookup_max=$(max_rate lookup "/api/v1/lookup?code=")
sleep 5
me_max=$(max_rate "/api/v1/me (trivial, same JWT check)" "/api/v1/me?x=")
sleep 5
echo "== lookup at 5,000 req/s (officer token, random existing GTINs)"
read -r achieved p50 p99 bad < <(hey_run lookup 5000 $((DURATION * 2)) "/api/v1/lookup?code=")
sleep 5
sleep 5
cache_counts() { curl -s "$BASE/q/metrics" | awk -F'[{}" ]+' '/^openipm_lookup_cache_total/ { c[$3] = $NF } END { printf "%d %d\n", c["hit"], c["miss"] }'; }
echo "== distinct codes: every request a random one of the $(wc -l < "$WORK/gtins.txt") loaded GTINs (wrk)"
read -r hits_before misses_before < <(cache_counts)
DISTINCT=()
for offered in 1000 2000 3000 5000; do # paced: connections pausing 20 ms between their requests
  result=$(wrk_run $((offered / 50)) 20)
  DISTINCT+=("paced ~$offered req/s|$result")
  echo "distinct codes paced ~$offered req/s: $result (req/s p50 p99 non-2xx)" >&2
  sleep 2
done
result=$(wrk_run 8 0)
DISTINCT+=("closed loop, 8 conns|$result")
read -r hits_after misses_after < <(cache_counts)
sleep 5
echo "== search at 500 req/s"
search_result=$(hey_run search 500 "$DURATION" "/api/v1/search?q=chronograph+steel&x=")
echo "== freshness: 200 products published one by one, lookup polled until each is visible"
freshness=$(java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" "$BENCH/LoadAndFreshness.java" freshness \
  "$BOOTSTRAP" "$BASE" "$TOKEN" 200)

echo
echo "================ lookup-service figures ($(nproc) cores, load generator on the same machine)"
echo "read model            $(count_products) products"
echo "lookup @5000 req/s    achieved $achieved req/s, p50 $p50 ms, p99 $p99 ms, non-2xx $bad"
echo "lookup max rate       $lookup_max req/s with p99 <= 10 ms"
echo "/api/v1/me max rate   $me_max req/s with p99 <= 10 ms"
awk -v l="$lookup_max" -v m="$me_max" 'BEGIN { if (m > 0) printf "ratio lookup/trivial  %.2f\n", l / m }'
for line in "${DISTINCT[@]}"; do
  awk -v label="${line%%|*}" -v r="${line#*|}" 'BEGIN { split(r, a, " ")
    printf "distinct codes        %-21s achieved %s req/s, p50 %s ms, p99 %s ms, non-2xx %s\n", label, a[1], a[2], a[3], a[4] }'
done
awk -v h=$((hits_after - hits_before)) -v m=$((misses_after - misses_before)) 'BEGIN {
  if (h + m > 0) printf "                      answered from memory: %.1f %% of those %d lookups\n", 100 * h / (h + m), h + m }'
echo "search @500 req/s     $(awk '{ printf "achieved %s req/s, p50 %s ms, p99 %s ms, non-2xx %s", $1, $2, $3, $4 }' <<< "$search_result")"
echo "$freshness"
echo "answers in memory     $(curl -s "$BASE/q/metrics" | awk '/^openipm_lookup_cache_chars/ { printf "%.1f M chars of JSON", $NF / 1e6 }')"
if [ "$USE_IPM" = 0 ]; then
  echo "lookup-service RSS    $(ps -o rss= -p "$LOOKUP_PID" | awk '{ printf "%.0f MB", $1 / 1024 }') (heap limit: ${LOOKUP_JAVA_OPTS:--Xmx1g})"
fi
echo "product-viewed        $(curl -s "$BASE/q/metrics" | grep -E '^openipm_lookup_views_(published|failed)_total' | tr '\n' ' ')"
