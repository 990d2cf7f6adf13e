#!/usr/bin/env bash
# The main job: set-up (see setup.sh), then data → ink → shards → training → evaluation → summary.
# Options go to scripts/main.cs (bash scripts/main.sh --help).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
exec dotnet run scripts/main.cs -- "$@"
