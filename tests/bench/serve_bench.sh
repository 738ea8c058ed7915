#!/usr/bin/env bash
# Benchmark of lantern serve (not a test; figures for the issue's note).
#   tests/bench/serve_bench.sh [SECONDS] [NOTIFY_COUNT]
# Measures, against 127.0.0.1 only:
#   - durable feedback submissions per second (each POST committed before the
#     303: SQLite with synchronous=FULL, PostgreSQL 15 with fsync on) and
#     p50/p99 POST latency, 16 and 64 clients, on each store;
#   - two lantern serve --production on one PostgreSQL database, 64 clients
#     split between them, then the rows stored against the 303s seen;
#   - commit-to-SMTP-accepted latency (303 back at the client to the message
#     written by an aiosmtpd sink), NOTIFY_COUNT (200) submissions at 20/s;
#   - static page requests per second from lantern serve --production and from
#     Debian's nginx serving the same built folder, in the same run.
# Installs nginx with apt if it is missing (root or sudo). Needs a build in
# build/, PostgreSQL 15 in /usr/lib/postgresql/15/bin and python3-aiosmtpd.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-10}"
notify_count="${2:-200}"
notify_rate=20
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx >/dev/null
fi
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
pg_bin=/usr/lib/postgresql/15/bin
python=/usr/bin/python3   # Debian's, which has aiosmtpd (not a pyenv one on PATH)
ninja -C build lantern lantern_load >/dev/null

# On disk (build/), not /tmp: /tmp may be tmpfs, where fsync costs nothing.
mkdir -p build/bench
work="$(mktemp -d "$PWD/build/bench/run.XXXXXX")"
chmod 755 "$work"   # nginx workers and PostgreSQL run as an unprivileged user
pids=()             # lantern serve and SMTP sinks still running
nginx_conf="$work/nginx.conf"
pg_started=""
# initdb refuses to run as root: then the server runs as nobody.
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi; }
stop_pid() { kill "$1" 2>/dev/null && wait "$1" 2>/dev/null || true; }
cleanup() {
  for pid in "${pids[@]}"; do stop_pid "$pid"; done
  [ -f "$work/nginx.pid" ] && "$nginx_bin" -p "$work" -c "$nginx_conf" -e "$work/error.log" -s stop 2>/dev/null || true
  [ -n "$pg_started" ] && as_pg "$pg_bin/pg_ctl" -D "$work/pg/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { "$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# start_serve NAME ARGS...: lantern serve ARGS in the background; sets $port.
start_serve() {
  local name="$1"; shift
  build/lantern serve "$@" --port 0 --max-posts-per-hour 100000000 >"$work/$name.out" 2>"$work/$name.log" &
  pids+=($!)
  for _ in $(seq 100); do grep -q "Serving" "$work/$name.out" 2>/dev/null && break; sleep 0.1; done
  port="$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/$name.out")"
  [ -n "$port" ] || { echo "lantern serve ($name) did not start:" >&2; cat "$work/$name.log" >&2; exit 1; }
}
stop_serves() { for pid in "${pids[@]}"; do stop_pid "$pid"; done; pids=(); }

build/lantern build content -o "$work/site" >/dev/null 2>&1
chmod -R a+rX "$work/site"
echo "work folder: $work ($(df -T "$work" | awk 'NR==2 {print $2}')); $(nproc) cores; ${seconds} s per run"
echo "Every request opens a new connection (lantern closes after one response by design, R2)."
echo "Submissions are POSTed at once after the form is fetched, so they are stored as suspected spam (too_fast)."

# A throwaway PostgreSQL 15, data on disk beside the rest, fsync on (the default).
mkdir -p "$work/pg/sock"
[ "$(id -u)" -eq 0 ] && chown -R nobody:nogroup "$work/pg"
pg_port="$(free_port)"
as_pg "$pg_bin/initdb" -D "$work/pg/data" -U postgres --auth=trust -E UTF8 --no-locale >"$work/pg/initdb.log" 2>&1
as_pg "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w \
  -o "-p $pg_port -k $work/pg/sock -c listen_addresses=127.0.0.1" start >/dev/null
