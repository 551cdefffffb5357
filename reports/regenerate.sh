#!/usr/bin/env bash
# Regenerate the seeds' reports in every format (exit code 1 = findings, expected here).
set -u
cd "$(dirname "$0")/.."
for fmt in text json sarif html markdown github; do
  ext=$fmt; [ "$fmt" = markdown ] && ext=md; [ "$fmt" = text ] && ext=txt
  tcheck compare seeds/ --format "$fmt" -o "reports/seeds/report.$ext"
  rc=$?; [ "$rc" -le 1 ] || exit "$rc"
done
tcheck compare seeds/ --format rich --no-color --width 100 -o reports/seeds/report.rich.txt
[ $? -le 1 ] || exit 2
exit 0
