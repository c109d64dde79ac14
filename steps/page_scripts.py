"""The scripts the harness runs in the page (steps/ui.py): what a person sees of it, read in one
look, and the marks that tell when the page has reacted to a click."""

ALERTS = """() => {
  const found = [];  // open shadow roots included, as Playwright's role engine reads them
  const visit = (root) => root.querySelectorAll('*').forEach(e => {
    if (e.hasAttribute('role')) found.push(e);
    if (e.shadowRoot) visit(e.shadowRoot);
  });
  visit(document);
  return found
    .filter(e => e.getAttribute('role').trim().split(/\\s+/)[0] === 'alert')  // the first token is the role
    .filter(e => e.checkVisibility() && !e.closest('[aria-hidden=true]'))
    .map(e => e.innerText || '').join(' ').replace(/\\s+/g, ' ').trim();
}"""
# Before a click: a mark on the page (gone when a new page loads); the first field the browser
# finds wrong when it checks the form itself (the `invalid` event); and, for a page that a script
# changes in place (fetch and a new body, as Turbo, htmx or a single-page app do), the requests
# of the page still running and the instant of its last change.
MARK = """() => {
  const w = window;
  w.__ameliHarnessMark = true; w.__ameliRefused = null; w.__ameliChanged = 0; w.__ameliLeaving = false;
  w.__ameliStatus = 0; w.__ameliOpened = false;
  if (w.__ameliListens) return;
  w.__ameliListens = true; w.__ameliPending = 0; w.__ameliQuietSince = performance.now();
  const open = w.open;  // a tab opened by a script of the page (the person goes on there)
  w.open = function (url, name, ...rest) {
    if (!/^_(self|parent|top)$/i.test(name || '')) w.__ameliOpened = true;
    return open.call(this, url, name, ...rest);
  };
  document.addEventListener('invalid', e => { w.__ameliRefused ||= e.target; }, true);
  w.addEventListener('beforeunload', () => { w.__ameliLeaving = true; });
  new MutationObserver(() => { w.__ameliChanged = w.__ameliQuietSince = performance.now(); })
    .observe(document, {subtree: true, childList: true, characterData: true, attributes: true});
  const done = () => { w.__ameliPending--; w.__ameliQuietSince = performance.now(); };
  if (w.fetch) {
    const fetch = w.fetch;
    w.fetch = function (...args) {
      w.__ameliPending++;
      return fetch.apply(this, args).then(r => { w.__ameliStatus = r.status; return r; }).finally(done);
    };
  }
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function (...args) {
    w.__ameliPending++;
    this.addEventListener('loadend', () => { w.__ameliStatus = this.status; done(); }, {once: true});
    return send.apply(this, args);
  };
}"""
# The person leaves the field they typed in (a form may say what is wrong only then).
LEAVE_FIELD = "() => document.activeElement?.blur()"
# The HTTP status of the page shown: of a script's request after the last click, else of its load.
STATUS = ("() => window.__ameliStatus || "
          "(performance.getEntriesByType('navigation')[0] || {}).responseStatus || 0")
# MARK on the page of the button about to be clicked, and whether that button can be clicked (not
# disabled, nor in a disabled fieldset, nor under aria-disabled, as Playwright reads it): 0 when
# it cannot, else 1. A button that opens a new tab (a link, or the form of a button, whose target
# is `_blank`) is marked as opening one, as `window.open` is (OPENED, below).
MARK_AND_ENABLED = ("(el) => { (" + MARK + ")(); if (el.disabled || "
                    "el.closest('fieldset[disabled], [aria-disabled=true]')) return 0; "
                    "const opener = el.closest('a[href]') || el.form; if (opener && "
                    "(opener.getAttribute('target') || '').toLowerCase() === '_blank') "
                    "window.__ameliOpened = true; return 1; }")
