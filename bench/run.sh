#!/usr/bin/env bash
# Issue 14's charge benchmark. Measures full billing-key charges per second over HTTP (auth.php +
# SimplePayCardAct through Apache HttpClient, CLIENTS concurrent clients, KEYS billing keys
# registered through gyeol-client and charged in turn) against the physical minimum of the same
# charge: pgbench running bench/payment-two-commits.sql (the PENDING commit and the outcome commit,
# keys drawn at random from the same KEYS) with as many clients on the same database. Side by side in
# one run, in three modes:
#
#   local-postgresql   one gateway on the machine's PostgreSQL server
#   3-nodes            three gateways on that same database; each charge authenticates at one node
#                      and spends its AuthKey at the next (compared with the same ceiling; warmed up
#                      three times as long, as each node sees a third of the calls)
#   embedded           the default: one gateway on the PostgreSQL it starts itself
#
# For each it prints charges/s, p50/p99/max latency, request errors, the gateways' peak RSS, the
# ceiling's transactions/s and mean latency, and the ratios issue 14 sets targets for.
#
# Each mode runs PAIRS (3) pairs of the gateway and the ceiling, one after the other, and prints each
# pair's ratios, then their median and spread, with the gateway's and PostgreSQL's CPU milliseconds
# per charge and the gateway's GC pauses (issue 26): on a shared, noisy machine one pair proves little.
# The gateways start once per mode and stay up (and warm) from pair to pair; between the HTTP run and
# the ceiling their pools let their connections go (the machine's server allows 100).
#
# Each pair also runs a second, tighter reference: the same two commits from a minimal Java program
# over JDBC (gyeol-bench jdbc: prepared statements, one connection per client, no HTTP).
#
# Usage: PAIRS=3 MODES="local-postgresql 3-nodes embedded" bench/run.sh [SECONDS=20] [CLIENTS=64] [KEYS=10000]
#
# Each pair also prints the CPU budget: the load generator's own CPU and the machine's busy cores
# (/proc/stat) beside the gateway's and PostgreSQL's, so that the summary can say how much CPU a
# charge may cost in all for a ratio of 0.8 to the JDBC ceiling, beside what it spends. (The
# ceilings' own CPU is not printed: on this project's VM the kernel's tick counters lost most of a
# run that waits on commits, down to negative PostgreSQL CPU, while they agree with perf on a run
# that keeps the cores busy, as the HTTP run does.)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
DURATION="${1:-20}"
CLIENTS="${2:-64}"
KEYS="${3:-10000}"
# The JIT needs a while on 2 cores; figures before that measure the compiler.
WARMUP="${WARMUP:-20}"
PAIRS="${PAIRS:-3}"
# The modes to measure (all three unless told otherwise).
MODES=" ${MODES:-local-postgresql 3-nodes embedded} "
mode() { [[ "$MODES" == *" $1 "* ]]; }
PG_HOST="${PGHOST:-127.0.0.1}"
PG_PORT="${PGPORT:-5432}"
PG_USER="${PGUSER:-postgres}"
export PGOPTIONS="-c client_min_messages=warning"
WORK="$(mktemp -d /tmp/gyeol-bench.XXXXXX)"
JAR=gyeol-server/target/gyeol-server.jar
BENCH=gyeol-bench/target/gyeol-bench.jar
# The load generator (gyeol-bench) and the gateway, built if missing.
[ -f "$JAR" ] && [ -f "$BENCH" ] || ./mvnw -B -q -DskipTests package
# Nodes of one database share the vault key (and so read each other's AuthKeys).
VAULT_KEY=$(python3 -c 'import os, base64; print(base64.b64encode(os.urandom(32)).decode())')

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

GATEWAY_PIDS=()
BASES=()
stop_gateways() {
  for pid in "${GATEWAY_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${GATEWAY_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  GATEWAY_PIDS=()
  BASES=()
}
cleanup() { stop_gateways; rm -rf "$WORK"; }
trap cleanup EXIT

