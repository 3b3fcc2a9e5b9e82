#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write the corpus of bad database files, the same bytes every time.

    tests/data/make-bad-databases.py CRASH_WRITER [OUTDIR]

CRASH_WRITER is build/tests/crash-writer, whose `sample` command makes a
small valid pipeline with a fixed clock; every other file is derived from
it or from fixed bytes (random ones from a fixed seed). OUTDIR defaults to
tests/data/bad-databases beside this script. `expected.txt` there names
what the store must say about each file: an SfStoreError code, or `ok`
for a valid file whose rows hold hostile values (it opens, and the app
must show it without crashing). The corpus is committed; run this again
only to change it, with the same SQLite to get the same bytes.
"""
import os
import random
import sqlite3
import subprocess
import sys
import tempfile


def sample(writer, tmp):
    path = os.path.join(tmp, 'sample.db')
    subprocess.run([writer, 'sample', path], check=True, stdout=subprocess.DEVNULL)
    # Small pages keep the corpus small; the file stays in WAL mode, as
    # Salesflow leaves it.
    db = sqlite3.connect(path, isolation_level=None)
    db.execute('PRAGMA journal_mode = DELETE')
    db.execute('PRAGMA page_size = 1024')
    db.execute('VACUUM')
    db.execute('PRAGMA journal_mode = WAL')
    db.close()
    with open(path, 'rb') as f:
        return f.read()


def derive(base, tmp, name, *statements):
    """The sample with SQL applied by another program, as a person might."""
    path = os.path.join(tmp, name)
    with open(path, 'wb') as f:
        f.write(base)
    db = sqlite3.connect(path, isolation_level=None)
    for sql in statements:
        db.execute(sql)
    db.close()
    with open(path, 'rb') as f:
        return f.read()


def index_page(base, tmp, name):
    """The page number of a one-page index or table of the sample."""
    path = os.path.join(tmp, 'pages.db')
    with open(path, 'wb') as f:
        f.write(base)
    db = sqlite3.connect(path)
    (pageno,), = db.execute('SELECT pageno FROM dbstat WHERE name = ?', (name,)).fetchall()
    db.close()
    return pageno


def foreign(tmp, name, *statements):
    path = os.path.join(tmp, name)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute('PRAGMA page_size = 1024')
    for sql in statements:
        db.execute(sql)
    db.close()
    with open(path, 'rb') as f:
        return f.read()


# Rows a careless script or a hostile person could write: every value the
# store reads back is out of its range, of the wrong type or not UTF-8.
HOSTILE = [
    "PRAGMA ignore_check_constraints = ON",
    "UPDATE deals SET stage = 99, status = -3 WHERE id = 1",
    "UPDATE deals SET currency = '€€€', value = 9223372036854775807 WHERE id = 2",
    "UPDATE deals SET title = CAST(X'48C328FFFE20E282' AS TEXT), customer = 42 WHERE id = 3",
    "UPDATE deals SET expected_close = '2027-13-45', probability = 250, "
    "progress_done = -7, progress_required = 100000 WHERE id = 4",
    "UPDATE deals SET owner_id = 999, created_at = -1, stage_entered_at = 9000000000000 WHERE id = 5",
    "UPDATE deals SET title = '', notes = X'00FF00', lost_reason = 'no such reason', status = 2 WHERE id = 6",
    "UPDATE jobs SET stage = 42, kind = 77, done = 5, done_by = -1, due = 'yesterday' WHERE id % 3 = 0",
    "UPDATE jobs SET title = CAST(X'C0AF' AS TEXT), key = 'no-such-job' WHERE id % 5 = 0",
    "UPDATE persons SET name = CAST(X'E282' AS TEXT), role = 9 WHERE id = 1",
    "UPDATE history SET field = 'no-such-field', old_value = CAST(X'FF' AS TEXT) WHERE id % 4 = 0",
    "UPDATE deal_pricing SET discount_bp = -5, list_price = -1",
    "UPDATE stage_settings SET probability = -40",
    "UPDATE template_jobs SET stage = 12 WHERE id = 1",
]


def corpus(base, tmp):
    rand = random.Random(20261122)
    page = int.from_bytes(base[16:18], 'big')
    files = {
        'empty.db': (b'', 'NOT_DATABASE'),
        'text.db': ('title;customer\nFjord;Nordlys AS\n'.encode(), 'NOT_DATABASE'),
        'random.db': (bytes(rand.randrange(256) for _ in range(8192)), 'NOT_DATABASE'),
        'magic-only.db': (base[:16], 'CORRUPT'),
        'header-only.db': (base[:100], 'CORRUPT'),
        'first-page.db': (base[:page], 'CORRUPT'),
        'truncated-half.db': (base[:len(base) // 2], 'CORRUPT'),
        'last-page-missing.db': (base[:len(base) - page], 'CORRUPT'),
        'zeroed-header.db': (b'SQLite format 3\0' + bytes(84) + base[100:], 'NOT_DATABASE'),
        'random-after-header.db': (base[:100] + bytes(rand.randrange(256)
                                                      for _ in range(len(base) - 100)), 'CORRUPT'),
        'foreign.db': (foreign(tmp, 'foreign.db', 'CREATE TABLE songs (title TEXT)',
                               "INSERT INTO songs VALUES ('Fjell')"), 'FOREIGN'),
        'foreign-app-id.db': (foreign(tmp, 'foreign-app-id.db', 'PRAGMA application_id = 1',
                                      'PRAGMA user_version = 3',
                                      'CREATE TABLE deals (id INTEGER PRIMARY KEY)'), 'FOREIGN'),
        'newer-schema.db': (derive(base, tmp, 'newer.db', 'PRAGMA user_version = 99'),
                            'NEWER_SCHEMA'),
        # Found by fuzz-open: a negative version indexed before the first
        # migration.
        'negative-schema.db': (derive(base, tmp, 'negative.db', 'PRAGMA user_version = -16777217'),
                               'CORRUPT'),
        'missing-table.db': (derive(base, tmp, 'missing.db', 'DROP TABLE history'), 'CORRUPT'),
        'missing-new-table.db': (derive(base, tmp, 'missing2.db', 'DROP TABLE verdicts'),
                                 'CORRUPT'),
        'hostile-values.db': (derive(base, tmp, 'hostile.db', *HOSTILE), 'ok'),
        # The sample itself: the fuzzer's seed, and a check that the test
        # reads a whole pipeline.
        'valid.db': (base, 'ok'),
    }
    # A damaged page in the middle: the header is whole, an index is not.
    # The page of the deals_owner index, the one the middle page held when
    # the corpus was first made (a damaged page elsewhere, e.g. in the
    # jobs, makes the window warn when it opens a deal).
    middle = bytearray(base)
    start = (index_page(base, tmp, 'deals_owner') - 1) * page
    middle[start:start + page] = bytes(rand.randrange(256) for _ in range(page))
    files['damaged-page.db'] = (bytes(middle), 'ok')
    return files


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    out = sys.argv[2] if len(sys.argv) == 3 else os.path.join(os.path.dirname(
        os.path.abspath(__file__)), 'bad-databases')
    os.makedirs(out, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        base = sample(sys.argv[1], tmp)
        files = corpus(base, tmp)
    with open(os.path.join(out, 'expected.txt'), 'w') as expected:
        expected.write('# file, then what sf_store_open() says: an SfStoreError or ok\n')
        for name in sorted(files):
            data, verdict = files[name]
            with open(os.path.join(out, name), 'wb') as f:
                f.write(data)
            expected.write(f'{name} {verdict}\n')
    print(f'{len(files)} files in {out}')


if __name__ == '__main__':
    main()
