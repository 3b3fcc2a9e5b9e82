#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Translation checks, as TAP.

    check-po.py SOURCE_ROOT

Fails when a file with translatable strings is missing from
po/POTFILES.in, when the catalogue regenerated from the code has a string
that a catalogue of po/LINGUAS does not translate (or only fuzzily), when msgfmt
--check complains, or when a format string has no "Translators:" comment.
"""
import os
import re
import subprocess
import sys
import tempfile

root = sys.argv[1]
os.chdir(root)
results = []
LANGUAGES = [line.strip() for line in open('po/LINGUAS', encoding='utf-8')
             if line.strip() and not line.startswith('#')]


def check(ok, name, detail=''):
    results.append((ok, name, detail))


MARKERS = re.compile(r'(^|[^A-Za-z_])(_|N_|C_|NC_|ngettext|g_dngettext)\(|translatable="yes"')
DATA = re.compile(r'\.(desktop\.in|metainfo\.xml\.in|gschema\.xml)$')

listed = [line.strip() for line in open('po/POTFILES.in', encoding='utf-8')
          if line.strip() and not line.startswith('#')]

wanted = []
for top in ('src', 'data'):
    for dirpath, _, files in os.walk(top):
        for name in files:
            path = os.path.join(dirpath, name)
            if DATA.search(name):
                wanted.append(path)
            elif re.search(r'\.(c|ui)$', name):
                with open(path, encoding='utf-8') as f:
                    if MARKERS.search(f.read()):
                        wanted.append(path)

missing = sorted(set(wanted) - set(listed))
check(not missing, 'POTFILES.in lists every file with translatable strings',
      'missing: ' + ', '.join(missing))
gone = [p for p in listed if not os.path.exists(p)]
check(not gone, 'every file in POTFILES.in exists', 'missing: ' + ', '.join(gone))
check(listed == sorted(listed), 'POTFILES.in is sorted')

with tempfile.TemporaryDirectory() as tmp:
    pot = os.path.join(tmp, 'salesflow.pot')
    cmd = ['xgettext', '--from-code=UTF-8', '--add-comments=Translators',
           '--package-name=salesflow', '-o', pot,
           '-k_', '-kN_', '-kC_:1c,2', '-kNC_:1c,2', '-kg_dngettext:2,3',
           '-kngettext:1,2', '-kg_dpgettext2:2c,3'] + [p for p in listed if os.path.exists(p)]
    made = subprocess.run(cmd, capture_output=True, text=True)
    check(made.returncode == 0, 'xgettext extracts the strings', made.stderr.strip())

    for lang in LANGUAGES:
        merged = os.path.join(tmp, lang + '.po')
        subprocess.run(['msgmerge', '-q', '--no-fuzzy-matching', '-o', merged,
                        'po/%s.po' % lang, pot], check=False)
        stats = subprocess.run(['msgfmt', '--check', '--statistics', '-o', os.devnull, merged],
                               capture_output=True, text=True)
        text = stats.stderr.strip()
        complete = stats.returncode == 0 and 'untranslated' not in text and 'fuzzy' not in text
        check(complete, 'po/%s.po translates every string in the code' % lang, text)
        own = subprocess.run(['msgfmt', '--check', '-o', os.devnull, 'po/%s.po' % lang],
                             capture_output=True, text=True)
        check(own.returncode == 0, 'msgfmt --check po/%s.po' % lang, own.stderr.strip())
        fuzzy = subprocess.run(['grep', '-c', '^#, .*fuzzy', 'po/%s.po' % lang],
                               capture_output=True, text=True).stdout.strip()
        check(fuzzy in ('', '0'), 'po/%s.po has no fuzzy entries' % lang, fuzzy + ' fuzzy')

    # Every c-format entry needs a comment for translators.
    uncommented = []
    entry = []
    for line in open(pot, encoding='utf-8').read().split('\n\n'):
        if '#, c-format' in line and '#. Translators' not in line:
            ids = re.findall(r'^msgid "(.*)"', line, re.M)
            uncommented.append(ids[0] if ids and ids[0] else line.split('\n')[-1][:60])
    check(not uncommented, 'every format string has a Translators: comment',
          '; '.join(uncommented[:20]))

print('1..%d' % len(results))
for i, (ok, name, detail) in enumerate(results, 1):
    print('%s %d %s' % ('ok' if ok else 'not ok', i, name))
    if not ok and detail:
        for line in detail.splitlines():
            print('# ' + line)
