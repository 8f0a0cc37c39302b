#!/usr/bin/env bash
# Installs Debian's Chromium and its ChromeDriver for the tests that drive the console in a real
# browser (src/test/java/eu/egi/csirt/cvh/support/RealBrowser.java). Idempotent: does nothing but
# print the versions when both are there. Nothing is downloaded from anywhere but Debian's mirrors:
# the tests point Selenium at these two binaries, so Selenium Manager never fetches a browser.
set -euo pipefail
cd "$(dirname "$0")/.."
BROWSER=/usr/bin/chromium
DRIVER=/usr/bin/chromedriver
PACKAGES=(chromium chromium-driver)

say() { echo "chromium.sh: $*"; }
die() { echo "chromium.sh: $*" >&2; exit 1; }

# true when apt knows an installable version of every package (an empty or old list may not)
installable() {
  local p policy
  for p in "${PACKAGES[@]}"; do
    policy=$(apt-cache policy "$p" 2>/dev/null || true)   # not piped into grep -q: pipefail + SIGPIPE
    grep -Eq 'Candidate: [^(]' <<<"$policy" || return 1
  done
}

install() {
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${PACKAGES[@]}"
}

if [ -x "$BROWSER" ] && [ -x "$DRIVER" ]; then
  say "already installed"
else
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null \
    || die "Chromium is not installed (Debian packages: ${PACKAGES[*]}); run as root to install it"
  if ! installable; then
    say "apt-get update (the package lists do not know ${PACKAGES[*]} yet)"
    apt-get update -q
  fi
  say "installing ${PACKAGES[*]} from Debian's packages"
  if ! install; then
    # a stale list names versions the mirror no longer has: refresh once and try again
    say "install failed; apt-get update and retry"
    apt-get update -q
    install
  fi
fi

browser_version=$("$BROWSER" --version 2>/dev/null) || die "$BROWSER --version failed"
driver_version=$("$DRIVER" --version 2>/dev/null) || die "$DRIVER --version failed"
say "$BROWSER: $browser_version"
say "$DRIVER: $driver_version"

# the driver only talks to a browser of its own major version
browser_major=$(grep -Eo '[0-9]+\.' <<<"$browser_version" | head -n 1)
driver_major=$(grep -Eo '[0-9]+\.' <<<"$driver_version" | head -n 1)
[ "$browser_major" = "$driver_major" ] \
  || die "Chromium ${browser_major%.} and ChromeDriver ${driver_major%.} differ: install both from the same Debian release"
