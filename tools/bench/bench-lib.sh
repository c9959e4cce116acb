# Shared parts of the benchmark scripts (*/bench/*.sh): sourced, never run. A script sets ROOT (the project) and
# calls bench_init first; everything it starts through these functions is stopped when it exits.
#
#   bench_init <name>                      work dir $WORK, cleanup on exit
#   bench_require <tool>...                exit 2 naming the first tool missing
#   bench_package <modules> <file>...      ./mvnw package those modules (and the launcher) if a file is missing
#   bench_classpath <bench pom>            $CP: event-contracts' classes, the pom's dependencies, the shared
#                                          Java helpers (tools/bench/src, package org.openipm.bench)
#   bench_infra <kafka port> <pg port>     Kafka and PostgreSQL 17 with `./ipm up --infra-only` (state in $WORK);
#                                          sets BOOTSTRAP, PGPASSWORD, PSQL and IPM_DIR (./ipm token uses it)
#   bench_service <name> <port> <quarkus-app> <java opts> [VAR=value]...
#                                          runs a packaged service against that setup, waits for its port;
#                                          its pid is ${PIDS[-1]}
#   bench_wait_ready <base url> [seconds]  polls /q/health/ready
#   bench_await_catalogue <schema> <gtin>  waits until the service's catalogue copy holds the GTIN
#   bench_register_authority <base> <admin token> <id>
#   bench_statements_enable                restarts the infra with pg_stat_statements loaded (after bench_infra)
#   bench_statements_reset                 forgets the statements counted so far
#   bench_statements_report <label> [n]    $WORK/statements.<label>.txt (calls | ms | rows | query, by time) and
#                                          the n (8) statements that took the most time
#   with_load <label> <command>...         runs it, tees $WORK/result.<label>.txt and the mean load average

bench_init() {
  WORK="$(mktemp -d "/tmp/$1.XXXXXX")"
  PIDS=()
  STARTED_INFRA=0
  trap bench_cleanup EXIT
}

bench_cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  if [ "$STARTED_INFRA" = 1 ]; then "$ROOT/ipm" down >/dev/null || true; fi
  echo "work files (logs): $WORK"
}

bench_require() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install -y $tool" >&2; exit 2; }
  done
}

