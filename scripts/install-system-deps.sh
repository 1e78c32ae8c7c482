#!/bin/sh
# Installs the system parts cjm uses: Graphviz (`dot`) and a Japanese-capable font (Noto CJK).
# On Debian/Ubuntu as root (or with sudo) it installs them; elsewhere it says exactly what to run.
set -eu
have_dot() { command -v dot >/dev/null 2>&1; }
have_font() { command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=ja family 2>/dev/null | head -n 1)" ]; }
# LibreOffice (Calc, Impress): the office tests render `cjm export`'s .xlsx and .pptx to PDF to look at them.
have_office() { command -v soffice >/dev/null 2>&1; }

if have_dot && have_font && have_office; then
    exit 0
fi
if command -v apt-get >/dev/null 2>&1; then
    SUDO=""
    if [ "$(id -u)" != 0 ]; then
        if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
            echo "cjm set-up: run as root: apt-get install graphviz fonts-noto-cjk libreoffice-calc libreoffice-impress" >&2; exit 1
        fi
    fi
    echo "cjm set-up: installing what is missing of graphviz, fonts-noto-cjk, libreoffice-calc and libreoffice-impress with apt-get" >&2
    $SUDO apt-get update -qq
    if ! have_dot || ! have_font; then
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends graphviz fonts-noto-cjk fontconfig >/dev/null
    fi
    # Office: LibreOffice Calc and Impress, to render `cjm export`'s files in the tests (docs/office.md).
    have_office || DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends libreoffice-calc libreoffice-impress >/dev/null
    exit 0
fi
cat >&2 <<'MSG'
cjm set-up: please install Graphviz, a Japanese-capable font and LibreOffice, then run this again:
  macOS (Homebrew):   brew install graphviz && brew install --cask font-noto-sans-cjk-jp libreoffice
  Fedora:             sudo dnf install graphviz google-noto-sans-cjk-ttc-fonts libreoffice-calc libreoffice-impress
  Arch:               sudo pacman -S graphviz noto-fonts-cjk libreoffice-fresh
  Windows:            winget install graphviz TheDocumentFoundation.LibreOffice  (Windows ships Yu Gothic, Meiryo)
MSG
exit 1
