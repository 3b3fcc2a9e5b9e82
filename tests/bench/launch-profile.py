#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Launch Salesflow under Xvfb and read what SALESFLOW_PROFILE=1 reports.

    launch-profile.py BUILDDIR [--runs N] DATABASE...

DATABASE "empty" is a new file each run. For each database the app is
started N times (default 5) under its own xvfb-run, with the cairo
renderer and in-memory settings as the tests use, until it has painted
the loaded pipeline; then it is stopped. Prints each run and the medians
of first-frame, loaded, loaded-frame (ms after main()) and peak RSS.
docs/performance.md records a run.
"""
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time

LINE = re.compile(r'^salesflow-profile: (\S+) ([\d.]+)')


def launch(builddir, database):
    env = dict(os.environ,
               SALESFLOW_PROFILE='1', GSETTINGS_BACKEND='memory', GSK_RENDERER='cairo',
               GSETTINGS_SCHEMA_DIR=os.path.join(builddir, 'data'),
               SALESFLOW_LOCALEDIR=os.path.join(builddir, 'po'),
               GTK_A11Y='none', NO_AT_BRIDGE='1', LC_ALL='C.UTF-8', LANGUAGE='')
    argv = ['xvfb-run', '-a', '-s', '-screen 0 1280x800x24',
            os.path.join(builddir, 'src', 'salesflow'), '--database', database]
    proc = subprocess.Popen(argv, env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                            text=True, start_new_session=True)
    figures = {}
    deadline = time.monotonic() + 300
    try:
        for line in proc.stderr:
            m = LINE.match(line)
            if m:
                figures[m.group(1)] = float(m.group(2))
            if 'peak-rss' in figures or time.monotonic() > deadline:
                break
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait()
    return figures


def main():
    args = sys.argv[1:]
    builddir = args.pop(0)
    runs = 5
    if args[:1] == ['--runs']:
        runs = int(args[1])
        args = args[2:]

    medians = {}
    with tempfile.TemporaryDirectory() as tmp:
        for database in args:
            results = []
            for i in range(runs):
                path = os.path.join(tmp, f'empty-{i}.db') if database == 'empty' else database
                figures = launch(builddir, path)
                print(f'{database} run {i + 1}: ' +
                      ', '.join(f'{k} {v:g}' for k, v in figures.items()), flush=True)
                results.append(figures)
            keys = ('first-frame', 'loaded', 'loaded-frame', 'peak-rss')
            medians[database] = {k: statistics.median(r[k] for r in results if k in r)
                                 for k in keys if any(k in r for r in results)}

    print()
    for database, m in medians.items():
        print(f'{database}: median of {runs}: ' +
              ', '.join(f'{k} {v:.1f} {"MiB" if k == "peak-rss" else "ms"}' for k, v in m.items()))
    if 'empty' in medians and len(medians) > 1:
        base = medians['empty'].get('first-frame')
        for database, m in medians.items():
            if database != 'empty' and base:
                print(f'{database}: first frame {m["first-frame"] / base:.2f} × the empty database\'s')


main()
