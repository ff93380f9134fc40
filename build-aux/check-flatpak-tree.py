#!/usr/bin/env python3
# check-flatpak-tree.py SRCROOT MANIFEST MESON
#
# The flatpak's install tree, checked offline (a real flatpak-builder run
# needs the network for the runtime). Configures a fresh build with the app
# module's own config-opts and --prefix=/app, as flatpak-builder does,
# installs it into a temporary DESTDIR, applies the manifest's cleanup, lays
# the font module's files out as its build-commands do, then checks what
# `flatpak build-export` needs and what the app reads at run time:
#
#   - the command and tirkeu-cli in /app/bin;
#   - desktop file, metainfo, icons and MIME package named by the app id
#     (flatpak exports only files with that prefix), consistent with each
#     other, and valid (desktop-file-validate, appstreamcli --strict,
#     update-mime-database); the metainfo's screenshots are files of this
#     repository (resources/screenshots) with the sizes it declares;
#   - the translations (.mo for each language of po/LINGUAS);
#   - the GSettings schema (glib-compile-schemas --strict);
#   - the font module: a local deb pinned by its sha256, no download address;
#   - Noto Sans in /app/share/fonts, found by fontconfig configured as the
#     runtime configures it (only /app/share/fonts here), and the installed
#     tirkeu-cli printing a Kazakh-Russian checklist with it.
#
# The build adds -Dtests=false to the manifest's options: flatpak-builder
# builds and runs the tests, but they install nothing. TAP output.
#
# Copyright 2026 The Tirkeu developers
# SPDX-License-Identifier: GPL-3.0-or-later
import configparser
import fnmatch
import gettext
import hashlib
import json
import os
import pathlib
import shlex
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

ANSWERS_MIME_TYPE = 'application/x-tirkeu-answers'
SCHEMA_ID = 'io.github.tirkeu.Tirkeu'
FONT_FAMILY = 'Noto Sans'
PREFIX = '/app'
REPOSITORY = 'https://github.com/tirkeu/tirkeu'
# The font module's deb: a local file source beside the manifest (filled by
# `apt-get download`, see flatpak/README.md), else an offline apt cache.
DEB_CACHES = ['/var/cache/apt/archives']
# Where the font module installs the fonts and the app reads them (-Dfont_dir).
FONT_DIR = PREFIX + '/share/fonts/noto-sans'

results = []


def check(description, ok, detail=''):
    results.append(bool(ok))
    print(('ok' if ok else 'not ok') + ' %d - %s' % (len(results), description))
    if detail and not ok:
        for line in str(detail).splitlines():
            print('# ' + line)
    return ok


def run(args, **kwargs):
    return subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, **kwargs)


def app_module(manifest):
    for module in manifest['modules']:
        if isinstance(module, dict) and module.get('buildsystem') == 'meson':
            for source in module.get('sources', []):
                if source.get('type') == 'dir':
                    return module
    raise SystemExit('Bail out! no meson module built from the source tree in the manifest')


def font_module(manifest):
    """The module whose build-commands install into /app/share/fonts."""
    for module in manifest['modules']:
        if isinstance(module, dict) and \
           any('${FLATPAK_DEST}/share/fonts' in c for c in module.get('build-commands', [])):
            return module
    return None


def build_and_install(srcroot, meson, module, tmp):
    build = tmp / 'build'
    destdir = tmp / 'dest'
    setup = [meson, 'setup', str(build), str(srcroot), '--prefix=' + PREFIX, '--libdir=lib']
    setup += module.get('config-opts', []) + ['-Dtests=false']
    print('# ' + shlex.join(setup[1:]))
    out = run(setup)
    if not check('meson setup with the manifest config-opts and --prefix=' + PREFIX,
                 out.returncode == 0, out.stdout):
        return None
    out = run([meson, 'compile', '-C', str(build)])
    if not check('meson compile', out.returncode == 0, out.stdout[-4000:]):
        return None
    out = run([meson, 'install', '-C', str(build), '--destdir', str(destdir),
               '--no-rebuild', '--quiet'])
    if not check('meson install --destdir', out.returncode == 0, out.stdout):
        return None
    return destdir


