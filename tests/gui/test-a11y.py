#!/usr/bin/python3
# test-a11y.py - the wizard as a screen reader meets it, through AT-SPI
#
# Starts its own D-Bus session and at-spi-bus-launcher, then the real
# tirkeu binary with GTK_A11Y=atspi, once per language (kk, ru, en), and
# walks the whole wizard using only what AT-SPI gives a screen reader:
# roles, names, descriptions, relations, states and actions. No
# coordinates, no widget pointers. On every page (welcome, a choice
# question, the integer question, review, outcome with the loop, the main
# menu and its dialogs) it checks that:
#   - every control that can take focus has a name;
#   - no name holds a mnemonic underscore ("_Start"), doubled text
#     ("Start Start") or a class name (GtkLabel, TrkClamp);
#   - a question's text labels its group of choices (labelled-by), and the
#     integer field;
#   - the outcome heading, the loop's steps (in the loop's order) and the
#     ways out are read in that order.
#
# The expected texts come from the built rules file (its xml:lang copies)
# and from tirkeu-cli, never from the widgets.
#
# Usage: test-a11y.py TIRKEU TIRKEU-CLI RULES-XML   (TAP on stdout)
#
# Copyright 2026 The Tirkeu developers
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import warnings
import xml.etree.ElementTree as ET

warnings.simplefilter('ignore', DeprecationWarning)

TIMEOUT = float(os.environ.get('TIRKEU_A11Y_TIMEOUT', '20'))
LANGS = ['kk', 'ru', 'en']
XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'

# The walk: a foreigner of 34 abroad who needs a visa to enter, asking for
# a temporary residence permit, with no IIN and no fingerprints: the loop.
ANSWERS = {
    'status': 'foreigner', 'age': '34', 'purpose': 'temporary_residence',
    'visa_channel': 'e_visa', 'visa_exemption': 'none', 'location': 'abroad',
    'visa_required': 'yes', 'has_iin': 'no', 'fingerprinted': 'no',
    'holds_pre2024_document': 'no', 'passport_language': 'other',
}

CLASS_NAME = re.compile(r'\b(Gtk|Gdk|Trk|Adw)[A-Z][A-Za-z]+\b')
# Roles a person moves to and operates: each needs a name.
CONTROL_ROLES = {'push button', 'toggle button', 'radio button', 'check box', 'spin button',
                 'menu item', 'check menu item', 'radio menu item', 'combo box', 'text',
                 'entry', 'slider', 'link', 'page tab', 'toggle button'}
# GTK 4.8's own parts we do not build and cannot name: the scroll bars of a
# GtkScrolledWindow (and their range trough) are not read as text by Orca.
GTK_INTERNAL_ROLES = {'scroll bar'}

results = []


def tap_result(ok, name, detail=''):
    results.append(ok)
    print('%s %d - %s' % ('ok' if ok else 'not ok', len(results), name))
    for line in detail.splitlines():
        print('# ' + line)
    sys.stdout.flush()


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


# ===== the rules, for the expected texts =====

class Rules:
    def __init__(self, path):
        root = ET.parse(path).getroot()
        self.questions = {}
        for q in root.iter():
            if q.tag.split('}')[-1] != 'question':
                continue
            entry = {'type': q.get('type'), 'label': texts(q, 'label'), 'choices': {}}
            for c in q:
                if c.tag.split('}')[-1] == 'choice':
                    entry['choices'][c.get('value')] = texts(c, 'label')
            self.questions[q.get('id')] = entry
        self.steps = {}
        for s in root.iter():
            if s.tag.split('}')[-1] == 'step':
                self.steps[s.get('id')] = texts(s, 'label')

    def question_by_label(self, text, lang):
        for qid, q in self.questions.items():
            if q['label'].get(lang) == text:
                return qid
        return None


def texts(element, tag):
    out = {}
    for child in element:
        if child.tag.split('}')[-1] == tag:
            out[child.get(XML_LANG, 'en')] = ' '.join((child.text or '').split())
    return out


