#!/usr/bin/env bash
# Build speed and memory of `lantern build` against Hugo on the same generated
# records, plus the preview's edit-to-page latency. Not a test: it prints
# figures to compare within one run (machines are noisy; compare ratios).
#
# Usage: tests/bench/build_bench.sh [--lantern PATH] [--no-hugo] [--no-serve] [SIZES…]
#   SIZES default to 2000 20000 50000; `tests/bench/build_bench.sh 2000` is a quick run.
#   BENCH_EDITS=N sets how many edits the latency is the median of (default 5).
#   BENCH_KEEP=1 keeps the generated sites and Hugo's output (to inspect them).
#   Edit-to-preview latency is measured at the sizes among SIZES that are at most 20000.
#
# For each size it generates N records from the example site's records (each
# copy with its own id, name, and links pointing at other generated records, so
# the link checker passes), builds them once with Lantern and once as a Hugo
# site whose single template shows every field of the record (Markdown fields
# through `markdownify`), and prints wall seconds, CPU seconds (user + system)
# and peak RSS from /usr/bin/time -v, and Lantern/Hugo ratios.
# Installs `hugo` (Debian bookworm: 0.111) and `time` with apt when missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo="$PWD"
lantern="build/lantern"
hugo_on=1
serve_on=1
sizes=()
while [ "$#" -gt 0 ]; do
  case "$1" in
    --lantern) lantern="$2"; shift 2 ;;
    --no-hugo) hugo_on=0; shift ;;
    --no-serve) serve_on=0; shift ;;
    *) sizes+=("$1"); shift ;;
  esac
done
[ "${#sizes[@]}" -eq 0 ] && sizes=(2000 20000 50000)
lantern="$(realpath "$lantern")"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
need_apt() {  # need_apt COMMAND PACKAGE
  if ! command -v "$1" >/dev/null && [ ! -x "/usr/bin/$1" ]; then
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$2" >/dev/null
  fi
}
need_apt time time
[ "$hugo_on" -eq 1 ] && need_apt hugo hugo
need_apt curl curl

# On disk (build/), not /tmp: /tmp may be tmpfs, which would hide write costs
# and count the output as memory.
mkdir -p build/bench
work="$(mktemp -d "$repo/build/bench/build.XXXXXX")"
serve_pid=""
cleanup() {
  if [ -n "$serve_pid" ]; then kill "$serve_pid" 2>/dev/null || true; wait "$serve_pid" 2>/dev/null || true; fi
  [ -n "${BENCH_KEEP:-}" ] || rm -rf "$work"
}
trap cleanup EXIT

sources=(content/records/*.yaml)
# Links to an example record (from records and pages) point, in the copies, at
# the first copy made from that record (tool-<its index>).
link_fix=()
for j in "${!sources[@]}"; do
  id="$(basename "${sources[$j]}" .yaml)"
  link_fix+=(-e "s#/records/$id/#/records/tool-$j/#g")
done

# make_site N: a Lantern site of N records in $work/site-N.
make_site() {
  local n="$1" dir="$work/site-$1"
  [ "$n" -ge "${#sources[@]}" ] || { echo "at least ${#sources[@]} records" >&2; exit 2; }
  mkdir -p "$dir/records"
  cp content/site.yaml "$dir/"
  mkdir -p "$dir/pages"
  local page
  for page in content/pages/*.md; do sed "${link_fix[@]}" "$page" >"$dir/pages/$(basename "$page")"; done
  # One awk for all N copies: a sed per record took minutes at 50,000.
  awk -v n="$n" -v dir="$dir/records" -v ids="$(printf '%s\n' "${sources[@]}" | xargs -n1 basename | sed 's/[.]yaml$//' | tr '\n' ' ')" '
    BEGIN { m = split(ids, id, " ") }
    FNR == 1 { s++ }
    { line[s, FNR] = $0; lines[s] = FNR }
    END {
      for (i = 0; i < n; i++) {
        j = i % m + 1; f = dir "/tool-" i ".yaml"
        for (k = 1; k <= lines[j]; k++) {
          t = line[j, k]
          if (t ~ /^id:/) continue
          if (t ~ /^  name: /) t = t " " i
          if (t == "status: draft") t = "status: published"
          if (index(t, "/records/")) for (q = 1; q <= m; q++) gsub("/records/" id[q] "/", "/records/tool-" (q - 1) "/", t)
          print t > f
        }
        close(f)
      }
    }' "${sources[@]}"
}

# make_hugo_site N: the same records as a Hugo site in $work/hugo-N: each record
# is a page whose front matter holds the record under `record:`; one template
# walks every field, Markdown fields (the schema table's kMarkdown rows) through
# markdownify.
make_hugo_site() {
  local n="$1" src="$work/site-$1" dir="$work/hugo-$1"
  mkdir -p "$dir/content/records" "$dir/layouts/_default" "$dir/layouts/partials"
  cat >"$dir/config.yaml" <<'YAML'
baseURL: https://ai.example.gov.uk/
languageCode: en-gb
title: Bench
disableKinds: [taxonomy, term, RSS, sitemap, robotsTXT, 404]
YAML
  local md_keys
  md_keys="$(grep -o '"[a-z_.]*\(\[\]\)\?[a-z_.]*", T::kMarkdown' src/load/schema.cc | sed 's/^"\(.*[.]\)\?\([a-z_]*\)",.*/"\2"/' |
    sort -u | tr '\n' ' ')"
  cat >"$dir/layouts/_default/single.html" <<HTML
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Params.record.summary.name }}</title></head>
<body><main><h1>{{ .Params.record.summary.name }}</h1>
{{ partial "value.html" (dict "v" .Params.record "k" "" "md" (slice $md_keys)) }}
</main></body></html>
HTML
  cat >"$dir/layouts/partials/value.html" <<'HTML'
{{- $v := .v -}}{{- $md := .md -}}
{{- if reflect.IsMap $v -}}<dl>{{ range $k, $x := $v }}<dt>{{ $k }}</dt><dd>{{ partial "value.html" (dict "v" $x "k" $k "md" $md) }}</dd>{{ end }}</dl>
{{- else if reflect.IsSlice $v -}}<ul>{{ range $v }}<li>{{ partial "value.html" (dict "v" . "k" $.k "md" $md) }}</li>{{ end }}</ul>
{{- else if in $md .k -}}{{ $v | markdownify }}
{{- else -}}{{ $v }}{{- end -}}
HTML
  cat >"$dir/layouts/_default/list.html" <<'HTML'
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Params.record.summary.name }}</a></li>{{ end }}</ul></main></body></html>
HTML
  # One awk for all N pages (a sed and a subshell per record took minutes).
  awk -v n="$n" -v src="$src/records" -v dir="$dir/content/records" 'BEGIN {
    for (i = 0; i < n; i++) {
      f = src "/tool-" i ".yaml"; o = dir "/tool-" i ".md"
      print "---" > o; print "record:" > o
      while ((getline t < f) > 0) print "  " t > o
      print "---" > o; close(f); close(o)
    }
  }'
}