def apply_cleanup(app, patterns):
    """flatpak-builder's cleanup: /PATH is relative to the prefix, any other
    pattern matches file names anywhere."""
    for pattern in patterns:
        if pattern.startswith('/'):
            for path in app.glob(pattern.lstrip('/')):
                if path.is_dir():
                    shutil.rmtree(path)
                else:
                    path.unlink()
        else:
            for path in list(app.rglob('*')):
                if path.is_file() and fnmatch.fnmatch(path.name, pattern):
                    path.unlink()


def check_layout(destdir, app, app_id, command):
    outside = sorted(p.name for p in destdir.iterdir() if p.name != PREFIX.strip('/'))
    check('nothing installed outside ' + PREFIX, not outside, 'also installed: %s' % outside)
    for binary in [command, 'tirkeu-cli']:
        path = app / 'bin' / binary
        check('%s/bin/%s is an executable' % (PREFIX, binary),
              path.is_file() and os.access(path, os.X_OK))
    named = ['share/applications/%s.desktop' % app_id,
             'share/metainfo/%s.metainfo.xml' % app_id,
             'share/icons/hicolor/scalable/apps/%s.svg' % app_id,
             'share/icons/hicolor/symbolic/apps/%s-symbolic.svg' % app_id,
             'share/mime/packages/%s.xml' % app_id,
             'share/glib-2.0/schemas/%s.gschema.xml' % SCHEMA_ID]
    for rel in named:
        check('%s/%s is installed' % (PREFIX, rel), (app / rel).is_file())
    # flatpak build-export exports only these folders' files named by the app id.
    exported = ['share/applications', 'share/metainfo', 'share/icons', 'share/mime/packages',
                'share/dbus-1/services']
    strays = [str(p.relative_to(app)) for d in exported if (app / d).is_dir()
              for p in (app / d).rglob('*')
              if p.is_file() and not p.name.startswith(app_id)
              and p.name not in ('index.theme', 'icon-theme.cache')]
    check('every exported file is named by the app id', not strays,
          'not exported by flatpak: %s' % strays)


def check_desktop_and_metainfo(app, app_id, command, srcroot):
    desktop = app / ('share/applications/%s.desktop' % app_id)
    metainfo = app / ('share/metainfo/%s.metainfo.xml' % app_id)
    if desktop.is_file():
        out = run(['desktop-file-validate', str(desktop)])
        check('installed desktop file is valid', out.returncode == 0 and not out.stdout.strip(),
              out.stdout)
        entry = configparser.ConfigParser(interpolation=None, strict=False)
        entry.optionxform = str
        entry.read(desktop, encoding='utf-8')
        section = entry['Desktop Entry']
        exec_line = section.get('Exec', '').split()
        check('Exec runs the manifest command with %U',
              exec_line[:1] == [command] and '%U' in exec_line, section.get('Exec'))
        check('Icon is the app id', section.get('Icon') == app_id, section.get('Icon'))
        check('MimeType names the answers type',
              ANSWERS_MIME_TYPE in section.get('MimeType', '').split(';'),
              section.get('MimeType'))
    if metainfo.is_file():
        out = run(['appstreamcli', 'validate', '--no-net', '--strict', '--explain',
                   str(metainfo)])
        check('installed metainfo is valid', out.returncode == 0, out.stdout)
        root = ET.parse(metainfo).getroot()
        check('metainfo id is the app id', root.findtext('id') == app_id, root.findtext('id'))
        check('metainfo launches the installed desktop file',
              root.findtext("launchable[@type='desktop-id']") == app_id + '.desktop')
        check('metainfo has screenshots', len(root.findall('screenshots/screenshot')) >= 4)
        for image in root.findall('screenshots/screenshot/image'):
            check_screenshot(image, srcroot)


def check_screenshot(image, srcroot):
    """A screenshot is this repository's own file, with the size it declares."""
    url = image.text.strip()
    rel = url.split('/raw/main/', 1)[-1]
    path = srcroot / rel
    ok = url.startswith(REPOSITORY + '/raw/main/') and path.is_file()
    detail = '%s: not a file of this repository' % url
    if ok:
        header = path.read_bytes()[:24]
        size = (int.from_bytes(header[16:20], 'big'), int.from_bytes(header[20:24], 'big'))
        declared = (int(image.get('width', 0)), int(image.get('height', 0)))
        ok = header[:8] == b'\x89PNG\r\n\x1a\n' and size == declared
        detail = '%s is %dx%d, the metainfo says %dx%d' % ((rel,) + size + declared)
    check('screenshot %s is in the repository, %sx%s' % (rel, image.get('width'),
                                                         image.get('height')), ok, detail)


