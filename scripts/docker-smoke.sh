#!/usr/bin/env bash
# The Docker smoke test (not part of CI, which has no Docker engine): given a running Docker engine, builds the image
# and runs it the way README.md says (an env file made from .env.example, a named volume, 127.0.0.1 only,
# --stop-timeout 15), then checks health, readiness, a question and a follow-up, the non-root user, the SQLite file in
# the volume, the HEALTHCHECK, `docker stop` timing and exit code, a restart that keeps the conversation, a read-only
# root filesystem, the HEALTHCHECK failing for a server on the container's loopback, the one-line error for a /data
# the node user cannot write; then docker-compose.yml with Redis and no .env file (Redis down and back, a restart
# that keeps the conversation, `stop` timing). Prints PASS/FAIL per check; exits 1 if any failed.
# Usage: scripts/docker-smoke.sh            (from anywhere; builds this checkout)
#   SMOKE_PORT (default 3997) and SMOKE_COMPOSE_PORT (3998): host ports on 127.0.0.1; SMOKE_SKIP_BUILD=1 reuses the
#   image crampbot-smoke. Everything it creates is named crampbot-smoke* and removed at the end.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
IMG=crampbot-smoke NAME=crampbot-smoke VOL=crampbot-smoke-data PROJECT=crampbot-smoke
PORT=${SMOKE_PORT:-3997} CPORT=${SMOKE_COMPOSE_PORT:-3998}
B=http://127.0.0.1:$PORT
T=$(mktemp -d)
failures=0
pass() { echo "PASS $*"; }
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
check() { # check "what" command...: PASS/FAIL by the command's status
  local what=$1
  shift
  if "$@"; then pass "$what"; else fail "$what"; fi
}
now_ms() { date +%s%3N; }
# POST one message to the web chat's webhook, keeping the cookie in jar $2; prints the reply JSON.
post() { curl -sS -m 10 -c "$2" -b "$2" -H 'content-type: application/json' -H "origin: $3" \
  -d "{\"type\":\"message\",\"text\":\"$1\"}" "$3/api/messages"; }
section_of() { grep -o '"section":{"id":"[^"]*"' | head -1 | sed 's/.*"id":"//; s/"$//'; }
wait_http() { # wait_http URL SECONDS: until URL answers 2xx
  local deadline=$(($(date +%s) + $2))
  until curl -fsS -m 2 "$1" >/dev/null 2>&1; do
    [ "$(date +%s)" -ge "$deadline" ] && return 1
    sleep 0.2
  done
}
health_of() { docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{end}}' "$1" 2>/dev/null; }
wait_health() { # wait_health CONTAINER STATUS SECONDS
  local deadline=$(($(date +%s) + $3))
  until [ "$(health_of "$1")" = "$2" ]; do
    [ "$(date +%s)" -ge "$deadline" ] && return 1
    sleep 1
  done
}

if docker compose version >/dev/null 2>&1; then COMPOSE=(docker compose); else COMPOSE=(docker-compose); fi
# The compose project runs from this checkout with an empty env file, so a .env here is ignored: it must start
# without one. (docker-compose 1.x refuses /dev/null as --env-file.)
compose() {
  mkdir -p "$T" && : >"$T/empty.env"
  CRAMPBOT_HOST_PORT=$CPORT "${COMPOSE[@]}" -p "$PROJECT" -f "$ROOT/docker-compose.yml" --env-file "$T/empty.env" "$@"
}
last_health() { docker inspect -f '{{range .State.Health.Log}}{{.Output}}{{end}}' "$1" | grep -v '^$' | tail -1; }

cleanup() {
  for c in "$NAME" "$NAME-loopback" "$NAME-rootdata" "$NAME-readonly"; do docker rm -f "$c" >/dev/null 2>&1; done
  compose down -v >/dev/null 2>&1
  docker volume rm "$VOL" "$VOL-root" >/dev/null 2>&1
  rm -rf "$T"
}
trap cleanup EXIT
docker info >/dev/null 2>&1 || { echo "FAIL no Docker engine answers (docker info)"; exit 1; }
cleanup
T=$(mktemp -d)

