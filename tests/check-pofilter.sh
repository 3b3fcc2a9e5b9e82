#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# translate-toolkit's pofilter over each translation, as TAP: variables,
# printf, accelerators (GNOME's "_"), brackets and doubled words.
# check-pofilter.sh PO_DIR LANG...
set -u
dir=$1
shift
echo "1..$#"
n=0
for lang in "$@"; do
  n=$((n + 1))
  out=$(mktemp --suffix=.po)
  pofilter --gnome --nofuzzy --progress=none \
    -t variables -t printf -t accelerators -t brackets -t doublewords \
    "$dir/$lang.po" "$out" >/dev/null 2>&1
  # pofilter leaves no output file when nothing is wrong.
  problems=0
  [ -s "$out" ] && problems=$(grep -c '^# (pofilter)' "$out")
  if [ "$problems" -eq 0 ]; then
    echo "ok $n pofilter $lang.po"
  else
    echo "not ok $n pofilter $lang.po: $problems problems"
    grep -A4 '^# (pofilter)' "$out" | sed 's/^/# /'
  fi
  rm -f "$out"
done
