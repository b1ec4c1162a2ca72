# Sourced by .ci/run: start a throwaway PostgreSQL on 127.0.0.1 for the realtime tests and
# export PJCONF_TEST_POSTGRES. Installs Debian's postgresql when initdb/pg_ctl are missing.
# Stopped by a trap on exit. Any failure here only means the PostgreSQL tests print SKIPPED.

pjconf_pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
    echo "$dir"
    return 0
  fi
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
    return 0
  fi
  return 1
}

pjconf_pg_start() {
  local bin
  if ! bin=$(pjconf_pg_bin); then
    echo "== postgres: installing Debian's postgresql"
    if [ "$(id -u)" = 0 ]; then
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) || true
    else
      (sudo -n apt-get update -qq && sudo -n DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) || true
    fi
    bin=$(pjconf_pg_bin) || { echo "== postgres: not available, PostgreSQL tests will be SKIPPED"; return 0; }
  fi
  local user port dir
  user=$(id -un)
  if [ "$(id -u)" = 0 ]; then
    # PostgreSQL refuses to run as root.
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres 2>/dev/null || true
    user=postgres
  fi
  dir=$(mktemp -d /tmp/pjconf-pg.XXXXXX)
  chmod 755 "$dir"
  port=$(( 20000 + RANDOM % 20000 ))
  local as=()
  if [ "$(id -u)" = 0 ]; then
    chown "$user" "$dir"
    as=(su "$user" -s /bin/sh -c)
  else
    as=(sh -c)
  fi
  if ! "${as[@]}" "'$bin/initdb' -D '$dir/data' -U pjconf --auth=trust -E UTF8 >'$dir/initdb.log' 2>&1"; then
    echo "== postgres: initdb failed, PostgreSQL tests will be SKIPPED"; cat "$dir/initdb.log"; return 0
  fi
  local started=no try
  for try in 1 2 3 4 5; do
    if "${as[@]}" "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -o \"-c listen_addresses=127.0.0.1 -p $port -k '$dir' -c fsync=off\" start >/dev/null"; then
      started=yes
      break
    fi
    port=$(( 20000 + RANDOM % 20000 )) # probably in use: another port
  done
  if [ "$started" != yes ]; then
    echo "== postgres: start failed, PostgreSQL tests will be SKIPPED"; cat "$dir/server.log"; return 0
  fi
  if [ -x "$bin/createdb" ]; then
    "${as[@]}" "'$bin/createdb' -h 127.0.0.1 -p $port -U pjconf pjconf_test" || true
  else
    "${as[@]}" "'$bin/psql' -h 127.0.0.1 -p $port -U pjconf -d postgres -c 'CREATE DATABASE pjconf_test'" >/dev/null || true
  fi
  PJCONF_PG_DIR=$dir
  PJCONF_PG_BIN=$bin
  PJCONF_PG_AS=$user
  export PJCONF_TEST_POSTGRES="postgres://pjconf@127.0.0.1:$port/pjconf_test"
  echo "== postgres: $PJCONF_TEST_POSTGRES"
  trap pjconf_pg_stop EXIT
}

pjconf_pg_stop() {
  if [ -n "${PJCONF_PG_DIR:-}" ]; then
    if [ "$(id -u)" = 0 ]; then
      su "$PJCONF_PG_AS" -s /bin/sh -c "'$PJCONF_PG_BIN/pg_ctl' -D '$PJCONF_PG_DIR/data' -m immediate stop" >/dev/null 2>&1 || true
    else
      "$PJCONF_PG_BIN/pg_ctl" -D "$PJCONF_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$PJCONF_PG_DIR"
    PJCONF_PG_DIR=
  fi
}

pjconf_pg_start
