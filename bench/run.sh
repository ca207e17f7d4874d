#!/usr/bin/env bash
# Runs every benchmark in one go on this machine and prints the table for BENCHMARKS.md.
# Usage: bench/run.sh [messages] [concurrency]   (after ./mvnw -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
MESSAGES="${1:-1000}"
CONCURRENCY="${2:-8}"
PORT="${BENCH_GATEWAY_PORT:-18080}"
CALLBACK_PORT="${BENCH_CALLBACK_PORT:-19099}"
SMTP_PORT="${BENCH_SMTP_PORT:-13025}"
IMAP_PORT="${BENCH_IMAP_PORT:-13143}"
DATA="$(mktemp -d)"
LOG="$DATA/gateway.log"

# A platform admin (the fairness run creates its second tenant through the admin API) and callbacks to this machine.
GATEWAY_ADMIN_EMAIL=bench@gateway.local GATEWAY_ADMIN_PASSWORD=bench-admin-password \
java -jar config/target/gateway.jar --server.port="$PORT" --gateway.data-dir="$DATA" \
  --gateway.routes.outbound.allow-private-targets=true --gateway.routes.outbound.allow-plain-http=true \
  --gateway.demo.callback-url="http://127.0.0.1:$CALLBACK_PORT/callback" \
  --gateway.demo.email.address=support@bench.local --gateway.demo.email.password=bench \
  --gateway.demo.email.smtp-port="$SMTP_PORT" --gateway.demo.email.imap-port="$IMAP_PORT" \
  --gateway.demo.email.poll-millis=100 \
  --logging.level.root=WARN --logging.level.com.assistantgateway=WARN >"$LOG" 2>&1 &
GATEWAY=$!
trap 'kill $GATEWAY 2>/dev/null || true; wait $GATEWAY 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1 && break
  sleep 1
done
curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null || { cat "$LOG"; exit 1; }

echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
echo
BENCH=(java -jar bench/target/bench.jar)
ROWS=()
ROWS+=("$("${BENCH[@]}" webhook --url "http://127.0.0.1:$PORT" --binding demo --messages "$MESSAGES" \
  --concurrency "$CONCURRENCY" --callback-port "$CALLBACK_PORT")")
ROWS+=("$("${BENCH[@]}" webhook --url "http://127.0.0.1:$PORT" --binding demo-echo --messages "$MESSAGES" \
  --concurrency "$CONCURRENCY" --callback-port "$CALLBACK_PORT")")
ROWS+=("$("${BENCH[@]}" webhook --url "http://127.0.0.1:$PORT" --binding demo-echo --messages "$MESSAGES" \
  --concurrency 1 --callback-port "$CALLBACK_PORT")")
# One tenant at 5 msg/s while another is idle, at the same rate, at 10x; then the same with the flood limited to its
# usual rate by a rate limit (300 a minute).
FAIR="$("${BENCH[@]}" fairness --url "http://127.0.0.1:$PORT" --callback-port "$CALLBACK_PORT" --rate 5 --seconds 20)"
FAIR_LIMITED="$("${BENCH[@]}" fairness --url "http://127.0.0.1:$PORT" --callback-port "$CALLBACK_PORT" --rate 5 --seconds 20 \
  --flood-limit 300)"
# The email benchmark runs the mail server the demo mailbox polls (it is unreachable until then, which the poll survives).
ROWS+=("$("${BENCH[@]}" email --smtp-port "$SMTP_PORT" --imap-port "$IMAP_PORT" --messages "$((MESSAGES / 2))" \
  --concurrency "$CONCURRENCY" --poll-millis 100)")
# Last: it points the demo support assistant at a streaming LLM stub of its own.
WEBCHAT="$("${BENCH[@]}" webchat --url "http://127.0.0.1:$PORT" --messages 200 --warmup 50)"
kill $GATEWAY; wait $GATEWAY 2>/dev/null || true
ROWS+=("$("${BENCH[@]}" artemis --messages 5000)")
ROWS+=("$("${BENCH[@]}" embedding --queries 2000 --threads 1)")
ROWS+=("$("${BENCH[@]}" embedding --queries 2000 --threads 2)")

echo "| benchmark | setup | messages | throughput (msg/s) | p50 (ms) | p95 (ms) | p99 (ms) |"
echo "|---|---|---:|---:|---:|---:|---:|"
printf '%s\n' "${ROWS[@]}"
echo
echo "| benchmark | setup | messages | throughput (msg/s) | p50 (ms) | p95 (ms) | p99 (ms) |"
echo "|---|---|---:|---:|---:|---:|---:|"
echo "$FAIR"
echo "$FAIR_LIMITED" | grep -v "neighbour idle"
echo
echo "Web chat, time to first token (one question at a time; the throughput column is not meaningful here):"
echo "| benchmark | setup | messages | throughput (msg/s) | p50 (ms) | p95 (ms) | p99 (ms) |"
echo "|---|---|---:|---:|---:|---:|---:|"
echo "$WEBCHAT"
