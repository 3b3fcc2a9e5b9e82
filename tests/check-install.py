#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Install into a temporary DESTDIR and check that every file is in place.

    check-install.py MESON BUILDDIR APP_ID VERSION

Runs `meson install --destdir` (the real prefix is never written to: with
DESTDIR set, meson also skips the post-install cache updates), checks each
installed file, runs the installed `salesflow --version`, and removes the
temporary tree again. Speaks TAP.
"""
import gettext
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'
# The translations, as po/LINGUAS lists them.
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'po', 'LINGUAS'),
          encoding='utf-8') as linguas:
    LANGS = [line.strip() for line in linguas if line.strip() and not line.startswith('#')]


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


def options(meson, builddir):
    out = subprocess.run([meson, 'introspect', builddir, '--buildoptions'],
                         check=True, capture_output=True, text=True).stdout
    return {o['name']: o['value'] for o in json.loads(out)}


def under(prefix, path):
    """Option values are relative to the prefix unless absolute."""
    return path if os.path.isabs(path) else os.path.join(prefix, path)


def read_desktop(path):
    entry = {}
    with open(path, encoding='utf-8') as f:
        for line in f:
            if '=' in line and not line.startswith('#'):
                key, value = line.rstrip('\n').split('=', 1)
                entry[key] = value
    return entry


def is_svg(path):
    try:
        return ET.parse(path).getroot().tag == '{http://www.w3.org/2000/svg}svg'
    except (OSError, ET.ParseError):
        return False


def check_translations(tap, files, app_id):
    desktop = read_desktop(files['desktop'])
    english = desktop.get('Comment', '')
    for lang in LANGS:
        try:
            with open(files[f'mo-{lang}'], 'rb') as f:
                translated = gettext.GNUTranslations(f).gettext(english)
        except OSError as e:
            translated = str(e)
        tap.check(translated != english and translated == desktop.get(f'Comment[{lang}]'),
                  f'the {lang} catalogue translates the desktop comment as the desktop file does',
                  f'catalogue: {translated!r}\ndesktop: {desktop.get(f"Comment[{lang}]")!r}')
    tap.check(desktop.get('Icon') == app_id and desktop.get('Exec', '').split()[0] == 'salesflow',
              'the desktop file starts salesflow with the app icon', desktop)

    try:
        root = ET.parse(files['metainfo']).getroot()
    except (OSError, ET.ParseError) as e:
        tap.check(False, 'the metainfo parses', e)
        return
    langs = {s.get(XML_LANG) for s in root.findall('summary')}
    tap.check(root.findtext('id') == app_id
              and root.findtext('launchable') == app_id + '.desktop'
              and set(LANGS) <= langs,
              'the metainfo names the app, its desktop file and translated summaries',
              f'id={root.findtext("id")!r} launchable={root.findtext("launchable")!r} langs={langs}')


def check_files(tap, root, opts, app_id, version):
    """ROOT is the DESTDIR; the paths below it are the absolute installed ones."""
    prefix = opts['prefix']
    datadir = under(prefix, opts['datadir'])
    localedir = under(prefix, opts['localedir'])
    bindir = under(prefix, opts['bindir'])
    icons = os.path.join(datadir, 'icons', 'hicolor')
    files = {
        'executable': os.path.join(bindir, 'salesflow'),
        'desktop': os.path.join(datadir, 'applications', app_id + '.desktop'),
        'metainfo': os.path.join(datadir, 'metainfo', app_id + '.metainfo.xml'),
        'gschema': os.path.join(datadir, 'glib-2.0', 'schemas', app_id + '.gschema.xml'),
        'app icon': os.path.join(icons, 'scalable', 'apps', app_id + '.svg'),
        'symbolic icon': os.path.join(icons, 'symbolic', 'apps', app_id + '-symbolic.svg'),
    }
    for lang in LANGS:
        files[f'mo-{lang}'] = os.path.join(localedir, lang, 'LC_MESSAGES', 'salesflow.mo')
    files = {k: root + v for k, v in files.items()}

    for what, path in files.items():
        tap.check(os.path.isfile(path), f'{what} installed as {path[len(root):]}')

    installed = {os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs}
    extra = sorted(p[len(root):] for p in installed - set(files.values()))
    tap.check(not extra, 'nothing else is installed', '\n'.join(extra))

    tap.check(os.access(files['executable'], os.X_OK), 'the executable may be run')
    tap.check(is_svg(files['app icon']) and is_svg(files['symbolic icon']), 'both icons are SVG')
    check_translations(tap, files, app_id)

    run = subprocess.run([files['executable'], '--version'], capture_output=True, text=True,
                         timeout=30)
    tap.check(run.returncode == 0 and run.stdout == f'salesflow {version}\n',
              f'the installed salesflow --version prints "salesflow {version}"',
              f'exit {run.returncode}\nstdout: {run.stdout!r}\nstderr: {run.stderr!r}')


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    meson, builddir, app_id, version = sys.argv[1:]
    tap = Tap()
    destdir = tempfile.mkdtemp(prefix='salesflow-install-')
    try:
        opts = options(meson, builddir)
        env = dict(os.environ)
        env.pop('DESTDIR', None)
        inst = subprocess.run([meson, 'install', '-C', builddir, '--no-rebuild', '--quiet',
                               '--destdir', destdir],
                              capture_output=True, text=True, env=env, timeout=90)
        if not tap.check(inst.returncode == 0, 'meson install --destdir succeeds',
                         inst.stdout + inst.stderr):
            print(f'1..{tap.n}')
            return 1
        check_files(tap, destdir.rstrip(os.sep), opts, app_id, version)
    finally:
        shutil.rmtree(destdir, ignore_errors=True)
    print(f'1..{tap.n}')
    return 1 if tap.failed else 0


if __name__ == '__main__':
    sys.exit(main())
