#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fail when any SQL in src/ is built at run time instead of bound.

    check-sql.py SRC_DIR            check every .c file under SRC_DIR (TAP)
    check-sql.py --list SRC_DIR     print every statement text, one a line:
                                    file:line, engine or "portable", text
    check-sql.py --postgres SRC_DIR [SEARCH_PATH]
                                    PREPARE every portable and PostgreSQL
                                    text on the server psql reaches through
                                    the PG* environment (TAP, one result a
                                    file); ?N is sent as $N, as the engine
                                    will
    check-sql.py --self-test        show that each kind of violation is caught

Every call that hands SQL text to a database — the engine seam's
sf_db_prepare, sf_db_exec and sf_db_prepare_text, and sqlite3_prepare*,
sqlite3_exec inside the SQLite engine — must get text fixed at compile
time:

- string literals, or macros that expand to nothing but literals;
- a file-scope `static const` string, array or table of structs whose
  initializer holds nothing but literals (and enum names and numbers), or
  an element or field of one;
- `c ? a : b` where a and b are both of the above;
- a local variable whose every assignment is one of the above;
- a parameter of the enclosing function: that function then becomes a sink
  too, and each of its callers is checked the same way, to a fixed point.
  A non-static function that passes a parameter on as SQL would let any
  caller outside src/ hand in text; only the seam's entry points
  sf_db_prepare(), sf_db_exec() and sf_db_prepare_text() may;
- for sf_db_prepare_text(), the address of a file-scope `static const`
  SfDbText whose texts are all literals.

Also refused: any printf-style or concatenating call (g_strdup_printf,
g_string_append_printf, g_strconcat, sqlite3_mprintf, …) whose literal text
holds an SQL keyword in capitals, and sqlite3_mprintf and friends anywhere.

There is no allow list: a call the rules cannot prove static fails.

Every statement text the calls can get is then read, and outside the
SQLite engine's own files (a name with "sqlite" in it) and the per-engine
texts of an SfDbText it must be SQL that PostgreSQL runs too
(docs/storage.md):

