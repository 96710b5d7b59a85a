# Sourced by the drill scripts: an external PostgreSQL for a drill, from the Debian PostgreSQL 15
# binaries, in a directory of the drill's, on a free port of 127.0.0.1, with a password (SCRAM).
# PostgreSQL refuses to run as root: as root the server runs as the user postgres.
#
#   external_pg_start DIR    sets PG_DATA, PG_PORT, PG_URL, PG_USER, PG_PASSWORD, PG_CTL (a command line)
#   external_pg_stop         pg_ctl stop -m fast (also from the caller's EXIT trap)

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
}

external_pg_start() {
  local dir=$1
  PG_DATA=$dir/ext-pg
  PG_PORT=$(free_port)
  PG_USER=debrief
  PG_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  PG_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/debrief"
  PG_CTL="$PG_BIN/pg_ctl"
  local as=()
  if [ "$(id -u)" = 0 ]; then
    as=(runuser -u postgres --)
    PG_CTL="runuser -u postgres -- $PG_BIN/pg_ctl"
    chown postgres "$dir"
  fi
  printf '%s\n' "$PG_PASSWORD" > "$dir/pg-password"
  [ "$(id -u)" = 0 ] && chown postgres "$dir/pg-password"
  "${as[@]}" "$PG_BIN/initdb" -D "$PG_DATA" -U "$PG_USER" --pwfile="$dir/pg-password" -A scram-sha-256 -E UTF8 \
    --locale=C.UTF-8 > "$dir/initdb.log" 2>&1
  rm -f "$dir/pg-password"
  cat >> "$PG_DATA/postgresql.conf" <<EOF
port = $PG_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
max_connections = 100
EOF
  "${as[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$dir/ext-pg.log" -w start > /dev/null
  "${as[@]}" env PGPASSWORD="$PG_PASSWORD" "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" debrief
  echo "external PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT, data in $PG_DATA"
}

external_pg_stop() {
  if [ -n "${PG_DATA:-}" ] && [ -f "$PG_DATA/postmaster.pid" ]; then
    $PG_CTL -D "$PG_DATA" -m fast -w stop > /dev/null || true
  fi
}