# ===== AT-SPI helpers =====

Atspi = None


def load_atspi():
    """libatspi in this process: its warnings (a slow app under ASan, whose
    cache is not there yet) are not fatal here; the app keeps G_DEBUG."""
    global Atspi
    flags = [f for f in os.environ.get('G_DEBUG', '').split(',') if f and f != 'fatal-warnings']
    os.environ['G_DEBUG'] = ','.join(flags)
    import gi
    gi.require_version('Atspi', '2.0')
    from gi.repository import Atspi as module
    Atspi = module
    Atspi.init()


def name_of(acc):
    try:
        return acc.get_name() or ''
    except Exception:
        return ''


def role_of(acc):
    try:
        return acc.get_role_name() or ''
    except Exception:
        return ''


def children(acc):
    try:
        n = acc.get_child_count()
    except Exception:
        return []
    out = []
    for i in range(n):
        try:
            c = acc.get_child_at_index(i)
        except Exception:
            c = None
        if c is not None:
            out.append(c)
    return out


def walk(acc, skip_internal=True):
    """Depth first, in the order a screen reader reads."""
    stack = [acc]
    while stack:
        node = stack.pop()
        if skip_internal and role_of(node) in GTK_INTERNAL_ROLES:
            continue
        yield node
        stack.extend(reversed(children(node)))


def states(acc):
    try:
        return {s.value_nick for s in acc.get_state_set().get_states()}
    except Exception:
        return set()


def relation_targets(acc, nick):
    out = []
    try:
        relations = acc.get_relation_set() or []
    except Exception:
        return out
    for r in relations:
        if r.get_relation_type().value_nick == nick:
            out.extend(r.get_target(i) for i in range(r.get_n_targets()))
    return out


def actions(acc):
    try:
        n = Atspi.Action.get_n_actions(acc)
        return [Atspi.Action.get_action_name(acc, i) for i in range(n)]
    except Exception:
        return []


def act(acc, action='click'):
    names = actions(acc)
    check(action in names, '%s %r has no action %r (has %s)' % (role_of(acc), name_of(acc),
                                                                action, names))
    Atspi.Action.do_action(acc, names.index(action))


def wait_for(what, func):
    deadline = time.monotonic() + TIMEOUT
    while True:
        value = func()
        if value:
            return value
        if time.monotonic() > deadline:
            raise Failure('timed out waiting for ' + what)
        time.sleep(0.05)


def find(root, role=None, name=None, pred=None):
    """The first node in reading order; @name matches a name that holds it
    as a word sequence, so that the walk goes on past a bad name (which
    check_names reports)."""
    for node in walk(root):
        if role is not None and role_of(node) != role:
            continue
        if name is not None and not holds(name_of(node), name):
            continue
        if pred is not None and not pred(node):
            continue
        return node
    return None


def find_all(root, role=None, pred=None):
    return [n for n in walk(root)
            if (role is None or role_of(n) == role) and (pred is None or pred(n))]


def holds(name, text):
    return name == text or (' ' + text + ' ') in (' ' + name.replace('_', '') + ' ')


# ===== what a page must satisfy =====

def doubled(name):
    words = name.split()
    half = len(words) // 2
    return len(words) >= 2 and len(words) % 2 == 0 and words[:half] == words[half:]


name_problems = []


def check_names(root, where):
    """Records what is wrong with the names under @root; the walk goes on."""
    problems = name_problems
    for node in walk(root):
        role, name = role_of(node), name_of(node)
        try:
            description = node.get_description() or ''
        except Exception:
            description = ''
        label = '%s [%s] %r' % (where, role, name)
        if '_' in name:
            problems.append(label + ': mnemonic underscore in the name')
        if doubled(name):
            problems.append(label + ': doubled text')
        if CLASS_NAME.search(name) or CLASS_NAME.search(description):
            problems.append(label + ': a class name is read (description %r)' % description)
        if role in CONTROL_ROLES and 'focusable' in states(node) and not name.strip():
            problems.append(label + ': a control without a name')
        for target in relation_targets(node, 'labelled-by'):
            if CLASS_NAME.search(name_of(target)):
                problems.append(label + ': labelled by %r' % name_of(target))


