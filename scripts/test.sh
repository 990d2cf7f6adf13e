#!/usr/bin/env bash
# The test command: set-up (see setup.sh), then every test in tests/. Extra args go to `dotnet test`
# (e.g. --filter "FullyQualifiedName~TfRecord").
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
bash scripts/setup.sh
log="$(mktemp)"
set +e
dotnet test QuickDraw.sln -c Release --no-build -nologo "$@" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
set -e
# One plain closing line: "tests: N passed, N failed, N skipped".
line=$(grep -E 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log" | tail -1 || true)
if [ -n "$line" ]; then
  f=$(sed -E 's/.*Failed: +([0-9]+).*/\1/' <<<"$line"); p=$(sed -E 's/.*Passed: +([0-9]+).*/\1/' <<<"$line"); s=$(sed -E 's/.*Skipped: +([0-9]+).*/\1/' <<<"$line")
  echo "tests: $p passed, $f failed, $s skipped"
fi
rm -f "$log"
exit "$rc"
