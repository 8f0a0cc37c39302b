#!/usr/bin/env bash
# Starts (up) or stops (down) a throw-away MediaWiki (Debian's 1.39, sqlite, PHP's built-in server)
# on 127.0.0.1:${CVH_TEST_MW_PORT:-8081} for the wiki connector tests. Every `up` installs a fresh
# wiki and a fresh bot password; the bot's credentials go to $MWROOT/bot.env.
set -euo pipefail
MWROOT="${CVH_TEST_MW_DIR:-/tmp/cvh-test-mw}"
PORT="${CVH_TEST_MW_PORT:-8081}"
MW=/usr/share/mediawiki
SITENAME=CvhTestWiki
ADMIN_PASSWORD='SomeLongPassw0rd!'   # only for this throw-away wiki; cvh logs in with the bot password

say() { echo "mediawiki.sh: $*" >&2; }

server_pgid() { [ -f "$MWROOT/server.pgid" ] && cat "$MWROOT/server.pgid" || true; }

stop_server() {
  local pgid
  pgid=$(server_pgid)
  [ -n "$pgid" ] || return 0
  if ! kill -0 -- "-$pgid" 2>/dev/null; then rm -f "$MWROOT/server.pgid"; return 0; fi
  # the whole group: PHP_CLI_SERVER_WORKERS would leave workers behind if only the master died
  kill -TERM -- "-$pgid" 2>/dev/null || true
  for _ in $(seq 1 50); do
    kill -0 -- "-$pgid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL -- "-$pgid" 2>/dev/null || true
  rm -f "$MWROOT/server.pgid"
  say "MediaWiki on 127.0.0.1:$PORT stopped"
}

install_packages_if_missing() {
  if [ -f "$MW/maintenance/install.php" ] && command -v php >/dev/null && php -m | grep -qi '^pdo_sqlite$'; then
    return 0
  fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends mediawiki php-sqlite3 php-cli
  else
    say "MediaWiki or PHP's sqlite driver not found (install the Debian packages mediawiki php-sqlite3 php-cli)"
    exit 1
  fi
}

case "${1:-up}" in
  up)
    install_packages_if_missing
    stop_server
    rm -rf "$MWROOT"
    mkdir -p "$MWROOT/db" "$MWROOT/conf"

    (cd "$MW" && php maintenance/install.php --dbtype sqlite --dbpath "$MWROOT/db" --dbname cvhtestwiki \
        --server "http://127.0.0.1:$PORT" --scriptpath "" --lang en --pass "$ADMIN_PASSWORD" \
        --confpath "$MWROOT/conf" "$SITENAME" Admin) >"$MWROOT/install.log" 2>&1 \
      || { say "install.php failed, see $MWROOT/install.log"; tail -n 20 "$MWROOT/install.log" >&2; exit 1; }
    # a failed login must never turn into an anonymous edit
    echo "\$wgGroupPermissions['*']['edit'] = false;" >>"$MWROOT/conf/LocalSettings.php"
    export MW_CONFIG_FILE="$MWROOT/conf/LocalSettings.php"

    # the script generates the password (a hand-chosen one must match [0-9a-w]{32,}) and prints it
    BOT_OUT=$(cd "$MW" && php maintenance/createBotPassword.php \
        --grants basic,editpage,createeditmovepage,highvolume --appid cvh Admin 2>&1) \
      || { say "createBotPassword.php failed: $BOT_OUT"; exit 1; }
    # it prints: Log in using username:'Admin@cvh' and password:'<32 or more of [0-9a-w]>'.
    BOT_PASSWORD=$(printf '%s\n' "$BOT_OUT" | sed -nE "s/.*password:'([0-9a-z]{32,})'.*/\\1/p" | tail -n 1)
    [ -n "$BOT_PASSWORD" ] || { say "no password in createBotPassword.php output: $BOT_OUT"; exit 1; }
    umask 077
    printf 'CVH_WIKI_USER=Admin@cvh\nCVH_WIKI_PASSWORD=%s\n' "$BOT_PASSWORD" >"$MWROOT/bot.env"
    umask 022

    # own session and process group (setsid), output to a file so the caller's pipes close
    setsid php -S "127.0.0.1:$PORT" -t "$MW" >"$MWROOT/server.log" 2>&1 </dev/null &
    SERVER_PID=$!
    # setsid made php the leader of its own group, so its pid is the group id `down` kills
    echo "$SERVER_PID" >"$MWROOT/server.pgid"
    if [ "$(ps -o pgid= -p "$SERVER_PID" | tr -d ' ' || true)" != "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
      say "php -S is not the leader of its own process group; stop it by hand (pid $SERVER_PID)"
      exit 1
    fi

    API="http://127.0.0.1:$PORT/api.php?action=query&meta=siteinfo&format=json&formatversion=2"
    for _ in $(seq 1 150); do
      # our wiki answering, not some other server that already had the port
      if curl -fsS --max-time 2 "$API" 2>/dev/null | grep -q "\"sitename\":\"$SITENAME\""; then
        say "MediaWiki up on http://127.0.0.1:$PORT/api.php (files in $MWROOT, bot credentials in $MWROOT/bot.env)"
        exit 0
      fi
      kill -0 "$SERVER_PID" 2>/dev/null || { say "php -S exited, see $MWROOT/server.log"; cat "$MWROOT/server.log" >&2; exit 1; }
      sleep 0.2
    done
    say "MediaWiki did not answer on 127.0.0.1:$PORT within 30 s, see $MWROOT/server.log"
    stop_server
    exit 1
    ;;
  down)
    stop_server
    ;;
  *) echo "usage: $0 up|down" >&2; exit 2 ;;
esac
