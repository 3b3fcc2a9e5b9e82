#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`salesflow --verify-ledger` against a ledger edited with the sqlite3 CLI.

    check-verify-ledger.py SALESFLOW MAKE_LEDGER_DB SQLITE3

Builds a database through the store (make-ledger-db: a request approved,
one rejected), checks that the verifier calls it whole (exit 0), turns the
rejection into an approval with the `sqlite3` command line, as someone
with the file could, and checks that the verifier names the entry (exit
1); a missing file is exit 2. Speaks TAP.
"""
import os
import shutil
import subprocess
import sys
import tempfile


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def check(self, ok, what, detail=''):
        self.n += 1
        self.failed += not ok
        print(f'{"ok" if ok else "not ok"} {self.n} - {what}')
        if not ok and detail:
            for line in str(detail).splitlines():
                print(f'# {line}')
        return ok


def verify(salesflow, path):
    run = subprocess.run([salesflow, '--verify-ledger', '--database', path],
                         capture_output=True, text=True, timeout=60)
    return run.returncode, run.stdout.strip(), run.stderr.strip()


SQLITE3 = 'sqlite3'


def sqlite(path, sql):
    subprocess.run([SQLITE3, path, sql], check=True, capture_output=True, text=True)


def main():
    global SQLITE3
    salesflow, make_db, SQLITE3 = sys.argv[1:4]
    tap = Tap()
    print('1..8')
    tmp = tempfile.mkdtemp(prefix='salesflow-ledger-')
    try:
        db = os.path.join(tmp, 'pipeline.db')
        subprocess.run([make_db, db], check=True, timeout=60)

        code, out, err = verify(salesflow, db)
        tap.check(code == 0, 'a ledger written by the app is whole (exit 0)', f'{code} {out} {err}')
        tap.check('whole' in out and '4 entries' in out, 'it says so and counts the entries', out)

        # The rejection (entry 4) becomes an approval; the hash is left alone.
        sqlite(db, "UPDATE approval_ledger SET content = replace(content, 'event rejected', "
                   "'event approved') WHERE seq = 4")
        code, out, err = verify(salesflow, db)
        tap.check(code == 1, 'an entry edited with sqlite3 is caught (exit 1)', f'{code} {out} {err}')
        tap.check('Entry 4' in out and 'changed' in out, 'the verdict names entry 4', out)

        # Put it back; then change the request row the app acts on.
        sqlite(db, "UPDATE approval_ledger SET content = replace(content, 'event approved', "
                   "'event rejected') WHERE seq = 4")
        code, out, _ = verify(salesflow, db)
        tap.check(code == 0, 'undoing the edit makes it whole again', out)
        sqlite(db, "UPDATE approval_requests SET status = 1 WHERE status = 2")
        code, out, err = verify(salesflow, db)
        tap.check(code == 1 and 'request 2' in out,
                  'a rejection turned into an approval in the requests is named', f'{code} {out} {err}')

        # Deleting an entry in the middle.
        sqlite(db, "UPDATE approval_requests SET status = 2 WHERE id = 2; "
                   "DELETE FROM approval_ledger WHERE seq = 2")
        code, out, _ = verify(salesflow, db)
        tap.check(code == 1 and 'Entry 2' in out and 'removed' in out,
                  'a deleted entry is named', out)

        code, out, err = verify(salesflow, os.path.join(tmp, 'missing.db'))
        tap.check(code == 2 and err != '', 'a file that cannot be read is exit 2', f'{code} {out} {err}')
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    sys.exit(1 if tap.failed else 0)


if __name__ == '__main__':
    main()
