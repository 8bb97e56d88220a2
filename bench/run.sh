#!/usr/bin/env bash
# Measures full billing-key charges per second over HTTP (auth.php + SimplePayCardAct through Apache
# HttpClient, CLIENTS concurrent clients; keys registered through gyeol-client) against the raw PostgreSQL ceiling for the same database work (pgbench running
# bench/payment-transaction.sql with as many clients), side by side in one run, on the machine's
# PostgreSQL server and on the embedded default. Prints the figures and their ratios.
#
# It also runs bench/payment-two-commits.sql, the same charge in the two commits that are its
# physical minimum (issue 14's ceiling), and prints the gateway's peak RSS.
#
# Usage: bench/run.sh [SECONDS=20] [CLIENTS=64]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
DURATION="${1:-20}"
CLIENTS="${2:-64}"
# The JIT needs a while on 2 cores; figures before that measure the compiler.
WARMUP="${WARMUP:-20}"
PG_HOST="${PGHOST:-127.0.0.1}"
PG_PORT="${PGPORT:-5432}"
PG_USER="${PGUSER:-postgres}"
WORK="$(mktemp -d /tmp/gyeol-bench.XXXXXX)"
JAR=gyeol-server/target/gyeol-server.jar
BENCH=gyeol-bench/target/gyeol-bench.jar
# The load generator (gyeol-bench) and the gateway, built if missing.
[ -f "$JAR" ] && [ -f "$BENCH" ] || ./mvnw -B -q -DskipTests package

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

GATEWAY_PID=""
stop_gateway() {
  if [ -n "$GATEWAY_PID" ]; then
    kill "$GATEWAY_PID" 2>/dev/null || true
    wait "$GATEWAY_PID" 2>/dev/null || true
  fi
  GATEWAY_PID=""
}
trap stop_gateway EXIT

# start_gateway NAME ARGS...: starts the jar, waits until auth.php answers, sets BASE.
start_gateway() {
  local name=$1; shift
  local port; port=$(free_port)
  "$JAVA" -jar "$JAR" --server.port="$port" --gyeol.reconciler.interval=1h "$@" > "$WORK/$name.log" 2>&1 &
  GATEWAY_PID=$!
  BASE="http://127.0.0.1:$port"
  for _ in $(seq 1 240); do
    if curl -sf -d '{"cst_id":"test","custKey":"abcd1234567890"}' "$BASE/php/auth.php" 2>/dev/null | grep -q '"result":"success"'; then
      return 0
    fi
    sleep 0.5
  done
  echo "gateway $name did not start; see $WORK/$name.log" >&2
  exit 1
}

# measure NAME PSQL_ARGS...: HTTP charges, then pgbench on the same database.
measure() {
  local name=$1; shift
  local key http tps
  http=$("$JAVA" -jar "$BENCH" --base "$BASE" --clients "$CLIENTS" --seconds "$DURATION" --warmup "$WARMUP" \
    --key-file "$WORK/keys")
  key=$(head -n 1 "$WORK/keys")
  # The gateway's peak resident memory over the run (issue 14 asks for under 512 MB).
  local rss; rss=$(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$GATEWAY_PID/status")
  # The machine's server allows 100 connections: the idle gateway's pool goes before pgbench's.
  # The embedded server lives inside the gateway and allows 200, so that gateway stays up.
  [ "$name" = embedded ] || stop_gateway
  pgbench "$@" -n -c "$CLIENTS" -j 2 -T "$DURATION" -f bench/payment-transaction.sql -D billing_key="$key" \
    > "$WORK/$name-pgbench.txt" 2>&1 || { cat "$WORK/$name-pgbench.txt" >&2; exit 1; }
  tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$WORK/$name-pgbench.txt")
  # The ceiling of issue 14: the same charge in two commits (no session rows).
  psql "$@" -qc 'CREATE TABLE IF NOT EXISTS bench_auth_nonces (nonce TEXT PRIMARY KEY, used_at TIMESTAMPTZ NOT NULL)' >/dev/null
  pgbench "$@" -n -c "$CLIENTS" -j 2 -T "$DURATION" -f bench/payment-two-commits.sql -D billing_key="$key" \
    > "$WORK/$name-pgbench2.txt" 2>&1 || { cat "$WORK/$name-pgbench2.txt" >&2; exit 1; }
  local tps2 latency2
  tps2=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$WORK/$name-pgbench2.txt")
  latency2=$(sed -n 's/^latency average = \([0-9.]*\) ms.*/\1/p' "$WORK/$name-pgbench2.txt")
  local charges; charges=$(echo "$http" | sed -n 's/.*charges\/s=\([0-9.]*\).*/\1/p')
  printf '%-22s HTTP %s\n' "$name" "$http"
  printf '%-22s gateway peak RSS %s MB\n' "$name" "$rss"
  printf '%-22s pgbench payment transactions/s=%s (four commits)\n' "$name" "$tps"
  printf '%-22s pgbench two-commit ceiling/s=%s, mean latency %s ms\n' "$name" "$tps2" "$latency2"
  printf '%-22s ratio charges/s : two-commit ceiling = %s\n' "$name" "$(python3 -c "print(round($charges/$tps2, 3))")"
  printf '%-22s ratio charges/s : pgbench tps = %s\n' "$name" "$(python3 -c "print(round($charges/$tps, 3))")"
}

echo "# $(date -u +%FT%TZ) $(nproc) cores, ${CLIENTS} clients, ${DURATION}s measured after ${WARMUP}s warm-up"

if psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -qc 'SELECT 1' >/dev/null 2>&1; then
  psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -qc 'DROP DATABASE IF EXISTS gyeol_bench WITH (FORCE)' -qc 'CREATE DATABASE gyeol_bench' >/dev/null 2>&1
  start_gateway local-postgresql \
    --spring.datasource.url="jdbc:postgresql://$PG_HOST:$PG_PORT/gyeol_bench" \
    --spring.datasource.username="$PG_USER" --spring.datasource.hikari.maximum-pool-size=64 \
    --gyeol.data-dir="$WORK/local-data"
  measure local-postgresql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" gyeol_bench
  stop_gateway
  psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -qc 'DROP DATABASE IF EXISTS gyeol_bench WITH (FORCE)' >/dev/null
else
  echo "local-postgresql       skipped: no server at $PG_HOST:$PG_PORT"
fi

EMBEDDED_PORT=$(free_port)
start_gateway embedded --gyeol.data-dir="$WORK/embedded-data" --gyeol.embedded-database.port="$EMBEDDED_PORT" \
  --gyeol.embedded-database.pool-size=64
# The embedded server has passwords of its own, in its data directory (mode 0600).
CREDENTIALS=$(find "$WORK/embedded-data" -name gyeol.credentials | head -n 1)
PGPASSWORD=$(sed -n 's/^owner\.password=//p' "$CREDENTIALS") \
  measure embedded -h 127.0.0.1 -p "$EMBEDDED_PORT" -U gyeol gyeol
stop_gateway
rm -rf "$WORK"
