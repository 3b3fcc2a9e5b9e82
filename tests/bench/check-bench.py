#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The benchmark runs and prints every figure, as TAP.

    check-bench.py SALESFLOW_BENCH N [--window-quick]

Runs the benchmark at a small N and checks that it ends well and prints
each figure the table promises, once, as `nN.name value unit` with a
number; with --window-quick also those of the app driven in a display
(tests/bench/window-bench.py). Not a timing test: the figures of a real
run are in docs/performance.md.
"""
import re
import subprocess
import sys

bench, n = sys.argv[1], sys.argv[2]
window = '--window-quick' in sys.argv[3:]

FIGURES = {
    'generate': 's', 'database': 'MiB', 'raw_scan': 'ms', 'read_deals': 'ms', 'load': 'ms', 'load_ratio': 'x',
    'rss_loaded': 'MiB', 'rss_per_deal': 'B', 'board': 'ms', 'board_totals': 'ms',
    'search_p50': 'ms', 'search_p95': 'ms', 'search_max': 'ms', 'sort_value': 'ms',
    'search_sorted_p50': 'ms', 'search_sorted_p95': 'ms', 'search_sorted_max': 'ms',
    'open_deal_p50': 'ms', 'open_deal_p95': 'ms', 'tick_p50': 'ms', 'tick_p95': 'ms',
    'advance_p50': 'ms', 'advance_p95': 'ms', 'fsync_p50': 'ms', 'fsync_p95': 'ms',
    'peak_rss': 'MiB',
}

WINDOW_FIGURES = {
    'first_frame_empty': 'ms', 'launch_rss_empty': 'MiB', 'first_frame': 'ms', 'deals_frame': 'ms',
    'deals_frame_ratio': 'x', 'launch_loaded': 'ms', 'launch_loaded_frame': 'ms',
    'tab_again_max': 'ms', 'tab_again_stall': 'ms',
    'board_page': 'ms', 'board_page_stall': 'ms', 'board_end': 'ms', 'board_end_stall': 'ms',
    'board_home': 'ms', 'board_home_stall': 'ms', 'open_card': 'ms', 'open_card_stall': 'ms',
    'open_row': 'ms', 'open_row_stall': 'ms', 'tab_again_cpu': 'ms', 'board_page_cpu': 'ms',
    'board_end_cpu': 'ms', 'board_home_cpu': 'ms', 'open_card_cpu': 'ms', 'open_row_cpu': 'ms', 'key_count': 'keys', 'key_unchanged': 'keys',
    'key_p50': 'ms', 'key_p95': 'ms', 'key_max': 'ms', 'key_stall': 'ms', 'key_cpu_p50': 'ms', 'key_cpu_p95': 'ms', 'window_rss': 'MiB',
}
for tab in ('deals', 'approvals', 'satisfaction', 'board'):
    WINDOW_FIGURES[f'tab_{tab}'] = 'ms'
    WINDOW_FIGURES[f'tab_{tab}_stall'] = 'ms'
    WINDOW_FIGURES[f'tab_{tab}_cpu'] = 'ms'
if window:
    FIGURES.update(WINDOW_FIGURES)

run = subprocess.run([bench, n] + (['--window-quick'] if window else []),
                     capture_output=True, text=True, timeout=600)
results = [(run.returncode == 0, 'the benchmark exits with 0', run.stderr[-2000:])]

LINE = re.compile(r'^n(\d+)\.(\w+) (-?\d+(?:\.\d+)?) (\S+)$')
seen = {}
for line in run.stdout.splitlines():
    m = LINE.match(line)
    if m and m.group(1) == n:
        seen.setdefault(m.group(2), []).append((float(m.group(3)), m.group(4)))

for name, unit in FIGURES.items():
    lines = seen.get(name, [])
    ok = len(lines) == 1 and lines[0][1] == unit and lines[0][0] >= 0
    results.append((ok, f'figure {name} printed once, in {unit}', repr(lines)))

for name in sorted(set(seen) - set(FIGURES)):
    results.append((False, f'figure {name} is known to this check', repr(seen[name])))

table = [line for line in run.stdout.splitlines() if line.startswith('Pipeline loaded into the models')]
results.append((len(table) == 1, 'the table is printed', ''))

print(f'1..{len(results)}')
for i, (ok, name, detail) in enumerate(results, 1):
    print(f'{"ok" if ok else "not ok"} {i} {name}')
    if not ok and detail:
        for line in detail.splitlines():
            print(f'# {line}')