def reading_order(root):
    """Names of the text nodes, in reading order (what Orca's say-all reads)."""
    return [name_of(n) for n in walk(root) if role_of(n) in ('label', 'heading', 'static')
            and name_of(n).strip()]


# ===== the app =====

def die_with_parent():
    """Children end with this process (a crashed walk must not leave the
    app holding meson's pipes open)."""
    import ctypes
    PR_SET_PDEATHSIG = 1
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


class App:
    def __init__(self, binary, lang, env):
        self.lang = lang
        env = dict(env, LANGUAGE=lang, GTK_A11Y='atspi')
        self.proc = subprocess.Popen([binary], env=env, preexec_fn=die_with_parent)
        self.node = wait_for('the tirkeu application on the AT-SPI bus', self.lookup)

    def lookup(self):
        check(self.proc.poll() is None, 'tirkeu exited with status %s' % self.proc.returncode)
        desktop = Atspi.get_desktop(0)
        for app in children(desktop):
            if name_of(app) == 'tirkeu':
                try:
                    if app.get_process_id() == self.proc.pid:
                        return app
                except Exception:
                    continue
        return None

    def windows(self):
        return children(self.node)

    def main_window(self):
        return wait_for('the main window',
                        lambda: next((w for w in self.windows() if role_of(w) == 'frame'), None))

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def click_button(window, name):
    button = wait_for('a button %r' % name,
                      lambda: find(window, role='push button', name=name))
    act(button)


def tr(catalog, msgid):
    """The text a person hears for @msgid: translated, without the mnemonic."""
    return (catalog.gettext(msgid) if catalog else msgid).replace('_', '')


# ===== the walk =====

def walk_welcome(app, catalog):
    window = app.main_window()
    start = tr(catalog, '_Start')
    wait_for('the Start button', lambda: find(window, role='push button', name=start))
    check_names(window, 'welcome')
    kk_button = find(window, role='push button', name='Қазақша')
    check(kk_button is not None, 'no button Қазақша')
    group = kk_button.get_parent()
    check(group is not None and name_of(group) == tr(catalog, 'Language'),
          'the language buttons are not a group named %r but [%s] %r'
          % (tr(catalog, 'Language'), role_of(group), name_of(group)))
    act(find(window, role='push button', name=start))


def current_question(app, rules):
    window = app.main_window()

    def labelled_group():
        for node in walk(window):
            if role_of(node) in ('spin button', 'panel', 'grouping', 'group', 'list'):
                for target in relation_targets(node, 'labelled-by'):
                    qid = rules.question_by_label(name_of(target), app.lang)
                    if qid is not None:
                        return (qid, node, target)
        return None
    return wait_for('a question labelling its choices', labelled_group)


def answer_question(app, rules, catalog, seen_kinds, asked):
    qid, group, label = current_question(app, rules)
    window = app.main_window()
    q = rules.questions[qid]
    where = 'question %s (%s)' % (qid, app.lang)
    # A question already answered may come again when a later answer makes
    # the questions after it relevant (the wizard walks the file's order).
    check(len(asked) < 3 * len(rules.questions),
          '%s: the walk is stuck (asked: %s)' % (where, asked))
    asked.append(qid)
    check_names(window, where)
    check(name_of(group) == q['label'][app.lang],
          '%s: the group is named %r, not by its question' % (where, name_of(group)))
    value = ANSWERS[qid]
    if q['type'] == 'integer':
        check(role_of(group) == 'spin button', where + ': the number field is not labelled')
        Atspi.Value.set_current_value(group, float(value))
        seen_kinds.add('integer')
    else:
        choices = find_all(group, role='radio button')
        names = [name_of(c) for c in choices]
        expected = [q['choices'][v][app.lang] for v in q['choices']]
        check(names == expected, '%s: choices read as %r, expected %r' % (where, names, expected))
        chosen = choices[list(q['choices']).index(value)]
        act(chosen, 'choice.select')
        wait_for('the choice checked', lambda: 'checked' in states(chosen))
        seen_kinds.add('choice')
    next_button = wait_for('Next enabled', lambda: find(
        window, role='push button', name=tr(catalog, '_Next'),
        pred=lambda n: 'sensitive' in states(n)))
    act(next_button)
    wait_for('the next page', lambda: current_question_or_review(app, rules, catalog, label))


