#!/usr/bin/env bash
# Issue 26's webhook benchmark: webhooks at the speed of charges. Starts NODES gateways (1 or 3) on
# a fresh database of the machine's PostgreSQL, points the test partner's webhooks at a receiver
# of gyeol-bench's own on loopback (answers 204 at once, kept-alive connections), and prints, side
# by side in one run:
#   sustained  charges/s and webhooks/s every second with the backlog, CLIENTS clients charging for
#              SECONDS; then how long the backlog took to drain and the outbox lag (commit to 2xx)
#              p50/p99/max from the database's timestamps
#   burst      BURST events put straight into the outbox, all due at once, and their drain in
#              events/s
#   duplicates events that arrived more than once (must be 0)
#
# Usage: bench/webhooks.sh [NODES=1] [SECONDS=20] [CLIENTS=64] [BURST=100000]
# JAR=path/to/gyeol-server.jar measures another build of the gateway (e.g. an earlier commit's);
# GATEWAY_ARGS="--gyeol.webhooks.concurrency-per-receiver=16 ..." passes settings to every node.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
NODES="${1:-1}"
DURATION="${2:-20}"
CLIENTS="${3:-64}"
BURST="${4:-100000}"
PG_HOST="${PGHOST:-127.0.0.1}"
PG_PORT="${PGPORT:-5432}"
PG_USER="${PGUSER:-postgres}"
DB=gyeol_webhooks_bench
WORK="$(mktemp -d /tmp/gyeol-webhooks.XXXXXX)"
JAR="${JAR:-gyeol-server/target/gyeol-server.jar}"
BENCH=gyeol-bench/target/gyeol-bench.jar
[ -f "$JAR" ] && [ -f "$BENCH" ] || ./mvnw -B -q -DskipTests package

if ! psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -qc 'SELECT 1' >/dev/null 2>&1; then
  echo "no PostgreSQL server at $PG_HOST:$PG_PORT" >&2
  exit 1
fi
psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" \
  -qc "CREATE DATABASE $DB" >/dev/null

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

PIDS=()
stop_all() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" \
    >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap stop_all EXIT

VAULT_KEY=$(head -c 32 /dev/urandom | base64)
BASES=()
for n in $(seq 1 "$NODES"); do
  port=$(free_port)
  "$JAVA" -jar "$JAR" --server.port="$port" --gyeol.data-dir="$WORK/node$n" \
    --spring.datasource.url="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB" \
    --spring.datasource.username="$PG_USER" --gyeol.vault.keys.shared="$VAULT_KEY" \
    --gyeol.vault.active-key=shared --gyeol.reconciler.interval=1h ${GATEWAY_ARGS:-} > "$WORK/node$n.log" 2>&1 &
  PIDS+=($!)
  BASES+=("http://127.0.0.1:$port")
  for _ in $(seq 1 240); do
    if curl -sf -d '{"cst_id":"test","custKey":"abcd1234567890"}' "http://127.0.0.1:$port/php/auth.php" 2>/dev/null \
        | grep -q '"result":"success"'; then break; fi
    sleep 0.5
  done
done
echo "gateway: $JAR, $NODES node(s) on the machine's PostgreSQL; $(nproc) cores"
"$JAVA" -jar "$BENCH" webhooks --base "$(IFS=,; echo "${BASES[*]}")" \
  --jdbc-url "jdbc:postgresql://$PG_HOST:$PG_PORT/$DB" --jdbc-user "$PG_USER" \
  --clients "$CLIENTS" --seconds "$DURATION" --burst "$BURST"
