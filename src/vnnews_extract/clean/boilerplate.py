"""Boilerplate recognition shared by the HTML and plain-text cleaners.

Everything here is driven by lexicons (``boilerplate.tsv``, ``boilerplate_classes.tsv``,
``caption_cues.tsv``); nothing names a particular site.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from ..lexicons import alternation, lexicons
from ..text.normalize import normalize_line

NAV_MAX_WORDS = 40
LABEL_MAX_WORDS = 12


@lru_cache(maxsize=1)
def _label_pattern() -> regex.Pattern[str]:
    phrases = lexicons().boilerplate
    return regex.compile(r"^\W*(?P<label>" + alternation(phrases) + r")", regex.I)


@lru_cache(maxsize=1)
def _class_pattern() -> regex.Pattern[str]:
    words = lexicons().boilerplate_classes
    whole = [w for w, m in words.items() if m == "word"]
    prefix = [w for w, m in words.items() if m == "prefix"]
    return regex.compile(
        r"(?:^|[\s_\-])(?:(?:" + alternation(whole) + r")(?=$|[\s_\-\d])|(?:" + alternation(prefix) + r"))",
        regex.I,
    )


@lru_cache(maxsize=1)
def _author_class_pattern() -> regex.Pattern[str]:
    words = lexicons().author_classes
    return regex.compile(r"(?:^|[\s_\-])(?:" + alternation(words) + r")", regex.I)


def boilerplate_kind(line: str, *, normalized: bool = False) -> str | None:
    """The boilerplate kind of a line of text (nav | label | section), or None.

    ``normalized=True`` says the line already went through ``normalize_line`` (skips doing it again).

    >>> boilerplate_kind("Bài trướcHĐND huyện Chợ Đồn khóa XX tổ chức Kỳ họp lần thứ nhất")
    'nav'
    >>> boilerplate_kind("Tin liên quan"), boilerplate_kind("Trả lời phỏng vấn, ông An nói rằng đây là việc lớn của tỉnh ta.")
    ('section', None)
    """
    text = line if normalized else normalize_line(line)
    match = _label_pattern().match(text)
    if not match:
        return None
    kind = _lookup(match.group("label"))
    words = len(text.split())
    rest = text[match.end():]
    glued = bool(rest) and rest[0].isalpha() and rest[0].isupper()
    if kind == "nav":
        return kind if words <= NAV_MAX_WORDS else None
    if kind == "section":
        return kind if words <= 6 or rest.strip(" :") == "" else None
    if words <= LABEL_MAX_WORDS or glued or rest.strip(" :.") == "":
        return "label"
    return None


def _lookup(label: str) -> str:
    key = " ".join(label.lower().split())
    return lexicons().boilerplate.get(key, "label")


def is_chrome_class(value: str) -> bool:
    """Whether a class/id attribute value names page chrome.

    >>> is_chrome_class("td-post-next-prev"), is_chrome_class("detail-content afcbc-body"), is_chrome_class("box-social-share")
    (True, False, True)
    """
    return bool(value) and _class_pattern().search(value) is not None


def is_author_class(value: str) -> bool:
    return bool(value) and _author_class_pattern().search(value) is not None


@lru_cache(maxsize=1)
def _caption_pattern() -> regex.Pattern[str]:
    return regex.compile(alternation(lexicons().caption_cues), regex.I)


def looks_like_caption(text: str) -> bool:
    """A plain-text paragraph that describes a photo (position cue or photo credit).

    >>> looks_like_caption("Đồng chí Triệu Huy Chung ( Áo trắng đứng giữa) trao quyết định")
    True
    """
    if len(text.split()) > 80:
        return False
    return _caption_pattern().search(text) is not None


@lru_cache(maxsize=1)
def _credit_pattern() -> regex.Pattern[str]:
    cues = lexicons().caption_cues
    credits = [c.lstrip("(") for c in cues if c.endswith(":")]
    return regex.compile(r"(?:^|[\s(])(?:" + alternation(set(credits)) + r")\s*[^():.]{1,60}\)?\.?$", regex.I)


def ends_with_photo_credit(text: str, *, normalized: bool = False) -> bool:
    """A line ending with a photo credit, as captions do.

    >>> ends_with_photo_credit("Ông A trao quyết định (Ảnh: Minh Đức)."), ends_with_photo_credit("Ảnh: TTXVN")
    (True, True)
    >>> ends_with_photo_credit("Ảnh: ông A nói rằng năm nay tỉnh sẽ tiếp tục đầu tư cho giáo dục, y tế và giao thông, thủy lợi.")
    False
    """
    return _credit_pattern().search(text if normalized else normalize_line(text)) is not None
