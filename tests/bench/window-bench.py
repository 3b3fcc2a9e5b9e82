#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""What the user waits for in the real window, timed from outside.

    window-bench.py BUILDDIR DATABASE [--prefix P] [--runs N] [--keys N]
                    [--renderer cairo|gl] [--nice N]

Starts an Xvfb server of its own (1280×800) and the app on it, as the
tests do (in-memory settings, GTK_A11Y=none, the cairo renderer unless
--renderer gl), and drives it the way a user would, with synthetic key and
button events through the XTEST extension. Every time is taken in this
process, from just before the event is sent to the X damage the app's
repaint causes on its window (the DAMAGE extension), so it includes
everything on the way: GTK's event handling, any delay the widget adds,
the models, building rows, layout and painting.

Stalls are measured from outside too: while an action runs, this process
sends the window a _NET_WM_PING every few milliseconds, which GTK answers
from its main loop; the longest time a ping waited for its answer is the
longest the main thread could not take input.

Launches (each --runs times, 3 by default, on a new empty database and on
DATABASE): `first_frame` is the app's first paint (its own
SALESFLOW_PROFILE marks, in ms after main()), `deals_frame` the first
paint with a deal on it, `loaded` when every deal is in the models and a
search sees all of them.

Then one session on DATABASE: the four tabs in turn (Alt+2, 3, 4, 1; each
first visit, then a second round), the board scrolled by pages and to its
end and back in its largest column, a deal opened from the board (Enter
on a card) and a few more opened by moving down the deal list, then
--keys keystrokes (60) typed into the Deals search entry: words of the
database's titles, customers and owners letter by letter, a slip taken
back, the search cleared with Escape between words. A keystroke is done
at the last repaint of the list area (the window below the search row)
that follows it; the next key waits until the window has been still for
a while. At the end the app's peak RSS (VmHWM, from /proc).

--nice N runs Xvfb and the app at that niceness (e.g. -10 as root): on a
machine shared with other work it keeps the neighbours from setting the
pace; docs/performance.md says which runs used it.

