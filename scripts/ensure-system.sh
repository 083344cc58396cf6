#!/usr/bin/env bash
# Debian packages some test suites need (headless Chromium, LibreOffice, poppler, unzip).
# As root (CI), install the missing ones; otherwise print the one apt-get line to run
# and fail, so a missing tool is never mistaken for a passing suite.
set -euo pipefail

# binary:package pairs
needs=(
  "soffice:libreoffice-calc-nogui"
  "pdftotext:poppler-utils"
  "pdftoppm:poppler-utils"
  "chromium:chromium"
  "fc-list:fontconfig"
  "unzip:unzip"
)

missing=()
for pair in "${needs[@]}"; do
  bin=${pair%%:*}; pkg=${pair##*:}
  command -v "$bin" >/dev/null 2>&1 || missing+=("$pkg")
done
# Fonts: DejaVu for Vietnamese glyphs, Liberation Serif as the metric twin of Times New Roman.
[ -d /usr/share/fonts/truetype/dejavu ] || missing+=("fonts-dejavu-core")
[ -d /usr/share/fonts/truetype/liberation2 ] || missing+=("fonts-liberation2")
[ ${#missing[@]} -eq 0 ] && exit 0

# unique, keep order
mapfile -t missing < <(printf '%s\n' "${missing[@]}" | awk '!seen[$0]++')
line="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  echo "Installing system packages: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
else
  echo "Missing system packages for the tests. Run as root:" >&2
  echo "  sudo sh -c '$line'" >&2
  exit 1
fi
