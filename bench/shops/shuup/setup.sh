#!/usr/bin/env bash
# Build and start a local Shuup 3.1 shop on 127.0.0.1:8010, from scratch.
# Usage: bash bench/shops/shuup/setup.sh [--no-start]   (SHUUP_DIR: where it is built,
# default /tmp/shuup-shop; SHUUP_VENV: its venv, default /tmp/shuup-venv; SHUUP_PORT: 8010)
# Needs: python3.8 (pyenv's /root/.pyenv/versions/3.8.*: Shuup 3.1 pins Django 2.2 and
# Babel 2.5.3, which fail on 3.10+; its django-enumfields 2.0 fails on 3.9) and PyPI.
# Files used: settings.py, urls.py, populate.py (beside this script).
# Then: auditor run http://127.0.0.1:8010/ --out /tmp/shuup-audit --max-duration 12m
set -euo pipefail
SRC="$(cd "$(dirname "$0")" && pwd)"
HERE="${SHUUP_DIR:-/tmp/shuup-shop}"
VENV="${SHUUP_VENV:-/tmp/shuup-venv}"
PORT="${SHUUP_PORT:-8010}"
PY="${SHUUP_PYTHON:-$(ls -d /root/.pyenv/versions/3.8.*/bin/python3 2>/dev/null | tail -1)}"
PY="${PY:-python3.8}"

# 1. venv + packages (Shuup's metadata has a malformed specifier "toml<1pytz>=..."
#    that pip >= 24.1 rejects; Jinja2 2.8 needs markupsafe's soft_unicode, gone in 2.1)
[ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV"
"$VENV/bin/pip" install -q "pip<24.1"
"$VENV/bin/pip" install -q "shuup==3.1.0" "markupsafe<2.1"

# 2. project: the workbench's settings (shopsite/settings.py), files under base/
rm -rf "$HERE"
mkdir -p "$HERE/shopsite" "$HERE/base/var"
cp "$SRC/settings.py" "$SRC/urls.py" "$HERE/shopsite/"
touch "$HERE/shopsite/__init__.py"
cd "$HERE"
export SHUUP_WORKBENCH_BASE_DIR="$HERE/base" DJANGO_SETTINGS_MODULE=shopsite.settings PYTHONPATH="$HERE"
ADMIN="$VENV/bin/django-admin"

# 3. database (sqlite in $HERE/.sqlite; migrating takes minutes), the default shop,
#    static files, catalogue (seeded: 5+1 categories, 30 mock + 10 sample products)
"$ADMIN" migrate -v0
"$ADMIN" shuup_init
"$ADMIN" collectstatic --noinput -v0
"$VENV/bin/python" "$SRC/populate.py" 2>/dev/null

# 4. start (DEBUG=False; static files by --insecure, media by django.views.static)
if [ "${1:-}" != "--no-start" ]; then
  nohup "$ADMIN" runserver "127.0.0.1:$PORT" --insecure --noreload > "$HERE/server.log" 2>&1 &
  echo $! > "$HERE/server.pid"
  for _ in $(seq 90); do
    curl -s -o /dev/null --max-time 5 "http://127.0.0.1:$PORT/" && break
    sleep 1
  done
  curl -s -o /dev/null -w "home: %{http_code}\n" "http://127.0.0.1:$PORT/"
  echo "server pid $(cat "$HERE/server.pid"); stop with: kill \$(cat $HERE/server.pid)"
fi
