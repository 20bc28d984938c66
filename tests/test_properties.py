"""Property tests over the whole pipeline (hypothesis, fixed seed)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vnnews_extract import VnnewsError, extract
from vnnews_extract.numbers import format_number, parse_number

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
