#!/usr/bin/env bash
# Issue 32's test-kit costs, measured side by side in one run, through the kit's own code
# (gyeol-junit's StartBench, the gateway jar gyeol-server/target/gyeol-server.jar):
#
#   start          a gateway started as the kit starts it, to its first answer (/actuator/health):
#                  once on an empty start cache (it prepares the cache: the jar extracted, an AOT
#                  cache of the start recorded, a migrated database cluster kept as a template),
#                  then ROUNDS times without the cache and with it, alternating
#   new partner    POST /v1/test-kit/partners through the kit, PARTNERS times after five to warm
#
# Then the example shop's suite (examples/shop, Spring Boot 3, gyeol-junit only), each run's own
# time as surefire reports it and the whole Maven run's wall time: with the start cache (after a
# run that fills it), without it, and against a gateway started by hand (-Dgyeol.kit.base-url).
#
# Usage: bench/testkit.sh [ROUNDS=3] [PARTNERS=50]   (after ./mvnw install)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PATH="$JAVA_HOME/bin:$PATH"
ROUNDS="${1:-3}"
PARTNERS="${2:-50}"
JAR=gyeol-server/target/gyeol-server.jar
[ -f "$JAR" ] || { echo "No $JAR: run ./mvnw install first" >&2; exit 1; }
WORK=$(mktemp -d -t gyeol-testkit-bench-XXXXXX)
PID=
cleanup() {
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
now_ms() { date +%s%3N; }

./mvnw -B -q -o test-compile -pl gyeol-junit
./mvnw -B -q -o dependency:build-classpath -pl gyeol-junit -Dmdep.includeScope=test \
  -Dmdep.outputFile="$WORK/classpath" > /dev/null
java -Dgyeol.server.jar="$JAR" \
  -cp "gyeol-junit/target/classes:gyeol-junit/target/test-classes:$(cat "$WORK/classpath")" \
  kr.gyeol.junit.StartBench "$ROUNDS" "$PARTNERS"

# The example shop's suite; $1 names the run, the rest are Maven properties.
shop() {
  local name=$1 began wall suite
  shift
  began=$(now_ms)
  ./mvnw -B -o verify -Pfull -pl examples/shop "$@" > "$WORK/shop-$name.log" 2>&1 \
    || { tail -30 "$WORK/shop-$name.log" >&2; exit 1; }
  wall=$(( $(now_ms) - began ))
  suite=$(grep -o 'Tests run: [0-9]*, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: [0-9.]* s' \
    "$WORK/shop-$name.log" | head -1 | sed 's/.*Time elapsed: //')
  printf 'example shop suite, %-38s %8s   Maven run %6d ms\n' "$name:" "$suite" "$wall"
}

CACHE=(-Dgyeol.kit.cache-dir="$WORK/cache")
shop "filling an empty start cache" "${CACHE[@]}"
shop "with the start cache" "${CACHE[@]}"
shop "without the start cache" -Dgyeol.kit.cache=off

KEY=bench-kit-key-$RANDOM$RANDOM
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
java -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 --gyeol.data-dir="$WORK/by-hand" \
  --gyeol.test-kit.key="$KEY" > "$WORK/by-hand.log" 2>&1 &
PID=$!
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/actuator/health"; do
  kill -0 "$PID" 2>/dev/null || { tail -20 "$WORK/by-hand.log" >&2; exit 1; }
  sleep 0.05
done
shop "against a gateway started by hand" -Dgyeol.kit.base-url="http://127.0.0.1:$PORT" -Dgyeol.kit.key="$KEY"
