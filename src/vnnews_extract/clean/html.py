"""Stage 1 for HTML: page -> CleanedArticle.

The decision comes from the page itself: chrome is recognised from class/id words and
Vietnamese boilerplate phrases kept as lexicons, the body is the container holding most
paragraph text with little link text, and every block is then filtered on its own link density
and text. The tree is built with lxml (BeautifulSoup's fast parser) after scripts and styles are
gone; bytes are decoded with BeautifulSoup's encoding detector.

Work stays linear on big pages: chrome, then link lists of 100 links or more, are removed before
the one measuring walk (sizes of all elements in a single pass), the visible date is looked for in
a bounded prefix of the text, and each block's boilerplate kind and word count are computed once.
"""

from __future__ import annotations

import html as html_lib
import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import lxml.html
import regex
from lxml import etree

from .boilerplate import boilerplate_kind, ends_with_photo_credit, is_author_class, is_chrome_class, looks_like_caption
from .dates import find_visible_date, is_date_line, needs_visible_date, parse_iso_date, reconcile
from .listing import is_listing_page
from ..errors import InputError
from ..lexicons import lexicons
from ..model import CleanBlock, CleanedArticle
from ..text.normalize import normalize_line

DROP_TAGS = (
    "script", "style", "noscript", "iframe", "svg", "button", "input", "select", "textarea",
    "template", "link", "object", "embed", "video", "audio", "canvas", "map", "nav", "aside",
    "amp-ad", "amp-social-share", "amp-analytics", "amp-sidebar", "ins", "dialog",
)
BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "header", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
    "li", "ul", "ol", "blockquote", "figure", "figcaption", "table", "tr", "td", "th", "tbody",
    "thead", "dl", "dt", "dd", "pre", "center", "address", "caption", "hr",
}
SOURCE_PREFIX = regex.compile(
    r"^\s*(?:\((?P<a>[^()]{2,40})\)\s*[-–—:]\s*|(?P<b>[A-ZĐ][\w.]{1,20}(?:\.VN|\.vn)?)\s*[-–—]\s+"
    r"|\((?P<c>\p{Lu}[\w.]{1,20})\)\s+(?=\p{Lu}))"  # "(TNO) TAND…": one word in parentheses, no dash
)
LEAD_BULLET = regex.compile(r"^[-–—•*>]+\s+")  # "- VietNamNet cập nhật…" after a logo image
TITLE_SEPARATORS = regex.compile(r"(\s+[|\-–—:»]\s+)")  # kept by split: runs of parts are rebuilt
MAX_BYLINE_WORDS = 8


def decode_html(data: bytes) -> str:
    """Decode page bytes: BOM, then the declared charset, then UTF-8, then windows-1258."""
    from bs4.dammit import EncodingDetector

    detector = EncodingDetector(data, known_definite_encodings=None, is_html=True)
    tried: list[str] = []
    for encoding in [*detector.encodings, "utf-8", "windows-1258"]:
        if not encoding or encoding in tried:
            continue
        tried.append(encoding)
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    raise InputError("cannot decode the page with its declared charset, UTF-8 or windows-1258")


def parse_tree(html: str) -> lxml.html.HtmlElement:
    if not html.strip():
        raise InputError("empty page")
    html = regex.sub(r"^\s*<\?xml[^>]*>", "", html)
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"cannot parse HTML: {exc}") from exc
    return root


def _text(el: lxml.html.HtmlElement) -> str:
    return normalize_line(el.text_content())


MAX_CLASS_CHARS = 1000  # of a class or id value, only this much is matched (a 5 MB class is junk)




VISIBLE_DATE_CHARS = 50000  # visible dates are looked for in this much of the page's text (before normalisation)
# Characters the normaliser removes (zero-width, soft hyphen, controls, private use, non-characters)
# and dashes it unifies: inside a date string they would hide it from the date patterns.
_DATE_DROP = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufdd0-\ufdef\ufffe\uffff]")
_DASHES = "\u2014\u2015\u2212\u2012\u2e3a\u2e3b"


def date_text(root: lxml.html.HtmlElement, limit: int = VISIBLE_DATE_CHARS) -> str:
    """The first ``limit`` characters of the page's text, made ready for the visible-date patterns.

    Only what changes a date match is normalised: NFC (decomposed "ngày"), dashes, and the
    characters the normaliser removes; white space is left alone (the patterns read any run of
    it as one). The date found is the one the whole normalised text gives, found within the
    prefix, without normalising tens of kilobytes (the text is serialised in C, no element walk).
    """
    text = str(etree.tostring(root, method="text", encoding=str))[:limit]
    if text.isascii():
        return text
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    text = _DATE_DROP.sub("", text)
    for dash in _DASHES:
        if dash in text:
            text = text.replace(dash, "–")
    return text


# ---------------------------------------------------------------- metadata


@dataclass
class _HeadElements:
    """The elements metadata is read from, gathered in one walk of the tree (each walk of a
    10 MB page costs tens of milliseconds): the first non-empty content of each meta name, the
    JSON-LD scripts, the first machine-readable ``<time>``, the canonical link and the title."""

    metas: dict[str, str] = field(default_factory=dict)
    ld_scripts: list[lxml.html.HtmlElement] = field(default_factory=list)
    time: str | None = None
    canonical: str | None = None
    title: lxml.html.HtmlElement | None = None

    @classmethod
    def gather(cls, root: lxml.html.HtmlElement) -> _HeadElements:
        found = cls()
        for el in root.iter("meta", "script", "time", "link", "title"):
            found._note(el, el.tag)
        return found

    def _note(self, el: lxml.html.HtmlElement, tag: str) -> None:
        if tag == "meta":
            name = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
            content = (el.get("content") or "").strip()
            if name and content:
                self.metas.setdefault(name, content)
        elif tag == "script" and "ld+json" in (el.get("type") or ""):
            self.ld_scripts.append(el)
        elif tag == "time" and self.time is None:
            self.time = el.get("datetime") or None
        elif tag == "link" and self.canonical is None and el.get("rel") == "canonical":
            self.canonical = el.get("href")
        elif tag == "title" and self.title is None:
            self.title = el

    def meta(self, *names: str) -> str | None:
        """The content of the first of ``names`` the page's meta elements carry."""
        return next((self.metas[name] for name in names if name in self.metas), None)


