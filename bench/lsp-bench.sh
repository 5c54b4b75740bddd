#!/usr/bin/env bash
# lsp-bench.sh measures `apivet lsp`'s save → diagnostics latency: an LSP
# client (bench/lspbench) starts the server, opens a file (cold: the first
# analysis), edits and saves it a few times (warm) and waits each time for
# the file's publishDiagnostics. The figures include the server's 100 ms
# debounce after a save.
#
#   bench/lsp-bench.sh                                # generated 10k-handler service, api/chi3/handlers.go
#   bench/lsp-bench.sh -gen 1000                      # another size
#   bench/lsp-bench.sh MODULE FILE                    # a real module (go build ./... there first)
#   bench/lsp-bench.sh -before OLD_APIVET [...]       # also an older build, runs interleaved: new old new old …
#   bench/lsp-bench.sh -runs 7 -saves 5 [...]         # more runs (default 5) or saves per run (default 5)
#
# The module is copied to a scratch directory (the client edits the file).
# It prints the medians (cold; warm = median over runs of each run's median
# save), the median of the pairwise ratios new/old when -before is given,
# and whether the file's last diagnostics (errors and warnings) are the
# findings `apivet ./...` reports for it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
runs=5 saves=5 before="" gen=10000 module="" file=""
while [ $# -gt 0 ]; do
  case "$1" in
    -runs) runs=$2; shift 2 ;;
    -saves) saves=$2; shift 2 ;;
    -before) before=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift 2 ;;
    -gen) gen=$2; shift 2 ;;
    *) module=$(cd "$1" && pwd); file=$2; shift 2 ;;
  esac
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$repo" && go build -o "$work/apivet" ./cmd/apivet && go build -o "$work/lspbench" ./bench/lspbench)
if [ -z "$module" ]; then
  (cd "$repo" && go run ./bench/gen -n "$gen" -o "$work/src" >/dev/null)
  (cd "$work/src" && go mod tidy >/dev/null 2>&1 && go build ./...)
  file=api/chi3/handlers.go
else
  cp -r "$module" "$work/src"
fi
mod="$work/src"
target="$mod/$file"
echo "$(cd "$mod" && go list ./... | wc -l) packages, $(find "$mod" -name '*.go' -not -path '*/vendor/*' | xargs cat | wc -l) lines; file $file"

for i in $(seq "$runs"); do
  "$work/lspbench" -server "$work/apivet" -file "$target" -n "$saves" -diags "$work/diags.txt" >>"$work/new.jsonl"
  if [ -n "$before" ]; then
    "$work/lspbench" -server "$before" -file "$target" -n "$saves" >>"$work/before.jsonl"
  fi
done
"$work/lspbench" -summary "$work/new.jsonl" ${before:+-vs "$work/before.jsonl"}

# The command line's findings for the file, as "line:col: check: message".
(cd "$mod" && "$work/apivet" ./... 2>/dev/null || true) | grep "^$file:" | sed "s|^$file:||" | LC_ALL=C sort >"$work/cli.txt"
if diff "$work/cli.txt" "$work/diags.txt" >"$work/diff.txt"; then
  echo "the editor's diagnostics for $file are apivet ./...'s ($(grep -c . "$work/cli.txt") findings)"
else
  echo "the editor's diagnostics for $file differ from apivet ./...'s:"; cat "$work/diff.txt"
fi