# start_gateway NAME ARGS...: starts one more gateway from the jar.
start_gateway() {
  local name=$1; shift
  local port; port=$(free_port)
  # Pools that shrink to nothing within seconds when idle, so the ceiling has the connections.
  "$JAVA" -Dcom.zaxxer.hikari.housekeeping.periodMs=1000 -jar "$JAR" --server.port="$port" \
    --spring.datasource.hikari.minimum-idle=0 --spring.datasource.hikari.idle-timeout=10000 --gyeol.reconciler.interval=1h "$@" > "$WORK/$name.log" 2>&1 &
  GATEWAY_PIDS+=($!)
  BASES+=("http://127.0.0.1:$port")
}

# await_gateways: waits until every started gateway answers auth.php.
await_gateways() {
  local base
  for base in "${BASES[@]}"; do
    for _ in $(seq 1 240); do
      if curl -sf -d '{"cst_id":"test","custKey":"abcd1234567890"}' "$base/php/auth.php" 2>/dev/null \
          | grep -q '"result":"success"'; then
        continue 2
      fi
      sleep 0.5
    done
    echo "gateway at $base did not start; see $WORK/*.log" >&2
    exit 1
  done
}

# charges NAME BENCH_ARGS...: the HTTP run against every started gateway; sets HTTP and RSS. Each
# node sees its share of the calls, so the warm-up is WARMUP times the number of nodes: three JITs
# on two cores need that long to compile what one compiles in WARMUP.
charges() {
  local name=$1; shift
  HTTP=$("$JAVA" -jar "$BENCH" --base "$(IFS=,; echo "${BASES[*]}")" --clients "$CLIENTS" --seconds "$DURATION" \
    --warmup "$((WARMUP * ${#BASES[@]}))" "$@")
  # Each gateway's peak resident memory over the run (issue 14 asks for under 512 MB).
  RSS=""
  local pid
  for pid in "${GATEWAY_PIDS[@]}"; do
    RSS="$RSS $(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$pid/status")"
  done
  RSS="${RSS# }"
}

# ceiling PSQL_ARGS...: pgbench's two-commit charge on the database of the HTTP run, over the same
# keys; sets TPS and MEAN_MS.
ceiling() {
  psql "$@" -qc 'DROP TABLE IF EXISTS bench_keys' \
    -qc 'CREATE TABLE bench_keys (n INT PRIMARY KEY, id TEXT NOT NULL)' >/dev/null
  # Billing keys are credentials: they go from the owner-only key file straight into the table.
  python3 -c 'import sys
for n, line in enumerate(open(sys.argv[1]), 1): print(f"{n}\t{line.strip()}")' "$WORK/keys" \
    | psql "$@" -qc '\copy bench_keys FROM STDIN' >/dev/null
  pgbench "$@" -n -c "$CLIENTS" -j 2 -T "$DURATION" -f bench/payment-two-commits.sql -D keys="$KEYS" \
    > "$WORK/pgbench.txt" 2>&1 || { cat "$WORK/pgbench.txt" >&2; exit 1; }
  TPS=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$WORK/pgbench.txt")
  MEAN_MS=$(sed -n 's/^latency average = \([0-9.]*\) ms.*/\1/p' "$WORK/pgbench.txt")
  grep -q '^number of failed transactions: 0 ' "$WORK/pgbench.txt" \
    || { echo "pgbench had failed transactions:" >&2; cat "$WORK/pgbench.txt" >&2; exit 1; }
}

# jdbc_ceiling URL USER: the same two commits from gyeol-bench's JDBC program; sets JDBC.
jdbc_ceiling() {
  JDBC=$("$JAVA" -jar "$BENCH" jdbc --url "$1" --user "$2" --clients "$CLIENTS" --seconds "$DURATION" --warmup 5 \
    --keys-from "$WORK/keys")
}

# idle_pools DB: waits until the gateways' pools have let their connections to DB go (at most a minute).
idle_pools() {
  for _ in $(seq 1 60); do
    local open
    open=$(psql "${LOCAL[@]}" -d postgres -Atc \
      "SELECT count(*) FROM pg_stat_activity WHERE datname = '$1' AND pid <> pg_backend_pid()")
    [ "$open" -le 8 ] && return
    sleep 1
  done
}

field() { echo "$HTTP" | sed -n "s|.*$1=\([0-9.Na]*\).*|\1|p"; }
jdbc_field() { echo "$JDBC" | sed -n "s|.*$1=\([0-9.]*\).*|\1|p"; }