def check_mime(app, app_id, tmp, srcroot):
    package = app / ('share/mime/packages/%s.xml' % app_id)
    if not package.is_file():
        return
    mime = tmp / 'mime-data' / 'mime'
    (mime / 'packages').mkdir(parents=True)
    shutil.copy(package, mime / 'packages')
    out = run(['update-mime-database', str(mime)])
    check('update-mime-database reads the MIME package', out.returncode == 0 and
          (mime / 'mime.cache').is_file(), out.stdout)
    answers = (srcroot / 'tests/fixtures/answers-loop.xml').read_bytes()
    samples = {'answers.tirkeu': ANSWERS_MIME_TYPE, 'answers-without-extension': ANSWERS_MIME_TYPE}
    env = dict(os.environ, XDG_DATA_HOME=str(mime.parent), XDG_DATA_DIRS='/usr/share')
    for name, expected in samples.items():
        (tmp / name).write_bytes(answers)
        out = run(['gio', 'info', '-a', 'standard::content-type', str(tmp / name)], env=env)
        check('GIO calls %s %s' % (name, expected), 'content-type: ' + expected in out.stdout,
              out.stdout)


def check_translations(app, srcroot):
    linguas = (srcroot / 'po/LINGUAS').read_text().split()
    for lang in linguas:
        mo = app / 'share/locale' / lang / 'LC_MESSAGES/tirkeu.mo'
        ok = mo.is_file()
        detail = 'missing'
        if ok:
            with open(mo, 'rb') as f:
                catalog = gettext.GNUTranslations(f)
            translated = catalog.gettext('Tirkeu answers')
            ok = translated != 'Tirkeu answers'
            detail = 'not translated: Tirkeu answers'
        check('%s/share/locale/%s/LC_MESSAGES/tirkeu.mo translates' % (PREFIX, lang), ok, detail)


def check_schema(app):
    schemas = app / 'share/glib-2.0/schemas'
    if schemas.is_dir():
        out = run(['glib-compile-schemas', '--strict', '--dry-run', str(schemas)])
        check('installed schemas compile (flatpak compiles them at build-finish)',
              out.returncode == 0, out.stdout)


def local_deb(module, manifest_dir):
    """The font module's deb beside the manifest or in an offline cache, if
    there with its pinned hash."""
    for source in module.get('sources', []):
        name = os.path.basename(source.get('path', ''))
        for cache in [manifest_dir] + DEB_CACHES:
            path = pathlib.Path(cache) / name
            if name and path.is_file() and \
               hashlib.sha256(path.read_bytes()).hexdigest() == source.get('sha256'):
                return path
    return None


def check_font_sources(module, manifest_text):
    """A local file source pinned by SHA-256, and no package archive named."""
    sources = module.get('sources', [])
    check('the font module takes the deb from a local file, pinned by its sha256',
          sources and all(s.get('type') == 'file' and 'path' in s and 'url' not in s
                          and len(s.get('sha256', '')) == 64 for s in sources), sources)
    check('the manifest names no download address', '://' not in manifest_text)


def install_fonts(module, app, tmp, manifest_dir):
    """Runs the font module's build-commands with FLATPAK_DEST=<tree>/app: on
    the pinned deb when an offline copy is at hand, else the install commands
    on the same files from the installed Debian package."""
    work = tmp / 'font-module'
    work.mkdir()
    commands = module.get('build-commands', [])
    deb = local_deb(module, manifest_dir)
    if deb is not None:
        shutil.copy(deb, work)
        print('# font module: all build-commands on %s (sha256 checked)' % deb)
    else:
        (work / 'usr').symlink_to('/usr')
        commands = [c for c in commands if c.startswith('install ')]
        print('# font module: no offline copy of the deb; its install commands on /usr')
    env = dict(os.environ, FLATPAK_DEST=str(app))
    for command in commands:
        out = run(['sh', '-ec', command.replace('${FLATPAK_DEST}', '"$FLATPAK_DEST"')],
                  cwd=work, env=env)
        if not check('font module: ' + command[:60], out.returncode == 0, out.stdout):
            return False
    return True