- no SQLite-only words: last_insert_rowid(), COLLATE NOCASE, IFNULL(),
  INSERT OR …, REPLACE INTO, PRAGMA, sqlite_ tables, GLOB, SQLite's own
  functions, BEGIN IMMEDIATE or any transaction control (that is the
  seam's);
- no min() or max() of two values;
- parameters numbered ?1 to ?N, each used, none whose type only SQLite can
  guess: not "?N IS NULL", not two parameters compared, not a bare
  parameter as a select-list item or a CASE result, not a parameter
  used as a truth value (CAST it: CAST(?N AS BIGINT), CAST(?N AS TEXT));
- no integer used as a truth value (WHERE NOT hidden, AND j.done): compare
  it, "<> 0";
- no comparison as a select-list item: CASE WHEN … THEN 1 ELSE 0 END.
"""
import os
import re
import sys

SINKS = {
    'sqlite3_prepare': 1, 'sqlite3_prepare_v2': 1, 'sqlite3_prepare_v3': 1,
    'sqlite3_prepare16': 1, 'sqlite3_prepare16_v2': 1, 'sqlite3_prepare16_v3': 1,
    'sqlite3_exec': 1, 'sf_db_prepare': 1, 'sf_db_exec': 1, 'sf_db_prepare_text': 1,
}
# The seam's entry points (src/store/sf-db.c): they take SQL by design and
# hand it to the engine through its table of functions, so what they get
# is checked at every call, not inside them.
SANCTIONED = {'sf_db_prepare', 'sf_db_exec', 'sf_db_prepare_text'}

BUILDERS = re.compile(
    r'^(?:g_)?(?:str(?:dup)?_?)?(?:v?s?n?printf|v?asprintf)$|'
    r'^g_strdup_v?printf$|^g_string_(?:append_|prepend_)?v?printf$|'
    r'^g_string_(?:append|prepend|insert)(?:_len)?$|^g_strconcat$|^g_strjoin$|'
    r'^g_build_\w+$|^str(?:n)?cat$|^str(?:n)?cpy$|^g_strlcat$|^g_strlcpy$')
ALWAYS_BAD = {'sqlite3_mprintf', 'sqlite3_vmprintf', 'sqlite3_snprintf',
              'sqlite3_vsnprintf', 'sqlite3_str_appendf', 'sqlite3_str_vappendf'}
SQL_WORDS = re.compile(r'\b(SELECT|INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER|PRAGMA|'
                       r'ATTACH|DETACH|VACUUM|SAVEPOINT|RELEASE|ROLLBACK|COMMIT|BEGIN|'
                       r'VALUES|WHERE|FROM)\b')

TOKEN = re.compile(r'''
    (?P<str>L?"(?:[^"\\\n]|\\.)*")
  | (?P<chr>'(?:[^'\\\n]|\\.)*')
  | (?P<id>[A-Za-z_]\w*)
  | (?P<num>\d[\w.]*)
  | (?P<op>->|\+\+|--|<<=|>>=|<<|>>|<=|>=|==|!=|&&|\|\||[-+*/%&|^!~<>=?:;,.(){}\[\]#])
  | (?P<ws>\s+)
''', re.X | re.S)

KEYWORDS = {'if', 'while', 'for', 'switch', 'return', 'sizeof', 'else', 'do', 'case'}


def strip_comments(text):
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith('/*', i):
            j = text.find('*/', i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r'[^\n]', ' ', text[i:j]))
            i = j
        elif text.startswith('//', i):
            j = text.find('\n', i)
            j = n if j < 0 else j
            out.append(' ' * (j - i))
            i = j
        elif c in '"\'':
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == '\\' else 1
            out.append(text[i:j + 1])
            i = j + 1
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def tokenize(text):
    toks = []
    for m in TOKEN.finditer(text):
        kind = m.lastgroup
        if kind != 'ws':
            toks.append((kind, m.group(), m.start()))
    return toks


def line_of(text, pos):
    return text.count('\n', 0, pos) + 1


def matching(toks, i):
    """Index of the bracket closing toks[i]."""
    pairs = {'(': ')', '[': ']', '{': '}'}
    opening, closing, depth = toks[i][1], pairs[toks[i][1]], 0
    for j in range(i, len(toks)):
        if toks[j][1] == opening:
            depth += 1
        elif toks[j][1] == closing:
            depth -= 1
            if depth == 0:
                return j
    return len(toks) - 1


def split_top(toks, sep=','):
    parts, cur, depth = [], [], 0
    for t in toks:
        if t[1] in '([{':
            depth += 1
        elif t[1] in ')]}':
            depth -= 1
        if t[1] == sep and depth == 0:
            parts.append(cur)
            cur = []
        else:
            cur.append(t)
    parts.append(cur)
    return parts


class Source:
    def __init__(self, path, text, macros=None):
        self.path = path
        self.text = strip_comments(text)
        self.macros = dict(macros or {})
        self.constants = set()      # file-scope names holding only literal text
        self.initializers = {}      # constant name -> (declaration tokens, initializer tokens)
        self.functions = []         # (name, params, body tokens, is_static, pos)
        self._read_macros()
        body = re.sub(r'^[ \t]*#.*?(?<!\\)$', lambda m: re.sub(r'[^\n]', ' ', m.group()),
                      self.text, flags=re.M | re.S)
        self.toks = tokenize(body)
        self._read_top_level()

    def _read_macros(self):
        for m in re.finditer(r'^[ \t]*#[ \t]*define[ \t]+(\w+)(\([^)]*\))?((?:[^\n\\]|\\.)*)$',
                             self.text, re.M | re.S):
            if m.group(2) is None:
                self.macros[m.group(1)] = tokenize(m.group(3).replace('\\\n', ' '))

    def _read_top_level(self):
        toks, i, start = self.toks, 0, 0
        while i < len(toks):
            v = toks[i][1]
            if v == '{':
                end = matching(toks, i)
                head = toks[start:i]
                if head and head[-1][1] == ')' and not any(t[1] == '=' for t in head):
                    self._add_function(head, toks[i + 1:end], toks[i][2])
                    start = end + 1
                i = end + 1
                continue
            if v == ';':
                self._add_declaration(toks[start:i])
                start = i + 1
            i += 1

    def _add_function(self, head, body, pos):
        # head: ... name ( params )
        close = len(head) - 1
        depth, open_ = 0, None
        for j in range(close, -1, -1):
            if head[j][1] == ')':
                depth += 1
            elif head[j][1] == '(':
                depth -= 1
                if depth == 0:
                    open_ = j
                    break
        if open_ is None or open_ == 0 or head[open_ - 1][0] != 'id':
            return
        name = head[open_ - 1][1]
        params = []
        for p in split_top(head[open_ + 1:close]):
            ids = [t[1] for t in p if t[0] == 'id']
            fp = [k for k in range(len(p) - 1) if p[k][1] == '(' and p[k + 1][1] == '*']
            if fp and fp[0] + 2 < len(p):
                params.append(p[fp[0] + 2][1])
            else:
                params.append(ids[-1] if ids else '')
        is_static = any(t[1] == 'static' for t in head[:open_])
        self.functions.append((name, params, body, is_static, pos))

    def _add_declaration(self, decl):
        names = [t[1] for t in decl]
        if 'static' not in names or 'const' not in names or '=' not in names:
            return
        eq = names.index('=')
        lhs, init = decl[:eq], decl[eq + 1:]
        # The declared name: the last identifier before any [ on the left.
        ids = [t for t in lhs if t[0] == 'id']
        bracket = [k for k, t in enumerate(lhs) if t[1] == '[']
        if bracket:
            ids = [t for t in lhs[:bracket[0]] if t[0] == 'id']
        if not ids:
            return
        # A pointer that is not itself const could be reassigned; the
        # fields of a const struct are const with it.
        outer, depth = [], 0
        for t in lhs:
            depth += t[1] == '{'
            if depth == 0:
                outer.append(t)
            depth -= t[1] == '}'
        stars = [k for k, t in enumerate(outer) if t[1] == '*']
        if stars and not any(t[1] == 'const' for t in outer[stars[-1]:]):
            return
        if self.literal_initializer(init):
            self.constants.add(ids[-1][1])
            self.initializers[ids[-1][1]] = (lhs, init)

    def literal_macro(self, name, seen=()):
        if name not in self.macros or name in seen:
            return False
        toks = self.macros[name]
        return bool(toks) and all(t[0] == 'str' or (t[0] == 'id' and self.literal_macro(t[1], seen + (name,)))
                                  for t in toks)

    def literal_initializer(self, toks):
        """Only literals, literal macros, enum-like names, numbers, designators."""
        has_text = False
        for k, t in enumerate(toks):
            if t[0] == 'str':
                has_text = True
            elif t[0] == 'id':
                nxt = toks[k + 1][1] if k + 1 < len(toks) else ''
                prev = toks[k - 1][1] if k else ''
                if self.literal_macro(t[1]):
                    has_text = True
                elif prev == '.' and nxt == '=':
                    pass                        # a designator
                elif t[1] == 'NULL' or re.fullmatch(r'[A-Z][A-Z0-9_]*', t[1]):
                    pass                        # an enum name or a numeric macro
                else:
                    return False
            elif t[0] in ('num', 'chr'):
                pass
            elif t[1] in ('{', '}', ',', '[', ']', '=', '.', '-', '+', '(', ')', '|', '<<'):
                pass
            else:
                return False
        return has_text


def strip_parens_and_casts(toks):
    while toks and toks[0][1] == '(' and matching(toks, 0) == len(toks) - 1:
        toks = toks[1:-1]
    # (const char *) expr
    if toks and toks[0][1] == '(':
        end = matching(toks, 0)
        inner = [t[1] for t in toks[1:end]]
        if end < len(toks) - 1 and inner and all(
                re.fullmatch(r'const|char|unsigned|signed|gchar|guchar|\*|void', v) for v in inner):
            return strip_parens_and_casts(toks[end + 1:])
    return toks


def ternary(toks):
    depth, q = 0, None
    for k, t in enumerate(toks):
        if t[1] in '([{':
            depth += 1
        elif t[1] in ')]}':
            depth -= 1
        elif depth == 0 and t[1] == '?' and q is None:
            q = k
        elif depth == 0 and t[1] == ':' and q is not None:
            return toks[q + 1:k], toks[k + 1:]
    return None


def c_string(tok):
    body = tok[tok.index('"') + 1:-1]
    return re.sub(r'\\(.)', lambda m: {'n': '\n', 't': '\t'}.get(m.group(1), m.group(1)), body)


def literal_text(src, toks, seen=()):
    out = []
    for t in toks:
        if t[0] == 'str':
            out.append(c_string(t[1]))
        elif t[0] == 'id' and t[1] in src.macros and t[1] not in seen:
            out.append(literal_text(src, src.macros[t[1]], seen + (t[1],)))
    return ''.join(out)


def parse_initializer(src, toks):
    """A C initializer as a tree: text, a list of (designator, value), or None."""
    if toks and toks[0][1] == '{':
        end = matching(toks, 0)
        items = []
        for part in split_top(toks[1:end]):
            if not part:
                continue
            designator = None
            if part[0][1] == '[' and '=' in [t[1] for t in part]:
                eq = [t[1] for t in part].index('=')
                designator, part = ' '.join(t[1] for t in part[1:eq - 1]), part[eq + 1:]
            elif part[0][1] == '.' and len(part) > 2 and part[2][1] == '=':
                designator, part = part[1][1], part[3:]
            items.append((designator, parse_initializer(src, part)))
        return items
    if toks and all(t[0] == 'str' or (t[0] == 'id' and src.literal_macro(t[1])) for t in toks):
        return literal_text(src, toks)
    return None


def struct_fields(lhs):
    """The field names of `struct { … }` in a declaration, in order."""
    names = [t[1] for t in lhs]
    if 'struct' not in names or '{' not in names:
        return []
    start = names.index('{')
    end = matching(lhs, start)
    return [d[-1][1] for d in split_top(lhs[start + 1:end], ';') if d and d[-1][0] == 'id']


SQL_START = re.compile(r'\s*(SELECT|INSERT|UPDATE|DELETE|WITH|PRAGMA|CREATE|ALTER|DROP|BEGIN|COMMIT|'
                       r'ROLLBACK|SAVEPOINT|RELEASE)\b', re.I)


def table_texts(src, name, field, engines=False):
    """The texts of a constant: all of them, or one field of each element."""
    lhs, init = src.initializers[name]
    tree = parse_initializer(src, init)
    fields = struct_fields(lhs)
    found = []

    def walk(node, designator):
        if isinstance(node, str):
            found.append((designator, node))
        elif isinstance(node, list):
            if field is not None and fields and all(isinstance(v, (str, type(None))) for _, v in node):
                for k, (d, v) in enumerate(node):
                    if (d or (fields[k] if k < len(fields) else None)) == field and v is not None:
                        found.append((None, v))
                return
            for d, v in node:
                walk(v, d if engines and d else designator)

    walk(tree, None)
    engine_name = {'SF_DB_ENGINE_SQLITE': 'sqlite', 'SF_DB_ENGINE_POSTGRES': 'postgres'}
    return [(engine_name.get(d, d) if engines else None, text) for d, text in found
            if SQL_START.match(text)]


def one_line(text):
    return ' '.join(text.split())


def mask_strings(text):
    return re.sub(r"'(?:[^']|'')*'", lambda m: "'" + ' ' * (len(m.group()) - 2) + "'", text)


SQLITE_ONLY = [
    (r'\blast_insert_rowid\s*\(', 'last_insert_rowid(): use INSERT … RETURNING id'),
    (r'\bCOLLATE\s+NOCASE\b', 'COLLATE NOCASE: compare lower() of both sides'),
    (r'\bIFNULL\s*\(', 'IFNULL(): use COALESCE()'),
    (r'\bINSERT\s+OR\s+\w+', 'INSERT OR …: use ON CONFLICT'),
    (r'\bREPLACE\s+INTO\b', 'REPLACE INTO: use ON CONFLICT … DO UPDATE'),
    (r'\bPRAGMA\b', 'PRAGMA is SQLite only: keep it in the SQLite files'),
    (r'\bsqlite_\w+', 'an sqlite_ table is SQLite only'),
    (r'\bGLOB\b', 'GLOB is SQLite only'),
    (r'\b(strftime|datetime|julianday|unixepoch|printf|instr|typeof|total|group_concat|'
     r'changes|total_changes|randomblob|zeroblob|iif|likelihood)\s*\(', 'an SQLite-only function'),
    (r'^\s*(BEGIN|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE)\b',
     'transactions go through sf_db_begin(), sf_db_commit() and sf_db_rollback()'),
]
NOT_COLUMNS = {'NULL', 'EXISTS', 'TRUE', 'FALSE', 'SELECT', 'CONFLICT', 'NOT', 'CASE'}


def top_level(text):
    """@text with every parenthesized part blanked out."""
    out, depth = [], 0
    for c in text:
        if c == '(':
            depth += 1
            out.append('(' if depth == 1 else ' ')
        elif c == ')':
            depth -= 1
            out.append(')' if depth == 0 else ' ')
        else:
            out.append(c if depth == 0 else ' ')
    return ''.join(out)


def select_lists(text):
    """The items of every select list in @text."""
    lists = []
    for m in re.finditer(r'\bSELECT\s+(?:DISTINCT\s+)?', text, re.I):
        depth, i, start, items = 0, m.end(), m.end(), []
        while i < len(text):
            c = text[i]
            if c == '(':
                depth += 1
            elif c == ')':
                depth -= 1
                if depth < 0:
                    break
            elif depth == 0 and c == ',':
                items.append(text[start:i])
                start = i + 1
            elif depth == 0 and re.match(r'\bFROM\b', text[i:], re.I) and \
                    not re.match(r'\w', text[i - 1]):
                break
            i += 1
        items.append(text[start:i])
        lists.append([x.strip() for x in items])
    return lists


def portability_problems(text):
    """What keeps @text from running on PostgreSQL as it does on SQLite."""
    problems = []
    sql = mask_strings(text)
    for pattern, message in SQLITE_ONLY:
        if re.search(pattern, sql, re.I):
            problems.append(message)
    for m in re.finditer(r'\b(min|max)\s*\(', sql, re.I):
        inner = sql[m.end():]
        depth = 0
        for c in inner:
            if c == '(':
                depth += 1
            elif c == ')':
                if depth == 0:
                    break
                depth -= 1
            elif c == ',' and depth == 0:
                problems.append(f'{m.group(1)}() of two values: use CASE WHEN')
                break
    numbers = sorted({int(n) for n in re.findall(r'\?(\d+)', sql)})
    if re.search(r'\?(?!\d)', sql):
        problems.append('a parameter without a number: write ?1 … ?N')
    if numbers and numbers != list(range(1, numbers[-1] + 1)):
        problems.append('parameters must be ?1 … ?N, each of them used')
    if re.search(r'\?\d+\s+IS\b', sql, re.I):
        problems.append('"?N IS NULL" gives the parameter no type: CAST(?N AS …) IS NULL')
    if re.search(r'\?\d+\s*(=|<>|!=|<=|>=|<|>)\s*\?\d+', sql):
        problems.append('two parameters compared: neither has a type')
    if re.search(r'\b(THEN|ELSE)\s+\?\d+', sql, re.I):
        problems.append('a bare parameter as a CASE result has no type: CAST it')
    if re.search(r'\(\s*\?\d+\s+(AND|OR)\b', sql, re.I) or \
            re.search(r'\b(WHERE|AND|OR|NOT|WHEN)\s+\?\d+\s*(?=\)|$|\b(AND|OR|THEN)\b)', sql, re.I):
        problems.append('a parameter used as a truth value: compare it, "<> 0"')
    for m in re.finditer(r'\b(WHERE|AND|OR|NOT|ON|WHEN)\s+([A-Za-z_][\w.]*)\s*'
                         r'(?=\)|$|\b(AND|OR|ORDER|GROUP|LIMIT|THEN)\b)', sql, re.I):
        if m.group(2).upper() not in NOT_COLUMNS:
            problems.append(f'"{m.group(2)}" used as a truth value: compare it, "<> 0"')
    for items in select_lists(sql):
        for item in items:
            item = re.sub(r'\s+AS\s+\w+$', '', item, flags=re.I)
            flat = top_level(item)
            if re.fullmatch(r'\?\d+', item):
                problems.append('a bare parameter as a select-list item has no type: CAST it')
            elif not re.match(r'CASE\b', item, re.I) and (
                    re.match(r'(NOT\s+)?EXISTS\b', item, re.I) or
                    re.search(r'(=|<>|!=|<|>)|\b(IS|AND|OR|NOT|IN|LIKE|BETWEEN)\b', flat, re.I)):
                problems.append(f'a comparison as a select-list item ("{one_line(item)[:40]}"): '
                                'CASE WHEN … THEN 1 ELSE 0 END')
    return problems


class Checker:
    def __init__(self, sources):
        self.sources = sources
        self.sinks = dict(SINKS)
        self.problems = []          # (path, line, message)
        self.calls = {}             # path -> number of SQL calls checked
        self.statements = []        # (path, line, engine or None, text)

    def run(self):
        # Grow the set of sinks: a function passing a parameter on as SQL.
        while True:
            before = len(self.sinks)
            for src in self.sources:
                for fn in src.functions:
                    self.check_function(src, fn, record=False)
            if len(self.sinks) == before:
                break
        for src in self.sources:
            self.calls[src.path] = 0
            for fn in src.functions:
                self.check_function(src, fn, record=True)
                self.check_builders(src, fn)
        for path, line, engine, text in self.statements:
            if engine is None and 'sqlite' not in os.path.basename(path):
                for message in portability_problems(text):
                    self.problems.append((path, line, f'{message}: {one_line(text)[:90]}'))
        return self.problems

    def texts(self, src, fn, toks, seen=()):
        """Every text an argument proven static can be: (engine, text) pairs,
        engine None for a text every engine runs."""
        name, params, body, _, _ = fn
        toks = strip_parens_and_casts(toks)
        if not toks:
            return []
        if len(toks) == 2 and toks[0][1] == '&' and toks[1][1] in src.initializers:
            return table_texts(src, toks[1][1], None, engines=True)
        tern = ternary(toks)
        if tern:
            return self.texts(src, fn, tern[0], seen) + self.texts(src, fn, tern[1], seen)
        if all(t[0] == 'str' or (t[0] == 'id' and src.literal_macro(t[1])) for t in toks):
            return [(None, literal_text(src, toks))]
        head = toks[0]
        if head[0] != 'id' or head[1] in params or head[1] in seen:
            return []
        if len(toks) == 1:
            local = self.local_assignments(body, head[1])
            if local is not None:
                return [x for expr in local for x in self.texts(src, fn, expr, seen + (head[1],))]
        if head[1] in src.initializers:
            field = toks[-1][1] if len(toks) > 2 and toks[-2][1] == '.' else None
            return table_texts(src, head[1], field)
        return []

    def check_function(self, src, fn, record):
        name, params, body, is_static, _ = fn
        if name in SANCTIONED:
            return
        for k, t in enumerate(body):
            if t[0] != 'id' or t[1] not in self.sinks or k + 1 >= len(body) or body[k + 1][1] != '(':
                continue
            if k and body[k - 1][1] in ('.', '->'):
                continue
            end = matching(body, k + 1)
            args = split_top(body[k + 2:end])
            index = self.sinks[t[1]]
            if index >= len(args):
                continue
            if record:
                self.calls[src.path] += 1
            verdict = self.static_expr(src, fn, args[index], body[:k])
            if record and verdict is True:
                line = line_of(src.text, t[2])
                for engine, text in self.texts(src, fn, args[index]):
                    self.statements.append((src.path, line, engine, text))
            if isinstance(verdict, tuple):          # a parameter flows on
                if name == t[1]:
                    continue
                if name not in self.sinks:
                    self.sinks[name] = verdict[1]
                if record and not is_static and name not in SANCTIONED:
                    self.problems.append((src.path, line_of(src.text, t[2]),
                                          f'{name}() is not static and passes its parameter '
                                          f'“{verdict[0]}” to {t[1]}() as SQL'))
            elif not verdict and record:
                text = ' '.join(x[1] for x in args[index])
                self.problems.append((src.path, line_of(src.text, t[2]),
                                      f'{t[1]}() gets SQL that is not fixed text: {text}'))

    def static_expr(self, src, fn, toks, before):
        """True, False, or (param, index) when the text is a parameter."""
        name, params, body, _, _ = fn
        toks = strip_parens_and_casts(toks)
        if not toks:
            return False
        # &table: a static const table of texts (SfDbText)
        if len(toks) == 2 and toks[0][1] == '&' and toks[1][0] == 'id':
            return toks[1][1] in src.constants and toks[1][1] not in params and \
                self.local_assignments(body, toks[1][1]) is None
        tern = ternary(toks)
        if tern:
            a = self.static_expr(src, fn, tern[0], before)
            b = self.static_expr(src, fn, tern[1], before)
            if a is False or b is False:
                return False
            return a if isinstance(a, tuple) else b
        if all(t[0] == 'str' or (t[0] == 'id' and src.literal_macro(t[1])) for t in toks):
            return any(t[0] == 'str' or t[0] == 'id' for t in toks)
        head = toks[0]
        if head[0] != 'id':
            return False
        rest = [t[1] for t in toks[1:]]
        if not rest:
            if head[1] in params:
                return (head[1], params.index(head[1]))
            local = self.local_assignments(body, head[1])
            if local is not None:
                if not local:
                    return False
                verdicts = [self.static_expr(src, fn, expr, before) for expr in local]
                if any(v is False for v in verdicts):
                    return False
                return next((v for v in verdicts if isinstance(v, tuple)), True)
            return head[1] in src.constants
        # name[...] or name[...].field or name.field of a literal table
        if head[1] in src.constants and head[1] not in params and \
                self.local_assignments(body, head[1]) is None:
            k, ok = 1, True
            while k < len(toks):
                if toks[k][1] == '[':
                    k = matching(toks, k) + 1
                elif toks[k][1] == '.' and k + 1 < len(toks) and toks[k + 1][0] == 'id':
                    k += 2
                else:
                    ok = False
                    break
            return ok
        return False

    @staticmethod
    def local_assignments(body, var):
        """Right-hand sides of every assignment to a local; None if not a local."""
        found, declared = [], False
        for k, t in enumerate(body):
            if t[1] != var or t[0] != 'id':
                continue
            prev = body[k - 1][1] if k else ';'
            nxt = body[k + 1][1] if k + 1 < len(body) else ''
            is_decl = prev in ('*', 'char', 'gchar', 'const') or (body[k - 1][0] == 'id' and
                                                                 prev not in KEYWORDS)
            if is_decl:
                declared = True
            if nxt == '=' and (k + 2 >= len(body) or body[k + 2][1] != '='):
                end = k + 2
                depth = 0
                while end < len(body):
                    v = body[end][1]
                    if v in '([{':
                        depth += 1
                    elif v in ')]}':
                        depth -= 1
                        if depth < 0:
                            break
                    elif v in (';', ',') and depth == 0:
                        break
                    end += 1
                found.append(body[k + 2:end])
            elif nxt in ('+=', '[') or (prev == '&'):
                found.append([])            # changed in place or by address
        if not declared:
            return None
        return found

    def check_builders(self, src, fn):
        body = fn[2]
        for k, t in enumerate(body):
            if t[0] != 'id' or k + 1 >= len(body) or body[k + 1][1] != '(':
                continue
            if t[1] in ALWAYS_BAD:
                self.problems.append((src.path, line_of(src.text, t[2]),
                                      f'{t[1]}() builds SQL text'))
                continue
            if not BUILDERS.match(t[1]):
                continue
            end = matching(body, k + 1)
            for a in body[k + 2:end]:
                text = a[1]
                if a[0] == 'id' and src.literal_macro(a[1]):
                    text = ' '.join(x[1] for x in src.macros[a[1]])
                if (a[0] == 'str' or a[0] == 'id') and SQL_WORDS.search(text):
                    self.problems.append((src.path, line_of(src.text, t[2]),
                                          f'{t[1]}() puts SQL into a string: {text[:60]}'))
                    break


def load(root):
    """Every .c file, each seeing the macros of every header in the tree."""
    paths = sorted(os.path.join(d, f) for d, _, files in os.walk(root) for f in files)
    macros = {}
    for path in paths:
        if path.endswith('.h'):
            with open(path, encoding='utf-8') as fh:
                macros.update(Source(path, fh.read()).macros)
    sources = []
    for path in paths:
        if path.endswith('.c'):
            with open(path, encoding='utf-8') as fh:
                sources.append(Source(os.path.relpath(path, os.path.dirname(root)), fh.read(),
                                      macros))
    return sources


def check_tree(root):
    sources = load(root)
    checker = Checker(sources)
    problems = checker.run()
    print(f'1..{len(sources) + 1}')
    n = 0
    for src in sources:
        n += 1
        mine = [p for p in problems if p[0] == src.path]
        if mine:
            print(f'not ok {n} - {src.path}')
            for _, line, message in mine:
                print(f'# {src.path}:{line}: {message}')
        else:
            texts = sum(1 for x in checker.statements if x[0] == src.path)
            print(f'ok {n} - {src.path}: {checker.calls.get(src.path, 0)} SQL calls, '
                  f'{texts} statement texts, all fixed and portable')
    total = sum(checker.calls.values())
    n += 1
    # The scanner found the store: a scanner that reads nothing passes nothing.
    if total >= 50:
        print(f'ok {n} - {total} SQL calls checked in all')
    else:
        print(f'not ok {n} - only {total} SQL calls found; the scanner lost its way')
    return 0 if not problems and total >= 50 else 1


# Each snippet must be refused (True) or accepted (False).
SELF_TESTS = [
    ('printf into SQL', True, '''
static void f (SfStore *self, const char *name) {
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM deals WHERE title = '%s'", name);
  sf_db_exec (self->db, sql, NULL);
}'''),
    ('a call as the SQL', True, '''
static void f (SfStore *self, const char *t) {
  sf_db_prepare (self->db, g_strconcat ("SELECT ", t, NULL), NULL);
}'''),
    ('a local assigned at run time', True, '''
static void f (SfStore *self, GString *s) {
  const char *sql = "SELECT 1";
  if (s) sql = s->str;
  sf_db_prepare (self->db, sql, NULL);
}'''),
    ('a wrapper fed by an exported function', True, '''
static void run (SfStore *self, const char *q) { sf_db_exec (self->db, q, NULL); }
void sf_store_run_any (SfStore *self, const char *text) { run (self, text); }
'''),
    ('a wrapper fed by a buffer', True, '''
static void run (SfStore *self, const char *q) { sf_db_exec (self->db, q, NULL); }
static void g (SfStore *self, int n) {
  char buf[64];
  g_snprintf (buf, sizeof buf, "%d", n);
  run (self, buf);
}
'''),
    ('sqlite3_mprintf', True, '''
static void f (sqlite3 *db, const char *x) {
  char *q = sqlite3_mprintf ("%q", x);
  sqlite3_free (q);
}'''),
    ('a mutable table', True, '''
static const char *tables[] = { "SELECT 1", "SELECT 2" };
static void f (SfStore *self, int i) { sf_db_exec (self->db, tables[i], NULL); }
'''),
    ('SQL appended to a GString', True, '''
static void f (GString *s, const char *col) { g_string_append (s, "UPDATE deals SET "); }
'''),
    ('a table of texts built at run time', True, '''
static void f (SfDb *db, const char *mine) {
  SfDbText text = { { mine, mine } };
  sf_db_prepare_text (db, &text, NULL);
}'''),
    ('an entry point passing on what it was given', True, '''
gboolean sf_db_prepare_any (SfDb *db, const char *sql) { return sf_db_prepare (db, sql, NULL) != NULL; }
'''),
    ('literals, macros, ternaries, tables and wrappers', False, '''
#define COLS "a, b"
#define FROM " FROM t "
static const char one_sql[] = "SELECT " COLS FROM;
static const char * const versions[] = { "PRAGMA user_version = 1", "PRAGMA user_version = 2" };
static const struct { const char *field; const char *sql; } fields[] = {
  [FIELD_A] = { "a", "UPDATE t SET a = ?2 WHERE id = ?1" },
};
static const SfDbText lock_sql = { {
  [SF_DB_ENGINE_SQLITE] = "SELECT id FROM deals WHERE id = ?1",
  [SF_DB_ENGINE_POSTGRES] = "SELECT id FROM deals WHERE id = ?1 FOR UPDATE",
} };
static gboolean run (SfStore *self, const char *q, GError **e) { return sf_db_exec (self->db, q, e); }
static void f (SfStore *self, int v, int x, gboolean deep) {
  const char *sql = deep ? "SAVEPOINT n" : "BEGIN";
  sf_db_prepare (self->db, "SELECT " COLS FROM "WHERE id = ?1", NULL);
  sf_db_prepare (self->db, one_sql, NULL);
  sf_db_exec (self->db, versions[v], NULL);
  sf_db_prepare (self->db, fields[x].sql, NULL);
  sf_db_exec (self->db, sql, NULL);
  run (self, x ? "COMMIT" : "RELEASE n", NULL);
  sqlite3_exec (self->db, (const char *) "ROLLBACK", NULL, NULL, NULL);
  sf_db_prepare_text (self->db, &lock_sql, NULL);
}''', 'snippet-sqlite.c'),
    ('portable SQL, and per-engine texts', False, '''
static const SfDbText lock_sql = { {
  [SF_DB_ENGINE_SQLITE] = "SELECT id FROM deals WHERE id = ?1",
  [SF_DB_ENGINE_POSTGRES] = "SELECT id FROM deals WHERE id = ?1 FOR UPDATE OF deals",
} };
static const struct { const char *name; const char *sql; } lists[] = {
  { "NOT hidden", "SELECT id FROM template_jobs WHERE hidden = 0 ORDER BY position" },
};
static void f (SfDb *db) {
  sf_db_prepare (db, "INSERT INTO t (a, b) SELECT CAST(?1 AS BIGINT), CASE WHEN kind = 0 AND stage < ?2 "
                     "THEN CAST(?3 AS BIGINT) END FROM u WHERE hidden = 0 RETURNING id", NULL);
  sf_db_prepare (db, "SELECT CASE WHEN pass_hash IS NOT NULL THEN 1 ELSE 0 END, coalesce(max(x), -1) + 1 "
                     "FROM p WHERE (CAST(?1 AS TEXT) IS NULL OR day >= CAST(?1 AS TEXT)) "
                     "AND (?2 <> 0 OR status <> 2) AND done <> 0 ORDER BY lower(name), id", NULL);
  sf_db_prepare (db, "INSERT INTO s (deal_id, v) VALUES (?1, ?2) ON CONFLICT (deal_id) DO UPDATE "
                     "SET v = excluded.v", NULL);
  sf_db_prepare (db, "INSERT INTO s (v) VALUES (?1)", NULL);
  sf_db_prepare (db, lists[0].sql, NULL);
  sf_db_prepare_text (db, &lock_sql, NULL);
}'''),
    ('SQLite-only words', True, '''
static void f (SfDb *db) {
  sf_db_prepare (db, "SELECT ifnull(a, 0) FROM t ORDER BY name COLLATE NOCASE", NULL);
}'''),
    ('last_insert_rowid()', True, '''
static void f (SfDb *db) { sf_db_prepare (db, "SELECT last_insert_rowid()", NULL); }'''),
    ('INSERT OR REPLACE', True, '''
static void f (SfDb *db) { sf_db_prepare (db, "INSERT OR REPLACE INTO t (a) VALUES (?1)", NULL); }'''),
    ('a PRAGMA outside the SQLite files', True, '''
static void f (SfDb *db) { sf_db_exec (db, "PRAGMA foreign_keys = ON", NULL); }'''),
    ('transaction control outside the seam', True, '''
static void f (SfDb *db) { sf_db_exec (db, "BEGIN IMMEDIATE", NULL); }'''),
    ('max() of two values', True, '''
static void f (SfDb *db) { sf_db_prepare (db, "SELECT max(a, coalesce(b, 0)) FROM t", NULL); }'''),
    ('an untyped ?N IS NULL', True, '''
static void f (SfDb *db) {
  sf_db_prepare (db, "SELECT a FROM t WHERE (?1 IS NULL OR day >= ?1)", NULL);
}'''),
    ('two parameters compared', True, '''
static void f (SfDb *db) { sf_db_prepare (db, "SELECT a FROM t WHERE ?1 = ?1 AND b < ?2", NULL); }'''),
    ('a parameter left out', True, '''
static void f (SfDb *db) { sf_db_prepare (db, "SELECT a FROM t WHERE b < ?2", NULL); }'''),
    ('a bare parameter in a select list', True, '''
static void f (SfDb *db) {
  sf_db_prepare (db, "INSERT INTO j (deal_id, stage) SELECT ?1, stage FROM template_jobs", NULL);
}'''),
    ('a bare parameter as a CASE result', True, '''
static void f (SfDb *db) {
  sf_db_prepare (db, "SELECT CASE WHEN kind = 0 THEN ?1 END FROM t", NULL);
}'''),
    ('a parameter as a truth value', True, '''
static void f (SfDb *db) { sf_db_prepare (db, "SELECT a FROM t WHERE (?1 OR status <> 2)", NULL); }'''),
    ('an integer as a truth value, in a table', True, '''
static const struct { const char *name; const char *sql; } lists[] = {
  { "hidden", "SELECT id FROM template_jobs WHERE NOT hidden ORDER BY position" },
};
static void f (SfDb *db, int i) { sf_db_prepare (db, lists[i].sql, NULL); }'''),
    ('an integer as a truth value, in a subquery', True, '''
static void f (SfDb *db) {
  sf_db_prepare (db, "UPDATE d SET n = (SELECT count(*) FROM j WHERE j.d = d.id AND j.done) WHERE id = ?1",
                 NULL);
}'''),
    ('a comparison as a select-list item', True, '''
static void f (SfDb *db) { sf_db_prepare (db, "SELECT id, pass_hash IS NOT NULL FROM persons", NULL); }'''),
    ('EXISTS as a select-list item', True, '''
static void f (SfDb *db) { sf_db_prepare (db, "SELECT EXISTS (SELECT 1 FROM persons)", NULL); }'''),
]


def self_test():
    print(f'1..{len(SELF_TESTS)}')
    failed = 0
    for n, (name, bad, code, *path) in enumerate(SELF_TESTS, 1):
        src = Source(path[0] if path else 'snippet.c', code)
        problems = Checker([src]).run()
        if bool(problems) == bad:
            print(f'ok {n} - {name}: {"refused" if bad else "accepted"}')
        else:
            failed += 1
            print(f'not ok {n} - {name}: expected {"refusal" if bad else "acceptance"}')
            for _, line, message in problems:
                print(f'# line {line}: {message}')
    return 1 if failed else 0


def list_statements(root):
    checker = Checker(load(root))
    checker.run()
    for path, line, engine, text in checker.statements:
        if 'sqlite' in os.path.basename(path) and engine is None:
            engine = 'sqlite'
        print(f'{path}:{line}\t{engine or "portable"}\t{one_line(text)}')
    return 0


def prepare_on_postgres(root, search_path):
    """PostgreSQL compiles every statement it would run, as the store sends it."""
    import subprocess
    checker = Checker(load(root))
    checker.run()
    by_file = {}
    for path, line, engine, text in checker.statements:
        if engine == 'postgres' or (engine is None and 'sqlite' not in os.path.basename(path)):
            by_file.setdefault(path, []).append((line, text))
    print(f'1..{len(by_file) + 1}')
    n = failed = total = 0
    for path, texts in sorted(by_file.items()):
        n += 1
        problems = []
        for k, (line, text) in enumerate(texts):
            sql = re.sub(r'\?(\d+)', r'$\1', text)
            script = (f'SET search_path TO {search_path};\n' if search_path else '') + \
                f'PREPARE s{k} AS {sql};\nDEALLOCATE s{k};\n'
            run = subprocess.run(['psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1'], input=script,
                                 capture_output=True, text=True)
            total += 1
            if run.returncode != 0:
                first = (run.stderr.strip().splitlines() or ['psql failed'])[0]
                problems.append(f'{path}:{line}: {first}: {one_line(text)[:90]}')
        if problems:
            failed += 1
            print(f'not ok {n} - {path}')
            for p in problems:
                print(f'# {p}')
        else:
            print(f'ok {n} - {path}: {len(texts)} statements prepared')
    n += 1
    print(f'{"ok" if total >= 50 else "not ok"} {n} - {total} statements sent in all')
    return 1 if failed or total < 50 else 0


def main():
    if len(sys.argv) in (3, 4) and sys.argv[1] == '--postgres':
        sys.exit(prepare_on_postgres(sys.argv[2], sys.argv[3] if len(sys.argv) == 4 else None))
    if len(sys.argv) == 2 and sys.argv[1] == '--self-test':
        sys.exit(self_test())
    if len(sys.argv) == 3 and sys.argv[1] == '--list':
        sys.exit(list_statements(sys.argv[2]))
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(check_tree(sys.argv[1]))


if __name__ == '__main__':
    main()