Prints `P.name value unit` lines (P is --prefix, "window" by default);
tests/bench/salesflow-bench runs this for `build-aux/dev bench` and puts
the figures in its table. docs/performance.md records a run.
"""
import argparse
import os
import random
import select
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

from Xlib import X, XK, display, protocol
from Xlib.ext import damage, xtest

SCREEN = (1280, 800)
QUIET = 0.30          # the window is still for this long: the action is over
SETTLE_MAX = 20.0     # give up waiting for one action after this long
PING_EVERY = 0.004
AREA_WAIT = 1.5       # how long a keystroke may take to repaint the list
VERBOSE = bool(os.environ.get('WINDOW_BENCH_VERBOSE'))


def now():
    return time.monotonic()


NICE = []


class Xvfb:
    def __init__(self):
        r, w = os.pipe()
        self.proc = subprocess.Popen(
            NICE + ['Xvfb', '-displayfd', str(w), '-screen', '0', f'{SCREEN[0]}x{SCREEN[1]}x24',
             '-nolisten', 'tcp', '-noreset'],
            pass_fds=[w], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(w)
        number = b''
        while not number.endswith(b'\n'):
            chunk = os.read(r, 16)
            if not chunk:
                raise RuntimeError('Xvfb did not start')
            number += chunk
        os.close(r)
        self.name = ':' + number.decode().strip()

    def stop(self):
        self.proc.terminate()
        self.proc.wait()


class App:
    """The app on the X server, and everything this process sees of it."""

    def __init__(self, builddir, database, xname, renderer, config_home):
        self.d = display.Display(xname)
        self.root = self.d.screen().root
        self.d.damage_query_version()
        self.damage_event = self.d.extension_event.DamageNotify
        self.wm_protocols = self.d.intern_atom('WM_PROTOCOLS')
        self.net_wm_ping = self.d.intern_atom('_NET_WM_PING')
        self.net_wm_pid = self.d.intern_atom('_NET_WM_PID')
        self.root.change_attributes(event_mask=X.SubstructureNotifyMask)
        self.d.sync()

        env = dict(os.environ,
                   DISPLAY=xname, SALESFLOW_PROFILE='1', GSETTINGS_BACKEND='memory',
                   GSK_RENDERER=renderer, GSETTINGS_SCHEMA_DIR=os.path.join(builddir, 'data'),
                   SALESFLOW_LOCALEDIR=os.path.join(builddir, 'po'), XDG_CONFIG_HOME=config_home,
                   GTK_A11Y='none', NO_AT_BRIDGE='1', LC_ALL='C.UTF-8', LANGUAGE='')
        env.pop('WAYLAND_DISPLAY', None)
        self.started = now()
        self.proc = subprocess.Popen(NICE + [os.path.join(builddir, 'src', 'salesflow'), '--database', database],
                                     env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                     start_new_session=True)
        os.set_blocking(self.proc.stderr.fileno(), False)
        self.err = b''
        self.marks = {}
        self.window = None
        self.others = []        # the app's other windows: dialogs
        self.damages = []       # (time, x, y, w, h)
        self.pings = {}         # serial -> time sent
        self.ping_waits = []    # (time sent, seconds waited)
        self.serial = 0

    # Events

    def _handle(self, ev, t):
        if ev.type == self.damage_event:
            a = ev.area
            self.damages.append((t, a.x, a.y, a.width, a.height))
        elif ev.type == X.MapNotify:
            self._maybe_take(ev.window)
        elif ev.type == X.ClientMessage and ev.client_type == self.wm_protocols:
            fmt, data = ev.data
            if data[0] == self.net_wm_ping and data[1] in self.pings:
                sent = self.pings.pop(data[1])
                self.ping_waits.append((sent, t - sent))

    def _maybe_take(self, win):
        try:
            pid = win.get_full_property(self.net_wm_pid, X.AnyPropertyType)
            geometry = win.get_geometry()
        except Exception:
            return
        if pid is None or pid.value[0] != self.proc.pid or geometry.width < 200:
            return
        if self.window is not None:
            self.others.append(win)
            return
        self.window = win
        win.damage_create(damage.DamageReportRawRectangles)
        self.d.sync()
        self.mapped_at = now()

    def _read_stderr(self):
        try:
            chunk = os.read(self.proc.stderr.fileno(), 65536)
        except BlockingIOError:
            return
        if not chunk:
            return
        self.err += chunk
        *lines, self.err = self.err.split(b'\n')
        for line in lines:
            parts = line.decode(errors='replace').split()
            if len(parts) >= 3 and parts[0] == 'salesflow-profile:':
                try:
                    self.marks.setdefault(parts[1], float(parts[2]))
                except ValueError:
                    pass

    def pump(self, until):
        """Handles events until @until (a time), pinging if asked."""
        fds = [self.d.fileno(), self.proc.stderr.fileno()]
        while True:
            t = now()
            while self.d.pending_events():
                self._handle(self.d.next_event(), now())
            if self.pinging and self.window is not None and not self.pings and t >= self.next_ping:
                self._ping()
            remaining = until - now()
            if remaining <= 0:
                return
            if self.pinging and not self.pings:
                remaining = min(remaining, max(0.0, self.next_ping - now()))
            r, _, _ = select.select(fds, [], [], remaining)
            if self.proc.stderr.fileno() in r:
                self._read_stderr()

    pinging = False
    next_ping = 0.0

    def _ping(self):
        self.serial += 1
        ev = protocol.event.ClientMessage(
            window=self.window, client_type=self.wm_protocols,
            data=(32, [self.net_wm_ping, self.serial, self.window.id, 0, 0]))
        self.window.send_event(ev, event_mask=0)
        self.d.flush()
        t = now()
        self.pings[self.serial] = t
        self.next_ping = t + PING_EVERY

    def wait_for(self, test, timeout):
        end = now() + timeout
        while not test():
            if now() > end or self.proc.poll() is not None:
                return False
            self.pump(min(end, now() + 0.02))
        return True

    # Input

    def keycode(self, name):
        sym = XK.string_to_keysym(name)
        if sym == 0 and len(name) == 1:
            sym = ord(name)
        return self.d.keysym_to_keycode(sym)

    def key(self, name, *modifiers):
        for m in modifiers:
            xtest.fake_input(self.d, X.KeyPress, self.keycode(m))
        code = self.keycode(name)
        xtest.fake_input(self.d, X.KeyPress, code)
        xtest.fake_input(self.d, X.KeyRelease, code)
        for m in reversed(modifiers):
            xtest.fake_input(self.d, X.KeyRelease, self.keycode(m))
        self.d.flush()

    def click(self, x, y):
        xtest.fake_input(self.d, X.MotionNotify, x=x, y=y)
        xtest.fake_input(self.d, X.ButtonPress, 1)
        xtest.fake_input(self.d, X.ButtonRelease, 1)
        self.d.flush()

    def focus(self):
        xtest.fake_input(self.d, X.MotionNotify, x=600, y=20)
        self.window.set_input_focus(X.RevertToParent, X.CurrentTime)
        self.d.sync()

    # Measuring

    def settle(self, quiet=QUIET):
        """Waits until nothing has been drawn for @quiet seconds."""
        end = now() + SETTLE_MAX
        while now() < end:
            last = self.damages[-1][0] if self.damages else 0
            if now() - last >= quiet:
                return
            self.pump(min(end, last + quiet))

    def act(self, send, area=None, quiet=QUIET):
        """Sends an event; returns (ms until the last repaint that followed
        it [inside @area], longest ping wait in ms)."""
        self.settle()
        first = len(self.damages)
        cpu0 = self.main_cpu()
        self.ping_waits = []
        self.pinging = True
        self.next_ping = 0.0
        t0 = now()
        send()
        self.pump(t0 + 0.001)
        end = t0 + SETTLE_MAX
        while now() < end:
            last = self.damages[-1][0] if len(self.damages) > first else t0
            if now() - last >= quiet and not self.pings:
                # A search repaints the entry at once and the list only
                # after the entry's delay and the filter: wait a while for
                # the list before taking the key as one that changed nothing.
                if area is None or now() - t0 >= AREA_WAIT or \
                        any(area(d) for d in self.damages[first:]):
                    break
            self.pump(min(end, max(last + quiet, now() + 0.005)))
        self.pinging = False
        # A ping still out waited at least until now.
        for sent in self.pings.values():
            self.ping_waits.append((sent, now() - sent))
        self.pings.clear()
        hits = [d for d in self.damages[first:] if area is None or area(d)]
        done = (hits[-1][0] - t0) * 1000 if hits else None
        stall = max((w for _, w in self.ping_waits), default=0.0) * 1000
        self.last_cpu = (self.main_cpu() - cpu0) * 1000
        return done, stall

    def main_cpu(self):
        """The main thread's CPU time so far, in seconds."""
        try:
            with open(f'/proc/{self.proc.pid}/schedstat') as f:
                return int(f.read().split()[0]) / 1e9
        except OSError:
            return 0.0

    def peak_rss_mib(self):
        with open(f'/proc/{self.proc.pid}/status') as f:
            for line in f:
                if line.startswith('VmHWM:'):
                    return int(line.split()[1]) / 1024
        return 0.0

    def stop(self):
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        self.proc.wait()
        self.d.close()