def check_fonts(manifest, manifest_path, app, tmp, srcroot):
    module = font_module(manifest)
    if not check('the manifest has a font module', module is not None):
        return
    check_font_sources(module, pathlib.Path(manifest_path).read_text())
    if not install_fonts(module, app, tmp, pathlib.Path(manifest_path).parent):
        return
    # The checklist reads its fonts from the files, not through fontconfig's
    # configuration: the binary names the folder the font module fills.
    check('tirkeu-cli reads the checklist fonts from ' + FONT_DIR,
          FONT_DIR.encode() in (app / 'bin/tirkeu-cli').read_bytes())
    check('the font module installs NotoSans-Regular.ttf and -Bold.ttf in ' + FONT_DIR,
          all((app / FONT_DIR.replace(PREFIX + '/', '') / f).is_file()
              for f in ('NotoSans-Regular.ttf', 'NotoSans-Bold.ttf')))
    # As the runtime's 50-flatpak.conf, without the host's or the runtime's fonts.
    conf = tmp / 'fonts.conf'
    conf.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
                    '<fontconfig>\n  <dir>%s</dir>\n  <cachedir>%s</cachedir>\n'
                    '</fontconfig>\n' % (app / 'share/fonts', tmp / 'fontconfig-cache'))
    env = dict(os.environ, FONTCONFIG_FILE=str(conf))
    out = run(['fc-match', '-f', '%{family[0]}|%{file}', FONT_FAMILY], env=env)
    family, _, path = out.stdout.partition('|')
    check('fontconfig finds %s in %s/share/fonts' % (FONT_FAMILY, PREFIX),
          family == FONT_FAMILY and path.startswith(str(app / 'share/fonts')), out.stdout)
    pdf = tmp / 'checklist.pdf'
    env['TIRKEU_LOCALEDIR'] = str(app / 'share/locale')
    # The tree stands for /app; an empty fontconfig configuration shows the
    # checklist needs none.
    empty = tmp / 'empty-fonts.conf'
    empty.write_text('<?xml version="1.0"?>\n<fontconfig/>\n')
    env['FONTCONFIG_FILE'] = str(empty)
    env['TIRKEU_FONT_DIR'] = str(app / FONT_DIR.replace(PREFIX + '/', ''))
    out = run([str(app / 'bin/tirkeu-cli'), 'checklist',
               '--answers=' + str(srcroot / 'tests/fixtures/answers-loop.xml'),
               '--lang=kk,ru', '--output=' + str(pdf)], env=env)
    ok = out.returncode == 0 and pdf.is_file() and pdf.read_bytes()[:5] == b'%PDF-'
    if not check('installed tirkeu-cli prints a kk,ru checklist with these fonts only', ok,
                 out.stdout):
        return
    out = run(['pdffonts', str(pdf)])
    names = [line.split()[0] for line in out.stdout.splitlines()[2:] if line.split()]
    check('the checklist embeds only Noto Sans',
          names and all('NotoSans' in name for name in names), out.stdout)


def main():
    srcroot, manifest_path, meson = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    manifest = json.loads(pathlib.Path(manifest_path).read_text())
    app_id, command = manifest['id'], manifest['command']
    module = app_module(manifest)

    with tempfile.TemporaryDirectory(prefix='tirkeu-flatpak-tree-') as name:
        tmp = pathlib.Path(name)
        destdir = build_and_install(srcroot, meson, module, tmp)
        if destdir is not None:
            app = destdir / PREFIX.strip('/')
            apply_cleanup(app, manifest.get('cleanup', []) + module.get('cleanup', []))
            check_layout(destdir, app, app_id, command)
            check_desktop_and_metainfo(app, app_id, command, srcroot)
            check_mime(app, app_id, tmp, srcroot)
            check_translations(app, srcroot)
            check_schema(app)
            check_fonts(manifest, manifest_path, app, tmp, srcroot)

    print('1..%d' % len(results))
    return 0 if all(results) else 1


if __name__ == '__main__':
    sys.exit(main())