# The page has reacted to the click: a new page, a new tab (OPENED: `_blank`, window.open),
# the browser's refusal of the form, or (a page a script changes in place) a change since the
# click, no request running and nothing changed for `quiet` ms (QUIET_MS, or longer for a target
# seen to render late: steps/ui.py). An alert that was already there is no reaction.
QUIET_MS = 150
OPENED = "nouvel onglet"
REACTED = """(quiet) => {
  const w = window;
  if (!w.__ameliHarnessMark) return 'nouvelle page';
  if (w.__ameliOpened) return 'nouvel onglet';
  if (w.__ameliRefused) return 'refus du navigateur';
  if (w.__ameliLeaving || !w.__ameliChanged || w.__ameliPending > 0) return '';
  return performance.now() - w.__ameliQuietSince > quiet ? 'page changée par un script' : '';
}"""
# After a page changed by a script has been quiet: does it change again within `ms`? Returns how
# long it had been quiet when it changed again (0: it did not). A single-page app that keeps a
# spinner for a while, or renders after a timer, changes again well after its request ended.
CHANGES_AGAIN = """async (ms) => {
  const w = window, before = w.__ameliChanged, quietSince = w.__ameliQuietSince;
  const end = performance.now() + ms;
  while (performance.now() < end) {
    await new Promise(done => setTimeout(done, 25));
    if (!w.__ameliHarnessMark) return performance.now() - quietSince;
    if (w.__ameliChanged !== before) return w.__ameliChanged - quietSince;
  }
  return 0;
}"""
REFUSAL = """() => { const e = window.__ameliRefused;
  if (!e || !e.validity || e.validity.valid) return null;
  const label = e.labels && e.labels.length ? e.labels[0].innerText
    : (e.getAttribute('aria-label') || e.name || '');
  return [label, e.validationMessage]; }"""
# This field is the one the browser showed its message at, and it is still wrong: the message,
# and the field's title when the refusal is its pattern (browsers show it under the message).
REFUSED_HERE = """(e) => e === window.__ameliRefused && e.validity && !e.validity.valid
  ? [e.validationMessage, e.validity.patternMismatch ? (e.getAttribute('title') || '') : '']
  : null"""


# What ERROR_BESIDE and GROUP_BESIDE share: an element's text on one line; the texts of what
# `els` point to by aria-describedby / aria-errormessage; what counts as another control, and an
# element that holds one (where the texts around a field stop).
_BESIDE = """
  const piece = (e) => (e.innerText || '').replace(/\\s+/g, ' ').trim();
  const tiedTo = (els) => els.flatMap((e) => ['aria-describedby', 'aria-errormessage'].flatMap(
    (attr) => (e.getAttribute(attr) || '').split(/\\s+/).filter(Boolean)
      .map((id) => document.getElementById(id)).filter(Boolean).map(piece)));
  // A button that sends nothing (`type=button`: show the password, an icon) is no other control.
  const controls = 'input:not([type=hidden]):not([type=button]), select, textarea, button:not([type=button])';
  const holds = (e) => e.matches(controls) || e.matches('label, fieldset') || !!e.querySelector(controls);
"""

ERROR_BESIDE = """(el) => {""" + _BESIDE + """
  const tied = tiedTo([el]);
  if (tied.join('')) return tied.filter(Boolean).join('\\n');
  // Else the texts around the field: its label (an error may be written inside it), after the
  // field up to the next control, and between its label and it; a field wrapped alone in an
  // element (a framework's wrapper) is looked around at each level of wrapping, up to an
  // element that holds another control. One piece per element: the untouched form's pieces are
  // left out by the caller (Ui.new_message_beside), the label among them.
  const texts = Array.from(el.labels || [], piece);
  for (let node = el; node && node !== document.body;) {
    for (let next = node.nextElementSibling; next && !holds(next); next = next.nextElementSibling) {
      texts.push(piece(next));
    }
    for (let prev = node.previousElementSibling; prev && !holds(prev) && !prev.matches('legend, a, img');
         prev = prev.previousElementSibling) {
      texts.unshift(piece(prev));
    }
    const up = node.parentElement;
    if (!up || up.matches('form, fieldset') || up.querySelectorAll(controls).length > 1) break;
    node = up;
  }
  return texts.filter(Boolean).join('\\n');
}"""


# ERROR_BESIDE for a date asked in three fields (steps/controle_date.py), on their group: what is
# tied to the group or to its fields, else what is written in it besides its legend, its fields
# and their labels (the DSFR writes a date's error inside its fieldset), and after it up to the
# next control.
GROUP_BESIDE = """(el) => {""" + _BESIDE + """
  const tied = [...new Set(tiedTo([el, ...el.querySelectorAll('input')]))];
  if (tied.join('')) return tied.filter(Boolean).join('\\n');
  // its own elements that hold no field, label or legend, the outermost of them only
  const own = Array.from(el.querySelectorAll('*')).filter((e) => !e.closest('legend, label')
    && !e.matches('input, select, textarea, button')
    && !e.querySelector('input, select, textarea, button, label, legend'));
  const texts = own.filter((e) => !own.includes(e.parentElement)).map(piece);
  for (let next = el.nextElementSibling; next && !holds(next); next = next.nextElementSibling) {
    texts.push(piece(next));
  }
  return texts.filter(Boolean).join('\\n');
}"""


