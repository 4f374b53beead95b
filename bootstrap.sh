#!/usr/bin/env bash
# Set up everything a fresh machine lacks, then run the demo audit or the tests.
#
#   ./bootstrap.sh demo [auditor demo options]   audit the bundled demo shop
#   ./bootstrap.sh test [pytest options]         lint and run the test suite
#
# It creates a virtual environment (.venv, or $AUDITOR_VENV), installs the package
# with its test extras, and installs Debian's/Ubuntu's chromium where no Chromium is
# found (AUDITOR_CHROMIUM, Playwright's own, chromium, chromium-browser, google-chrome).
set -euo pipefail
cd "$(dirname "$0")"
mode="${1:-}"
[ $# -gt 0 ] && shift
case "$mode" in demo|test) ;; *) echo "usage: ./bootstrap.sh demo|test [options]" >&2; exit 2 ;; esac

say() { echo "[bootstrap] $*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }
apt_install() {
  command -v apt-get >/dev/null || return 1
  say "installing $* with apt-get"
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

python=""
for candidate in python3.13 python3.12 python3.11 python3; do
  if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    python="$candidate"; break
  fi
done
[ -n "$python" ] || { say "Python 3.11 or newer is needed"; exit 2; }

venv="${AUDITOR_VENV:-.venv}"
if [ ! -x "$venv/bin/python" ]; then
  say "creating $venv with $python"
  if ! "$python" -m venv "$venv" 2>/dev/null; then
    rm -rf "$venv"
    apt_install python3-venv || { say "cannot create a virtual environment (install python3-venv)"; exit 2; }
    "$python" -m venv "$venv"
  fi
fi
stamp="$venv/.installed-$(cksum pyproject.toml | cut -d' ' -f1)"
if [ ! -f "$stamp" ]; then
  say "installing the auditor and its test dependencies"
  "$venv/bin/python" -m pip install -q --upgrade pip >/dev/null 2>&1 || true
  "$venv/bin/python" -m pip install -q -e ".[test]"
  touch "$stamp"
fi

if ! "$venv/bin/auditor" browser >/dev/null 2>&1; then
  apt_install chromium || apt_install chromium-browser || true
  if ! "$venv/bin/auditor" browser >/dev/null; then
    exit 2
  fi
fi
say "using Chromium at $("$venv/bin/auditor" browser)"

if [ "$mode" = demo ]; then
  exec "$venv/bin/auditor" demo "$@"
fi
"$venv/bin/ruff" check .
"$venv/bin/ruff" format --check .
exec "$venv/bin/python" -m pytest "$@"
