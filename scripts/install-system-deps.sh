#!/bin/sh
# Installs the system parts cjm uses: Graphviz (`dot`) and a Japanese-capable font (Noto CJK).
# On Debian/Ubuntu as root (or with sudo) it installs them; elsewhere it says exactly what to run.
set -eu
have_dot() { command -v dot >/dev/null 2>&1; }
have_font() { command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=ja family 2>/dev/null | head -n 1)" ]; }

if have_dot && have_font; then
    exit 0
fi
if command -v apt-get >/dev/null 2>&1; then
    SUDO=""
    if [ "$(id -u)" != 0 ]; then
        if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
            echo "cjm set-up: run as root: apt-get install graphviz fonts-noto-cjk" >&2; exit 1
        fi
    fi
    echo "cjm set-up: installing graphviz and fonts-noto-cjk with apt-get" >&2
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends graphviz fonts-noto-cjk fontconfig >/dev/null
    exit 0
fi
cat >&2 <<'MSG'
cjm set-up: please install Graphviz and a Japanese-capable font, then run this again:
  macOS (Homebrew):   brew install graphviz && brew install --cask font-noto-sans-cjk-jp
  Fedora:             sudo dnf install graphviz google-noto-sans-cjk-ttc-fonts
  Arch:               sudo pacman -S graphviz noto-fonts-cjk
  Windows:            winget install graphviz  (Windows ships Japanese fonts: Yu Gothic, Meiryo)
MSG
exit 1
