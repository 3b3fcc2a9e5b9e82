#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Run one libFuzzer target for a while and report what it did.

    run-fuzzer.py FUZZER SECONDS [--seeds DIR]... [--corpus DIR]
                  [--max-len N] [--dict FILE] [--tap]

The committed seeds are read, never written: new inputs go to --corpus
(kept between runs, as `build-aux/dev fuzz` does) or to a temporary folder.
A crash leaves its input beside the corpus as crash-*; turn it into a
regression test under tests/data/fuzz-regressions. Prints executions,
coverage and the result; exit status 1 when the target crashed.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('fuzzer')
    parser.add_argument('seconds', type=int)
    parser.add_argument('--seeds', action='append', default=[])
    parser.add_argument('--corpus')
    parser.add_argument('--max-len', type=int, default=4096)
    parser.add_argument('--dict')
    parser.add_argument('--tap', action='store_true')
    args = parser.parse_args()

    name = os.path.basename(args.fuzzer)
    tmp = None
    corpus = args.corpus
    if corpus is None:
        corpus = tmp = tempfile.mkdtemp(prefix=f'salesflow-{name}-')
    os.makedirs(corpus, exist_ok=True)
    artifacts = os.path.join(os.path.dirname(os.path.abspath(corpus)), f'{name}-artifacts')
    os.makedirs(artifacts, exist_ok=True)

    command = [args.fuzzer, f'-max_total_time={args.seconds}', f'-max_len={args.max_len}',
               '-print_final_stats=1', f'-artifact_prefix={artifacts}/', '-timeout=10',
               '-rss_limit_mb=2048', corpus] + args.seeds
    if args.dict:
        command.insert(1, f'-dict={args.dict}')
    env = dict(os.environ)
    env.setdefault('ASAN_OPTIONS', 'halt_on_error=1:detect_leaks=1')
    env.setdefault('UBSAN_OPTIONS', 'halt_on_error=1:print_stacktrace=1')
    run = subprocess.run(command, capture_output=True, text=True, env=env)
    log = run.stderr
    if tmp:
        shutil.rmtree(tmp, ignore_errors=True)

    execs = re.search(r'stat::number_of_executed_units:\s*(\d+)', log)
    done = re.findall(r'#(\d+)\s+(?:DONE|pulse|REDUCE|NEW|INITED)\s+cov: (\d+) ft: (\d+)(?: corp: (\d+)/)?', log)
    cov, ft, corp = (done[-1][1], done[-1][2], done[-1][3] or '?') if done else ('?', '?', '?')
    summary = (f'{name}: {execs.group(1) if execs else "?"} executions in {args.seconds} s, '
               f'coverage {cov} edges, {ft} features, corpus {corp} inputs')
    ok = run.returncode == 0
    if not ok:
        crashes = [l for l in log.splitlines() if 'Test unit written to' in l or 'ERROR:' in l]
        summary += f'; FAILED (exit {run.returncode}): ' + ' | '.join(crashes[-3:])
    if args.tap:
        print('1..1')
        print(f'{"ok" if ok else "not ok"} 1 - {summary}')
        if not ok:
            for line in log.splitlines()[-60:]:
                print(f'# {line}')
    else:
        print(summary)
        if not ok:
            print(log[-6000:], file=sys.stderr)
    sys.exit(0 if ok else 1)


if __name__ == '__main__':
    main()