wait_port() { # host port seconds [pid of the process that should listen]
  local end=$((SECONDS + $3))
  while [ "$SECONDS" -lt "$end" ]; do
    (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null && return 0
    if [ -n "${4:-}" ] && ! kill -0 "$4" 2>/dev/null; then echo "the process for $1:$2 ended" >&2; return 1; fi
    sleep 0.2
  done
  echo "nothing listens on $1:$2 after $3 s" >&2; return 1
}

bench_package() { # comma-separated modules, then the files that must exist
  local modules=$1 file
  shift
  for file in "$@" "$ROOT/platform/event-contracts/target/classes" "$ROOT/tools/launcher/target/launcher.jar"; do
    if [ ! -e "$file" ]; then
      echo "== packaging $modules and the launcher"
      "$ROOT/mvnw" -B -q package -pl "$modules,:launcher" -am -DskipTests
      return
    fi
  done
}

bench_classpath() { # the bench's pom.xml (it only lists dependencies)
  echo "== resolving the bench classpath"
  "$ROOT/mvnw" -B -q -f "$1" dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
  CP="$ROOT/platform/event-contracts/target/classes:$(cat "$WORK/cp.txt")"
  mkdir -p "$WORK/bench-classes"
  javac -nowarn -d "$WORK/bench-classes" -cp "$CP" "$ROOT"/tools/bench/src/org/openipm/bench/*.java
  CP="$WORK/bench-classes:$CP"
}

bench_infra() { # kafka-port postgresql-port
  BOOTSTRAP=localhost:$1
  PG_PORT=$2
  echo "== starting Kafka ($1) and PostgreSQL ($2): ./ipm up --infra-only, state in $WORK/ipm"
  # Exported: ./ipm down and ./ipm token act on this setup, not on your own .ipm/.
  export IPM_DIR="$WORK/ipm" IPM_KAFKA_PORT=$1 IPM_POSTGRES_PORT=$2
  STARTED_INFRA=1
  IPM_JAVA_OPTS="-Xmx1g -XX:+UseSerialGC" "$ROOT/ipm" up --infra-only -d > "$WORK/ipm-up.log" 2>&1 || {
    cat "$WORK/ipm-up.log" >&2; exit 1; }
  export PGPASSWORD="$(cat "$IPM_DIR/state/db-password")"
  PSQL=(psql -h 127.0.0.1 -p "$2" -U openipm -d openipm -tA)
}

bench_service() { # name port quarkus-app java-opts [VAR=value ...]
  local name=$1 port=$2 app=$3 opts=$4
  shift 4
  echo "== starting $name (127.0.0.1:$port): $app"
  # A loaded machine can take longer than the pool's 5 s default to open the first connection at start.
  env QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT=30S QUARKUS_HTTP_PORT="$port" KAFKA_BOOTSTRAP_SERVERS="$BOOTSTRAP" \
    OPENIPM_RATE_LIMIT_ENABLED=false QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/openipm" \
    QUARKUS_DATASOURCE_USERNAME=openipm QUARKUS_DATASOURCE_PASSWORD="$PGPASSWORD" \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION="$IPM_DIR/keys/public.pem" MP_JWT_VERIFY_ISSUER=https://openipm.local \
    MP_JWT_VERIFY_AUDIENCES=openipm QUARKUS_LOG_CONSOLE_JSON_ENABLED=false _PROD_QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
    "$@" java $opts -jar "$app/quarkus-run.jar" >> "$WORK/$name.log" 2>&1 &
  PIDS+=($!)
  wait_port 127.0.0.1 "$port" 600 $! || { tail -n 30 "$WORK/$name.log" >&2; exit 1; }
}

bench_wait_ready() { # base-url [seconds]
  local end=$((SECONDS + ${2:-60}))
  until curl -sf "$1/q/health/ready" > /dev/null 2>&1; do
    [ "$SECONDS" -lt "$end" ] || { echo "$1 not ready after ${2:-60} s" >&2; return 1; }
    sleep 0.2
  done
}

bench_await_catalogue() { # schema gtin: the product the bench published reached the service's catalogue copy
  for _ in $(seq 1 300); do
    [ "$("${PSQL[@]}" -c "select count(*) from $1.catalogue_gtin where gtin = '$2'" 2>/dev/null)" = 1 ] && return 0
    sleep 0.1
  done
  echo "GTIN $2 did not reach $1's catalogue copy in 30 s" >&2; return 1
}

bench_register_authority() { # base-url admin-token id: a French customs authority with the office FRLEH
  curl -sf -X POST "$1/api/v1/authorities" -H "Authorization: Bearer $2" -H 'Content-Type: application/json' \
    -d "{\"id\":\"$3\",\"name\":\"Bench customs\",\"country\":\"FR\",\"type\":\"CUSTOMS\",\"offices\":[{\"code\":\"FRLEH\",\"name\":\"Le Havre\",\"kind\":\"PORT\",\"timeZone\":\"Europe/Paris\"}],\"languages\":[\"fr\"],\"contacts\":[]}" \
    > /dev/null
}

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

# pg_stat_statements loads only at server start: set it, start the infrastructure again, create the extension.
bench_statements_enable() {
  SUPERUSER_PSQL=(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d openipm -tA)
  "${SUPERUSER_PSQL[@]}" -c "alter system set shared_preload_libraries = 'pg_stat_statements'" > /dev/null
  "$ROOT/ipm" down > /dev/null
  IPM_JAVA_OPTS="-Xmx1g -XX:+UseSerialGC" "$ROOT/ipm" up --infra-only -d >> "$WORK/ipm-up.log" 2>&1 || {
    cat "$WORK/ipm-up.log" >&2; exit 1; }
  "${SUPERUSER_PSQL[@]}" -c "create extension if not exists pg_stat_statements" > /dev/null
}

bench_statements_reset() {
  "${SUPERUSER_PSQL[@]}" -c "select pg_stat_statements_reset()" > /dev/null
}

bench_statements_report() { # label [how many to print]
  "${SUPERUSER_PSQL[@]}" -c "select calls, round(total_exec_time::numeric, 1), rows,
      left(regexp_replace(query, '\s+', ' ', 'g'), 110) from pg_stat_statements
      join pg_database d on d.oid = dbid where d.datname = 'openipm' order by total_exec_time desc" \
    > "$WORK/statements.$1.txt"
  awk -F '|' '{ t += $2 } END { printf "  SQL: %d statements, %.0f ms in PostgreSQL; the most time:\n", NR, t }' \
    "$WORK/statements.$1.txt"
  head -n "${2:-8}" "$WORK/statements.$1.txt" | awk -F '|' '{ printf "  %8s ms %7s calls %8s rows  %s\n", $2, $1, $3, $4 }'
}

# CPU time (clock ticks) spent so far by each part of a setup. On a shared machine latency depends on the
# neighbours; CPU time per event much less, and it says where the budget of the machine's cores goes.
# The CPU snapshots run while the measured processes work, on the same cores: each helper below forks a handful of
# processes, not a few per process on the machine (a snapshot used to fork thousands, seconds of CPU under load).
bench_ticks_of() { # pids...: their user + system CPU time in clock ticks, read in one pass
  [ "$#" -gt 0 ] || { echo 0; return; }
  local files=() pid
  for pid in "$@"; do files+=("/proc/$pid/stat"); done
  # The command name (field 2) may hold spaces: the fields counted start after its closing parenthesis.
  { cat "${files[@]}" 2>/dev/null || true; } | sed 's/.*) //' | awk '{ s += $12 + $13 } END { print s + 0 }'
}

bench_setup_pids() { # pids of this setup's processes whose command matches $1 (they all carry IPM_DIR=$IPM_DIR)
  local file pid
  # One grep reads every process's environment (NUL-separated entries, hence -z) and names those of this setup.
  for file in $(grep -lxzs -- "IPM_DIR=$IPM_DIR" /proc/[0-9]*/environ); do
    pid=${file#/proc/}
    pid=${pid%/environ}
    { tr '\0' ' ' < "/proc/$pid/cmdline"; } 2>/dev/null | grep -qE -- "$1" && echo "$pid"
  done
}

bench_postgresql_pids() { # the postmaster and its children (their titles overwrite what /proc shows of their environment)
  local postmaster
  for postmaster in $(bench_setup_pids 'bin/postgres '); do
    echo "$postmaster"
    ps -o pid= --ppid "$postmaster"
  done
}

bench_cpu_snapshot() { # service-pid: ticks of the service, Kafka (the launcher), PostgreSQL, the whole machine
  echo "$(bench_ticks_of "$1") $(bench_ticks_of $(bench_setup_pids launcher.jar)) \
$(bench_ticks_of $(bench_postgresql_pids)) $(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat)"
}

# The service's CPU time by kind of thread, so that a report tells the JIT compiler and the garbage collector (which
# execution profiles do not sample) from the service's own work. Thread names lose their numbers, so that a pool counts
# as one kind: "GC Thread#0" and "GC Thread#1" are both "GC Thread#" (names are cut at 15 characters, as /proc
# gives them: "C2 CompilerThre" is the optimising JIT compiler). A thread is compared with itself (by its id): a pool's
# threads come and go, and one that ended between two snapshots is left out of both.
bench_thread_snapshot() { # service-pid: one line "tid<TAB>ticks<TAB>kind" per thread, in one pass over /proc
  local task
  for task in /proc/"$1"/task/*; do
    { printf '%s\t%s\t' "${task##*/}" "$(sed 's/.*) //' "$task/stat" | awk '{ print $12 + $13 }')"
      sed 's/[0-9]*$//' "$task/comm"; } 2>/dev/null || true
  done
}