pg_started=1
pg_sql() { "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -qtAX "$@"; }
for database in lantern_bench lantern_pair lantern_notify; do pg_sql -c "create database $database"; done
pg_url() { echo "postgresql://postgres@127.0.0.1:$pg_port/$1"; }
echo "PostgreSQL $(pg_sql -c 'show server_version'), fsync=$(pg_sql -c 'show fsync'), synchronous_commit=$(pg_sql -c 'show synchronous_commit'), port $pg_port"

echo
echo "== Durable submissions: SQLite =="
start_serve sqlite --production "$work/site" --db "$work/feedback.db"
lantern_port="$port"
for clients in 16 64; do
  build/tests/lantern_load submit "$lantern_port" larger-bin-check "$clients" "$seconds"
done
echo "== Durable submissions: PostgreSQL (one server) =="
start_serve pg --production "$work/site" --db "$(pg_url lantern_bench)" --form-key "$work/form.key"
for clients in 16 64; do
  build/tests/lantern_load submit "$port" larger-bin-check "$clients" "$seconds"
done
stop_pid "${pids[-1]}"; unset 'pids[-1]'
echo "== Durable submissions: PostgreSQL, two lantern serve on one database, 64 clients split =="
start_serve pair1 --production "$work/site" --db "$(pg_url lantern_pair)" --form-key "$work/form.key"
pair1="$port"
start_serve pair2 --production "$work/site" --db "$(pg_url lantern_pair)" --form-key "$work/form.key"
pair2="$port"
pair_line="$(build/tests/lantern_load submit "$pair1,$pair2" larger-bin-check 64 "$seconds")"
echo "$pair_line"
acknowledged="$(sed -n 's/.*requests=\([0-9]*\).*/\1/p' <<<"$pair_line")"
stored="$(pg_sql -d lantern_pair -c 'select count(*) from submissions')"
echo "303s seen by the load generator: $acknowledged; rows in submissions: $stored$([ "$acknowledged" = "$stored" ] && echo " (equal)" || echo " (DIFFERENT)")"
stop_pid "${pids[-1]}"; unset 'pids[-1]'
stop_pid "${pids[-1]}"; unset 'pids[-1]'

echo
echo "== Commit to SMTP accepted: $notify_count submissions (not spam: sent 3.5 s after the form) at $notify_rate/s, 4 clients =="
cp -r content "$work/notify-site"
sed -i 's/^  response_days: 20$/&\n  notify:\n    email: [ig@example.gov.uk]/' "$work/notify-site/site.yaml"
grep -q "ig@example.gov.uk" "$work/notify-site/site.yaml"
build/lantern build "$work/notify-site" -o "$work/notify-site/public" >/dev/null 2>&1
# notify_latency LABEL DB [ARGS...]: one sink, one lantern serve --smtp, the load, the figures.
notify_latency() {
  local label="$1" db="$2"; shift 2
  local mail="$work/mail-$label"
  mkdir -p "$mail"
  "$python" tests/testing/smtp_sink.py "$mail" >"$work/sink-$label.out" 2>"$work/sink-$label.err" &
  pids+=($!)
  for _ in $(seq 100); do [ -s "$work/sink-$label.out" ] && break; sleep 0.1; done
  local sink_port
  sink_port="$(head -1 "$work/sink-$label.out")"
  start_serve "notify-$label" "$work/notify-site" --production "$work/notify-site/public" --db "$db" \
    --smtp "smtp://127.0.0.1:$sink_port" "$@"
  echo -n "$label: "
  build/tests/lantern_load notify "$port" larger-bin-check 4 "$notify_count" "$notify_rate" "$work/acks-$label.txt"
  local acks
  acks="$(wc -l <"$work/acks-$label.txt")"
  for _ in $(seq 600); do [ "$(find "$mail" -name '*.eml' | wc -l)" -ge "$acks" ] && break; sleep 0.1; done
  # Arrival: each N.eml's mtime (written last, just before the sink answers 250);
  # the reference is the subject's second word ("Question K7MP3XWA to …").
  "$python" - "$work/acks-$label.txt" "$mail" "$label" <<'PY'
import os, sys
acks = dict(line.split() for line in open(sys.argv[1]))
mail, label = sys.argv[2], sys.argv[3]
delays, unmatched = [], 0
for name in os.listdir(mail):
    if not name.endswith(".eml"):
        continue
    n = name[:-4]
    words = open(os.path.join(mail, n + ".subject"), encoding="utf-8").read().split()
    reference = words[1] if len(words) > 1 else ""
    if reference not in acks:
        unmatched += 1
        continue
    delays.append((os.stat(os.path.join(mail, name)).st_mtime_ns / 1e9 - float(acks.pop(reference))) * 1000)
delays.sort()
pick = lambda p: delays[min(len(delays) - 1, int(p * len(delays)))] if delays else 0.0
print(f"{label}: commit-to-SMTP-accepted messages={len(delays)} p50_ms={pick(0.50):.1f} p99_ms={pick(0.99):.1f} "
      f"max_ms={delays[-1] if delays else 0:.1f} acknowledged_without_mail={len(acks)} mail_without_ack={unmatched}")
PY
  stop_pid "${pids[-1]}"; unset 'pids[-1]'   # lantern serve
  stop_pid "${pids[-1]}"; unset 'pids[-1]'   # the sink
}
notify_latency sqlite "$work/notify.db"
notify_latency postgresql "$(pg_url lantern_notify)" --form-key "$work/form.key"

echo
echo "== Static page, lantern serve --production against nginx =="
nginx_port="$(free_port)"
cat >"$nginx_conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  error_log $work/error.log;
  client_body_temp_path $work/client_body;
  proxy_temp_path $work/proxy;
  fastcgi_temp_path $work/fastcgi;
  uwsgi_temp_path $work/uwsgi;
  scgi_temp_path $work/scgi;
  keepalive_requests 1;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/site;
    location / { try_files \$uri \$uri/index.html =404; }
  }
}
CONF
"$nginx_bin" -p "$work" -c "$nginx_conf" -e "$work/error.log"
echo "lantern serve --production on port $lantern_port, nginx $("$nginx_bin" -v 2>&1 | sed 's|.*/||') on port $nginx_port"
page=/records/larger-bin-check/
for clients in 16 64; do
  echo -n "lantern "; build/tests/lantern_load static "$lantern_port" "$page" "$clients" "$seconds"
  echo -n "nginx   "; build/tests/lantern_load static "$nginx_port" "$page" "$clients" "$seconds"
done
build/lantern feedback stats --db "$work/feedback.db" 2>/dev/null | tail -1 || true
