#!/bin/sh
# Installs Debian's Chromium for the real-browser tests when it is not there yet.
# Playwright drives this browser; it cannot download a browser of its own here.
set -e
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "Chromium is not installed at $CHROMIUM, and there is no sudo to install it: as root, run 'apt-get install chromium' (Debian, Ubuntu), or set CHROMIUM=/path/to/chromium to one you have." >&2
  exit 1
fi
echo "Installing Debian's chromium package for the browser tests..."
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
[ -x "$CHROMIUM" ] || { echo "chromium did not install at $CHROMIUM" >&2; exit 1; }
