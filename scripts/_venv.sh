# Shared set-up for scripts/demo, scripts/test and scripts/bench: create .venv if missing and
# install the project into it (with the extras named in $PG_EXTRAS, if any). Sourced, not executed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PY="${PYTHON:-python3}"
if [ ! -x "$ROOT/.venv/bin/python" ]; then
    "$PY" -m venv "$ROOT/.venv"
fi
VPY="$ROOT/.venv/bin/python"
EXTRAS="${PG_EXTRAS:-}"
STAMP="$ROOT/.venv/.policygraph-installed${EXTRAS:+-$EXTRAS}"
# Reinstall only when the project's metadata changed since the last install.
if [ ! -f "$STAMP" ] || [ "$ROOT/pyproject.toml" -nt "$STAMP" ]; then
    "$VPY" -m pip install --quiet --disable-pip-version-check --upgrade pip >/dev/null
    if [ -n "$EXTRAS" ]; then
        "$VPY" -m pip install --quiet --disable-pip-version-check -e "$ROOT[$EXTRAS]"
    else
        "$VPY" -m pip install --quiet --disable-pip-version-check -e "$ROOT"
    fi
    touch "$STAMP"
fi
