#!/usr/bin/env bash
# Starts (up) or stops (down) a throw-away Request Tracker 5 (Debian packages, sqlite) for the tests
# that prove the RT connector on a real server. Its database is recreated on every `up`.
#
# After `up`: REST2 at http://127.0.0.1:$PORT/REST/2.0/, users root/password (the preseed) and
# cvh/$CVH_TEST_RT_CVH_PASSWORD (the connector's own account, with ticket rights only; its auth
# token in $RTROOT/cvh-token), the global ticket custom field "Site" and the queue "Vulnerability Handling".
set -euo pipefail
cd "$(dirname "$0")/.."
RTROOT="${CVH_TEST_RT_DIR:-/tmp/cvh-test-rt}"
PORT="${CVH_TEST_RT_PORT:-8080}"
ROOT_PASSWORD="password"                                   # from the preseed; test server only
CVH_PASSWORD="${CVH_TEST_RT_CVH_PASSWORD:-cvh-test-password}"
QUEUE="Vulnerability Handling"
RT_SERVER=/usr/share/request-tracker5/libexec/rt-server
SETUP_DB=/usr/sbin/rt-setup-database-5
SITE_CONFIG=/etc/request-tracker5/RT_SiteConfig.d/99-local.pm
BASE="http://127.0.0.1:$PORT/REST/2.0"

say() { echo "rt.sh: $*"; }
die() { echo "rt.sh: $*" >&2; exit 1; }

install_rt() {
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null \
    || die "Request Tracker 5 is not installed (Debian packages request-tracker5 rt5-db-sqlite rt5-standalone); run as root to install it"
  say "installing Request Tracker 5 from Debian packages (about 30 s)"
  cat > "$RTROOT/preseed" <<'P'
request-tracker5 request-tracker5/dbconfig-install boolean true
request-tracker5 request-tracker5/database-type select sqlite3
request-tracker5 request-tracker5/initial-root-password password password
request-tracker5 request-tracker5/rtname string rt.test
request-tracker5 request-tracker5/organization string example.org
request-tracker5 request-tracker5/webbaseurl string http://localhost:8080
request-tracker5 request-tracker5/correspondaddress string rt@example.org
request-tracker5 request-tracker5/commentaddress string rt-comment@example.org
request-tracker5 request-tracker5/install-cronjobs boolean false
request-tracker5 request-tracker5/handle-siteconfig-permissions boolean true
P
  debconf-set-selections "$RTROOT/preseed"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    request-tracker5 rt5-db-sqlite rt5-standalone rt5-clients curl
}

write_site_config() {
  local wanted
  wanted=$(cat <<'PM'
# written by cvh .ci/rt.sh for tests
Set($WebPath, "");                 # rt-server serves at "/"; debconf forces "/rt" otherwise
Set($WebBaseURL, $ENV{RT_WEB_BASE_URL} || "http://localhost:8080");
Set($MailCommand, "mbox");         # RT writes its mail to /var/lib/request-tracker5/*.mbox, sends nothing
Set($DatabaseName, $ENV{RT_DB_FILE}) if $ENV{RT_DB_FILE};  # fresh sqlite DB per test run
1;
PM
)
  if [ "$(cat "$SITE_CONFIG" 2>/dev/null || true)" != "$wanted" ]; then
    [ -w "$(dirname "$SITE_CONFIG")" ] || die "cannot write $SITE_CONFIG (run once as root)"
    printf '%s\n' "$wanted" > "$SITE_CONFIG"
  fi
}

# The pid of rt-server's master: `$!` is not always it (LOCAL-SERVERS.md), and its pre-forked
# workers listen on the same socket, so take the listener whose parent is not a listener.
listener_pid() {
  local pids pid
  pids=$(ss -Hltnp "sport = :$PORT" 2>/dev/null | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u || true)
  for pid in $pids; do
    if ! grep -qx "$(ps -o ppid= -p "$pid" | tr -d ' ')" <<<"$pids"; then echo "$pid"; return; fi
  done
}

rest() { # method path [json]: prints the body, fails on an HTTP error
  local method=$1 path=$2 data=${3:-}
  curl -sS --fail-with-body -u "root:$ROOT_PASSWORD" -X "$method" -H 'Content-Type: application/json' \
    ${data:+--data "$data"} "$BASE$path"
}