def start(builddir, database, xname, renderer, config_home):
    app = App(builddir, database, xname, renderer, config_home)
    if not app.wait_for(lambda: app.window is not None, 60):
        app.stop()
        raise RuntimeError('the window did not appear')
    return app


def launch(builddir, database, xname, renderer, config_home, empty):
    """One launch: the app's profile marks."""
    app = start(builddir, database, xname, renderer, config_home)
    want = 'first-frame' if empty else 'loaded-frame'
    app.wait_for(lambda: want in app.marks and (empty or 'deals-frame' in app.marks), 600)
    if empty:
        # The welcome page follows the empty pipeline's load.
        app.wait_for(lambda: 'loaded-frame' in app.marks, 30)
    marks = dict(app.marks)
    marks['rss'] = app.peak_rss_mib()
    app.stop()
    return marks


def words(database, rng, count):
    """Words a user would look for: from titles, customers, owners."""
    db = sqlite3.connect(f'file:{database}?mode=ro', uri=True)
    try:
        rows = db.execute('SELECT d.title, d.customer, p.name FROM deals d '
                          'LEFT JOIN persons p ON p.id = d.owner_id '
                          'WHERE d.id % 97 = 0 LIMIT 400').fetchall()
    finally:
        db.close()
    pool = []
    for row in rows:
        for text in row:
            for w in (text or '').lower().split():
                w = ''.join(c for c in w if c.isascii() and c.isalnum())
                if len(w) >= 3:
                    pool.append(w)
    rng.shuffle(pool)
    return pool[:count] or ['nord', 'fjell', 'berg']


