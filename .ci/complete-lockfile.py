#!/usr/bin/env python3
"""Adds lockfile entries for optional platform packages that this machine's npm registry mirror
does not serve (other OSes' builds of biome and rollup), so `npm ci` accepts the lockfile.
npm never installs them here: each entry carries the os/cpu it is for, and they are optional.
Run after `npm install` changes package-lock.json:  python3 .ci/complete-lockfile.py"""
import json, re, sys

path = sys.argv[1] if len(sys.argv) > 1 else 'package-lock.json'
lock = json.load(open(path))
pkgs = lock['packages']
OS = ['android', 'darwin', 'linux', 'win32', 'freebsd', 'openbsd', 'openharmony']
CPU = {'arm64': 'arm64', 'x64': 'x64', 'arm': 'arm', 'ia32': 'ia32', 'loong64': 'loong64', 'ppc64': 'ppc64', 'riscv64': 'riscv64', 's390x': 's390x'}
added = 0
for key, meta in list(pkgs.items()):
    for name, spec in (meta.get('optionalDependencies') or {}).items():
        entry = f'node_modules/{name}'
        if entry in pkgs or not re.fullmatch(r'\d+\.\d+\.\d+', spec):
            continue
        parts = re.split(r'[-/]', name)
        os_ = next((p for p in parts if p in OS), None)
        cpu = next((CPU[p] for p in parts if p in CPU), None)
        if not os_ or not cpu:
            continue
        e = {'version': spec, 'dev': meta.get('dev', False), 'optional': True, 'os': [os_], 'cpu': [cpu]}
        if 'musl' in name:
            e['libc'] = ['musl']
        elif os_ == 'linux' and ('gnu' in name or name.endswith(f'{cpu}')):
            e['libc'] = ['glibc']
        if not e['dev']:
            del e['dev']
        pkgs[entry] = e
        added += 1
lock['packages'] = dict(sorted(pkgs.items(), key=lambda kv: (kv[0] != '', kv[0])))
json.dump(lock, open(path, 'w'), indent=2)
open(path, 'a').write('\n')
print(f'added {added} optional platform entries')