echo "=== build"
if [ "${SMOKE_SKIP_BUILD:-}" != 1 ]; then
  s=$(date +%s)
  if docker build -t "$IMG" "$ROOT" >"$T/build.log" 2>&1; then
    pass "docker build in $(($(date +%s) - s)) s"
  else
    tail -30 "$T/build.log"
    fail "docker build"
    exit 1
  fi
fi
echo "image size: $(docker image inspect -f '{{.Size}}' "$IMG" | awk '{printf "%d MB", $1/1e6}')"

echo "=== docker run as README.md says (env file from .env.example)"
cp "$ROOT/.env.example" "$T/env"
docker run -d --name "$NAME" -p "127.0.0.1:$PORT:3000" -v "$VOL:/data" --env-file "$T/env" --stop-timeout 15 \
  "$IMG" >/dev/null || { fail "docker run"; exit 1; }
if wait_http "$B/healthz" 30; then pass "GET /healthz on 127.0.0.1:$PORT"; else
  fail "GET /healthz on 127.0.0.1:$PORT"
  docker logs "$NAME" 2>&1 | tail -5
  exit 1
fi
check "GET /readyz answers 200" test "$(curl -sS -m 5 -o /dev/null -w '%{http_code}' "$B/readyz")" = 200
check "GET / serves the chat page" sh -c "curl -sS -m 5 '$B/' | grep -qi '<html'"
s1=$(post 'magnesium dosage please' "$T/jar" "$B" | section_of)
check "a question: 'magnesium dosage please' -> magnesium.supplements (got $s1)" test "$s1" = magnesium.supplements
s2=$(post 'same question for vitamin D' "$T/jar" "$B" | section_of)
check "a follow-up: 'same question for vitamin D' -> vitamin-d.supplements (got $s2)" test "$s2" = vitamin-d.supplements
uid=$(docker exec "$NAME" id -u)
check "runs as a non-root user (uid $uid, image user $(docker inspect -f '{{.Config.User}}' "$NAME"))" test "$uid" != 0
check "the SQLite file is in the /data volume, owned by the node user" \
  sh -c "docker exec '$NAME' stat -c '%U %n' /data/crampbot.db | grep -q '^node /data/crampbot.db$'"
check "HEALTHCHECK turns healthy (on the container's own address)" wait_health "$NAME" healthy 75
last_health "$NAME"
s=$(now_ms)
docker stop "$NAME" >/dev/null
took=$(($(now_ms) - s))
code=$(docker inspect -f '{{.State.ExitCode}}' "$NAME")
grace=$(docker inspect -f '{{.Config.StopTimeout}}' "$NAME")
check "docker stop: exit 0 in ${took} ms, within the 8 s drain (stop grace ${grace} s)" \
  test "$code" = 0 -a "$took" -lt 8000 -a "$grace" = 15
check "the shutdown was the drain (log says stopped)" sh -c "docker logs '$NAME' 2>&1 | grep -q '\"msg\":\"stopped\"'"
docker start "$NAME" >/dev/null
wait_http "$B/healthz" 30
s3=$(post 'tell me more' "$T/jar" "$B" | section_of)
check "after a restart the conversation goes on: 'tell me more' -> vitamin-d.* (got $s3)" \
  sh -c "echo '$s3' | grep -q '^vitamin-d'"
s4=$(post 'tell me more' "$T/jar-new" "$B" | section_of)
check "a new visitor does not get it ('tell me more' -> no section, got '$s4')" test -z "$s4"
docker rm -f "$NAME" >/dev/null

echo "=== a read-only root filesystem (only /data and /tmp writable)"
docker run -d --name "$NAME-readonly" --read-only --tmpfs /tmp -p "127.0.0.1:$PORT:3000" -v "$VOL:/data" \
  --env-file "$T/env" "$IMG" >/dev/null
if wait_http "$B/readyz" 30; then
  r1=$(post 'magnesium dosage please' "$T/jar-ro" "$B" | section_of)
  r2=$(post 'same question for vitamin D' "$T/jar-ro" "$B" | section_of)
  check "serves with --read-only and keeps context in the volume (got $r1, $r2)" \
    test "$r1 $r2" = "magnesium.supplements vitamin-d.supplements"
