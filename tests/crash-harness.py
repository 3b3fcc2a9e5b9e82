#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Kill a writer of real user actions at random moments; check what is left.

    crash-harness.py WRITER KILLS [--seed N] [--tap] [--per-database N]

WRITER is the crash-writer program. Each round starts on a new database
file; within a round the writer is started again and again on the same
file and killed with SIGKILL after a random time (the first kill of a
round often lands while the file is being created). After every kill
`WRITER check` reopens the file and checks that PRAGMA integrity_check is
ok, that every action the writer acknowledged (printed after COMMIT) is
there, and that no action is there by half. With --tap each kill is one
TAP result; otherwise a summary with the counts is printed. Exit status 1
when any check failed.
"""
import argparse
import collections
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time


def one_kill(writer, db, acks_path, rng, delay):
    with open(acks_path, 'ab') as acks:
        proc = subprocess.Popen([writer, 'write', db, str(rng.randrange(1 << 31))],
                                stdout=acks, stderr=subprocess.PIPE)
        try:
            time.sleep(delay)
        finally:
            # Also when the harness itself is stopped (a test timeout):
            # the writer never stops by itself.
            proc.send_signal(signal.SIGKILL)
            _, err = proc.communicate()
    if proc.returncode != -signal.SIGKILL:
        # The writer stopped by itself: that is a failure of its own.
        return False, f'the writer exited with {proc.returncode}: {err.decode(errors="replace")}'
    check = subprocess.run([writer, 'check', db, acks_path], capture_output=True, text=True)
    return check.returncode == 0, check.stdout.strip() + check.stderr.strip()


def stop(signum, frame):
    sys.exit(f'stopped by signal {signum}')


def main():
    signal.signal(signal.SIGTERM, stop)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('writer')
    parser.add_argument('kills', type=int)
    parser.add_argument('--seed', type=int, default=None)
    parser.add_argument('--tap', action='store_true')
    parser.add_argument('--per-database', type=int, default=25)
    parser.add_argument('--max-delay', type=float, default=0.4)
    args = parser.parse_args()

    seed = args.seed if args.seed is not None else random.randrange(1 << 31)
    rng = random.Random(seed)
    tmp = tempfile.mkdtemp(prefix='salesflow-crash-')
    failed = 0
    verbs = collections.Counter()
    started = time.monotonic()
    if args.tap:
        print(f'1..{args.kills}')
        print(f'# seed {seed}')
    try:
        for n in range(args.kills):
            if n % args.per_database == 0:
                rnd = os.path.join(tmp, f'round-{n // args.per_database}')
                os.mkdir(rnd)
                db = os.path.join(rnd, 'pipeline.db')
                acks_path = os.path.join(rnd, 'acks')
                open(acks_path, 'w').close()
                # Early in the first run: while the file is being made.
                delay = rng.uniform(0.0, 0.05)
            else:
                delay = rng.uniform(0.0, args.max_delay)
            ok, report = one_kill(args.writer, db, acks_path, rng, delay)
            last = report.splitlines()[-1] if report else ''
            if not ok:
                failed += 1
                kept = os.path.join(os.path.dirname(tmp), f'salesflow-crash-failed-{seed}-{n}')
                shutil.copytree(os.path.dirname(db), kept, dirs_exist_ok=True)
                report += f'\n(the database and acknowledgements are kept in {kept})'
            if args.tap:
                print(f'{"ok" if ok else "not ok"} {n + 1} - kill after {delay * 1000:.0f} ms: {last}')
                if not ok:
                    for line in report.splitlines():
                        print(f'# {line}')
            elif not ok:
                print(f'kill {n + 1} after {delay * 1000:.0f} ms failed:\n{report}', file=sys.stderr)
            sys.stdout.flush()
        for rnd in os.listdir(tmp):
            with open(os.path.join(tmp, rnd, 'acks')) as f:
                verbs.update(line.split()[1] for line in f if line.startswith('ACK '))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    elapsed = time.monotonic() - started
    detail = ', '.join(f'{verbs[v]} {v}' for v in sorted(verbs))
    summary = (f'{args.kills} kills (seed {seed}) in {elapsed:.0f} s: '
               f'{sum(verbs.values())} acknowledged actions ({detail}); '
               f'{args.kills - failed} checks passed, {failed} failed')
    print(f'# {summary}' if args.tap else summary)
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
