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
    echo "Installing policygraph${EXTRAS:+ [$EXTRAS]} into $ROOT/.venv …" >&2
    LOG="$ROOT/.venv/install.log"
    TARGET="$ROOT"
    [ -n "$EXTRAS" ] && TARGET="$ROOT[$EXTRAS]"
    # pip's own chatter goes to a log; it is shown only if the install fails.
    if ! { "$VPY" -m pip install --disable-pip-version-check --upgrade pip \
           && "$VPY" -m pip install --disable-pip-version-check -e "$TARGET"; } >"$LOG" 2>&1; then
        cat "$LOG" >&2
        echo "install failed (log: $LOG)" >&2
        exit 1
    fi
    touch "$STAMP"
fi
