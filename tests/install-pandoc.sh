#!/bin/sh
# Installs Debian's pandoc when it is not there yet: the citation tests render the archive's
# .bib and .csl.json through its citeproc, in Chicago style, as a reader's reference manager would.
set -e
PANDOC=${PANDOC:-/usr/bin/pandoc}
if [ -x "$PANDOC" ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "pandoc is not installed at $PANDOC, and there is no sudo to install it: as root, run 'apt-get install pandoc' (Debian, Ubuntu), or set PANDOC=/path/to/pandoc to one you have." >&2
  exit 1
fi
echo "Installing Debian's pandoc package for the citation tests..."
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq pandoc >/dev/null
[ -x "$PANDOC" ] || { echo "pandoc did not install at $PANDOC" >&2; exit 1; }