# timed OUT_PREFIX COMMAND…: runs it under /usr/bin/time -v; sets wall, cpu, rss_mib.
timed() {
  local log="$work/time.log"
  /usr/bin/time -v -o "$log" "$@" >"$work/cmd.out" 2>&1 || { echo "failed: $*" >&2; tail -20 "$work/cmd.out" >&2; exit 1; }
  wall="$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$log")"
  cpu="$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.2f", u + s }' "$log")"
  rss_mib="$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$log")"
}

# latency SITE N: milliseconds from writing one record's file to the edited page
# fetched after the live-reload message, as a browser reloads it (median of
# BENCH_EDITS edits, default 5; preview_latency.py).
edits="${BENCH_EDITS:-5}"
latency() {
  local site="$1" n="$2" out="$work/serve.out"
  "$lantern" serve "$site" --port 0 --db "$work/feedback-$n.db" >"$out" 2>"$work/serve.err" &
  serve_pid=$!
  local port=""
  for _ in $(seq 6000); do
    port="$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$out" 2>/dev/null | head -1)"
    [ -n "$port" ] && curl -sf "http://127.0.0.1:$port/records/tool-1/" >/dev/null 2>&1 && break
    sleep 0.1
  done
  local samples
  samples="$(python3 "$repo/tests/bench/preview_latency.py" "$site" "$port" "$edits")"
  kill "$serve_pid" 2>/dev/null || true
  wait "$serve_pid" 2>/dev/null || true
  serve_pid=""
  sed -n 's/^median //p' <<<"$samples"
}

echo "lantern: $lantern"
[ "$hugo_on" -eq 1 ] && echo "hugo: $(hugo version | cut -d' ' -f1-2)"
echo "work folder: $work ($(df -T "$work" | awk 'NR==2 {print $2}')), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf "%-8s %-8s %8s %8s %9s   %8s %8s %9s   %-28s\n" records tool "wall s" "CPU s" "peak MiB" \
  "" "" "" ""
for n in "${sizes[@]}"; do
  make_site "$n"
  site="$work/site-$n"
  rm -rf "$work/out"
  timed "$lantern" build "$site" -o "$work/out"
  l_wall="$wall" l_cpu="$cpu" l_rss="$rss_mib"
  printf "%-8d %-8s %8.2f %8.2f %9d\n" "$n" lantern "$l_wall" "$l_cpu" "$l_rss"
  rm -rf "$work/out"
  if [ "$hugo_on" -eq 1 ]; then
    make_hugo_site "$n"
    timed hugo --quiet -s "$work/hugo-$n" -d "$work/hugo-out"
    printf "%-8d %-8s %8.2f %8.2f %9d\n" "$n" hugo "$wall" "$cpu" "$rss_mib"
    awk -v a="$l_wall" -v b="$wall" -v c="$l_cpu" -v d="$cpu" -v e="$l_rss" -v f="$rss_mib" -v n="$n" 'BEGIN {
      printf "%-8d %-8s %8.3f %8.3f %9.3f   (lantern / hugo)\n", n, "ratio", a / b, c / (d > 0 ? d : 0.01), e / f }'
    [ -n "${BENCH_KEEP:-}" ] || rm -rf "$work/hugo-$n" "$work/hugo-out"
  fi
  if [ "$serve_on" -eq 1 ] && [ "$n" -le 20000 ]; then
    printf "%-8d %-8s edit-to-preview %d ms (median of %d edits)\n" "$n" serve "$(latency "$site" "$n")" "$edits"
  fi
  [ -n "${BENCH_KEEP:-}" ] || rm -rf "$site"
done
