#!/bin/sh
# Installs the system parts cjm and its tests use. On Debian/Ubuntu as root (or with sudo) it installs the
# packages below that are missing; elsewhere it says what to run.
set -eu

# Debian packages, one a line: the package, then what needs it.
PACKAGES=$(sed -e 's/#.*//' -e '/^ *$/d' <<'LIST'
graphviz          # `dot`: cjm render, cjm report
fonts-noto-cjk    # a Japanese-capable font for the diagrams
fontconfig        # `fc-list`: cjm's check for a Japanese font
chromium          # tests: the HTML report and the Mermaid diagrams drawn in a real browser
nodejs            # tests: Mermaid's own renderer (tests/render/mermaid-cli)
libreoffice-calc     # tests: `cjm export`'s .xlsx rendered to PDF to look at it (docs/office.md)
libreoffice-impress  # tests: `cjm export`'s .pptx rendered to PDF to look at it
LIST
)

missing=""
for package in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed"; then
        missing="$missing $package"
    fi
done
# npm comes with some builds of nodejs and is a package of its own in Debian's.
if ! command -v npm >/dev/null 2>&1; then
    missing="$missing npm"
fi

if [ -z "$missing" ]; then
    exit 0
fi
if command -v apt-get >/dev/null 2>&1; then
    SUDO=""
    if [ "$(id -u)" != 0 ]; then
        if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
            echo "cjm set-up: run as root: apt-get install$missing" >&2; exit 1
        fi
    fi
    echo "cjm set-up: installing$missing with apt-get" >&2
    $SUDO apt-get update -qq
    # shellcheck disable=SC2086 # one word per package
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
    exit 0
fi
cat >&2 <<'MSG'
cjm set-up: please install Graphviz, a Japanese-capable font, Chromium, Node.js (with npm) and LibreOffice, then
run this again:
  macOS (Homebrew):   brew install graphviz node && brew install --cask font-noto-sans-cjk-jp chromium libreoffice
  Fedora:             sudo dnf install graphviz google-noto-sans-cjk-ttc-fonts chromium nodejs npm libreoffice-calc libreoffice-impress
  Arch:               sudo pacman -S graphviz noto-fonts-cjk chromium nodejs npm libreoffice-fresh
  Windows:            winget install graphviz TheDocumentFoundation.LibreOffice  (Windows ships Yu Gothic, Meiryo)
MSG
exit 1
