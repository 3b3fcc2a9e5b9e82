#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-layers.py SOURCE_ROOT — the layer rule, checked in the sources.
check-layers.py --self-test — shows that each rule catches what it is for.

The compiler keeps GTK out of src/core and src/store: neither library is
built with it, so a GTK include there does not compile. It cannot keep
SQLite out of src/ui and src/core, since <sqlite3.h> sits in /usr/include
for everyone, and a private header of the store could be included by a
relative path. So this reads every C file outside src/store and fails,
naming file and line, where one

  - mentions sqlite3 (an include, a call, a type),
  - includes one of the store's private headers (src/store/private/), or
  - calls an sf_store_ function: the views change and read the data only
    through SfPipeline.

Prints TAP: one result per rule, with every offending line under it.
"""

import os
import re
import sys

import subprocess
import tempfile


def rules(root):
    private_dir = os.path.join(root, 'src', 'store', 'private')
    private = sorted(os.listdir(private_dir)) if os.path.isdir(private_dir) else []
    return [
        ('no sqlite3 outside src/store', re.compile(r'sqlite3')),
        ('no private header of the store outside src/store',
         re.compile(r'#\s*include\s*[<"](?:[^">]*/)?(?:%s)[">]' %
                    '|'.join(re.escape(name) for name in private + ['sf-store-private.h']))),
        ('no sf_store_ call outside src/store: the pipeline is the only door',
         re.compile(r'\bsf_store_\w+\s*\(')),
    ]


def sources(root):
    for layer in ('core', 'ui'):
        top = os.path.join(root, 'src', layer)
        for base, _, names in sorted(os.walk(top)):
            for name in sorted(names):
                if name.endswith(('.c', '.h')):
                    yield os.path.join(base, name)
    yield os.path.join(root, 'src', 'main.c')


def strip_comments(text):
    """Blanks out comments, keeping the line numbers."""
    return re.sub(r'/\*.*?\*/|//[^\n]*',
                  lambda m: re.sub(r'[^\n]', ' ', m.group(0)), text, flags=re.S)


def check(root, min_files):
    RULES = rules(root)
    found = {title: [] for title, _ in RULES}
    files = list(sources(root))
    for path in files:
        with open(path, encoding='utf-8') as f:
            text = f.read()
        code = strip_comments(text)
        for number, (line, raw) in enumerate(zip(code.split('\n'), text.split('\n')), 1):
            for title, pattern in RULES:
                # An include is code even though it looks like a path.
                if pattern.search(line) or (title.startswith('no private') and pattern.search(raw)):
                    found[title].append('%s:%d: %s' % (os.path.relpath(path, root), number,
                                                       raw.strip()))

    print('1..%d' % (len(RULES) + 1))
    print('%s 1 the check reads the sources (%d files)' % ('ok' if len(files) >= min_files else 'not ok',
                                                             len(files)))
    for n, (title, _) in enumerate(RULES, 2):
        lines = found[title]
        print('%s %d %s' % ('not ok' if lines else 'ok', n, title))
        for line in lines:
            print('# ' + line)
    return 1 if any(found.values()) or len(files) < min_files else 0


# Each line breaks one rule; a comment that names them breaks none.
OFFENCES = [
    ('src/ui/sf-bad.c', '#include <sqlite3.h>\n'),
    ('src/ui/sf-bad.c', '#include "sf-store-private.h"\n'),
    ('src/ui/sf-bad.c', '#include "../store/private/sf-db.h"\n'),
    ('src/core/sf-bad.c', 'static void f (void) { sf_store_set_deal_text (0, 0, 0, 0, 0); }\n'),
    ('src/ui/sf-bad.h', 'static void g (void) { sf_store_list_jobs (0, 0, 0); }\n'),
]


def self_test():
    print('1..%d' % (len(OFFENCES) + 1))
    n = 0
    with tempfile.TemporaryDirectory() as root:
        for d in ('src/core', 'src/ui', 'src/store/private'):
            os.makedirs(os.path.join(root, d))
        open(os.path.join(root, 'src/store/private/sf-db.h'), 'w').close()
        with open(os.path.join(root, 'src/main.c'), 'w') as f:
            f.write('/* sqlite3 and sf_store_open () in a comment are no offence */\n')
        clean = subprocess.run([sys.executable, __file__, root, '1'], capture_output=True, text=True)
        n += 1
        print('%s %d a clean tree passes' % ('ok' if clean.returncode == 0 else 'not ok', n))
        failed = 0 if clean.returncode == 0 else 1
        for path, line in OFFENCES:
            full = os.path.join(root, path)
            with open(full, 'w') as f:
                f.write(line)
            caught = subprocess.run([sys.executable, __file__, root, '1'], capture_output=True, text=True)
            os.remove(full)
            n += 1
            ok = caught.returncode != 0 and ('%s:1:' % path) in caught.stdout
            failed += not ok
            print('%s %d caught: %s' % ('ok' if ok else 'not ok', n, line.strip()))
    return 1 if failed else 0


if __name__ == '__main__':
    if sys.argv[1] == '--self-test':
        sys.exit(self_test())
    sys.exit(check(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 100))