report() {
  local name=$1
  local rate p99 max failures
  rate=$(field charges/s); p99=$(field p99_ms); max=$(field max_ms); failures=$(field failures)
  printf '%-17s HTTP %s\n' "$name" "$HTTP"
  printf '%-17s gateway peak RSS (MB, per node): %s\n' "$name" "$RSS"
  printf '%-17s pgbench two-commit ceiling: %s charges/s, mean latency %s ms\n' "$name" "$TPS" "$MEAN_MS"
  printf '%-17s JDBC two-commit ceiling: %s\n' "$name" "$JDBC"
  printf '%-17s ratio charges/s : ceiling = %s; p99 : ceiling mean = %s; max : ceiling mean = %s; errors %s\n' \
    "$name" "$(python3 -c "print(round($rate / $TPS, 3))")" "$(python3 -c "print(round($p99 / $MEAN_MS, 2))")" \
    "$(python3 -c "print(round($max / $MEAN_MS, 2))")" "$failures"
  printf '%-17s ratio charges/s : JDBC ceiling = %s; p99 : JDBC ceiling mean = %s\n' "$name" \
    "$(python3 -c "print(round($rate / $(jdbc_field charges/s), 3))")" \
    "$(python3 -c "print(round($p99 / $(jdbc_field mean_ms), 2))")"
  # One line per pair, for the summary.
  echo "$rate $TPS $p99 $max $MEAN_MS $failures $(field gateway_cpu_ms_per_charge) $(field postgres_cpu_ms_per_charge) $(field gc_pause_ms) $(jdbc_field charges/s) $(jdbc_field mean_ms) $(field load_cpu_ms_per_charge) $(field busy_cores) $(field cores)" \
    >> "$WORK/pairs-$name"
}

# summary NAME: the median and spread (lowest to highest) of the mode's pairs.
summary() {
  python3 - "$1" "$WORK/pairs-$1" <<'PY'
import statistics, sys
name, rows = sys.argv[1], [list(map(float, line.split())) for line in open(sys.argv[2])]
def show(label, values, digits, target=""):
    print(f"{name:<17} {label}: median {round(statistics.median(values), digits)}, spread"
          f" {round(min(values), digits)}-{round(max(values), digits)} over {len(values)} pairs{target}")
show("charges/s : ceiling", [r[0] / r[1] for r in rows], 3, " (target >= 0.8)")
show("p99 : ceiling mean latency", [r[2] / r[4] for r in rows], 2, " (target <= 3 at 64 clients)")
show("max : ceiling mean latency", [r[3] / r[4] for r in rows], 2, " (target <= 10)")
show("charges/s : JDBC ceiling", [r[0] / r[9] for r in rows], 3)
show("p99 : JDBC ceiling mean latency", [r[2] / r[10] for r in rows], 2)
show("charges/s", [r[0] for r in rows], 0)
show("gateway CPU ms per charge", [r[6] for r in rows], 3)
show("PostgreSQL CPU ms per charge", [r[7] for r in rows], 3)
show("gateway GC pauses, ms in the window", [r[8] for r in rows], 0)
show("load generator CPU ms per charge", [r[11] for r in rows], 3)
show("busy cores in the HTTP run", [r[12] for r in rows], 2, f" of {int(rows[0][13])}")
# The machine's CPU budget: at 0.8 of the JDBC ceiling's rate, with as many cores busy as in the
# HTTP run, a charge may cost at most this much CPU in all (gateway, PostgreSQL and load generator).
show("CPU ms per charge spent: gateway + PostgreSQL + load generator", [r[6] + r[7] + r[11] for r in rows], 3)
show("CPU ms per charge 0.8 of the JDBC ceiling allows (busy cores / (0.8 x its rate))",
     [1000 * r[12] / (0.8 * r[9]) for r in rows], 3)
print(f"{name:<17} request errors: {int(sum(r[5] for r in rows))} (target 0)")
PY
}

echo "# $(date -u +%FT%TZ) $(nproc) cores, ${CLIENTS} clients, ${KEYS} billing keys, ${DURATION}s measured after ${WARMUP}s warm-up"