def session(builddir, database, xname, renderer, config_home, n_keys, out):
    app = start(builddir, database, xname, renderer, config_home)
    try:
        if not app.wait_for(lambda: 'loaded-frame' in app.marks, 900):
            raise RuntimeError('the deals were not shown')
        # With several people and none remembered the app asks who uses
        # it: the first.
        if app.wait_for(lambda: app.others, 3):
            app.settle(0.5)
            app.others[0].set_input_focus(X.RevertToParent, X.CurrentTime)
            app.d.sync()
            app.key('Return')
        app.settle(1.0)
        app.focus()
        app.settle(0.5)
        geometry = app.window.get_geometry()
        width, height = geometry.width, geometry.height

        # Tabs: first visits, then a second round.
        for name, key in (('deals', '2'), ('approvals', '3'), ('satisfaction', '4'), ('board', '1')):
            done, stall = app.act(lambda: app.key(key, 'Alt_L'))
            out(f'tab_{name}', done, 'ms')
            out(f'tab_{name}_stall', stall, 'ms')
            out(f'tab_{name}_cpu', app.last_cpu, 'ms')
        again, again_cpu = [], []
        for key in ('2', '3', '4', '1'):
            again.append(app.act(lambda: app.key(key, 'Alt_L')))
            again_cpu.append(app.last_cpu)
        out('tab_again_max', max(d or 0 for d, _ in again), 'ms')
        out('tab_again_stall', max(s for _, s in again), 'ms')
        out('tab_again_cpu', max(again_cpu), 'ms')

        # The board: select the first card of the first column (Prospect,
        # the largest) and page through it.
        app.act(lambda: app.click(width // 12, 240))
        pages, pages_cpu = [], []
        for _ in range(5):
            pages.append(app.act(lambda: app.key('Page_Down')))
            pages_cpu.append(app.last_cpu)
        out('board_page', statistics.median(d or 0 for d, _ in pages), 'ms')
        out('board_page_stall', max(s for _, s in pages), 'ms')
        out('board_page_cpu', max(pages_cpu), 'ms')
        done, stall = app.act(lambda: app.key('End'))
        out('board_end', done, 'ms')
        out('board_end_stall', stall, 'ms')
        out('board_end_cpu', app.last_cpu, 'ms')
        done2, stall2 = app.act(lambda: app.key('Home'))
        out('board_home', done2, 'ms')
        out('board_home_stall', stall2, 'ms')
        out('board_home_cpu', app.last_cpu, 'ms')

        # Open the selected card's deal: the Deals view with its pane.
        done, stall = app.act(lambda: app.key('Return'))
        out('open_card', done, 'ms')
        out('open_card_stall', stall, 'ms')
        out('open_card_cpu', app.last_cpu, 'ms')
        # Then the next deals in the list.
        opens, opens_cpu = [], []
        for _ in range(5):
            opens.append(app.act(lambda: app.key('Down')))
            opens_cpu.append(app.last_cpu)
        out('open_row', statistics.median(d or 0 for d, _ in opens), 'ms')
        out('open_row_stall', max(s for _, s in opens), 'ms')
        out('open_row_cpu', max(opens_cpu), 'ms')

        # Search: Ctrl+F focuses the entry; type.
        app.act(lambda: app.key('f', 'Control_L'))
        # WINDOW_BENCH_PERF=FILE records the app with perf while it searches.
        perf = None
        if os.environ.get('WINDOW_BENCH_PERF'):
            perf = subprocess.Popen(['perf', 'record', '-F', '999', '--call-graph', 'dwarf,16384', '-p', str(app.proc.pid),
                                     '-o', os.environ['WINDOW_BENCH_PERF']],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(1)
        rng = random.Random(len(database))
        list_top = 150   # the list's rows; above are the entry, the filters and the count

        def in_list(d):
            return d[2] + d[4] > list_top

        times, stalls, cpus, unchanged = [], [], [], 0
        typed = 0
        for word in words(database, rng, n_keys):
            keys = list(word)
            if rng.random() < 0.2 and len(keys) > 2:
                slip = rng.randrange(1, len(keys) - 1)
                keys = keys[:slip] + ['x', 'BackSpace'] + keys[slip:]
            keys.append('Escape')
            for k in keys:
                if typed >= n_keys:
                    break
                done, stall = app.act(lambda: app.key(k), area=in_list)
                if VERBOSE:
                    print(f'    key {k!r}: {done} ms, stall {stall:.1f} ms, cpu {app.last_cpu:.1f} ms',
                          file=sys.stderr)
                typed += 1
                stalls.append(stall)
                if done is None:
                    unchanged += 1
                else:
                    times.append(done)
                    cpus.append(app.last_cpu)
            if typed >= n_keys:
                break
        if perf is not None:
            perf.send_signal(signal.SIGINT)
            perf.wait()
        times.sort()
        out('key_count', len(times), 'keys')
        out('key_unchanged', unchanged, 'keys')
        out('key_p50', percentile(times, 50), 'ms')
        out('key_p95', percentile(times, 95), 'ms')
        out('key_max', times[-1] if times else 0, 'ms')
        out('key_stall', max(stalls, default=0), 'ms')
        # The main thread's CPU time for the same keystrokes: what the work
        # costs, whatever else the machine is doing.
        out('key_cpu_p50', percentile(cpus, 50), 'ms')
        out('key_cpu_p95', percentile(cpus, 95), 'ms')
        app.settle()
        out('window_rss', app.peak_rss_mib(), 'MiB')
    finally:
        app.stop()


def percentile(values, p):
    if not values:
        return 0.0
    values = sorted(values)
    rank = max(1, (p * len(values) + 99) // 100)
    return values[rank - 1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('builddir')
    ap.add_argument('database')
    ap.add_argument('--prefix', default='window')
    ap.add_argument('--runs', type=int, default=3)
    ap.add_argument('--keys', type=int, default=60)
    ap.add_argument('--renderer', default='cairo', choices=('cairo', 'gl'))
    ap.add_argument('--nice', type=int, default=0)
    args = ap.parse_args()
    if args.nice:
        NICE[:] = ['nice', '-n', str(args.nice)]

    def out(name, value, unit):
        print(f'{args.prefix}.{name} {0.0 if value is None else value:.3f} {unit}', flush=True)

    def say(text):
        print(f'  {text}', file=sys.stderr, flush=True)

    xvfb = Xvfb()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            config = os.path.join(tmp, 'config')
            os.makedirs(os.path.join(config, 'gtk-4.0'))
            # A blinking cursor and animations would repaint while nothing
            # happens; without them the window is still once an action is done.
            with open(os.path.join(config, 'gtk-4.0', 'settings.ini'), 'w') as f:
                f.write('[Settings]\ngtk-cursor-blink = false\ngtk-enable-animations = false\ngtk-overlay-scrolling = false\n')

            launches = {'empty': [], 'deals': []}
            for i in range(args.runs):
                for kind in ('empty', 'deals'):
                    path = os.path.join(tmp, f'empty-{i}.db') if kind == 'empty' else args.database
                    marks = launch(args.builddir, path, xvfb.name, args.renderer, config, kind == 'empty')
                    say(f'launch {kind} {i + 1}: ' + ', '.join(f'{k} {v:g}' for k, v in marks.items()))
                    launches[kind].append(marks)

            def median(kind, key):
                values = [m[key] for m in launches[kind] if key in m]
                return statistics.median(values) if values else None

            empty_first = median('empty', 'first-frame')
            out('first_frame_empty', empty_first, 'ms')
            out('launch_rss_empty', median('empty', 'rss'), 'MiB')
            out('first_frame', median('deals', 'first-frame'), 'ms')
            deals_frame = median('deals', 'deals-frame')
            out('deals_frame', deals_frame, 'ms')
            out('deals_frame_ratio', deals_frame / empty_first if deals_frame and empty_first else None, 'x')
            out('launch_loaded', median('deals', 'loaded'), 'ms')
            out('launch_loaded_frame', median('deals', 'loaded-frame'), 'ms')

            say('session: tabs, board, opening deals, search')
            session(args.builddir, args.database, xvfb.name, args.renderer, config, args.keys, out)
    finally:
        xvfb.stop()


main()
