#!/usr/bin/env bash
# One-time (idempotent) machine set-up, called by scripts/main.sh and scripts/test.sh.
#  1. the .NET 10 SDK must be on PATH;
#  2. TorchSharp-cpu 0.107.0's native layer (libtorch 2.10) needs libstdc++ with GLIBCXX_3.4.32 (GCC 13+).
#     Debian 12 ships GCC 12's: as root on Debian we install trixie's libstdc++6 (pinned low, so nothing
#     else moves to trixie); otherwise we stop and print the exact commands;
#  3. restore and build the solution (Release).
# Quiet when everything is already in place.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

say() { printf '\033[1;34m[setup]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[setup] %s\033[0m\n' "$*" >&2; exit 1; }

if ! command -v dotnet >/dev/null 2>&1; then
  die "dotnet not found. Install the .NET 10 SDK (https://dot.net) and re-run."
fi

libstdcxx_ok() {
  local lib
  for lib in /usr/lib/x86_64-linux-gnu/libstdc++.so.6 /usr/lib/aarch64-linux-gnu/libstdc++.so.6 /usr/lib64/libstdc++.so.6 /usr/lib/libstdc++.so.6; do
    [ -e "$lib" ] && grep -aq GLIBCXX_3.4.32 "$lib" && return 0
  done
  return 1
}

fix_commands='echo "deb http://deb.debian.org/debian trixie main" > /etc/apt/sources.list.d/trixie.list
printf "Package: *\nPin: release n=trixie\nPin-Priority: 100\n" > /etc/apt/preferences.d/trixie-pin
apt-get update && apt-get install -y -t trixie libstdc++6'

if [ "$(uname -s)" = Linux ] && ! libstdcxx_ok; then
  if [ "$(id -u)" = 0 ] && [ -f /etc/debian_version ] && command -v apt-get >/dev/null; then
    say "libstdc++ lacks GLIBCXX_3.4.32 (TorchSharp needs GCC 13+'s); installing trixie's libstdc++6 (pinned at priority 100)..."
    echo "deb http://deb.debian.org/debian trixie main" > /etc/apt/sources.list.d/trixie.list
    printf 'Package: *\nPin: release n=trixie\nPin-Priority: 100\n' > /etc/apt/preferences.d/trixie-pin
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq -t trixie libstdc++6 >/dev/null
    libstdcxx_ok || die "libstdc++6 from trixie installed but GLIBCXX_3.4.32 still missing; check /etc/apt/preferences.d/trixie-pin"
    say "libstdc++ upgraded."
  else
    die "TorchSharp needs libstdc++ with GLIBCXX_3.4.32 (GCC 13+). On Debian 12, run as root:
$fix_commands
(elsewhere: install GCC 13+'s libstdc++, or put a newer libstdc++.so.6 on LD_LIBRARY_PATH)"
  fi
fi

config="${CONFIGURATION:-Release}"
stamp="lib/QuickDraw/bin/$config/.setup-stamp"
# Rebuild only when a source or project file is newer than the last successful build.
if [ ! -f "$stamp" ] || [ -n "$(find lib tests Directory.Build.props Directory.Packages.props global.json -newer "$stamp" \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.json' \) -not -path '*/bin/*' -not -path '*/obj/*' -print -quit)" ]; then
  say "restoring and building ($config)..."
  dotnet build QuickDraw.sln -c "$config" -nologo -v q -clp:ErrorsOnly >&2 || die "build failed (see above)"
  mkdir -p "$(dirname "$stamp")" && touch "$stamp"
fi

# --- chromium ---
# The game's browser tests (tests/QuickDraw.Tests/Play/BrowserTests.cs) drive Debian's chromium through Playwright
# (ExecutablePath: no browser download). Installed here when missing and we are root on Debian.
if ! command -v chromium >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  say "installing Debian's chromium (for the browser tests)..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq chromium >/dev/null 2>&1 || { apt-get update -qq >/dev/null; apt-get install -y -qq chromium >/dev/null; }
  command -v chromium >/dev/null || die "apt-get install chromium did not put chromium on PATH"
fi