LOCAL=(-h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER")
if psql "${LOCAL[@]}" -d postgres -qc 'SELECT 1' >/dev/null 2>&1; then
  psql "${LOCAL[@]}" -d postgres -qc 'DROP DATABASE IF EXISTS gyeol_bench WITH (FORCE)' -qc 'CREATE DATABASE gyeol_bench' >/dev/null
  node_args() {
    echo --spring.datasource.url="jdbc:postgresql://$PG_HOST:$PG_PORT/gyeol_bench" \
      --spring.datasource.username="$PG_USER" --spring.datasource.hikari.maximum-pool-size="$1" \
      --gyeol.vault.keys.bench="$VAULT_KEY" --gyeol.data-dir="$WORK/$2-data"
  }
  if mode local-postgresql; then
  # shellcheck disable=SC2046
  start_gateway local-postgresql $(node_args 64 local)
  await_gateways
  for pair in $(seq 1 "$PAIRS"); do
    if [ "$pair" = 1 ]; then
      charges local-postgresql --keys "$KEYS" --key-file "$WORK/keys"
    else
      charges local-postgresql --keys-from "$WORK/keys"
    fi
    # The machine's server allows 100 connections: the gateway's pool lets go before pgbench's.
    idle_pools gyeol_bench
    ceiling "${LOCAL[@]}" gyeol_bench
    jdbc_ceiling "jdbc:postgresql://$PG_HOST:$PG_PORT/gyeol_bench" "$PG_USER"
    report local-postgresql
  done
  stop_gateways
  summary local-postgresql
  fi

  # Three nodes share the 100 connections; the ceiling is the same database's.
  if mode 3-nodes; then
  # The keys come from the single node's run, or are registered by this one.
  [ -s "$WORK/keys" ] || { FIRST_KEYS=(--keys "$KEYS" --key-file "$WORK/keys"); }
  for node in 1 2 3; do
    # shellcheck disable=SC2046
    start_gateway "node-$node" $(node_args 21 "node-$node")
  done
  await_gateways
  for pair in $(seq 1 "$PAIRS"); do
    if [ -n "${FIRST_KEYS[*]:-}" ] && [ "$pair" = 1 ]; then
      charges 3-nodes "${FIRST_KEYS[@]}"
    else
      charges 3-nodes --keys-from "$WORK/keys"
    fi
    idle_pools gyeol_bench
    ceiling "${LOCAL[@]}" gyeol_bench
    jdbc_ceiling "jdbc:postgresql://$PG_HOST:$PG_PORT/gyeol_bench" "$PG_USER"
    report 3-nodes
  done
  stop_gateways
  summary 3-nodes
  fi
  psql "${LOCAL[@]}" -d postgres -qc 'DROP DATABASE IF EXISTS gyeol_bench WITH (FORCE)' >/dev/null
else
  echo "local-postgresql  not measured: no server at $PG_HOST:$PG_PORT (nor 3-nodes, which needs one)"
fi

if mode embedded; then
EMBEDDED_PORT=$(free_port)
start_gateway embedded --gyeol.data-dir="$WORK/embedded-data" --gyeol.embedded-database.port="$EMBEDDED_PORT" \
  --gyeol.embedded-database.pool-size=64
await_gateways
# The embedded server lives inside the gateway and allows 200 connections, so the gateway stays up
# (idle) while pgbench runs. It has passwords of its own, in its data directory (mode 0600).
for pair in $(seq 1 "$PAIRS"); do
  if [ "$pair" = 1 ]; then
    charges embedded --keys "$KEYS" --key-file "$WORK/keys"
  else
    charges embedded --keys-from "$WORK/keys"
  fi
  CREDENTIALS=$(find "$WORK/embedded-data" -name gyeol.credentials | head -n 1)
  PGPASSWORD=$(sed -n 's/^owner\.password=//p' "$CREDENTIALS") ceiling -h 127.0.0.1 -p "$EMBEDDED_PORT" -U gyeol gyeol
  PGPASSWORD=$(sed -n 's/^owner\.password=//p' "$CREDENTIALS") \
    jdbc_ceiling "jdbc:postgresql://127.0.0.1:$EMBEDDED_PORT/gyeol" gyeol
  report embedded
done
stop_gateways
summary embedded
fi
