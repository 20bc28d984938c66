"""Stage 1 for HTML: page -> CleanedArticle.

The decision comes from the page itself: chrome is recognised from class/id words and
Vietnamese boilerplate phrases kept as lexicons, the body is the container holding most
paragraph text with little link text, and every block is then filtered on its own link density
and text. The tree is built with lxml (BeautifulSoup's fast parser) after scripts and styles are
gone; bytes are decoded with BeautifulSoup's encoding detector.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

import lxml.html
import regex
from lxml import etree

from .boilerplate import boilerplate_kind, is_author_class, is_chrome_class
from .dates import parse_iso_date, parse_visible_date
from .errors import InputError
from .model import CleanBlock, CleanedArticle
from .normalize import normalize_line

DROP_TAGS = (
    "script", "style", "noscript", "iframe", "svg", "form", "button", "input", "select", "textarea",
    "template", "link", "object", "embed", "video", "audio", "canvas", "map", "nav", "aside",
    "amp-ad", "amp-social-share", "amp-analytics", "amp-sidebar", "ins", "dialog",
)
BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "header", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
    "li", "ul", "ol", "blockquote", "figure", "figcaption", "table", "tr", "td", "th", "tbody",
    "thead", "dl", "dt", "dd", "pre", "center", "address", "caption", "hr",
}
CAPTION_CLASS = regex.compile(r"caption|chu-?thich|photo-?desc|image-?desc|img-?desc|PhotoCMS_Caption", regex.I)
LEAD_CLASS = regex.compile(r"sapo|description|summary|excerpt|lead|chapeau|intro|abstract|tomtat|desc", regex.I)
SOURCE_PREFIX = regex.compile(
    r"^\s*(?:\((?P<a>[^()]{2,40})\)\s*[-–—:]\s*|(?P<b>[A-ZĐ][\w.]{1,20}(?:\.VN|\.vn)?)\s*[-–—]\s+)"
)
TITLE_SEPARATORS = regex.compile(r"\s+[|\-–—:»]\s+")
MAX_BYLINE_WORDS = 8


@dataclass
class _Block:
    kind: str  # paragraph | heading | caption | listitem | quote
    text: str
    link_chars: int
    bold: bool
    align_right: bool


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


def _classes(el: lxml.html.HtmlElement) -> str:
    return f"{el.get('class', '')} {el.get('id', '')}".strip()


# ---------------------------------------------------------------- metadata


def _meta(root: lxml.html.HtmlElement, *names: str) -> str | None:
    for name in names:
        for el in root.iter("meta"):
            if (el.get("property") or el.get("name") or el.get("itemprop") or "").lower() == name:
                content = (el.get("content") or "").strip()
                if content:
                    return content
    return None


def _json_ld(root: lxml.html.HtmlElement) -> dict[str, object]:
    found: dict[str, object] = {}
    for el in root.iter("script"):
        if "ld+json" not in (el.get("type") or ""):
            continue
        try:
            data = json.loads(el.text or "")
        except (ValueError, RecursionError):
            continue
        for item in _ld_items(data):
            if isinstance(item, dict) and ("datePublished" in item or "headline" in item):
                for key in ("datePublished", "headline", "author", "keywords", "url"):
                    found.setdefault(key, item.get(key))
    return found


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
    tags: tuple[str, ...]
    description: str | None


def read_metadata(root: lxml.html.HtmlElement) -> _Meta:
    ld = _json_ld(root)
    published = None
    for raw in (
        _meta(root, "article:published_time", "datepublished", "pubdate", "publishdate", "date", "dc.date.issued"),
        ld.get("datePublished") if isinstance(ld.get("datePublished"), str) else None,
        next((t.get("datetime") for t in root.iter("time") if t.get("datetime")), None),
    ):
        published = parse_iso_date(raw) if raw else None
        if published:
            break
    keywords = _meta(root, "keywords", "news_keywords") or ""
    canonical = next((el.get("href") for el in root.iter("link") if el.get("rel") == "canonical"), None)
    title_el = root.find(".//title")
    return _Meta(
        title=_meta(root, "og:title", "twitter:title") or (ld.get("headline") if isinstance(ld.get("headline"), str) else None)
        or (title_el.text_content() if title_el is not None else None),
        published=published,
        author=_meta(root, "author", "article:author", "dc.creator") or _ld_author(ld.get("author")),
        url=canonical or _meta(root, "og:url"),
        site_name=_meta(root, "og:site_name", "application-name"),
        tags=tuple(t.strip() for t in keywords.split(",") if t.strip()),
        description=_meta(root, "og:description", "description"),
    )


# ---------------------------------------------------------------- pruning


def _page_text_size(root: lxml.html.HtmlElement) -> int:
    return sum(len(p.text_content()) for p in root.iter("p"))


def prune(root: lxml.html.HtmlElement) -> None:
    """Remove scripts, comments and chrome (by tag and by class/id words) in place."""
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    etree.strip_elements(root, *DROP_TAGS, with_tail=False)
    total = max(_page_text_size(root), 1)
    doomed = []
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in ("html", "body"):
            continue
        chrome = is_chrome_class(_classes(el)) or el.tag in ("footer",) or el.get("type", "").startswith("Related")
        if el.tag == "header" and el.find(".//h1") is None:
            chrome = True
        style = (el.get("style") or "").replace(" ", "").lower()
        if "display:none" in style:
            chrome = True
        if chrome and el.find(".//h1") is None and _page_text_size(el) < 0.4 * total:
            doomed.append(el)
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()


# ---------------------------------------------------------------- body


def _score_candidates(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    scores: dict[lxml.html.HtmlElement, float] = {}
    for el in root.iter("p", "td", "div", "span", "figcaption", "li"):
        own = (el.text or "") + "".join(c.tail or "" for c in el)
        if el.tag == "p" or el.tag == "figcaption":
            own = el.text_content()
        length = len(own.strip())
        if length < 40:
            continue
        parent = el.getparent() if el.tag in ("p", "figcaption", "li", "span") else el
        if parent is None:
            continue
        score = min(length, 600) / 100 + 1 + own.count(",") * 0.3
        scores[parent] = scores.get(parent, 0) + score
        grand = parent.getparent()
        if grand is not None:
            scores[grand] = scores.get(grand, 0) + score / 2
    if not scores:
        return root.body if root.body is not None else root
    return max(scores, key=lambda e: scores[e] * (1 - _link_density(e)))


def _link_density(el: lxml.html.HtmlElement) -> float:
    total = len(el.text_content()) or 1
    links = sum(len(a.text_content()) for a in el.iter("a"))
    return min(links / total, 1.0)


def _walk_blocks(el: lxml.html.HtmlElement, out: list[_Block], inherited: str = "paragraph") -> None:
    """Flatten ``el`` into text blocks in document order."""
    kind = _block_kind(el, inherited)
    pieces: list[str] = [el.text or ""]
    links = [0]
    bold = [el.tag in ("strong", "b")]

    def flush() -> None:
        text = normalize_line("".join(pieces))
        if text:
            out.append(_Block(kind, text, links[0], bold[0], "right" in (el.get("style", "") + el.get("align", "")).lower()))
        pieces.clear()
        links[0] = 0
        bold[0] = False

    for child in el:
        if not isinstance(child.tag, str):
            pieces.append(child.tail or "")
            continue
        if child.tag == "br":
            if pieces and "".join(pieces).endswith("\n"):
                flush()
            else:
                pieces.append("\n")
        elif child.tag in BLOCK_TAGS or _has_block_child(child):
            flush()
            _walk_blocks(child, out, kind if kind in ("caption", "quote") else "paragraph")
        else:
            text = child.text_content()
            pieces.append(text)
            if child.tag == "a" or child.find(".//a") is not None:
                links[0] += len(text.strip())
            if child.tag in ("strong", "b") and len(text.strip()) >= len("".join(pieces).strip()) * 0.8:
                bold[0] = True
        pieces.append(child.tail or "")
    flush()


def _has_block_child(el: lxml.html.HtmlElement) -> bool:
    return any(isinstance(c.tag, str) and c.tag in BLOCK_TAGS for c in el.iter() if c is not el)


def _block_kind(el: lxml.html.HtmlElement, inherited: str) -> str:
    if el.tag == "figcaption" or el.tag == "caption" or CAPTION_CLASS.search(_classes(el)):
        return "caption"
    if el.tag in ("h2", "h3", "h4", "h5", "h6"):
        return "heading"
    if el.tag == "blockquote":
        return "quote"
    if el.tag == "li":
        return "listitem"
    if el.tag == "td" and inherited != "caption" and _is_image_caption_cell(el):
        return "caption"
    return inherited


def _is_image_caption_cell(td: lxml.html.HtmlElement) -> bool:
    """A one-cell-wide table of an image and its caption (old CMSs)."""
    table = next((a for a in td.iterancestors("table")), None)
    if table is None or table.find(".//img") is None or td.find(".//img") is not None:
        return False
    rows = table.findall(".//tr")
    return 1 < len(rows) <= 3 and all(len(r.findall("td")) <= 1 for r in rows) and len(td.text_content()) < 400


def _keep(block: _Block) -> bool:
    words = len(block.text.split())
    if boilerplate_kind(block.text):
        return False
    density = block.link_chars / max(len(block.text), 1)
    if density > 0.5 and block.kind != "caption":
        return False
    return words > 0


def _drop_sections(blocks: list[_Block]) -> list[_Block]:
    """Drop a "Tin liên quan"-style heading and the short link lines under it."""
    out: list[_Block] = []
    in_section = False
    for block in blocks:
        if boilerplate_kind(block.text) == "section":
            in_section = True
            continue
        if in_section and (block.link_chars > 0 or len(block.text.split()) <= 25) and not block.text.endswith("."):
            continue
        in_section = False
        out.append(block)
    return out


# ---------------------------------------------------------------- assembly


def _title(root: lxml.html.HtmlElement, meta: _Meta) -> str | None:
    for h1 in root.iter("h1"):
        text = _text(h1)
        if len(text.split()) >= 3:
            return text
    if meta.title:
        parts = TITLE_SEPARATORS.split(normalize_line(meta.title))
        return max(parts, key=len) if parts else None
    return None


def split_source_prefix(lead: str) -> tuple[str | None, str]:
    """Split "(Dân trí) - …" / "TTO - …" off a lead.

    >>> split_source_prefix("(Dân trí) - Sáng 15/3, tỉnh ...")
    ('Dân trí', 'Sáng 15/3, tỉnh ...')
    >>> split_source_prefix("TTO - Chiều nay ...")
    ('TTO', 'Chiều nay ...')
    """
    match = SOURCE_PREFIX.match(lead)
    if not match:
        return None, lead
    return (match.group("a") or match.group("b")).strip(), lead[match.end():].strip()


def _find_lead(root: lxml.html.HtmlElement, body: lxml.html.HtmlElement) -> tuple[lxml.html.HtmlElement | None, str | None]:
    for el in root.iter("p", "h2", "div", "span", "strong"):
        if LEAD_CLASS.search(_classes(el)) and not is_chrome_class(_classes(el)):
            text = _text(el)
            if 8 <= len(text.split()) <= 120 and not any(a is el for a in body.iterancestors()):
                return el, text
    return None, None


def _byline(blocks: list[_Block], root: lxml.html.HtmlElement) -> tuple[list[_Block], str | None]:
    if blocks:
        last = blocks[-1]
        words = last.text.split()
        if (
            len(words) <= MAX_BYLINE_WORDS
            and not last.text.endswith((".", ":", "?", "!"))
            and (last.bold or last.align_right or last.text.startswith("Theo ") or len(words) <= 4)
            and last.kind in ("paragraph",)
        ):
            return blocks[:-1], last.text
    for el in root.iter():
        if isinstance(el.tag, str) and is_author_class(_classes(el)):
            text = _text(el)
            if _looks_like_name(text):
                return blocks, text
    return blocks, None


def _looks_like_name(text: str) -> bool:
    """A person's or agency's name as bylines write it: a few capitalised words."""
    words = text.split()
    return 0 < len(words) <= 6 and all(w[:1].isupper() or w in ("-", "–", "và") for w in words)


def _is_article(blocks: list[_Block], body: lxml.html.HtmlElement) -> bool:
    paragraphs = [b for b in blocks if b.kind in ("paragraph", "quote", "listitem") and len(b.text.split()) >= 15]
    words = sum(len(b.text.split()) for b in paragraphs)
    return len(paragraphs) >= 2 and words >= 80 and _link_density(body) < 0.5


def clean_html(html: str, url: str | None = None) -> CleanedArticle:
    """Clean one HTML page."""
    root = parse_tree(html)
    meta = read_metadata(root)
    visible_date = parse_visible_date(normalize_line(root.text_content())[:20000]) if not meta.published else None
    author_lines = [
        t for el in root.iter()
        if isinstance(el.tag, str) and el.tag not in ("form", "input", "label", "textarea") and is_author_class(_classes(el))
        and _looks_like_name(t := _text(el))
    ]
    prune(root)
    title = _title(root, meta)
    for h1 in list(root.iter("h1")):
        h1.drop_tree()
    body = _score_candidates(root)
    lead_el, lead = _find_lead(root, body)
    if lead_el is not None and lead_el is not body:
        lead_el.drop_tree()
    raw: list[_Block] = []
    _collect_top_captions(root, body, raw)
    _walk_blocks(body, raw)
    blocks = _drop_sections([b for b in raw if b.text])
    blocks = [b for b in blocks if _keep(b) and b.text != title]
    if lead is None and blocks and blocks[0].kind == "paragraph" and blocks[0].bold and len(blocks[0].text.split()) >= 15:
        lead = blocks.pop(0).text
    blocks, byline = _byline(blocks, root)
    source_prefix = None
    if lead:
        source_prefix, lead = split_source_prefix(lead)
    is_article = _is_article(blocks, body)
    warnings = () if is_article else ("not an article: too little body text or a page of links",)
    out: list[CleanBlock] = []
    if title:
        out.append(CleanBlock("title", title))
    if lead:
        out.append(CleanBlock("lead", lead))
    out.extend(CleanBlock("caption" if b.kind == "caption" else "paragraph", b.text) for b in blocks)
    if byline:
        out.append(CleanBlock("byline", byline))
    author = meta.author or (byline if byline and not byline.startswith("Theo ") else None) or next((a for a in author_lines if a), None)
    return CleanedArticle(
        blocks=tuple(out) if is_article else tuple(out[:1]),
        title=title,
        lead=lead,
        source_prefix=source_prefix,
        published=meta.published or visible_date,
        author=normalize_line(author) if author else None,
        url=url or meta.url,
        site_name=meta.site_name,
        tags=meta.tags,
        is_article=is_article,
        warnings=warnings,
    )


def _collect_top_captions(root: lxml.html.HtmlElement, body: lxml.html.HtmlElement, out: list[_Block]) -> None:
    """Captions of figures that sit outside the body container, before it (a top image)."""
    body_ancestors = set(body.iterancestors())
    for el in root.iter("figcaption"):
        if el in body_ancestors or any(a is body for a in el.iterancestors()):
            continue
        text = _text(el)
        if text:
            out.append(_Block("caption", text, 0, False, False))
