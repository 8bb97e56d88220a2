#!/usr/bin/env bash
# Issue 32's test-kit costs, measured side by side in one run on the packaged gateway
# (gyeol-server/target/gyeol-server.jar, as gyeol-junit starts it):
#
#   cold start     the jar to its first answer (/actuator/health) on a new data directory: the
#                  embedded PostgreSQL's cluster is created, as every test JVM of the kit does today
#   warm start     the same jar again on the data directory the cold start left: a cluster that
#                  already exists (what a kit that copied an initialised cluster could pay)
#   new partner    POST /v1/test-kit/partners, N times in a row: milliseconds each (median, p90, max)
#
# Then, for the example shop (examples/shop, 6 tests on Spring Boot 3, the gateway started by the kit),
# the suite's own time as surefire reports it, and the whole Maven run's wall time.
#
# Usage: bench/testkit.sh [PARTNERS=50]   (after ./mvnw install)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PATH="$JAVA_HOME/bin:$PATH"
PARTNERS="${1:-50}"
JAR=gyeol-server/target/gyeol-server.jar
[ -f "$JAR" ] || { echo "No $JAR: run ./mvnw install first" >&2; exit 1; }
WORK=$(mktemp -d -t gyeol-testkit-bench-XXXXXX)
PID=
cleanup() {
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
KEY=bench-kit-key-$RANDOM$RANDOM
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
now_ms() { date +%s%3N; }

# Starts the gateway on $WORK/data; ELAPSED is the milliseconds to its first answer.
start() {
  local began ready
  began=$(now_ms)
  java -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 --gyeol.data-dir="$WORK/data" \
    --gyeol.test-kit.key="$KEY" > "$WORK/gateway-$1.log" 2>&1 &
  PID=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/actuator/health"; do
    kill -0 "$PID" 2>/dev/null || { echo "the gateway exited; see its log:" >&2; tail -20 "$WORK/gateway-$1.log" >&2; exit 1; }
    sleep 0.05
  done
  ready=$(now_ms)
  ELAPSED=$((ready - began))
}

stop() {
  kill "$PID"
  wait "$PID" 2>/dev/null || true
  PID=
}

start cold
COLD=$ELAPSED
stop
start warm
WARM=$ELAPSED

TIMES=()
for _ in $(seq "$PARTNERS"); do
  began=$(now_ms)
  curl -sf -o /dev/null -X POST "http://127.0.0.1:$PORT/v1/test-kit/partners" \
    -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
    -d '{"webhookUrl":"http://127.0.0.1:9/hook"}'
  TIMES+=($(( $(now_ms) - began )))
done
stop
SORTED=($(printf '%s\n' "${TIMES[@]}" | sort -n))
MEDIAN=${SORTED[$(( PARTNERS / 2 ))]}
P90=${SORTED[$(( PARTNERS * 9 / 10 ))]}
MAX=${SORTED[$(( PARTNERS - 1 ))]}

began=$(now_ms)
./mvnw -B -o verify -pl examples/shop > "$WORK/shop.log" 2>&1 || { tail -30 "$WORK/shop.log" >&2; exit 1; }
SHOP_WALL=$(( $(now_ms) - began ))
SUITE=$(grep -o 'Tests run: [0-9]*, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: [0-9.]* s' "$WORK/shop.log" \
  | head -1 | sed 's/.*Time elapsed: //')

printf '%-34s %10s\n' "measure" "value"
printf '%-34s %8d ms\n' "cold start (new cluster)" "$COLD"
printf '%-34s %8d ms\n' "warm start (existing cluster)" "$WARM"
printf '%-34s %8.2f\n' "warm / cold" "$(echo "$WARM / $COLD" | bc -l)"
printf '%-34s %8d ms\n' "new partner, median of $PARTNERS" "$MEDIAN"
printf '%-34s %8d ms\n' "new partner, p90" "$P90"
printf '%-34s %8d ms\n' "new partner, max" "$MAX"
printf '%-34s %10s\n' "example shop suite (surefire)" "$SUITE"
printf '%-34s %8d ms\n' "example shop, whole Maven run" "$SHOP_WALL"