def current_question_or_review(app, rules, catalog, old_label):
    window = app.main_window()
    if find(window, role='push button', name=tr(catalog, 'See the _Result')) is not None:
        return True
    for node in walk(window):
        for target in relation_targets(node, 'labelled-by'):
            if rules.question_by_label(name_of(target), app.lang) is not None and \
               name_of(target) != name_of(old_label):
                return True
    return False


def walk_questions(app, rules, catalog):
    seen_kinds, asked = set(), []
    window = app.main_window()
    see = tr(catalog, 'See the _Result')
    while find(window, role='push button', name=see) is None:
        answer_question(app, rules, catalog, seen_kinds, asked)
        window = app.main_window()
    check(seen_kinds == {'choice', 'integer'},
          'the walk met only %s questions' % sorted(seen_kinds))
    return asked


def walk_review(app, catalog):
    window = app.main_window()
    check_names(window, 'review (%s)' % app.lang)
    order = reading_order(window)
    check(tr(catalog, 'Check your answers') in order, 'the review has no heading')
    act(find(window, role='push button', name=tr(catalog, 'See the _Result')))


def walk_outcome(app, rules, catalog, cli):
    window = app.main_window()
    heading = tr(catalog, 'Your result')
    wait_for('the outcome page', lambda: find(window, name=heading))
    check_names(window, 'outcome (%s)' % app.lang)
    result = cli_result(cli, app.lang)
    cycle = result['circular_dependency']['cycle']
    order = reading_order(window)
    steps = [rules.steps[s][app.lang] for s in cycle]
    loop_title = tr(catalog, 'You are caught in a loop')
    ways = tr(catalog, 'Ways out')
    indexes = []
    for text in [heading, loop_title] + steps + [ways]:
        check(text in order, 'outcome (%s): %r is not read' % (app.lang, text))
        indexes.append(order.index(text))
    check(indexes == sorted(indexes),
          'outcome (%s): read out of order: %r' % (app.lang, [order[i] for i in indexes]))
    n_ways = len(result['circular_dependency']['ways_out'])
    after = order[order.index(ways) + 1:]
    check(len(after) >= n_ways, 'outcome (%s): fewer ways out read than %d' % (app.lang, n_ways))
    banner = find(window, pred=lambda n: name_of(n) == loop_title and role_of(n) != 'label')
    check(banner is not None, 'outcome (%s): the loop is not a group named by its title'
          % app.lang)
    lists = find_all(banner, role='list')
    check(len(lists) == 2, 'outcome (%s): the loop has %d lists, not steps and ways out'
          % (app.lang, len(lists)))


def cli_result(cli, lang):
    args = [cli, 'evaluate', '--json', '--lang=' + lang] + \
           ['%s=%s' % kv for kv in ANSWERS.items() if kv[0] != 'visa_exemption']
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def walk_menu(app, catalog):
    window = app.main_window()
    menu_name = tr(catalog, 'Main Menu')
    button = wait_for('the main menu button', lambda: find(
        window, role='push button', name=menu_name, pred=lambda n: 'click' in actions(n)))
    act(button)
    items = wait_for('the menu items', lambda: [n for w in app.windows() for n in walk(w)
                                                if role_of(n) == 'menu item'])
    for item in items:
        check(name_of(item).strip(), 'main menu (%s): an item without a name' % app.lang)
    for w in app.windows():
        check_names(w, 'main menu (%s)' % app.lang)
    about = tr(catalog, '_About Tirkeu')
    item = next((i for i in items if name_of(i) == about), None)
    check(item is not None, 'main menu (%s): no item %r in %r'
          % (app.lang, about, [name_of(i) for i in items]))
    act(item, actions(item)[0])
    dialog = wait_for('the About window', lambda: next(
        (w for w in app.windows() if name_of(w) == about), None))
    check(role_of(dialog) == 'dialog', 'about (%s): read as a %r, not a dialog'
          % (app.lang, role_of(dialog)))
    check_names(dialog, 'about (%s)' % app.lang)


