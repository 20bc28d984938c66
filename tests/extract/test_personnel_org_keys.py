"""A bare organisation ("UBND huyện", "Huyện ủy") keeps its text as written and is keyed by its
completed form when the article names exactly one place of that level (issue 5, item 4)."""

from __future__ import annotations

import pytest

from vnnews_extract import extract

# (id, article text, person, role, organisation as written, expected organization_key)
ROWS = [
    ("district-in-headline", "Chợ Đồn: trao quyết định cán bộ ở huyện Chợ Đồn\n\nÔng Hà Văn Tú, Chủ tịch UBND huyện, phát biểu.",
     "Hà Văn Tú", "Chủ tịch", "UBND huyện", "ủy ban nhân dân huyện chợ đồn"),
    ("district-committee-named-in-body", "Tin\n\nHuyện ủy Chợ Đồn họp phiên thường kỳ.\n\nBà Lục Thị Mai, Phó Bí thư Huyện ủy, chủ trì.",
     "Lục Thị Mai", "Phó Bí thư", "Huyện ủy", "huyện ủy chợ đồn"),
    ("province-in-lead", "Tin\n\nSáng nay, tỉnh Bắc Kạn công bố quyết định.\n\nÔng Nông Văn Hải, Giám đốc Sở Nội vụ tỉnh, đọc quyết định.",
     "Nông Văn Hải", "Giám đốc", "Sở Nội vụ tỉnh", "sở nội vụ tỉnh bắc kạn"),
    ("commune-party-committee", "Tin\n\nĐại hội Đảng bộ xã Bằng Lãng thành công.\n\nÔng Ma Văn Đức, Bí thư Đảng ủy xã, phát biểu.",
     "Ma Văn Đức", "Bí thư", "Đảng ủy xã", "đảng ủy xã bằng lãng"),
    ("capitalised-level-opening-sentence", "Tin\n\nHuyện Pác Nặm có lãnh đạo mới.\n\nÔng Triệu Văn Lâm, Phó Chủ tịch UBND huyện, nhận nhiệm vụ.",
     "Triệu Văn Lâm", "Phó Chủ tịch", "UBND huyện", "ủy ban nhân dân huyện pác nặm"),
    ("province-committee-named", "Tin\n\nTỉnh ủy Điện Biên họp.\n\nÔng Lò Văn Mừng, Chánh Văn phòng Tỉnh ủy, phát biểu.",
     "Lò Văn Mừng", "Chánh Văn phòng", "Văn phòng Tỉnh ủy", "văn phòng tỉnh ủy điện biên"),
    # negatives: the organisation is left as keyed from its own text
    ("two-districts-named", "Tin\n\nHuyện Chợ Đồn và huyện Ba Bể ký kết hợp tác.\n\nÔng Hà Văn Tú, Chủ tịch UBND huyện, phát biểu.",
     "Hà Văn Tú", "Chủ tịch", "UBND huyện", "ủy ban nhân dân huyện"),
    ("districts-listed-after-cac", "Tin\n\nCác huyện Ba Bể, Pác Nặm đã họp.\n\nÔng Hà Văn Tú, Chủ tịch UBND huyện, phát biểu.",
     "Hà Văn Tú", "Chủ tịch", "UBND huyện", "ủy ban nhân dân huyện"),
    ("no-place-of-that-level", "Tin\n\nTỉnh Bắc Kạn có nhiều đổi mới.\n\nÔng Hà Văn Tú, Chủ tịch UBND huyện, phát biểu.",
     "Hà Văn Tú", "Chủ tịch", "UBND huyện", "ủy ban nhân dân huyện"),
    ("organisation-already-placed", "Tin\n\nHuyện Chợ Đồn có lãnh đạo mới.\n\nÔng Hà Văn Tú, Chủ tịch UBND huyện Ba Bể, dự lễ.",
     "Hà Văn Tú", "Chủ tịch", "UBND huyện Ba Bể", "ủy ban nhân dân huyện ba bể"),
    ("commune-named-district-bare", "Tin\n\nXã Bằng Lãng có lãnh đạo mới.\n\nÔng Hà Văn Tú, Chủ tịch UBND huyện, dự lễ.",
     "Hà Văn Tú", "Chủ tịch", "UBND huyện", "ủy ban nhân dân huyện"),
    ("level-in-general-cap-huyen", "Tin\n\nCán bộ cấp huyện Chợ Mới được tập huấn.\n\nÔng Hà Văn Tú, Chủ tịch UBND huyện, dự lễ.",
     "Hà Văn Tú", "Chủ tịch", "UBND huyện", "ủy ban nhân dân huyện"),
]


@pytest.mark.parametrize(("text", "name", "role", "org", "key"), [pytest.param(*r[1:], id=r[0]) for r in ROWS])
def test_bare_organisation_is_keyed_by_the_articles_one_place(text: str, name: str, role: str, org: str, key: str) -> None:
    person = next(p for p in extract(text).people if p.name == name)
    title = next(t for t in person.titles if t.role == role)
    assert (title.organization, title.organization_key) == (org, key)
