#!/usr/bin/env bash
# Console page loads over 100,000 payments: a database of the machine's PostgreSQL server is
# given real billing keys and charges through the gateway, then 100,000 payments of the test
# partner spread over 90 days (approved, declined, refunded in part, on cards and accounts, by
# many payers) in one INSERT; then every console page is loaded ROUNDS times by one signed-in
# partner and its p50/p99/max printed beside the 300 ms target. Exits non-zero if a page's p99
# is over the target.
#
# Usage: bench/console.sh [PAYMENTS=100000] [ROUNDS=30]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
PAYMENTS="${1:-100000}"
ROUNDS="${2:-30}"
PG_HOST="${PGHOST:-127.0.0.1}"
PG_PORT="${PGPORT:-5432}"
PG_USER="${PGUSER:-postgres}"
DB=gyeol_console_bench
WORK="$(mktemp -d /tmp/gyeol-console-bench.XXXXXX)"
JAR=gyeol-server/target/gyeol-server.jar
BENCH=gyeol-bench/target/gyeol-bench.jar
[ -f "$JAR" ] && [ -f "$BENCH" ] || ./mvnw -B -q -DskipTests package
psql() { command psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -v ON_ERROR_STOP=1 -q "$@"; }
psql -d postgres -c 'SELECT 1' >/dev/null 2>&1 || { echo "needs a PostgreSQL server at $PG_HOST:$PG_PORT" >&2; exit 1; }
psql -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB" >/dev/null

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
"$JAVA" -jar "$JAR" --server.port="$PORT" --gyeol.data-dir="$WORK/data" \
  --spring.datasource.url="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB" --spring.datasource.username="$PG_USER" \
  > "$WORK/gateway.log" 2>&1 &
GATEWAY_PID=$!
trap 'kill $GATEWAY_PID 2>/dev/null || true; wait $GATEWAY_PID 2>/dev/null || true; psql -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 240); do
  curl -sf -d '{"cst_id":"test","custKey":"abcd1234567890"}' "$BASE/php/auth.php" 2>/dev/null | grep -q '"result":"success"' && break
  sleep 0.5
done

# Real keys and a few real charges through the gateway (their keys file is a credential, kept 0600).
"$JAVA" -jar "$BENCH" --base "$BASE" --clients 2 --seconds 2 --warmup 0 --keys 4 --key-file "$WORK/keys" > /dev/null

echo "# seeding $PAYMENTS payments"
psql -d "$DB" <<SQL
WITH keys AS (SELECT array_agg(id ORDER BY id) AS ids FROM billing_keys WHERE partner_id = 'test'),
names AS (SELECT ARRAY['김','이','박','최','정','강','조','윤','장','임'] AS family,
                 ARRAY['민준','서연','도윤','하은','시우','지우','주원','서윤','예준','하준','지호','수아'] AS given)
INSERT INTO payments (id, partner_id, order_id, billing_key_id, instrument, masked_number, institution_code,
                      institution_name, status, amount, vat, taxable, goods, payer_name, monthly, cash_receipt,
                      network_reference, approval_number, decline_code, decline_message, decline_reason,
                      requested_at, completed_at)
SELECT 'bench-' || n, 'test', 'bench-order-' || n, keys.ids[1 + n % array_length(keys.ids, 1)],
       CASE WHEN n % 7 = 0 THEN 'BANK_ACCOUNT' ELSE 'CARD' END,
       CASE WHEN n % 7 = 0 THEN '460-********-121' ELSE '4242-****-****-4242' END, '041', '신한카드',
       CASE WHEN n % 10 = 3 THEN 'DECLINED' ELSE 'APPROVED' END,
       (ARRAY[1000, 5000, 9900, 15000, 29000, 55000])[1 + n % 6], 0, false, '벤치 상품',
       names.family[1 + n % 10] || names.given[1 + (n / 10) % 12], false, false,
       'bench-ref-' || n,
       CASE WHEN n % 10 = 3 THEN NULL ELSE lpad((n % 100000000)::text, 8, '0') END,
       CASE WHEN n % 10 = 3 THEN '8037' END, CASE WHEN n % 10 = 3 THEN '잔액 부족' END,
       CASE WHEN n % 10 = 3 THEN (ARRAY['INSUFFICIENT_FUNDS', 'CARD_DECLINED', 'EXPIRED_CARD'])[1 + n % 3] END,
       now() - make_interval(secs => (n::double precision * 90 * 86400 / $PAYMENTS)),
       now() - make_interval(secs => (n::double precision * 90 * 86400 / $PAYMENTS)) + interval '1 second'
FROM generate_series(1, $PAYMENTS) AS n, keys, names;
INSERT INTO refunds (id, payment_id, status, amount, vat, network_reference, requested_at, completed_at)
SELECT 'bench-refund-' || p.id, p.id, 'APPROVED', p.amount / 2, 0, 'bench-refund-ref-' || p.id,
       p.requested_at + interval '1 hour', p.requested_at + interval '1 hour'
FROM payments p WHERE p.id LIKE 'bench-%' AND p.status = 'APPROVED' AND p.amount >= 2 AND random() < 0.05;
VACUUM ANALYZE;
SQL

"$JAVA" -jar "$BENCH" console --base "$BASE" --rounds "$ROUNDS"
