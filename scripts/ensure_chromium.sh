#!/bin/sh
# Make sure a headless Chromium is installed for the browser tests (tests/test_report_browser.py).
# Debian's package, installed with apt-get when missing and we are root; nothing is downloaded at
# test time. Prints the browser's path.
set -eu
for name in chromium chromium-browser google-chrome; do
    if command -v "$name" >/dev/null 2>&1; then
        command -v "$name"
        exit 0
    fi
done
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing chromium with apt-get (browser tests)" >&2
    apt-get update -qq >&2 || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >&2
    command -v chromium
    exit 0
fi
echo "chromium is not installed and cannot be installed here: run apt-get install chromium" >&2
exit 1
