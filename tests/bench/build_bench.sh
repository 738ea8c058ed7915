#!/usr/bin/env bash
# Build speed and memory of `lantern build` on generated sites of growing size.
# Not a test: it prints figures to compare within one run (machines are noisy).
# Usage: tests/bench/build_bench.sh [build/lantern] [sizes…]   (default sizes: 200 2000 20000)
set -euo pipefail
cd "$(dirname "$0")/../.."
lantern="$(realpath "${1:-build/lantern}")"
shift || true
sizes=("${@:-200 2000 20000}")
[ "$#" -eq 0 ] && sizes=(200 2000 20000)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# A site of N records made from the example site's records, each copy with its
# own id (the file name) and name.
make_site() {
  local n="$1" dir="$work/site-$1"
  mkdir -p "$dir/records"
  cp content/site.yaml "$dir/"
  cp -r content/pages "$dir/"
  local sources=(content/records/*.yaml) i=0
  while [ "$i" -lt "$n" ]; do
    local src="${sources[$((i % ${#sources[@]}))]}"
    sed -e "s/^  name: \(.*\)$/  name: \1 $i/" -e '/^id:/d' -e 's/^status: draft/status: published/' \
      "$src" > "$dir/records/tool-$i.yaml"
    i=$((i + 1))
  done
  echo "$dir"
}

printf "%-8s %-7s %-9s %-10s %-11s %-9s\n" records pages "median s" "pages/s" "ms/page" "max RSS"
for n in "${sizes[@]}"; do
  site="$(make_site "$n")"
  times=()
  rss=0
  for run in 1 2 3; do
    rm -rf "$work/out"
    /usr/bin/time -f '%e %M' -o "$work/time" "$lantern" build "$site" -o "$work/out" >/dev/null 2>"$work/log"
    stats="$(tail -1 "$work/time")"
    times+=("${stats% *}")
    r="${stats#* }"; [ "$r" -gt "$rss" ] && rss="$r"
  done
  median="$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)"
  pages="$(find "$work/out" -name '*.html' | wc -l)"
  awk -v n="$n" -v p="$pages" -v t="$median" -v m="$rss" 'BEGIN {
    printf "%-8d %-7d %-9.2f %-10.0f %-11.3f %d MiB\n", n, p, t, p / (t > 0 ? t : 0.001), 1000 * t / p, m / 1024 }'
  rm -rf "$site"
done
