"""Pages nested deeper than the HTML parser allows: found in C, flattened without losing text or paragraphs.

libxml2 (lxml) stops building the tree at 256 levels and silently drops everything after that
point, so a page with 260 unclosed ``<div>`` loses its whole article. The check is one XPath over
the parsed tree (a fixed path of ``PARSER_DEPTH`` steps, linear in the number of elements); only a
page that reaches that depth is flattened and parsed again.

Flattening scans the tags, keeping a model of the open elements (with the end tags HTML implies:
a ``<p>`` closes an open ``<p>``, a block closes an open ``<p>``, a cell closes a cell). A first
scan finds the wrappers (``div``, ``span``, ``section``…) that are never closed by their own end
tag, the usual cause of such depth (a template loop that opens boxes and never closes them):
their tags are dropped first, so the article after them keeps its structure and classes. Then,
past ``MAX_HTML_DEPTH`` open elements, container tags (``div``, ``table``, ``li``…) are dropped and
replaced by a line break (a block's start and end make two, a paragraph break), so their texts
stay apart; paragraph and inline tags (``p``, ``h2``, ``b``, ``a``…) are kept while there is head
room below the parser's limit, so deep paragraphs stay paragraphs.
"""

from __future__ import annotations

import regex
from lxml import etree

PARSER_DEPTH = 250  # a tree this deep is flattened (libxml2 gives up at 256)
MAX_HTML_DEPTH = 200  # past this many open elements, container tags are dropped
HEAD_ROOM = 30  # paragraph and inline tags are kept up to MAX_HTML_DEPTH + HEAD_ROOM levels
CLOSE_SEARCH = 16  # an end tag closes the nearest open element of its name among the top ones

_TAG = regex.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)\b[^<>]*?(/?)>")
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# Past the limit only these tags are kept (while there is head room): paragraph-level tags, which
# cannot nest, and inline ones. Every other tag can hold blocks and nest without bound (div, td,
# li, figure, figcaption, blockquote…): it is dropped, and a line break stands for it unless it
# is an inline container (span, font).
_PARAGRAPHS = frozenset("p h1 h2 h3 h4 h5 h6 pre address".split())
_INLINE = frozenset(
    "a b strong i em u s small big sub sup abbr code q cite mark time label tt strike del ins".split()
)
_SILENT = frozenset("span font".split()) | _INLINE
_BREAK = "<br>"  # a dropped block's start and end: two in a row between blocks end a paragraph
# An opening tag implicitly closes these open elements when they are on top of the stack.
_IMPLIED = {
    "p": {"p"}, "li": {"li", "p"}, "dt": {"dt", "dd", "p"}, "dd": {"dt", "dd", "p"}, "option": {"option"},
    "tr": {"tr", "td", "th", "p"}, "td": {"td", "th", "p"}, "th": {"td", "th", "p"},
}
_CLOSES_P = frozenset(
    "div section article main aside header footer nav table ul ol dl center form fieldset figure blockquote "
    "figcaption h1 h2 h3 h4 h5 h6 pre address hr".split()
)


def _deep_path(depth: int) -> etree.XPath:
    return etree.XPath("boolean(/" + "/".join(["*"] * depth) + ")")


_IS_DEEP = _deep_path(PARSER_DEPTH)


def is_deep(root: etree._Element) -> bool:
    """Whether the parsed tree reaches PARSER_DEPTH levels (one XPath, evaluated in C)."""
    return bool(_IS_DEEP(root))


# Wrappers a template may open and never close (a widget loop); on a page too deep, those left
# unclosed are dropped first, so the article after them keeps its own structure.
_WRAPPERS = frozenset("div section article main aside header footer nav center span font form fieldset blockquote".split())


