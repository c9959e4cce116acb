#!/usr/bin/env bash
# Catalogue benchmark: bulk import rows/s and outbox relay latency (commit -> record on product-events), each
# beside a baseline measured in the same run (500 one-by-one API creates; a bare Kafka produce -> consume).
# Usage: product-service/bench/catalogue-bench.sh [--ipm] [IMPORT_ROWS=20000] [RELAY_SAMPLES=300]
#   default  starts what it needs on its own ports and stops it at the end: Kafka (KRaft, 19098) and PostgreSQL 17
#            (25438) with the shared starter (`./ipm up --infra-only`, state in the work dir, apart from your own
#            .ipm/), product-service from product-service/target/quarkus-app (18181), with that setup's `./ipm token`.
#   --ipm    uses what `./ipm up -d` runs (product-service 8081, Kafka 9092) and its `./ipm token`.
# Environment: PRODUCT_JAVA_OPTS (-Xmx1g), PRODUCT_APP (a quarkus-app folder to run), KAFKA_PORT, PG_PORT, APP_PORT.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
source "$ROOT/tools/bench/bench-lib.sh"
USE_IPM=0
if [ "${1:-}" = --ipm ]; then USE_IPM=1; shift; fi
rows="${1:-20000}"
samples="${2:-300}"
bench_init catalogue-bench

if [ "$USE_IPM" = 1 ]; then
  api="http://localhost:${IPM_PRODUCT_PORT:-8081}"
  BOOTSTRAP="localhost:${IPM_KAFKA_PORT:-9092}"
  if ! curl -sf "$api/q/health/ready" >/dev/null; then
    echo "product-service is not ready at $api: start the platform with ./ipm up -d" >&2
    exit 1
  fi
else
  PRODUCT_APP="${PRODUCT_APP:-$ROOT/product-service/target/quarkus-app}"
  bench_package :product-service "$PRODUCT_APP/quarkus-run.jar"
  bench_infra "${KAFKA_PORT:-19098}" "${PG_PORT:-25438}"
  api=http://127.0.0.1:${APP_PORT:-18181}
  bench_service product-service "${APP_PORT:-18181}" "$PRODUCT_APP" "${PRODUCT_JAVA_OPTS:--Xmx1g}"
  bench_wait_ready "$api" 180
fi
java -cp "$ROOT/tools/launcher/target/lib/*" "$ROOT/product-service/bench/ProductBench.java" \
  "$api" "$BOOTSTRAP" "$("$ROOT/ipm" token admin)" "$ROOT/ipm token brand" "$rows" "$samples"