stop_server() {
  local pid
  pid=$(cat "$RTROOT/rt-server.pid" 2>/dev/null || true)
  [ -n "$pid" ] || return 0
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do [ -n "$(listener_pid)" ] || break; sleep 0.1; done  # workers follow the master
    say "RT stopped (pid $pid)"
  fi
  rm -f "$RTROOT/rt-server.pid"
}

case "${1:-up}" in
  up)
    stop_server
    rm -rf "$RTROOT"
    mkdir -p "$RTROOT"
    [ -x "$RT_SERVER" ] && [ -x "$SETUP_DB" ] && command -v rt-mailgate >/dev/null || install_rt
    write_site_config
    [ -z "$(listener_pid)" ] || die "port $PORT is already in use (pid $(listener_pid)); set CVH_TEST_RT_PORT"

    export RT_DB_FILE="$RTROOT/rt.db" RT_WEB_BASE_URL="http://localhost:$PORT"
    "$SETUP_DB" --action init --skip-create --dba-password '' </dev/null >"$RTROOT/setup.log" 2>&1 \
      || die "creating the RT database failed; see $RTROOT/setup.log"
    # the connector's own account with ticket rights only (so "opened by a person" means "not by cvh"),
    # an auth token for it (written to $RTROOT/cvh-token) and a global ticket custom field "Site"
    cat > "$RTROOT/initialdata" <<'PL'
@Users = ({ Name => 'cvh', Password => $ENV{CVH_PASSWORD}, EmailAddress => 'cvh@example.org',
            RealName => 'cvh automation', Privileged => 1 });
@CustomFields = ({ Name => 'Site', Type => 'FreeformSingle', LookupType => 'RT::Queue-RT::Ticket', Queue => 0 });
# sites answer tickets by mail through rt-mailgate, as unprivileged users named after their address
@ACL = ((map { { UserId => 'cvh', Right => $_ } }
    qw(SeeQueue CreateTicket ShowTicket ShowTicketComments ReplyToTicket CommentOnTicket ModifyTicket Watch WatchAsAdminCc
       SeeCustomField ModifyCustomField)),
    { GroupDomain => 'SystemInternal', GroupType => 'Everyone', Right => 'ReplyToTicket' });
@Final = (sub {
    my $user = RT::User->new(RT->SystemUser);
    $user->Load('cvh');
    my ($id, $msg, $token) = RT::AuthToken->new(RT->SystemUser)->Create(Owner => $user->id, Description => 'cvh tests');
    die "auth token for cvh: $msg\n" unless $id;
    open(my $out, '>', "$ENV{RTROOT}/cvh-token") or die "$ENV{RTROOT}/cvh-token: $!\n";
    print $out $token;
    close $out;
});
1;
PL
    CVH_PASSWORD="$CVH_PASSWORD" RTROOT="$RTROOT" \
    "$SETUP_DB" --action insert --datafile "$RTROOT/initialdata" --skip-create --dba-password '' </dev/null \
      >>"$RTROOT/setup.log" 2>&1 || die "creating the cvh user failed; see $RTROOT/setup.log"

    setsid "$RT_SERVER" --port "$PORT" --max-workers 2 </dev/null >"$RTROOT/rt-server.log" 2>&1 &
    started=$!
    ready=""
    for _ in $(seq 1 300); do  # 30 s at most
      if curl -s -o /dev/null -w '%{http_code}' -u "root:$ROOT_PASSWORD" "$BASE/queues/all" 2>/dev/null | grep -q '^200$'; then
        ready=yes; break
      fi
      kill -0 "$started" 2>/dev/null || die "rt-server exited at start; see $RTROOT/rt-server.log"
      sleep 0.1
    done
    pid=$(listener_pid)
    echo "${pid:-$started}" > "$RTROOT/rt-server.pid"
    [ -n "$ready" ] || die "RT REST2 did not answer on $BASE within 30 s; see $RTROOT/rt-server.log"

    rest POST /queue "{\"Name\":\"$QUEUE\",\"Description\":\"cvh tests\"}" >/dev/null \
      || die "creating the queue '$QUEUE' failed"
    say "RT up on http://127.0.0.1:$PORT (REST2 $BASE, pid $(cat "$RTROOT/rt-server.pid"), data in $RTROOT)"
    ;;
  down)
    stop_server
    ;;
  *) echo "usage: $0 up|down" >&2; exit 2 ;;
esac