class _Flattener:
    """One pass over the tags; ``stack`` holds (name, kept, tag number) for every open element.

    ``skip`` holds the numbers of the opening tags to drop whatever their depth (see
    :func:`_unclosed_wrappers`).
    """

    def __init__(self, html: str, limit: int, skip: frozenset[int] = frozenset()) -> None:
        self.html, self.limit, self.skip = html, limit, skip
        self.last_end = 0  # where the previous tag ended
        self.breaks = 0  # line breaks written since the last text
        self.stack: list[tuple[str, bool, int]] = []
        self.kept = 0
        self.count = 0
        self.changed = False

    def pop(self) -> tuple[str, bool, int]:
        entry = self.stack.pop()
        self.kept -= entry[1]
        return entry

    def open(self, name: str, tag: str) -> str:
        number = self.count
        self.count += 1
        if number in self.skip:
            return self.out(name, tag, False)
        implied = _implied(name)
        while self.stack and self.stack[-1][0] in implied:
            self.pop()
        if self.kept < self.limit:
            keep = True
        else:
            keep = (name in _PARAGRAPHS or name in _INLINE) and self.kept < self.limit + HEAD_ROOM
        self.stack.append((name, keep, number))
        self.kept += keep
        return self.out(name, tag, keep)

    def close(self, name: str, tag: str) -> str:
        top = len(self.stack)
        for index in range(top - 1, max(top - CLOSE_SEARCH, 0) - 1, -1):
            if self.stack[index][0] == name:
                break
        else:
            return tag  # a stray end tag is the parser's business
        kept = True
        while len(self.stack) > index:
            kept = self.pop()[1]
        return self.out(name, tag, kept)

    def out(self, name: str, tag: str, keep: bool) -> str:
        if keep:
            return tag
        self.changed = True
        if name in _SILENT or self.breaks >= 2:  # two in a row already end the paragraph
            return ""
        self.breaks += 1
        return _BREAK

    def one(self, match: regex.Match[str]) -> str:
        start, end = match.span()
        if self.breaks and start > self.last_end and not self.html[self.last_end : start].isspace():
            self.breaks = 0  # text since the last line breaks: the next dropped block breaks again
        self.last_end = end
        closing, name, self_closing = match.groups()
        name = name.lower()
        tag = str(match.group(0))
        if name in _VOID or self_closing:
            return tag
        return self.close(name, tag) if closing else self.open(name, tag)


def _implied(name: str) -> set[str]:
    return _IMPLIED.get(name, {"p"} if name in _CLOSES_P else set())


def _unclosed_wrappers(html: str) -> frozenset[int]:
    """The numbers (in the order of opening tags) of the wrappers never closed by their own end
    tag: the same model of open elements as _Flattener, without its output."""
    stack: list[tuple[str, int]] = []
    closed: set[int] = set()
    wrappers: list[int] = []
    number = 0
    for match in _TAG.finditer(html):
        closing, name, self_closing = match.groups()
        name = name.lower()
        if name in _VOID or self_closing:
            continue
        if closing:
            top = len(stack)
            for index in range(top - 1, max(top - CLOSE_SEARCH, 0) - 1, -1):
                if stack[index][0] == name:
                    closed.add(stack[index][1])
                    del stack[index:]
                    break
            continue
        implied = _implied(name)
        while stack and stack[-1][0] in implied:
            stack.pop()
        if name in _WRAPPERS:
            wrappers.append(number)
        stack.append((name, number))
        number += 1
    return frozenset(n for n in wrappers if n not in closed)


def flatten_deep_html(html: str, limit: int = MAX_HTML_DEPTH) -> tuple[str, bool]:
    """Drop the tags (never the text) of the wrappers left unclosed, then of the containers still
    opened more than ``limit`` levels deep; two linear passes.

    >>> flatten_deep_html("<div><div><p>x</p><div>y</div></div></div>", 1)
    ('<div><br><p>x</p><br>y<br><br></div>', True)
    >>> flatten_deep_html("<div>" * 5 + "x" + "</div>" * 5, 1)
    ('<div><br><br>x<br><br></div>', True)
    >>> flatten_deep_html("<div><p>a<p>b</div>", 1)
    ('<div><p>a<p>b</div>', False)
    >>> flatten_deep_html("<div class=w><div class=w><figure><img><figcaption>c</figcaption></figure>", 2)
    ('<br><br><figure><img><figcaption>c</figcaption></figure>', True)
    """
    flat = _Flattener(html, limit, _unclosed_wrappers(html))
    out = _TAG.sub(flat.one, html)
    return (out, True) if flat.changed else (html, False)
