"""Listing pages (home, category, tag, search) recognised by their structure.

A listing is a page of many similar link blocks: linked headlines that share one structural
signature (the link's class and its parent's tag and class), each a teaser of another page.
Article pages have such blocks too (related and most-read lists, sidebars of old portals with
dozens of headlines), so the structure decides together with what the page says it is: a page
holding a group of at least ``LISTING_MIN_ITEMS`` similar headlines whose ``og:type`` names
another kind of page ("website") is a listing, wherever the cleaner found its body (a category
page's only prose may be a hidden sign-up dialog). Pages without such metadata are judged by
their body (see ``html._is_listing``: linked headlines with teasers, link lists removed).
"""

from __future__ import annotations

from collections import Counter

import lxml.html

LISTING_MIN_ITEMS = 8
HEADLINE_MIN_WORDS = 4
_KEY_CHARS = 100  # of a class value, only this much makes the signature


def largest_headline_group(root: lxml.html.HtmlElement) -> int:
    """The size of the largest group of linked headlines (4 words or more) sharing a signature.

    >>> items = "".join(f"<li class='item'><a class='t' href='/{i}'>Tin số {i} về kinh tế</a></li>" for i in range(9))
    >>> largest_headline_group(lxml.html.fromstring(f"<div><ul>{items}</ul><p><a href='/x'>Một hai ba bốn</a></p></div>"))
    9
    """
    groups: Counter[tuple[str, str, str]] = Counter()
    for a in root.iter("a"):
        if len(a.text_content().split()) < HEADLINE_MIN_WORDS:
            continue
        parent = a.getparent()
        if parent is None:
            continue
        key = (str(parent.tag), (parent.get("class") or "")[:_KEY_CHARS], (a.get("class") or "")[:_KEY_CHARS])
        groups[key] += 1
    return max(groups.values(), default=0)


def declares_other_than_article(og_type: str | None, ld_types: tuple[str, ...]) -> bool:
    """Whether the page's metadata names a kind of page that is not an article.

    >>> declares_other_than_article("website", ()), declares_other_than_article("article", ()), declares_other_than_article(None, ())
    (True, False, False)
    >>> declares_other_than_article("website", ("NewsArticle",))
    False
    """
    if not og_type or og_type.lower().startswith("article"):
        return False
    return not any("Article" in t or t == "BlogPosting" for t in ld_types)


def is_listing_page(root: lxml.html.HtmlElement, og_type: str | None, ld_types: tuple[str, ...]) -> bool:
    """Many similar link blocks on a page that declares itself something other than an article."""
    return declares_other_than_article(og_type, ld_types) and largest_headline_group(root) >= LISTING_MIN_ITEMS
