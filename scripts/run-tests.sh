#!/usr/bin/env bash
# Run the whole test suite twice: on SQLite, then on a real PostgreSQL server.
# PostgreSQL: $DATABASE_URL when set; otherwise a throw-away server started
# here from Debian's postgresql binaries (and stopped at the end).
set -eu
cd "$(dirname "$0")/.."
BIN=${VENV:-.venv}/bin
PYTEST=("$BIN/python" -m pytest ${PYTEST_ARGS:-})
status=0

echo "== test suite on SQLite"
env -u DATABASE_URL "${PYTEST[@]}" || status=$?

echo "== test suite on PostgreSQL"
if [ -z "${DATABASE_URL:-}" ]; then
  eval "$(scripts/pg-temp-server.sh start)"
  trap 'scripts/pg-temp-server.sh stop "$PGTEMP_DIR"' EXIT
fi
export SORAQ_REQUIRE_POSTGRES=1
# The browser and Spark tests do not depend on the database: they ran above.
"${PYTEST[@]}" -m "not browser and not spark" || status=$?
exit $status