else
  fail "serves with --read-only"
  docker logs "$NAME-readonly" 2>&1 | tail -3
fi
docker rm -f "$NAME-readonly" >/dev/null

echo "=== HOST=127.0.0.1 (the container's loopback, unreachable through -p) is reported unhealthy"
docker run -d --name "$NAME-loopback" -e HOST=127.0.0.1 -p "127.0.0.1:$PORT:3000" \
  --health-interval 1s --health-start-period 0s --health-retries 2 "$IMG" >/dev/null
check "HEALTHCHECK says unhealthy" wait_health "$NAME-loopback" unhealthy 30
last_health "$NAME-loopback"
docker rm -f "$NAME-loopback" >/dev/null

echo "=== a /data the node user cannot write (root-owned, as a bind mount of a root-owned folder is)"
# A file in it too: Docker copies the image's /data (owner included) into a volume only while it is empty.
docker run --rm -u 0 -v "$VOL-root:/data" --entrypoint sh "$IMG" -c 'touch /data/.root && chown -R 0:0 /data'
timeout 60 docker run --name "$NAME-rootdata" -v "$VOL-root:/data" "$IMG" >"$T/rootdata.out" 2>&1
code=$?
line=$(grep '^crampbot:' "$T/rootdata.out" | head -1)
echo "$line"
check "exits 1 with one line naming the fix (named volume or chown 1000:1000)" \
  sh -c "[ $code = 1 ] && echo '$line' | grep -q 'chown 1000:1000' && echo '$line' | grep -q 'crampbot-data:/data'"
docker rm -f "$NAME-rootdata" >/dev/null

echo "=== docker compose with Redis, no .env file (127.0.0.1:$CPORT)"
C=http://127.0.0.1:$CPORT
if compose up -d --build >"$T/compose.log" 2>&1; then pass "compose up without a .env file"; else
  tail -20 "$T/compose.log"
  fail "compose up without a .env file"
  exit 1
fi
check "compose: /healthz" wait_http "$C/healthz" 60
check "compose: /readyz 200 with the Redis store" sh -c "curl -sS -m 5 '$C/readyz' | grep -q '\"store\":\"ok\"'"
c1=$(post 'magnesium dosage please' "$T/cjar" "$C" | section_of)
check "compose: a question (got $c1)" test "$c1" = magnesium.supplements
keys=$(compose exec -T redis redis-cli --scan --pattern 'crampbot:*' | wc -l)
check "compose: $keys crampbot key(s) in Redis" test "$keys" -ge 1
compose stop redis >/dev/null 2>&1
code=$(curl -sS -m 10 -o /dev/null -w '%{http_code}' "$C/readyz")
check "compose: Redis down -> /readyz 503 (got $code)" test "$code" = 503
compose start redis >/dev/null 2>&1
deadline=$(($(date +%s) + 60))
until curl -fsS -m 2 "$C/readyz" >/dev/null 2>&1 || [ "$(date +%s)" -ge "$deadline" ]; do sleep 0.5; done
check "compose: Redis back -> /readyz 200" curl -fsS -m 5 -o /dev/null "$C/readyz"
compose down >/dev/null 2>&1
compose up -d >/dev/null 2>&1
wait_http "$C/healthz" 60
c2=$(post 'same question for vitamin D' "$T/cjar" "$C" | section_of)
check "compose: after down/up the conversation goes on (got $c2)" test "$c2" = vitamin-d.supplements
cid=$(compose ps -q crampbot)
s=$(now_ms)
compose stop crampbot >/dev/null 2>&1
took=$(($(now_ms) - s))
code=$(docker inspect -f '{{.State.ExitCode}}' "$cid")
check "compose stop crampbot: exit 0 in ${took} ms (stop_grace_period 15 s)" test "$code" = 0 -a "$took" -lt 8000

echo
if [ "$failures" -eq 0 ]; then echo "docker smoke: all checks passed"; else echo "docker smoke: $failures check(s) failed"; fi
[ "$failures" -eq 0 ]
