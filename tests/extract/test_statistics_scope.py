"""Table tests of ``Statistic.scope`` (extract/scope.py): the place or level a figure refers to,
from its subject, else its sentence, else the one place the article's title and lead name."""

from __future__ import annotations

import doctest

import pytest

from vnnews_extract import extract
from vnnews_extract.extract.statistics import scope

# (id, article text (title line, then paragraphs), figure text, expected scope)
ROWS = [
    ("subject-level", "Tin tức\nCó 85% cán bộ cấp xã đạt chuẩn về trình độ.", "85%", "cấp xã"),
    ("subject-place", "Tin tức\nĐã có 240 hộ nghèo huyện Pác Nặm được vay vốn.", "240 hộ", "huyện Pác Nặm"),
    ("sentence-place-before-figure", "Tin tức\nToàn huyện Na Rì có 120 hộ được hỗ trợ làm nhà.", "120 hộ", "huyện Na Rì"),
    ("sentence-source-place", "Tin tức\nTheo Sở Y tế tỉnh Cao Bằng, tỷ lệ tiêm chủng đạt 96%.", "96%", "tỉnh Cao Bằng"),
    ("sentence-nearest-place-wins", "Tin tức\nXã Bằng Vân có 40 hộ nghèo, xã Thượng Ân có 25 hộ nghèo.", "25 hộ", "xã Thượng Ân"),
    ("article-place-from-title", "Nghệ An: Thu ngân sách tăng mạnh\n\nThu ngân sách đạt 12.500 tỷ đồng.", "12.500 tỷ đồng", "Nghệ An"),
    ("article-place-with-level", "Hỗ trợ nông dân tỉnh Hà Giang\n\nNgân hàng đã giải ngân 300 tỷ đồng.", "300 tỷ đồng", "tỉnh Hà Giang"),
    ("article-place-same-place-twice", "Lào Cai đón khách\n\nTỉnh Lào Cai đón 5 triệu lượt khách.\n\nDoanh thu đạt 9.000 tỷ đồng.", "9.000 tỷ đồng", "Lào Cai"),
    ("neg-article-two-places", "Hà Nội và Đà Nẵng hợp tác du lịch\n\nHai bên ký 12 thỏa thuận.", "12 thỏa thuận", None),
    ("neg-no-place", "Tin tức\nCó 30 doanh nghiệp tham gia hội chợ.", "30 doanh nghiệp", None),
    ("neg-general-level-is-no-place", "Tin tức\nCác xã vùng cao có 45 trường học.", "45 trường học", None),
]


@pytest.mark.parametrize(("text", "figure", "expected"), [pytest.param(t, f, e, id=i) for i, t, f, e in ROWS])
def test_scope_of_figure(text: str, figure: str, expected: str | None) -> None:
    stats = [s for s in extract(text).statistics if s.evidence.text == figure]
    assert stats, f"no figure {figure!r}"
    assert stats[0].scope == expected


def test_scope_doctests_pass() -> None:
    assert doctest.testmod(scope).failed == 0