# Whether the first of the elements a locator found is shown, as Playwright's « visible » reads it
# (a box of some size, not `visibility: hidden`): a field found at once, without a polled wait.
# 0 when it is not; 2 when it is, read-only (a page may make it writable once the person goes
# into it: Ui.fill), else 1.
FIRST_SHOWN = """(els) => els.length > 0 && (r => r.width > 0 && r.height > 0)(els[0].getBoundingClientRect())
  && getComputedStyle(els[0]).visibility !== 'hidden' ? (els[0].readOnly ? 2 : 1) : 0"""


# A form that holds its button until what is typed meets the rules (a list of rules ticked as the
# person types) says which rule is not met by how that rule's line looks, often without a word: a
# class, a colour, an icon drawn by CSS. LOOKS notes how every element of the page looks (its
# attributes, colours, CSS icons, own text), keyed by its place; LOOKS_CHANGED, called later,
# gives the text of each element that looks otherwise now (the nearest element with some text,
# the smallest: a line, not the list that holds it; none inside a button or link).
_LOOK = """() => {
  const looks = new Map();
  const walk = (el, path) => {
    const s = getComputedStyle(el);
    const own = Array.from(el.childNodes, n => n.nodeType === 3 ? n.data : '').join('').trim();
    looks.set(path, {el, look: [
      Array.from(el.attributes, a => a.name + '=' + a.value).sort().join(' '), s.color,
      s.backgroundColor, s.borderColor, s.textDecorationLine, s.display, s.visibility, s.opacity,
      getComputedStyle(el, '::before').content, getComputedStyle(el, '::after').content, own,
    ].join('|')});
    Array.from(el.children, (child, i) => walk(child, path + '/' + i));
  };
  walk(document.body, 'body');
  return looks;
}"""
LOOKS = "() => { window.__ameliLooks = (" + _LOOK + ")(); }"
# The text of the line an element is part of: the nearest element with some text, itself or above
# it ('' when that is the whole page, a button or link, or more than a line: over 250 characters).
_LINE_TEXT = """(el) => {
  let line = el;
  while (line && line !== document.body && !(line.innerText || '').trim()) line = line.parentElement;
  if (!line || line === document.body || line.closest('button, a, [role=button]')) return '';
  const text = line.innerText.replace(/\\s+/g, ' ').trim();
  return text.length <= 250 ? text : '';
}"""
LOOKS_CHANGED = """() => {
  const was = window.__ameliLooks || new Map(), now = (""" + _LOOK + """)();
  const lines = new Set(), lineText = """ + _LINE_TEXT + """;
  for (const [path, {el, look}] of now) {
    if (was.has(path) && was.get(path).look === look) continue;
    const text = lineText(el);
    if (text) lines.add(text);
  }
  const all = Array.from(lines);
  return all.filter(t => !all.some(o => o !== t && t.includes(o))).join(' · ');
}"""


# A form the server sends again may say which rule is not met by how that rule's line looks alone
# (marked ✗ by a class and an icon drawn by CSS). LINE_LOOKS gives how each line of text of the
# page looks (its elements' attributes, colours, CSS icons), keyed by its text (an icon drawn by
# CSS is not in it): lines of two pages, the same text, compared (formulaire_mot_de_passe).
LINE_LOOKS = """() => {
  const looks = {}, lineText = """ + _LINE_TEXT + """;
  const walk = (el) => {
    if (/^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/.test(el.tagName)) return;
    const text = lineText(el), s = getComputedStyle(el);
    if (text) looks[text] = (looks[text] || '') + [
      Array.from(el.attributes, a => a.name + '=' + a.value).sort().join(' '), s.color,
      s.backgroundColor, s.borderColor, s.textDecorationLine, s.fontWeight,
      getComputedStyle(el, '::before').content, getComputedStyle(el, '::after').content,
    ].join('|') + '\\n';
    Array.from(el.children, walk);
  };
  walk(document.body);
  return looks;
}"""
