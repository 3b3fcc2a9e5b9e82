#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the Flatpak manifest without building it (there is no network here).

    check-flatpak-manifest.py MANIFEST APP_ID

The manifest must be valid JSON for the GNOME runtime, start salesflow, and
build what the runtime lacks from pinned sources before Salesflow itself.
Speaks TAP.
"""
import json
import os
import re
import sys

# Debian 12's versions (GTK 4.8, libadwaita 1.2) first came with GNOME 43.
MIN_RUNTIME = 43
NEEDED_MODULES = ('libsodium', 'libical', 'libcsv')
FINISH_ARGS = ('--share=ipc', '--socket=fallback-x11', '--socket=wayland', '--device=dri')
SHA256 = re.compile(r'^[0-9a-f]{64}$')


def source_problem(source, manifest_dir):
    """Why SOURCE is not pinned to exact bytes, or None when it is."""
    kind = source.get('type')
    if kind == 'archive':
        if not source.get('url', '').startswith('https://'):
            return 'archive without an https URL'
        if not SHA256.match(source.get('sha256', '')):
            return 'archive without a sha256'
        return None
    if kind == 'git':
        if not source.get('url') or not (source.get('tag') or source.get('commit')):
            return 'git source without a tag or commit'
        return None
    if kind == 'dir':
        path = os.path.join(manifest_dir, source.get('path', ''))
        if not os.path.isfile(os.path.join(path, 'meson.build')):
            return f'dir {path} holds no meson.build'
        return None
    return f'unexpected source type {kind!r}'


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    path, app_id = sys.argv[1:]
    results = []

    def check(ok, what, detail=''):
        results.append(ok)
        print(f'{"ok" if ok else "not ok"} {len(results)} - {what}')
        if not ok and detail:
            print(f'# {detail}')

    try:
        with open(path, encoding='utf-8') as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        check(False, 'the manifest is valid JSON', e)
        print('1..1')
        return 1
    check(isinstance(manifest, dict), 'the manifest is valid JSON')

    check(manifest.get('id', manifest.get('app-id')) == app_id, f'the id is {app_id}')
    check(manifest.get('runtime') == 'org.gnome.Platform' and manifest.get('sdk') == 'org.gnome.Sdk',
          'it builds on the GNOME runtime and SDK')
    version = str(manifest.get('runtime-version', ''))
    check(version.isdigit() and int(version) >= MIN_RUNTIME,
          f'the runtime is GNOME {MIN_RUNTIME} or newer', f'runtime-version {version!r}')
    check(manifest.get('command') == 'salesflow', 'it starts salesflow')
    missing = [a for a in FINISH_ARGS if a not in manifest.get('finish-args', [])]
    check(not missing, 'it has a display, IPC and the GPU', f'missing {missing}')

    modules = [m for m in manifest.get('modules', []) if isinstance(m, dict)]
    names = [m.get('name') for m in modules]
    for needed in NEEDED_MODULES:
        check(needed in names, f'it builds {needed}', f'modules: {names}')
    check(names[-1:] == ['salesflow'] and modules[-1].get('buildsystem') == 'meson',
          'Salesflow is built last, with meson', f'modules: {names}')

    manifest_dir = os.path.dirname(os.path.abspath(path))
    for module in modules:
        sources = module.get('sources', [])
        problems = [p for p in (source_problem(s, manifest_dir) for s in sources) if p]
        check(sources and not problems, f'{module.get("name")} comes from pinned sources',
              '; '.join(problems) or 'no sources')

    print(f'1..{len(results)}')
    return 0 if all(results) else 1


if __name__ == '__main__':
    sys.exit(main())
