#!/usr/bin/env bash
# Renewals per second for a due batch of SUBSCRIPTIONS monthly subscriptions on one node and
# on three nodes of one PostgreSQL (the machine's server), printed beside the single-charge
# rate of bench/run.sh (auth.php + SimplePayCardAct, CLIENTS clients) measured on the same
# gateways in the same run.
#
# Usage: bench/renewals.sh [SUBSCRIPTIONS=10000] [SECONDS=20] [CLIENTS=64]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
SUBSCRIPTIONS="${1:-10000}"
DURATION="${2:-20}"
CLIENTS="${3:-64}"
WARMUP="${WARMUP:-20}"
PG_HOST="${PGHOST:-127.0.0.1}"
PG_PORT="${PGPORT:-5432}"
PG_USER="${PGUSER:-postgres}"
WORK="$(mktemp -d /tmp/gyeol-renewals.XXXXXX)"
JAR=gyeol-server/target/gyeol-server.jar
BENCH=gyeol-bench/target/gyeol-bench.jar
[ -f "$JAR" ] && [ -f "$BENCH" ] || ./mvnw -B -q -DskipTests package

if ! psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -qc 'SELECT 1' >/dev/null 2>&1; then
  echo "no PostgreSQL server at $PG_HOST:$PG_PORT: three nodes need one database server" >&2
  exit 1
fi
psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -qc 'DROP DATABASE IF EXISTS gyeol_renewals WITH (FORCE)' \
  -qc 'CREATE DATABASE gyeol_renewals' >/dev/null

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

PIDS=()
stop_all() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -qc 'DROP DATABASE IF EXISTS gyeol_renewals WITH (FORCE)' \
    >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap stop_all EXIT

# One shared vault key, as an operator's nodes have; the renewal job and the reconciler run
# only when the benchmark advances the clock.
VAULT_KEY=$(head -c 32 /dev/urandom | base64)
BASES=()
for name in a b c; do
  port=$(free_port)
  "$JAVA" -jar "$JAR" --server.port="$port" --gyeol.data-dir="$WORK/$name" \
    --spring.datasource.url="jdbc:postgresql://$PG_HOST:$PG_PORT/gyeol_renewals" \
    --spring.datasource.username="$PG_USER" --spring.datasource.hikari.maximum-pool-size=24 \
    --gyeol.vault.keys.shared="$VAULT_KEY" --gyeol.reconciler.interval=1h --gyeol.subscriptions.interval=1h \
    --gyeol.subscriptions.advance-wait=10m > "$WORK/$name.log" 2>&1 &
  PIDS+=($!)
  BASES+=("http://127.0.0.1:$port")
  for _ in $(seq 1 240); do
    if curl -sf -d '{"cst_id":"test","custKey":"abcd1234567890"}' "http://127.0.0.1:$port/php/auth.php" 2>/dev/null \
        | grep -q '"result":"success"'; then break; fi
    sleep 0.5
  done
done

echo "# $(date -u +%FT%TZ) $(nproc) cores, 3 nodes on one PostgreSQL, $SUBSCRIPTIONS subscriptions"
charges=$("$JAVA" -jar "$BENCH" --base "${BASES[0]}" --clients "$CLIENTS" --seconds "$DURATION" --warmup "$WARMUP")
echo "single charges (bench/run.sh's HTTP path, node a): $charges"
renewals=$("$JAVA" -jar "$BENCH" renewals --nodes "$(IFS=,; echo "${BASES[*]}")" --subscriptions "$SUBSCRIPTIONS")
echo "$renewals"
rate=$(echo "$charges" | sed -n 's/.*charges\/s=\([0-9.]*\).*/\1/p')
one=$(echo "$renewals" | sed -n 's/.* one-node=\([0-9.]*\).*/\1/p')
three=$(echo "$renewals" | sed -n 's/.* 3-nodes=\([0-9.]*\).*/\1/p')
python3 -c "print('ratio renewals/s : single charges/s  one node = %.2f, three nodes = %.2f' % ($one/$rate, $three/$rate))"
