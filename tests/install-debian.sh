#!/bin/sh
# Installs one of Debian's packages for the tests when it is not there yet:
#   install-debian.sh PACKAGE VARIABLE LABEL PURPOSE
# chromium, which Playwright drives (it cannot download a browser of its own here), and pandoc,
# whose citeproc renders the citation downloads as a reader's reference manager would.
# VARIABLE names the environment variable that may point at a copy the reader already has.
set -e
PACKAGE=$1 VARIABLE=$2 LABEL=$3 PURPOSE=$4
eval "WANTED=\${$VARIABLE:-/usr/bin/$PACKAGE}"
if [ -x "$WANTED" ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "$LABEL is not installed at $WANTED, and there is no sudo to install it: as root, run 'apt-get install $PACKAGE' (Debian, Ubuntu), or set $VARIABLE=/path/to/$PACKAGE to one you have." >&2
  exit 1
fi
echo "Installing Debian's $PACKAGE package for $PURPOSE..."
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$PACKAGE" >/dev/null
[ -x "$WANTED" ] || { echo "$PACKAGE did not install at $WANTED" >&2; exit 1; }
