#!/usr/bin/env bash
# bench.sh measures apivet against its floor — loading and type-checking
# the same packages — on generated services and on any module given.
#
#   bench/bench.sh                 # generated services of 100, 1000 and 10000 handlers
#   bench/bench.sh -n "100 20000"  # other sizes
#   bench/bench.sh /path/to/module # a real module (run `go build ./...` there first)
#
# For each module it reports wall time, CPU time (user+sys) and peak RSS of:
#   floor        apivet -checks=-all ./...  (load + type-check, no analysis)
#   all          apivet ./...               (every check)
#   <check>      apivet -checks=<check>     (each check alone)
#   vet-cold     go vet -vettool=apivet, first run (compiled deps cached, no vet results)
#   vet-warm     the same again (vet results cached)
#   gosec        gosec ./... when gosec is on PATH
# and the ratio of each to the floor. Needs GNU time (/usr/bin/time).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
sizes="100 1000 10000"
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    -n) sizes="$2"; shift 2 ;;
    *) targets+=("$(cd "$1" && pwd)"); shift ;;
  esac
done
[ -x /usr/bin/time ] || { echo "bench.sh needs GNU time: apt-get install -y time" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bin="$work/apivet"
(cd "$repo" && go build -o "$bin" ./cmd/apivet)
checks=$("$bin" -list | awk '{print $1}')

if [ ${#targets[@]} -eq 0 ]; then
  for n in $sizes; do
    dir="$work/svc$n"
    (cd "$repo" && go run ./bench/gen -n "$n" -o "$dir" >&2)
    (cd "$dir" && go mod tidy >/dev/null 2>&1 && go build ./... )
    targets+=("$dir")
  done
fi

# measure NAME CMD... — runs CMD in $dir, prints a row; ratios against $floor_*.
measure() {
  local name=$1; shift
  local out="$work/time.txt"
  (cd "$dir" && /usr/bin/time -f "%e %U %S %M" -o "$out" "$@" >/dev/null 2>"$work/stderr.txt") || true
  read -r wall user sys rss < <(tail -n 1 "$out")
  local cpu
  cpu=$(echo "$user + $sys" | bc)
  if [ "$name" = floor ]; then floor_wall=$wall; floor_cpu=$cpu; floor_rss=$rss; fi
  printf "%-16s %8.2f %8.2f %9.0f %7.2fx %7.2fx %7.2fx\n" "$name" "$wall" "$cpu" "$((rss/1024))" \
    "$(echo "$wall / $floor_wall" | bc -l)" "$(echo "$cpu / $floor_cpu" | bc -l)" "$(echo "$rss / $floor_rss" | bc -l)"
}

for dir in "${targets[@]}"; do
  lines=$(find "$dir" -name '*.go' -not -path '*/vendor/*' | xargs cat | wc -l)
  pkgs=$(cd "$dir" && go list ./... | wc -l)
  echo
  echo "== $dir: $pkgs packages, $lines lines of Go"
  printf "%-16s %8s %8s %9s %8s %8s %8s\n" run wall_s cpu_s rss_MB wall/fl cpu/fl rss/fl
  measure floor "$bin" -checks=-all ./...   # warms the go list/export caches too
  measure floor "$bin" -checks=-all ./...
  measure all "$bin" ./...
  for c in $checks; do measure "$c" "$bin" -checks="$c" ./...; done
  export GOCACHE="$work/gocache-$(basename "$dir")"
  (cd "$dir" && go build ./... )
  measure vet-cold go vet -vettool="$bin" ./...
  measure vet-warm go vet -vettool="$bin" ./...
  unset GOCACHE
  if command -v gosec >/dev/null 2>&1; then
    measure gosec gosec -quiet -fmt=text ./...
  fi
done