def _json_ld(scripts: list[lxml.html.HtmlElement]) -> dict[str, object]:
    """The first value of each key of interest in the JSON-LD items, and every item's @type ("@types")."""
    found: dict[str, object] = {}
    types: list[object] = []
    for el in scripts:
        try:
            data = json.loads(el.text or "")
        except (ValueError, RecursionError):
            continue
        for item in _ld_items(data):
            if not isinstance(item, dict):
                continue
            kind = item.get("@type")
            types.extend(kind if isinstance(kind, list) else [kind])
            if "datePublished" in item or "headline" in item:
                for key in ("datePublished", "headline", "author", "keywords", "url"):
                    found.setdefault(key, item.get(key))
    found["@types"] = tuple(types)
    return found


def _ld_types(ld: dict[str, object]) -> tuple[str, ...]:
    types = ld.get("@types")
    return tuple(t for t in types if isinstance(t, str)) if isinstance(types, tuple) else ()


def _ld_items(data: object) -> Iterator[object]:
    if isinstance(data, list):
        for item in data:
            yield from _ld_items(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _ld_items(data["@graph"])


def _ld_author(value: object) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        value = value.get("name")
    return normalize_line(value) if isinstance(value, str) and value.strip() else None


@dataclass
class _Meta:
    title: str | None
    published: str | None
    author: str | None
    url: str | None
    site_name: str | None
    description: str | None
    og_type: str | None = None
    ld_types: tuple[str, ...] = ()
    published_raw: str | None = None  # the machine-readable date as written


def read_metadata(root: lxml.html.HtmlElement) -> _Meta:
    head = _HeadElements.gather(root)
    ld = _json_ld(head.ld_scripts)
    published = published_raw = None
    ld_date = ld.get("datePublished")
    for raw in (
        head.meta("article:published_time", "datepublished", "pubdate", "publishdate", "date", "dc.date.issued"),
        ld_date if isinstance(ld_date, str) else None,
        head.time,
    ):
        published = parse_iso_date(html_lib.unescape(raw)) if raw else None
        if published and raw:
            published_raw = html_lib.unescape(raw)
            break
    headline = ld.get("headline")
    return _Meta(
        title=head.meta("og:title", "twitter:title") or (headline if isinstance(headline, str) else None)
        or (head.title.text_content() if head.title is not None else None),
        published=published,
        author=head.meta("author", "article:author", "dc.creator") or _ld_author(ld.get("author")),
        url=head.canonical or head.meta("og:url"),
        site_name=head.meta("og:site_name", "application-name"),
        description=head.meta("og:description", "description"),
        og_type=head.meta("og:type"),
        published_raw=published_raw,
        ld_types=_ld_types(ld),
    )


# ---------------------------------------------------------------- measuring


# What the class and id words of an element say it is (bits of class_kinds).
CHROME, AUTHOR, LEAD, CAPTION = 1, 2, 4, 8


@lru_cache(maxsize=8192)
@lru_cache(maxsize=2)
def layout_class(kind: str) -> regex.Pattern[str]:
    """The class/id words of one kind of layout_classes.tsv ("caption", "lead"), found anywhere in a
    value in any case; a "-" in a word matches an optional "-" or "_".

    >>> bool(layout_class("caption").search("box_chu_thich")), bool(layout_class("lead").search("article-sapo"))
    (True, True)
    """
    words = sorted((w for w, k in lexicons().layout_classes.items() if k == kind), key=len, reverse=True)
    return regex.compile("|".join("[-_]?".join(regex.escape(part) for part in w.split("-")) for w in words), regex.I)


def class_kinds(value: str) -> int:
    """The kinds named by a class/id value, as bits; judged once per distinct value.

    >>> class_kinds("box-social-share") == CHROME, class_kinds("sapo") == LEAD, class_kinds("image_desc") & CAPTION > 0
    (True, True, True)
    """
    if not value:
        return 0
    return (
        (CHROME if is_chrome_class(value) else 0) | (AUTHOR if is_author_class(value) else 0)
        | (LEAD if layout_class("lead").search(value) else 0) | (CAPTION if layout_class("caption").search(value) else 0)
    )


@dataclass
class _Census:
    """What pruning needs of each element, in one pass over the whole page (before anything goes)."""

    text: dict[lxml.html.HtmlElement, int]  # all text below the element
    links: dict[lxml.html.HtmlElement, int]  # text inside <a> below the element
    span: dict[lxml.html.HtmlElement, tuple[int, int]]  # document positions of the element and after its last descendant
    has_h1: set[lxml.html.HtmlElement]  # elements with an h1 below them
    kinds: dict[lxml.html.HtmlElement, int]  # class_kinds of every element with a class or id
    classed: list[lxml.html.HtmlElement]  # elements with a class or id, in document order
    maybe_chrome: list[lxml.html.HtmlElement]  # ... or a type, a style, or a footer/header/form tag

    def content(self, el: lxml.html.HtmlElement) -> int:
        """Text below ``el`` that is not link text."""
        return self.text.get(el, 0) - self.links.get(el, 0)


_CHROME_TAGS = frozenset(("footer", "header", "form"))


def census(root: lxml.html.HtmlElement) -> _Census:
    """Text, link text, h1 below and document span of every element, and the class kinds of the
    elements with a class or id: one walk, a frame per open element added to its parent's on close."""
    c = _Census({}, {}, {}, set(), {}, [], [])
    stack: list[list[int]] = [[0, 0, 0, -1]]  # text, link text, h1 below, position
    position = 0
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag
        if tag.__class__ is not str:
            continue
        if event == "start":
            text = el.text
            stack.append([len(text.strip()) if text else 0, 0, 0, position])
            position += 1
            _note_attributes(c, el, tag)
            continue
        text_size, links, h1, start = stack.pop()
        c.text[el] = text_size
        c.links[el] = links = text_size if tag == "a" else links
        c.span[el] = (start, position)
        if h1:
            c.has_h1.add(el)
        tail = el.tail
        up = stack[-1]
        up[0] += text_size + (len(tail.strip()) if tail else 0)
        up[1] += links
        if h1 or tag == "h1":
            up[2] = 1
    return c


_ASPNET_ID = regex.compile(r"^ctl\d+_")
_CAMEL = regex.compile(r"(?<=[a-z])(?=[A-Z])")


def own_id(ident: str) -> str:
    """The part of an id that names the element itself. ASP.NET ids spell the whole path of
    naming containers ("ctl00_ContentAds_pnlDetail"): only the last name is the element's own,
    read with its camel-case words apart ("pnlDetail pnl Detail").

    >>> own_id("ctl00_cphMain_ctl00_ucShare"), own_id("main-content")
    ('ucShare uc Share', 'main-content')
    """
    if not _ASPNET_ID.match(ident):
        return ident
    own = ident.rsplit("_", 1)[-1]
    return f"{own} {_CAMEL.sub(' ', own)}"


def _note_attributes(c: _Census, el: lxml.html.HtmlElement, tag: str) -> None:
    cls, ident = el.get("class"), el.get("id")
    if cls is not None or ident is not None:
        c.kinds[el] = class_kinds(f"{(cls or '')[:MAX_CLASS_CHARS]} {own_id((ident or '')[:MAX_CLASS_CHARS])}".strip())
        c.classed.append(el)
        c.maybe_chrome.append(el)
    elif tag in _CHROME_TAGS or el.get("type") is not None or el.get("style") is not None:
        c.maybe_chrome.append(el)


@dataclass
class _Stats:
    """What finding the body needs of each element of the pruned page, in one pass."""

    text: dict[lxml.html.HtmlElement, int]  # all text below the element
    links: dict[lxml.html.HtmlElement, int]  # text inside <a> below the element
    blocky: set[lxml.html.HtmlElement]  # elements with a block element below them
    has_img: set[lxml.html.HtmlElement]
    # (document position, element, own inline text, <br> children) of every block with enough
    # inline text to vote for the body container (see pick_body)
    voters: list[tuple[int, lxml.html.HtmlElement, int, int]]
    kinds: dict[lxml.html.HtmlElement, int]  # class_kinds (from the census)
    classed: list[lxml.html.HtmlElement]  # elements with a class or id still on the page, in document order
    span: dict[lxml.html.HtmlElement, tuple[int, int]]  # document positions (from the census)


MIN_VOTER_CHARS = 40
_TEXT, _LINKS, _INLINE, _BRS, _BLOCKY, _IMG, _POS = range(7)


def measure(root: lxml.html.HtmlElement, kinds: _Census | None = None) -> _Stats:
    """Sizes of every element, in one walk: a frame per open element is added to its parent's on close.

    A frame holds: text, link text, inline text (own text not inside a nested block or a link),
    <br> children, has a block below, has an image below, document position. Class kinds come
    from the census taken before pruning (or a new one).
    """
    c = kinds or census(root)
    st = _Stats({}, {}, set(), set(), [], c.kinds, [], c.span)
    stack: list[list[int]] = [[0, 0, 0, 0, 0, 0, -1]]
    position = 0
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag
        if tag.__class__ is not str:
            continue
        if event == "start":
            text = el.text
            own = len(text.strip()) if text else 0
            stack.append([own, 0, 0 if tag == "a" else own, 0, 0, 0, position])
            position += 1
        else:
            _close(st, el, stack.pop(), stack[-1])
    st.voters.sort(key=lambda voter: voter[0])
    st.classed = [el for el in c.classed if el in st.text]
    return st


def _close(st: _Stats, el: lxml.html.HtmlElement, frame: list[int], up: list[int]) -> None:
    """Record an element's frame and add it to its parent's."""
    tag = el.tag
    text, inline, blocky, img = frame[_TEXT], frame[_INLINE], frame[_BLOCKY], frame[_IMG]
    links = text if tag == "a" else frame[_LINKS]
    block = blocky or tag in BLOCK_TAGS
    if inline >= MIN_VOTER_CHARS and (tag in BLOCK_TAGS or tag == "font") and tag not in ("html", "body"):
        st.voters.append((frame[_POS], el, inline, frame[_BRS]))
    st.text[el] = text
    st.links[el] = links
    if blocky:
        st.blocky.add(el)
    if img:
        st.has_img.add(el)
    tail = el.tail
    tail = len(tail.strip()) if tail else 0
    up[_TEXT] += text + tail
    up[_LINKS] += links
    up[_INLINE] += tail if block else tail + inline
    if tag == "br":
        up[_BRS] += 1
    if block:
        up[_BLOCKY] = 1
    if img or tag == "img":
        up[_IMG] = 1


# ---------------------------------------------------------------- pruning


def _is_chrome(el: lxml.html.HtmlElement, c: _Census) -> bool:
    if c.kinds.get(el, 0) & CHROME or el.tag in _CHROME_TAGS or el.get("type", "").startswith("Related"):
        return True
    style = (el.get("style") or "").lower()
    return "none" in style and "display:none" in style.replace(" ", "")


KEEP_CHROME_SHARE = 0.4  # chrome holding this share of the page's text outside links (or the h1) is the page's wrapper


def prune(root: lxml.html.HtmlElement, c: _Census) -> list[_Elided]:
    """Remove chrome (by tag and by class/id words) and big link lists in place.

    ``c`` measures the tree as it was before anything is removed. Chrome holding the headline or
    40% of the page's text outside links is kept (an ASP.NET page is one big ``<form>``; a site
    may class its article wrapper "content-share"). Only the outermost chrome is dropped (lxml's
    removal walks the removed subtree, so dropping nested chrome one by one would be quadratic).
    """
    total = max(c.content(root), 1)
    inside = -1  # document position where the last dropped element ends
    for el in c.maybe_chrome:  # found by the census walk (an XPath union of paths is quadratic in libxml2)
        start, end = c.span[el]
        if start < inside or el.tag in ("html", "body") or el in c.has_h1:
            continue
        if c.content(el) < KEEP_CHROME_SHARE * total and _is_chrome(el, c):
            inside = end
            el.drop_tree()
    return drop_link_lists(root)


# A region holding this many links, whose text is almost all link text, is a link list (a
# sitemap, a tag cloud, a page of 100,000 links): it is removed before any per-element walk.
LINK_LIST_MIN_LINKS = 100
LINK_LIST_MIN_SHARE = 0.9


@dataclass
class _Elided:
    """A removed link list: where it was and how many linked headlines (4 words or more) it held."""

    parent: lxml.html.HtmlElement
    headlines: int


def _link_list_candidates(root: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """Elements with at least LINK_LIST_MIN_LINKS links one to three levels below them."""
    level: dict[lxml.html.HtmlElement, int] = {}
    for a in root.iter("a"):
        parent = a.getparent()
        level[parent] = level.get(parent, 0) + 1
    found: dict[lxml.html.HtmlElement, int] = {}
    for _ in range(3):
        up: dict[lxml.html.HtmlElement, int] = {}
        for el, count in level.items():
            found[el] = found.get(el, 0) + count
            parent = el.getparent()
            if parent is not None:
                up[parent] = up.get(parent, 0) + count
        level = up
    return [el for el, count in found.items() if count >= LINK_LIST_MIN_LINKS]


def _link_text(el: lxml.html.HtmlElement) -> tuple[int, int, int]:
    """Links below ``el``, their characters other than white space, and those of 4 words or more."""
    links = chars = headlines = 0
    for a in el.iter("a"):
        words = ((a.text if len(a) == 0 else "".join(a.itertext())) or "").split()
        links += 1
        chars += sum(map(len, words))
        headlines += len(words) >= 4
    return links, chars, headlines


def _link_list(el: lxml.html.HtmlElement) -> _Elided | None:
    """``el`` as a removable link list, or None when it is not one (or holds a headline or caption)."""
    if el.tag in ("html", "body") or next(el.iter("h1", "figcaption", "caption"), None) is not None:
        return None
    links, linked, headlines = _link_text(el)
    if links < LINK_LIST_MIN_LINKS:
        return None
    solid = len("".join(etree.tostring(el, method="text", encoding=str, with_tail=False).split()))
    return _Elided(el.getparent(), headlines) if linked >= LINK_LIST_MIN_SHARE * solid else None


def drop_link_lists(root: lxml.html.HtmlElement) -> list[_Elided]:
    """Remove the outermost link lists; report each one for the listing-page test."""
    lists = {el: found for el in _link_list_candidates(root) if (found := _link_list(el)) is not None}
    elided = []
    for el, found in lists.items():
        if not any(a in lists for a in el.iterancestors()):
            elided.append(found)
            el.drop_tree()
    return elided


# ---------------------------------------------------------------- body

PARAGRAPH_TAGS = {"p", "figcaption", "li", "h2", "h3", "h4", "h5", "h6", "blockquote", "dd", "pre"}


def _link_density(st: _Stats, el: lxml.html.HtmlElement) -> float:
    return min(st.links.get(el, 0) / max(st.text.get(el, 0), 1), 1.0)


_DIVS = {"div", "center", "section"}


def pick_body(root: lxml.html.HtmlElement, st: _Stats) -> lxml.html.HtmlElement:
    """The container holding most paragraph text with little link text.

    A paragraph votes for its parent; so does a ``<div>`` used as a paragraph (text with no block
    inside and no run of line breaks). A block of text runs split by ``<br>`` is a container itself
    and votes for itself.
    """
    scores: dict[lxml.html.HtmlElement, float] = {}
    for _, el, length, brs in st.voters:
        paragraph = el.tag in PARAGRAPH_TAGS or (el.tag in _DIVS and el not in st.blocky and brs < 2)
        target = el.getparent() if paragraph else el
        if target is None:
            continue
        score = min(length, 600 * (1 + brs // 2)) / 100 + 1
        scores[target] = scores.get(target, 0) + score
        grand = target.getparent()
        if grand is not None:
            scores[grand] = scores.get(grand, 0) + score / 2
    if not scores:
        return root.body if root.body is not None else root
    return max(scores, key=lambda e: scores[e] * (1 - _link_density(st, e)))


@dataclass
class _Block:
    kind: str  # paragraph | heading | caption | listitem | quote
    text: str  # normalised (normalize_line)
    link_chars: int = 0
    bold: bool = False
    align_right: bool = False
    italic: bool = False
    after_image: bool = False
    in_figure: bool = False  # inside a one-column table holding an image (an old CMS's figure)
    alt: str = ""  # alt or title text of the image right before the block
    # computed once from the text (normalised text has single spaces and no other white space)
    words: int = field(init=False)
    solid: int = field(init=False)  # characters other than spaces
    boilerplate: str | None = field(init=False)

    def __post_init__(self) -> None:
        spaces = self.text.count(" ")
        self.words = spaces + 1 if self.text else 0
        self.solid = len(self.text) - spaces
        self.boilerplate = boilerplate_kind(self.text, normalized=True)


def _rows(table: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    return [c for c in table if c.tag == "tr"] + [r for c in table if c.tag in ("tbody", "thead") for r in c if r.tag == "tr"]


def _caption_table(table: lxml.html.HtmlElement, st: _Stats) -> bool:
    """A one-column table of an image and its caption (old CMSs), in one to three rows."""
    if table not in st.has_img:
        return False
    rows = _rows(table)
    return 1 <= len(rows) <= 3 and all(sum(1 for c in r if c.tag in ("td", "th")) <= 1 for r in rows)


MAX_DATA_CELL_CHARS = 100


def _data_row(row: lxml.html.HtmlElement, st: _Stats) -> bool:
    """A table row of two or more short cells with no block inside: one line of data, one block."""
    cells = [c for c in row if c.tag in ("td", "th")]
    return len(cells) >= 2 and all(c not in st.blocky and st.text.get(c, 0) <= MAX_DATA_CELL_CHARS for c in cells)


_COUNTED = {"a": 0, "strong": 1, "b": 1, "em": 2, "i": 2}  # link, bold and italic text


class _Walker:
    """Flattens a container into text blocks in document order, without recursion."""

    def __init__(self, st: _Stats) -> None:
        self.st = st
        self.out: list[_Block] = []
        self.stack: list[tuple[str, lxml.html.HtmlElement | None]] = [("paragraph", None)]
        self.pieces: list[str] = []
        self.depth = [0, 0, 0]  # open <a>, bold and italic elements
        self.chars = [0, 0, 0]  # characters of the current block inside each
        self.last_br = False
        self.image = False
        self.alt = ""
        self.tables: list[bool] = []  # for each open table: is it a figure (image + caption)?
        self.inline_cells: set[lxml.html.HtmlElement] = set()  # cells of data rows, read as inline text

    def is_block(self, el: lxml.html.HtmlElement) -> bool:
        return (el.tag in BLOCK_TAGS or el in self.st.blocky) and el not in self.inline_cells

    def add(self, text: str | None) -> None:
        if not text:
            return
        self.pieces.append(text)
        size = len(text.strip())
        if size:
            self.last_br = False
            depth, chars = self.depth, self.chars
            for key in (0, 1, 2):
                if depth[key]:
                    chars[key] += size

    def flush(self) -> None:
        text = normalize_line("".join(self.pieces)) if self.pieces else ""
        if text:
            kind, el = self.stack[-1]
            size = max(len(text) - text.count(" "), 1)
            align = "" if el is None else (el.get("style", "") + el.get("align", "")).lower()
            links, bold, italic = self.chars
            self.out.append(_Block(
                kind, text, links, bold >= 0.8 * size, "right" in align, italic >= 0.8 * size, self.image,
                bool(self.tables and self.tables[-1]), self.alt if self.image else "",
            ))
            self.image = False
        self.pieces.clear()
        self.chars = [0, 0, 0]
        self.last_br = False

    def start(self, el: lxml.html.HtmlElement) -> None:
        tag = el.tag
        if tag == "br":
            if self.last_br:
                self.flush()
            else:
                self.pieces.append("\n")
                self.last_br = True
            return
        if tag == "img":
            self.image = True
            parent = el.getparent()
            self.alt = el.get("alt") or el.get("title") or (parent.get("title", "") if parent is not None and parent.tag == "a" else "")
        elif tag == "table":
            self.tables.append(_caption_table(el, self.st))
        elif tag == "tr" and _data_row(el, self.st):
            self.inline_cells.update(c for c in el if c.tag in ("td", "th"))
        elif el in self.inline_cells:
            self.pieces.append(" ")
        if self.is_block(el):
            self.flush()
            self.stack.append((self.child_kind(el), el))
        self.count(el, 1)
        self.add(el.text)

    def end(self, el: lxml.html.HtmlElement, root: lxml.html.HtmlElement) -> None:
        if el.tag != "br":
            self.count(el, -1)
            if self.is_block(el):
                self.flush()
                self.stack.pop()
            if el.tag == "table" and self.tables:
                self.tables.pop()
        if el is not root:
            self.add(el.tail)

    def count(self, el: lxml.html.HtmlElement, step: int) -> None:
        key = _COUNTED.get(el.tag)
        if key is not None:
            self.depth[key] += step

    def child_kind(self, el: lxml.html.HtmlElement) -> str:
        inherited = self.stack[-1][0]
        kind = _block_kind(el, inherited if inherited in ("caption", "quote") else "paragraph", self.st)
        if kind == "paragraph" and el.tag == "td" and self.tables and self.tables[-1] and el not in self.st.has_img:
            return "caption"
        return kind


def walk_blocks(body: lxml.html.HtmlElement, st: _Stats) -> list[_Block]:
    """Flatten ``body`` into text blocks in document order (iterative, depth-safe)."""
    walker = _Walker(st)
    for event, el in etree.iterwalk(body, events=("start", "end")):
        if not isinstance(el.tag, str):
            continue
        if event == "start":
            walker.start(el)
        else:
            walker.end(el, body)
    walker.flush()
    return walker.out


def _block_kind(el: lxml.html.HtmlElement, inherited: str, st: _Stats) -> str:
    if el.tag in ("figcaption", "caption") or st.kinds.get(el, 0) & CAPTION:
        return "caption"
    if el.tag in ("h2", "h3", "h4", "h5", "h6"):
        return "heading"
    if el.tag == "blockquote":
        return "quote"
    if el.tag == "li":
        return "listitem"
    return inherited


def _same_words(a: str, b: str) -> bool:
    return a.casefold().strip(" .") == b.casefold().strip(" .")


def _classify(block: _Block) -> _Block:
    """A short paragraph right under an image is its caption when it is in italics, names a photo
    credit or position, repeats the image's alt text, or sits in a figure table."""
    if block.kind != "paragraph" or block.words > 60:
        return block
    under_image = block.after_image and (
        block.italic or block.in_figure or looks_like_caption(block.text)
        or (bool(block.alt) and _same_words(normalize_line(block.alt), block.text))
    )
    if under_image or ends_with_photo_credit(block.text, normalized=True):
        block.kind = "caption"
    return block


def _keep(block: _Block) -> bool:
    if block.boilerplate:
        return False
    density = block.link_chars / max(block.solid, 1)
    return not (density > 0.5 and block.kind != "caption")


def _drop_sections(blocks: list[_Block]) -> list[_Block]:
    """Drop a "Tin liên quan"-style heading and the link lines under it."""
    out: list[_Block] = []
    in_section = False
    for block in blocks:
        if block.boilerplate == "section":
            in_section = True
            continue
        linky = block.link_chars >= 0.5 * block.solid
        plain_short = block.kind in ("paragraph", "listitem") and not block.bold and block.words <= 25
        if in_section and (linky or (plain_short and not block.text.endswith(".") and not block.after_image)):
            continue
        in_section = False
        out.append(block)
    return out


def _is_listing(blocks: list[_Block], elided_headlines: int = 0) -> bool:
    """A page of repeated linked headlines with short teasers (home, category, search).

    ``elided_headlines`` counts the headlines of link lists removed from the body before the walk.
    """
    linked = elided_headlines + sum(1 for b in blocks if b.link_chars >= 0.5 * b.solid and b.words >= 4)
    prose = [b for b in blocks if b.link_chars == 0 and b.words >= 15]
    words = sorted(b.words for b in prose) or [0]
    return linked >= 4 and linked >= 0.5 * len(prose) and words[len(words) // 2] < 35


# ---------------------------------------------------------------- assembly


MAX_TITLE_CHARS = 500  # an element holding more text than this is not a headline


def _title(root: lxml.html.HtmlElement, meta: _Meta, c: _Census) -> tuple[str | None, bool]:
    """The first h1 of three words or more that is not a logo; else the part of the page's
    title (``og:title``, ``<title>``) that the page shows as an element of its own, the longest
    such run of parts ("UBND huyện X - Headline – with a dash"); else the longest part. The flag
    says whether the page shows the title (the longest part may be the site's name)."""
    for h1 in root.iter("h1"):
        if c.kinds.get(h1, 0) & CHROME or c.text.get(h1, 0) > MAX_TITLE_CHARS:
            continue
        text = _text(h1)
        if len(text.split()) >= 3:
            return text, True
    if not meta.title:
        return None, False
    pieces = TITLE_SEPARATORS.split(normalize_line(meta.title))  # part, separator, part, ...
    parts = pieces[::2]
    runs = {"".join(pieces[2 * i : 2 * j + 1]) for i in range(len(parts)) for j in range(i, len(parts))}
    shown = _shown_title(root, c, {r for r in runs if len(r.split()) >= 3})
    return (shown, True) if shown else (max(parts, key=len), False)


def _shown_title(root: lxml.html.HtmlElement, c: _Census, runs: set[str]) -> str | None:
    """The longest of ``runs`` that is the whole text of an element of the body outside chrome."""
    if not runs or root.body is None:
        return None
    low, high = min(map(len, runs)) // 2, max(map(len, runs)) + 10
    best: str | None = None
    for el in root.body.iter():
        if not isinstance(el.tag, str) or not low <= c.text.get(el, 0) <= high:
            continue
        text = _text(el)
        if text in runs and (best is None or len(text) > len(best)) and not _in_chrome(el, c):
            best = text
    return best


def _in_chrome(el: lxml.html.HtmlElement, c: _Census) -> bool:
    return any(c.kinds.get(a, 0) & CHROME for a in (el, *el.iterancestors()))


def split_source_prefix(lead: str) -> tuple[str | None, str]:
    """Split "(Dân trí) - …" / "TTO - …" off a lead.

    >>> split_source_prefix("(Dân trí) - Sáng 15/3, tỉnh ...")
    ('Dân trí', 'Sáng 15/3, tỉnh ...')
    >>> split_source_prefix("TTO - Chiều nay ...")
    ('TTO', 'Chiều nay ...')
    >>> split_source_prefix("(TNO) TAND TP.Đà Nẵng ..."), split_source_prefix("(Ảnh minh họa) Sáng nay ...")
    (('TNO', 'TAND TP.Đà Nẵng ...'), (None, '(Ảnh minh họa) Sáng nay ...'))
    """
    match = SOURCE_PREFIX.match(lead)
    if not match:
        return None, LEAD_BULLET.sub("", lead)
    return (match.group("a") or match.group("b") or match.group("c")).strip(), lead[match.end():].strip()


_NOT_LEAD_TAGS = {"html", "body", "main", "article", "section", "form", "ul", "ol", "table", "tr", "tbody"}


LEAD_MIN_WORDS = 8
LEAD_MAX_WORDS = 120
MAX_LEAD_CHARS = 3000  # more text than this is not a lead (and is not normalised to find out)


def _find_lead(root: lxml.html.HtmlElement, body: lxml.html.HtmlElement, st: _Stats) -> tuple[lxml.html.HtmlElement | None, str | None]:
    """An element whose class names a sapo/lead, before the body or inside it (not a teaser of the
    related lists after it); else a sapo right before the body."""
    around_body = set(body.iterancestors()) | {body}
    body_end = st.span[body][1]
    for el in st.classed:
        if st.span[el][0] >= body_end:
            break
        if st.kinds[el] & (LEAD | CAPTION | CHROME) != LEAD or el.tag in _NOT_LEAD_TAGS or el in around_body:
            continue
        if st.text.get(el, 0) <= MAX_LEAD_CHARS:
            text = _text(el)
            if LEAD_MIN_WORDS <= len(text.split()) <= LEAD_MAX_WORDS:
                return el, text
    return _lead_before(body, st)


def _lead_text(el: lxml.html.HtmlElement) -> str:
    """The text of a sapo without its lines of links (">> related headline" after a line break)."""
    lines: list[list[str]] = [[]]
    linked = [0]
    in_link = 0
    for event, node in etree.iterwalk(el, events=("start", "end")):
        if not isinstance(node.tag, str):
            continue
        if event == "start" and node.tag == "br":
            lines.append([])
            linked.append(0)
        elif event == "start":
            in_link += node.tag == "a"
            lines[-1].append(node.text or "")
            linked[-1] += len((node.text or "").strip()) if in_link else 0
        else:
            in_link -= node.tag == "a"
            if node is not el:
                lines[-1].append(node.tail or "")
    texts = ["".join(pieces) for pieces in lines]
    kept = [t for t, n in zip(texts, linked, strict=True) if n < 0.5 * len(t.strip())]
    return normalize_line(" ".join(kept))


_LEAD_TAGS = {"h2", "h3", "h4", "p", "div", "span", "strong", "b", "td"}


def _lead_before(body: lxml.html.HtmlElement, st: _Stats) -> tuple[lxml.html.HtmlElement | None, str | None]:
    """The block right before the body (a sibling of it or of its parent) when it reads as a sapo:
    a heading, a bold block or a source-prefixed block of LEAD_MIN_WORDS to LEAD_MAX_WORDS words."""
    for anchor in (body, body.getparent()):
        if anchor is None:
            break
        for el in anchor.itersiblings(preceding=True):
            if not isinstance(el.tag, str) or st.text.get(el, 0) < 20:
                continue
            if el.tag not in _LEAD_TAGS or st.text[el] > MAX_LEAD_CHARS or st.links.get(el, 0) > 0.3 * st.text[el]:
                return None, None
            text = _lead_text(el)
            if not LEAD_MIN_WORDS <= len(text.split()) <= LEAD_MAX_WORDS:
                return None, None
            sapo = el.tag in ("h2", "h3", "h4", "strong", "b") or SOURCE_PREFIX.match(text) is not None
            return (el, text) if sapo else (None, None)
    return None, None


HEADER_BLOCKS = 3  # the body's first blocks, where a dateline or a headline without h1 may sit


def _opening_headline(blocks: list[_Block]) -> int | None:
    """On a page whose title is not shown (no h1; its <title> is the site's name), the headline is
    the first bold line of 4 to 30 words among the body's first blocks, not ending a sentence."""
    for index, block in enumerate(blocks[:HEADER_BLOCKS]):
        if block.kind in ("paragraph", "heading") and block.bold and 4 <= block.words <= 30:
            if not block.text.endswith((".", ":", "?", "!")) and SOURCE_PREFIX.match(block.text) is None:
                return index
    return None


def _is_description(block: _Block, description: str | None) -> bool:
    """The body's first block repeats the page's description (og:description, meta description):
    the site's own sapo, whatever its markup (an ``h2`` on zing 2012)."""
    if not description or block.words < LEAD_MIN_WORDS or block.kind not in ("paragraph", "heading"):
        return False
    wanted = normalize_line(description)
    if wanted.endswith(("...", "…")):  # a description cut short
        return block.text.startswith(wanted.rstrip(".… ")) and len(wanted) > 40
    return block.text == wanted


def _opening_lead(block: _Block) -> bool:
    """The body's first block is its lead when bold, or a heading or paragraph opening with a source prefix."""
    if block.kind == "paragraph" and block.bold and block.words >= 15:
        return True
    prefixed = block.kind in ("paragraph", "heading") and SOURCE_PREFIX.match(block.text) is not None
    return prefixed and LEAD_MIN_WORDS <= block.words <= LEAD_MAX_WORDS


def _byline_like(block: _Block) -> bool:
    return (
        block.words <= MAX_BYLINE_WORDS
        and not block.text.endswith((".", ":", "?", "!"))
        and (block.bold or block.align_right or block.text.startswith("Theo ") or block.words <= 4)
        and block.kind == "paragraph"
    )


def _byline(blocks: list[_Block], author_lines: list[str]) -> tuple[list[_Block], str | None]:
    """The last block when it reads as a byline. When the two last blocks do (the writer, then the
    source: "Nhóm PV" / "Theo Infonet", "Theo Minh Nguyễn/Vcamp.vn" / "Forbes"), the first is the
    byline and the second, an attribution, goes with it."""
    if blocks and _byline_like(blocks[-1]):
        before = blocks[-2] if len(blocks) > 1 else None
        if before is not None and _byline_like(before) and (_looks_like_name(before.text) or before.text.startswith("Theo ")):
            return blocks[:-2], before.text
        return blocks[:-1], blocks[-1].text
    return blocks, next(iter(author_lines), None)


def _looks_like_name(text: str) -> bool:
    """A person's or agency's name as bylines write it: a few capitalised words."""
    words = text.split()
    return 0 < len(words) <= 6 and all(w[:1].isupper() or w in ("-", "–", "và") for w in words)


MAX_AUTHOR_CHARS = 200  # an author box holding more text than this is not a name


def _author_lines(c: _Census) -> list[str]:
    """Names in elements whose class says author or byline (the measured text bounds the work)."""
    lines = []
    for el in c.classed:
        if not c.kinds[el] & AUTHOR or el.tag in ("form", "input", "label", "textarea") or c.text.get(el, 0) > MAX_AUTHOR_CHARS:
            continue
        text = _text(el)
        if _looks_like_name(text):
            lines.append(text)
    return lines


def _is_article(blocks: list[_Block], raw: list[_Block], body_density: float, elided_headlines: int) -> bool:
    """Enough body text in the body found, which is not a list of linked headlines with teasers."""
    paragraphs = [b for b in blocks if b.kind in ("paragraph", "quote", "listitem") and b.words >= 15]
    words = sum(b.words for b in paragraphs)
    return len(paragraphs) >= 2 and words >= 80 and body_density < 0.5 and not _is_listing(raw, elided_headlines)



@dataclass
class _Found:
    title: str | None
    lead: str | None
    source_prefix: str | None
    blocks: list[_Block]
    byline: str | None
    is_article: bool


def _headlines_in(elided: list[_Elided], body: lxml.html.HtmlElement) -> int:
    """Headlines of the removed link lists that were inside ``body``."""
    return sum(e.headlines for e in elided if e.parent is body or any(a is body for a in e.parent.iterancestors()))


def _extract(page: HtmlPage) -> _Found:
    """Body blocks, lead and byline of a pruned tree whose h1 is gone."""
    root, title, meta, elided = page.root, page.title, page.meta, page.elided
    st = measure(root, page.census)
    body = pick_body(root, st)
    lead_el, lead = _find_lead(root, body, st)
    raw: list[_Block] = [_Block("caption", t) for t in _top_captions(root, body)]
    raw.extend(walk_blocks(body, st))
    if lead_el is not None:
        lead_text = lead
        raw = [b for b in raw if b.text != lead_text]
    blocks = [_classify(b) for b in _drop_sections(raw)]
    blocks = [b for b in blocks if _keep(b) and b.text != title]
    blocks = [b for i, b in enumerate(blocks) if i >= HEADER_BLOCKS or not is_date_line(b.text)]
    if not page.title_shown and (headline := _opening_headline(blocks)) is not None:
        title = blocks.pop(headline).text
    if lead is None and blocks and (_opening_lead(blocks[0]) or _is_description(blocks[0], meta.description)):
        lead = blocks.pop(0).text
    blocks, byline = _byline(blocks, page.author_lines)
    source_prefix = None
    if lead:
        source_prefix, lead = split_source_prefix(lead)
    is_article = _is_article(blocks, raw, _link_density(st, body), _headlines_in(elided, body)) and not is_listing_page(
        root, meta.og_type, meta.ld_types
    )
    return _Found(title, lead, source_prefix, blocks, byline, is_article)


def _output_blocks(found: _Found) -> tuple[CleanBlock, ...]:
    """Every block found, also on a page that is not an article (the flag informs, the text stays)."""
    out: list[CleanBlock] = []
    if found.title:
        out.append(CleanBlock("title", found.title))
    if found.lead:
        out.append(CleanBlock("lead", found.lead))
    out.extend(CleanBlock("caption" if b.kind == "caption" else "paragraph", b.text) for b in found.blocks)
    if found.byline:
        out.append(CleanBlock("byline", found.byline))
    return tuple(out)


NOT_ARTICLE = "not an article (a page of links or too little body text): its text is kept, flagged is_article=false"


def clean_html(html: str, url: str | None = None) -> CleanedArticle:
    """Clean one HTML page."""
    return clean_tree(parse_tree(html), url=url)


@dataclass
class HtmlPage:
    """A parsed page being cleaned: each stage of ``STAGES`` fills in its part."""

    root: lxml.html.HtmlElement
    meta: _Meta
    published: str | None = None
    census: _Census | None = None
    author_lines: list[str] = field(default_factory=list)
    elided: list[_Elided] = field(default_factory=list)
    title: str | None = None
    title_shown: bool = False  # the title is an h1 or an element of the page, not only its <title>
    found: _Found | None = None


def read_page(root: lxml.html.HtmlElement) -> HtmlPage:
    """Read the metadata (JSON-LD lives in scripts), then remove scripts and styles."""
    page = HtmlPage(root, read_metadata(root))
    etree.strip_elements(root, "script", "style", with_tail=False)
    return page


_TEXT_NODES = etree.XPath("//text()", smart_strings=False)


def visible_sample(root: lxml.html.HtmlElement, limit: int) -> str:
    """The first ``limit`` characters of the text of a page read by :func:`read_page`, a space
    between text nodes (``<td>Hà</td><td>Nội</td>`` gives two words)."""
    return " ".join(_TEXT_NODES(root))[:limit]


def _stage_date(page: HtmlPage) -> None:
    meta = page.meta
    visible = find_visible_date(date_text(page.root)) if needs_visible_date(meta.published_raw) else None
    page.published = reconcile(meta.published, meta.published_raw, visible)


def _stage_prune(page: HtmlPage) -> None:
    etree.strip_elements(page.root, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    etree.strip_elements(page.root, *DROP_TAGS, with_tail=False)
    page.census = census(page.root)
    page.author_lines = _author_lines(page.census)
    page.elided = prune(page.root, page.census)


def _stage_title(page: HtmlPage) -> None:
    assert page.census is not None
    page.title, page.title_shown = _title(page.root, page.meta, page.census)
    for h1 in list(page.root.iter("h1")):
        h1.drop_tree()


def _stage_body(page: HtmlPage) -> None:
    page.found = _extract(page)


STAGES = (("visible date", _stage_date), ("measure and prune", _stage_prune), ("title", _stage_title), ("body", _stage_body))


def finish(page: HtmlPage, url: str | None = None) -> CleanedArticle:
    """The CleanedArticle of a page that went through every stage."""
    found, meta = page.found, page.meta
    assert found is not None
    byline = found.byline
    author = meta.author or (byline if byline and not byline.startswith("Theo ") else None) or next(iter(page.author_lines), None)
    return CleanedArticle(
        blocks=_output_blocks(found),
        title=found.title,
        lead=found.lead,
        source_prefix=found.source_prefix,
        published=page.published,
        author=normalize_line(author) if author else None,
        url=url or meta.url,
        site_name=meta.site_name,
        is_article=found.is_article,
        warnings=() if found.is_article else (NOT_ARTICLE,),
        html=True,
        normalized=True,
    )


def clean_page(page: HtmlPage, url: str | None = None) -> CleanedArticle:
    """Run every stage on a page from :func:`read_page`."""
    for _, stage in STAGES:
        stage(page)
    return finish(page, url)


def clean_tree(root: lxml.html.HtmlElement, url: str | None = None) -> CleanedArticle:
    """Clean one parsed HTML page (the tree is changed in place)."""
    return clean_page(read_page(root), url)


def _top_captions(root: lxml.html.HtmlElement, body: lxml.html.HtmlElement) -> list[str]:
    """Captions of figures that sit outside the body container, before it (a top image)."""
    around_body = set(body.iterancestors())
    out = []
    for el in root.iter("figcaption"):
        if el in around_body or any(a is body for a in el.iterancestors()):
            continue
        text = _text(el)
        if text:
            out.append(text)
    return out
