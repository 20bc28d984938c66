"""Property tests over the whole pipeline (hypothesis, fixed seed)."""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vnnews_extract import Options, VnnewsError, analyse, clean, extract
from vnnews_extract.options import DEFAULT_OPTIONS
from vnnews_extract.clean.legacy import repair
from vnnews_extract.text.normalize import normalize
from vnnews_extract.text.numbers import format_number, parse_number

PIECES = st.sampled_from([
    "Đồng chí ", "Triệu Huy Chung", " – Phó Bí thư huyện ủy", " Chủ tịch UBND huyện ", "trao quyết định bổ nhiệm ",
    "98,5%", " 1.126 cán bộ", " 102 lượt", "từ năm 2016 đến năm 2020", " trở lên", ". ", "\n", "…", "TP.HCM ",
    "hoá ", "uỷ ", "\u00a0", "\u200b", "\u0301", "khoảng ", "tăng ", "3/5 xã", " 1,5 tỷ đồng", "<p>", "</p>",
    "<div class='share'>Chia sẻ</div>", "Bài trước", "ngày 5.2 ", "Quyết định số 12/QĐ-UBND ", "(", ")",
])
TEXTS = st.one_of(st.lists(PIECES, max_size=40).map("".join), st.text(max_size=300))


@settings(max_examples=200, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_pipeline_never_crashes_and_evidence_points_into_text(source: str) -> None:
    try:
        article = extract(source)
    except VnnewsError:
        return
    text = article.text
    for block in article.blocks:
        assert 0 <= block.start < block.end <= len(text)
    evidences = [s.evidence for s in article.statistics] + [e.evidence for e in article.events]
    evidences += [ev for p in article.people for ev in p.evidence]
    for ev in evidences:
        assert 0 <= ev.start <= ev.end <= len(text)
        assert text[ev.start : ev.end] == ev.text


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=0, max_value=3))
def test_vietnamese_formatted_numbers_parse_back(value: int, decimals: int) -> None:
    number = value / (10**decimals)
    assert abs(parse_number(format_number(number, decimals)) - round(number, decimals)) < 1e-6 * max(1, number)


# ---------------------------------------------------------------- hostile text and tag soup (issue 7)


VIETNAMESE = "aăâeêioôơuưyđAĂÂEÊIOÔƠUƯYĐàáảãạầấẩẫậằắẳẵặèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
LETTERS = st.sampled_from(VIETNAMESE).flatmap(
    lambda c: st.sampled_from([c, unicodedata.normalize("NFD", c)])  # composed and decomposed
)
ODD = st.sampled_from([
    "\u00a0", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u202e", "\u2028", "\x00", "\x07", "\x1b",
    "\r", "\n", "\t", "\u0301", "\u0323", "\ufffd", "…", "–", "—", "“", "”",
])
DIGITS = st.from_regex(r"\A[0-9]{1,12}(?:[.,/ ]?[0-9]{1,4}){0,4}(?:%| tỷ| triệu| nghìn| km2| lần)?\Z", fullmatch=True)
HOSTILE_TEXT = st.lists(
    st.one_of(LETTERS, ODD, DIGITS, PIECES, st.sampled_from([" ", ". ", ", ", "; ", ".", "..."])), max_size=120
).map("".join)


def _check_article(source: str | bytes, options: Options = DEFAULT_OPTIONS) -> None:
    try:
        doc, article = analyse(clean(source), options)
    except VnnewsError:
        return
    text = article.text
    previous_end = 0
    for block in article.blocks:
        assert previous_end <= block.start < block.end <= len(text)
        previous_end = block.end
    for sentence in doc.sentences:
        assert 0 <= sentence.start < sentence.end <= len(text)
        assert sentence.end - sentence.start <= options.max_sentence_chars
        assert not text[sentence.start].isspace() and not text[sentence.end - 1].isspace()
    evidences = [s.evidence for s in article.statistics] + [e.evidence for e in article.events]
    evidences += [ev for p in article.people for ev in p.evidence]
    for ev in evidences:
        assert 0 <= ev.start <= ev.end <= len(text)
        assert text[ev.start : ev.end] == ev.text
    assert normalize(text) == text  # the article text is already normalised


@settings(max_examples=250, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HOSTILE_TEXT)
def test_hostile_text_never_crashes_and_spans_stay_in_bounds(source: str) -> None:
    _check_article(source)
    _check_article(source.encode("utf-8", "surrogatepass"))


@settings(max_examples=150, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HOSTILE_TEXT)
def test_short_sentence_bound_keeps_spans_in_bounds(source: str) -> None:
    _check_article("Tiêu đề\n" + source, Options(max_sentence_chars=20))


@settings(max_examples=300, derandomize=True, deadline=None)
@given(HOSTILE_TEXT)
def test_normalisation_is_idempotent_on_hostile_text(source: str) -> None:
    once = normalize(source)
    assert normalize(once) == once
    assert unicodedata.is_normalized("NFC", once)


TAGS = st.sampled_from(["div", "p", "span", "b", "i", "a", "table", "tr", "td", "li", "ul", "h1", "h2", "article",
                        "script", "style", "figure", "figcaption", "br", "img", "!--", "meta", "title", "section"])
ATTRS = st.sampled_from(["", ' class="content"', ' class="share"', " id=main", ' href="http://127.0.0.1:9/"',
                         ' style="display:none"', " class='caption'", ' src="x.js"', " <", ' a="'])


@st.composite
def tag_soup(draw: st.DrawFn, depth: int = 0) -> str:
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.integers(0, 3 if depth < 6 else 1))
        if kind <= 1:
            parts.append(draw(st.one_of(PIECES, HOSTILE_TEXT.map(lambda s: s[:60]))))
        else:
            tag, attrs = draw(TAGS), draw(ATTRS)
            inner = draw(tag_soup(depth + 1))
            close = draw(st.sampled_from([f"</{tag}>", "", f"</{draw(TAGS)}>", "-->"]))  # unclosed, misnested
            parts.append(f"<{tag}{attrs}>{inner}{close}")
    return "".join(parts)


PAGES = tag_soup().map(lambda body: f"<html><head><title>Tin</title></head><body>{body}</body></html>")


@settings(max_examples=200, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PAGES)
def test_tag_soup_never_crashes_and_spans_stay_in_bounds(page: str) -> None:
    _check_article(page)
    _check_article(page.encode("utf-8", "surrogatepass"))


@settings(max_examples=200, derandomize=True, deadline=None)
@given(HOSTILE_TEXT)
def test_legacy_repair_never_raises_and_keeps_ascii_text(source: str) -> None:
    fixed = repair(source)
    if source.isascii():
        assert fixed.text == source and fixed.warnings == ()
    if fixed.encoding is not None:
        assert fixed.warnings


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.decimals(min_value=0, max_value=10**12, places=2, allow_nan=False, allow_infinity=False))
def test_vietnamese_formatted_decimals_parse_back(value: object) -> None:
    number = float(value)  # type: ignore[arg-type]
    assert abs(parse_number(format_number(number, 2)) - round(number, 2)) < 1e-6 * max(1, number)
