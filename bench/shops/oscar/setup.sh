#!/usr/bin/env bash
# Build and start a local django-oscar 3.2 shop on 127.0.0.1:8000, from scratch.
# Usage: bash bench/shops/oscar/setup.sh [--no-start]   (OSCAR_DIR: where it is built,
# default /tmp/oscar-shop; the shop's files stay out of the repository)
# Needs: python3.11 and PyPI.  Files used: settings.py, urls.py, populate.py (beside this script).
# Then: auditor run http://127.0.0.1:8000/ --out /tmp/oscar-audit --max-duration 15m
set -euo pipefail
SRC="$(cd "$(dirname "$0")" && pwd)"
HERE="${OSCAR_DIR:-/tmp/oscar-shop}"
mkdir -p "$HERE"
cd "$HERE"
PY=python3.11

# 1. venv + packages (Oscar 3.2 pins Django<5; whoosh because haystack's simple
#    backend returns 0 products for Oscar's catalogue/category browse pages)
[ -x venv/bin/python ] || $PY -m venv venv
venv/bin/pip install -q "django-oscar==3.2.*" "Django==4.2.*" sorl-thumbnail whitenoise pycountry whoosh

# 2. project
rm -rf shop
mkdir shop
( cd shop && ../venv/bin/django-admin startproject frobshop . )
cp "$SRC/settings.py" shop/frobshop/settings.py
cp "$SRC/urls.py" shop/frobshop/urls.py
mkdir -p shop/media
cp venv/lib/python3.11/site-packages/oscar/static/oscar/img/image_not_found.jpg shop/media/

# 3. database, countries, static files, catalogue (46 products, 3 top + 6 leaf categories), search index
cd shop
../venv/bin/python manage.py migrate -v0
../venv/bin/python manage.py oscar_populate_countries
../venv/bin/python manage.py collectstatic --noinput -v0
../venv/bin/python "$SRC/populate.py"
../venv/bin/python manage.py rebuild_index --noinput

# 4. start (DEBUG=False; static files by whitenoise / --insecure, media by django.views.static)
if [ "${1:-}" != "--no-start" ]; then
  nohup ../venv/bin/python manage.py runserver 127.0.0.1:8000 --insecure --noreload > "$HERE/server.log" 2>&1 &
  echo $! > "$HERE/server.pid"
  # wait until it answers (a loaded machine takes its time to import Django)
  for _ in $(seq 60); do
    curl -s -o /dev/null --max-time 5 http://127.0.0.1:8000/catalogue/ && break
    sleep 1
  done
  curl -s -o /dev/null -w "catalogue: %{http_code}\n" http://127.0.0.1:8000/catalogue/
  echo "server pid $(cat "$HERE/server.pid"); stop with: kill \$(cat $HERE/server.pid)"
fi
