#!/usr/bin/env bash
# Catalogue benchmark: bulk import rows/s and outbox relay latency (commit -> record on product-events), each
# beside a baseline measured in the same run. Needs the platform running: ./ipm up -d
# Usage: product-service/bench/catalogue-bench.sh [IMPORT_ROWS=20000] [RELAY_SAMPLES=300]
set -euo pipefail
cd "$(dirname "$0")/../.."
rows="${1:-20000}"
samples="${2:-300}"
api="http://localhost:${IPM_PRODUCT_PORT:-8081}"
kafka="localhost:${IPM_KAFKA_PORT:-9092}"
if ! curl -sf "$api/q/health/ready" >/dev/null; then
  echo "product-service is not ready at $api: start the platform with ./ipm up -d" >&2
  exit 1
fi
java -cp "tools/launcher/target/lib/*" product-service/bench/ProductBench.java \
  "$api" "$kafka" "$(./ipm token admin)" "./ipm token brand" "$rows" "$samples"
