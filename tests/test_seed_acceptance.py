"""Issue 2 acceptance: the seed article, as given (plain text) and as an HTML page."""

from __future__ import annotations

from pathlib import Path

import pytest

from vnnews_extract import Article, extract

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "seed"
SEED_TEXT = CORPUS / "000_a7ba4a489810e601.txt"
SEED_HTML = CORPUS / "chodon-wordpress.html"


@pytest.fixture(scope="module", params=["text", "html"])
def article(request: pytest.FixtureRequest) -> Article:
    path = SEED_TEXT if request.param == "text" else SEED_HTML
    return extract(path.read_bytes())


def test_thirteen_statistics(article: Article) -> None:
    got = [(s.kind, s.value, s.unit) for s in article.statistics]
    assert got == [
        ("count", 102, "lượt"), ("count", 1126, "cán bộ"), ("count", 19, "viên chức"), ("count", 56, "công chức"),
        ("percent", 98.5, "%"), ("percent", 15.3, "%"), ("percent", 100, "%"), ("percent", 97.2, "%"),
        ("percent", 60, "%"), ("percent", 100, "%"), ("percent", 85, "%"), ("percent", 28, "%"),
        ("percent", 99.5, "%"),
    ]


def test_counts_carry_the_period(article: Article) -> None:
    by_value = {s.value: s for s in article.statistics if s.kind == "count"}
    for value in (102, 1126):
        assert by_value[value].period is not None
        assert (by_value[value].period.start, by_value[value].period.end) == (2016, 2020)


def test_percent_comparators_and_subjects(article: Article) -> None:
    percents = [s for s in article.statistics if s.kind == "percent"]
    assert [s.comparator for s in percents] == ["eq"] * 8 + ["gte"]
    assert percents[0].subject == "đội ngũ cán bộ, công chức có trình độ chuyên môn từ Đại học trở lên"
    for s in percents[:8]:
        assert s.subject and s.subject.split()[0] in ("đội", "cán", "viên"), s.subject
    last = percents[-1]
    assert last.subject and last.subject.startswith("Tỷ lệ công chức viên chức được đánh giá hoàn thành")


def test_no_statistic_from_years_terms_or_the_next_article(article: Article) -> None:
    values = {s.value for s in article.statistics}
    assert not values & {2016, 2020, 2021, 2026, 1}
    assert "dương tính" not in article.text
    assert "Bài trước" not in article.text and "Bài tiếp theo" not in article.text
    assert "khóa XX" not in article.text


def test_person_triệu_huy_chung(article: Article) -> None:
    people = {p.name: p for p in article.people}
    chung = people["Triệu Huy Chung"]
    assert chung.honorific == "Đồng chí"
    titles = {(t.role, t.organization) for t in chung.titles}
    assert titles == {("Phó Bí thư", "Huyện ủy"), ("Chủ tịch", "UBND huyện")}


def test_two_appointments_of_directors(article: Article) -> None:
    events = [(e.type, e.role, e.organization, e.actor, e.person) for e in article.events]
    assert events == [
        ("appointment", "Giám đốc", "Trung tâm VHTT và truyền thông", "Triệu Huy Chung", None),
        ("appointment", "Giám đốc", "Trung tâm dịch vụ nông nghiệp huyện", "Triệu Huy Chung", None),
    ]


def test_every_evidence_points_into_the_text(article: Article) -> None:
    evidences = [s.evidence for s in article.statistics] + [e.evidence for e in article.events]
    evidences += [ev for p in article.people for ev in p.evidence]
    assert evidences
    for ev in evidences:
        assert article.text[ev.start : ev.end] == ev.text
        assert article.text[ev.sentence_start : ev.sentence_start + len(ev.sentence)] == ev.sentence
        assert ev.sentence_start <= ev.start <= ev.end <= ev.sentence_start + len(ev.sentence)


def test_blocks_cover_title_caption_and_paragraphs(article: Article) -> None:
    kinds = [b.kind for b in article.blocks]
    assert kinds[0] == "title"
    assert "caption" in kinds
    assert kinds.count("paragraph") >= 2
    assert article.title == "Chợ Đồn chú trọng nâng cao chất lượng đội ngũ công chức, viên chức"


def test_text_is_normalised(article: Article) -> None:
    assert "văn hóa" in article.text and "văn hoá" not in article.text
