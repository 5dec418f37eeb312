#!/bin/sh
# setup.sh -- install the Debian 12 packages jianbao builds, runs and tests with.
# Runs apt-get only for what is missing, so a second run costs a second.
# Usage: scripts/setup.sh [build|test]   (test adds the browser, web server, tools)
set -eu

BUILD_PKGS="gcc make pkg-config libcmark-gfm-dev
libcmark-gfm-extensions-dev libxml2-dev libpango1.0-dev
libcairo2-dev libyaml-dev libfontconfig-dev libjpeg-dev libjansson-dev
libharfbuzz-dev libfreetype-dev libpng-dev libicu-dev libzip-dev libmicrohttpd-dev
libcrypt-dev libjs-codemirror libjs-pdf
libqpdf-dev icc-profiles-free libpoppler-glib-dev libgdk-pixbuf-2.0-dev webp-pixbuf-loader
fonts-noto-cjk texlive-lang-chinese fonts-liberation2 poppler-utils"
TEST_PKGS="python3 chromium chromium-driver nginx-light clang
libclang-rt-14-dev valgrind hyperfine time groff-base man-db
libreoffice-writer-nogui python3-docx python3-fonttools python3-freetype pandoc libxml2-utils cmark-gfm
default-jre-headless whois tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-chi-tra file
qpdf libpdfbox2-java libactivation-java libjaxb-api-java"

want="$BUILD_PKGS"
[ "${1:-build}" = test ] && want="$want $TEST_PKGS"

missing=""
for p in $want; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0

echo "安装依赖：$missing"
if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
		echo "setup.sh: 错误：需要 root 权限安装：$missing" >&2
		exit 1
	fi
else
	SUDO=""
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
# shellcheck disable=SC2086
$SUDO apt-get install -y -q --no-install-recommends $missing