bench_thread_ticks() { # "<thread snapshot before>" "<thread snapshot after>": "ticks<TAB>kind" spent per kind between
  { echo "$1" | sed 's/^/B\t/'; echo "$2" | sed 's/^/A\t/'; } | awk -F '\t' '
    NF == 4 && $1 == "B" { before[$2] = $3 }
    NF == 4 && $1 == "A" { t[$4] += $3 - ($2 in before ? before[$2] : 0) }
    END { for (k in t) if (t[k] > 0) printf "%d\t%s\n", t[k], k }' | sort -rn
}

# bench_thread_report "<thread snapshot before>" "<thread snapshot after>" <events> <unit> [how many kinds to print]
bench_thread_report() {
  bench_thread_ticks "$1" "$2" | awk -F '\t' -v hz="$(getconf CLK_TCK)" -v n="$3" -v unit="$4" -v top="${5:-8}" '
    { total += $1; if (NR <= top) line = line sprintf(" %s %.3f;", $2, $1 * 1000 / hz / n) }
    END { printf "  the service'"'"'s CPU per %s by thread (ms, %.2f in all):%s\n", unit, total * 1000 / hz / n, line }'
}

bench_jit_share() { # "<thread snapshot before>" "<thread snapshot after>": the JIT compilers' % of the service's CPU
  bench_thread_ticks "$1" "$2" | awk -F '\t' '{ total += $1 } $2 ~ /^C[12] Compiler/ { jit += $1 }
    END { printf "%.0f\n", (total > 0 ? 100 * jit / total : 0) }'
}

# bench_cpu_report "<snapshot before>" "<snapshot after>" <driver ticks> <events> <service name> <unit>
bench_cpu_report() {
  echo "$1 $2 $3 $4" | awk -v hz="$(getconf CLK_TCK)" -v cores="$(nproc)" -v name="$5" -v unit="$6" '{
      ms = 1000 / hz / $10
      printf "  CPU per %s (ms): %s %.2f, Kafka %.2f, PostgreSQL %.2f, bench driver %.2f; whole machine %.2f (%d cores)\n",
        unit, name, ($5 - $1) * ms, ($6 - $2) * ms, ($7 - $3) * ms, $9 * ms, ($8 - $4) * ms, cores
      printf "CPU service_ms=%.2f kafka_ms=%.2f postgresql_ms=%.2f driver_ms=%.2f machine_ms=%.2f\n",
        ($5 - $1) * ms, ($6 - $2) * ms, ($7 - $3) * ms, $9 * ms, ($8 - $4) * ms
    }'
}
