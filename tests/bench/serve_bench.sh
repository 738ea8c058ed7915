#!/usr/bin/env bash
# Benchmark of lantern serve (not a test; figures for the issue's note).
#   tests/bench/serve_bench.sh [SECONDS]
# Measures, against 127.0.0.1 only:
#   - durable feedback submissions per second (each POST committed with
#     synchronous=FULL before the 303) and p50/p99 POST latency, 16 and 64 clients;
#   - static page requests per second from lantern serve --production and from
#     Debian's nginx serving the same built folder, in the same run.
# Installs nginx with apt if it is missing (root or sudo). Needs a build in build/.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-10}"
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx >/dev/null
fi
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
ninja -C build lantern lantern_load >/dev/null

# On disk (build/), not /tmp: /tmp may be tmpfs, where fsync costs nothing.
mkdir -p build/bench
work="$(mktemp -d "$PWD/build/bench/run.XXXXXX")"
chmod 755 "$work"   # nginx workers run as an unprivileged user
lantern_pid=""
nginx_conf="$work/nginx.conf"
cleanup() {
  [ -n "$lantern_pid" ] && kill "$lantern_pid" 2>/dev/null && wait "$lantern_pid" 2>/dev/null || true
  [ -f "$work/nginx.pid" ] && "$nginx_bin" -p "$work" -c "$nginx_conf" -e "$work/error.log" -s stop 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

build/lantern build content -o "$work/site" >/dev/null 2>&1
chmod -R a+rX "$work/site"
echo "work folder: $work ($(df -T "$work" | awk 'NR==2 {print $2}'))"
build/lantern serve --production "$work/site" --db "$work/feedback.db" --port 0 \
  --max-posts-per-hour 100000000 >"$work/serve.out" 2>/dev/null &
lantern_pid=$!
for _ in $(seq 50); do grep -q "Serving" "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
port="$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/serve.out")"

nginx_port=$((port + 1))
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

echo "lantern serve --production on port $port, nginx $("$nginx_bin" -v 2>&1 | sed 's|.*/||') on port $nginx_port; $(nproc) cores; ${seconds} s per run"
echo "Every request opens a new connection (lantern closes after one response by design, R2)."
for clients in 16 64; do
  build/tests/lantern_load submit "$port" larger-bin-check "$clients" "$seconds"
done
page=/records/larger-bin-check/
for clients in 16 64; do
  echo -n "lantern "; build/tests/lantern_load static "$port" "$page" "$clients" "$seconds"
  echo -n "nginx   "; build/tests/lantern_load static "$nginx_port" "$page" "$clients" "$seconds"
done
build/lantern feedback stats --db "$work/feedback.db" 2>/dev/null | tail -1 || true