def run_language(binary, cli, rules, lang, env, localedir):
    import gettext
    catalog = None
    if lang != 'en':
        catalog = gettext.translation('tirkeu', localedir, languages=[lang])
    try:
        app = App(binary, lang, env)
    except Failure as e:
        tap_result(False, '%s: start' % lang, str(e))
        return
    try:
        for name, step in (
                ('welcome', lambda: walk_welcome(app, catalog)),
                ('questions', lambda: walk_questions(app, rules, catalog)),
                ('review', lambda: walk_review(app, catalog)),
                ('outcome with the loop', lambda: walk_outcome(app, rules, catalog, cli)),
                ('menu and dialogs', lambda: walk_menu(app, catalog))):
            del name_problems[:]
            try:
                step()
            except Failure as e:
                tap_result(False, '%s: %s' % (lang, name), str(e))
                return
            tap_result(not name_problems, '%s: %s' % (lang, name), '\n'.join(name_problems))
    finally:
        app.stop()


def start_buses(tmp):
    """A private session bus and the accessibility bus behind it."""
    out = subprocess.run(['dbus-daemon', '--session', '--fork', '--print-address=1',
                          '--print-pid=1'], check=True, capture_output=True, text=True).stdout
    address, pid = out.split()[:2]
    os.environ['DBUS_SESSION_BUS_ADDRESS'] = address
    launcher = subprocess.Popen(['/usr/libexec/at-spi-bus-launcher', '--launch-immediately'],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                preexec_fn=die_with_parent)
    return int(pid), launcher


def main():
    if len(sys.argv) != 4:
        sys.exit('usage: test-a11y.py TIRKEU TIRKEU-CLI RULES-XML')
    binary, cli, rules_path = sys.argv[1:]
    print('TAP version 13')
    if not os.environ.get('DISPLAY') and not os.environ.get('WAYLAND_DISPLAY'):
        if os.environ.get('TIRKEU_REQUIRE_DISPLAY'):
            print('Bail out! no display (TIRKEU_REQUIRE_DISPLAY is set)')
            sys.exit(1)
        print('1..0 # SKIP no display (set TIRKEU_REQUIRE_DISPLAY=1 to make this a failure)')
        return
    for tool in ('dbus-daemon', '/usr/libexec/at-spi-bus-launcher'):
        if shutil.which(tool) is None:
            print('Bail out! %s is missing (install dbus-daemon and at-spi2-core)' % tool)
            sys.exit(1)

    tmp = tempfile.mkdtemp(prefix='tirkeu-a11y-')
    env = dict(os.environ)
    for var in ('XDG_STATE_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME'):
        env[var] = os.path.join(tmp, var)
        os.makedirs(env[var])
    bus_pid, launcher = start_buses(tmp)
    env['DBUS_SESSION_BUS_ADDRESS'] = os.environ['DBUS_SESSION_BUS_ADDRESS']
    try:
        load_atspi()
        rules = Rules(rules_path)
        localedir = os.environ.get('TIRKEU_LOCALEDIR')
        for lang in LANGS:
            run_language(binary, cli, rules, lang, env, localedir)
    finally:
        launcher.terminate()
        launcher.wait()
        os.kill(bus_pid, signal.SIGTERM)
        shutil.rmtree(tmp, ignore_errors=True)
    print('1..%d' % len(results))
    sys.exit(0 if all(results) else 1)


if __name__ == '__main__':
    main()
