#!/usr/bin/env bash
# Debian packages Soraq needs: libicu-dev and pkg-config (PyICU, pulled in by
# followthemoney, compiles against them). Installed when we can (root with
# apt-get); otherwise we say exactly what to install.
set -u
need=()
dpkg -s libicu-dev >/dev/null 2>&1 || need+=(libicu-dev)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
command -v g++ >/dev/null 2>&1 || need+=(g++)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing system packages: ${need[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
else
  echo "Soraq needs these system packages: ${need[*]}" >&2
  echo "  on Debian/Ubuntu: sudo apt-get install ${need[*]}" >&2
  echo "  on Fedora:        sudo dnf install libicu-devel pkgconf-pkg-config gcc-c++" >&2
  echo "  on macOS:         brew install icu4c pkg-config" >&2
  exit 1
fi
