"""Cleaner v1: table-driven tests per boilerplate kind and caption kind."""

from __future__ import annotations

import unicodedata

import pytest

from vnnews_extract.clean.boilerplate import boilerplate_kind
from vnnews_extract.clean import clean
from vnnews_extract.text.normalize import normalize_line

BODY = (
    "<p>Sáng 15/3, UBND tỉnh Bắc Kạn tổ chức hội nghị tổng kết công tác năm 2023 với sự tham dự của "
    "đại diện các sở, ban, ngành và lãnh đạo các huyện, thành phố trong toàn tỉnh.</p>"
    "<p>Theo báo cáo, năm 2023 toàn tỉnh đã giải quyết việc làm cho 6.500 lao động, đạt 108% kế hoạch, "
    "tỷ lệ hộ nghèo giảm còn 21,5%, thu ngân sách đạt hơn 900 tỷ đồng.</p>"
    "<p>Phát biểu chỉ đạo, Chủ tịch UBND tỉnh đề nghị các đơn vị tiếp tục cải cách hành chính, "
    "nâng cao chất lượng phục vụ người dân và doanh nghiệp trong năm tới.</p>"
)


def page(inner: str, head: str = "") -> str:
    return (
        f"<html><head><title>Bắc Kạn tổng kết năm 2023 - Báo Bắc Kạn</title>{head}</head><body>"
        f"<div class='menu'><a href='/'>Trang chủ</a><a href='/tt'>Thời sự</a></div>"
        f"<h1>Bắc Kạn tổng kết công tác năm 2023</h1><div class='content'>{inner}</div></body></html>"
    )


BOILERPLATE = {
    "prev-next": "<div class='post-nav'><p>Bài trước<a href='#'>Huyện có 01 trường hợp mắc mới</a></p></div>",
    "related-inline": "<div class='related-news'><p>Tin liên quan</p><ul><li><a href='#'>Giải ngân 500 tỷ đồng vốn đầu tư</a></li></ul></div>",
    "same-section": "<h3>Tin cùng chuyên mục</h3><ul><li><a href='#'>Hơn 200 hộ thoát nghèo</a></li><li><a href='#'>Khởi công 3 cầu</a></li></ul>",
    "share-bar": "<div class='social-share'>Chia sẻ <a href='#'>Facebook</a> <a href='#'>Zalo</a> Copy link</div>",
    "tags": "<div class='tags'>Từ khóa: <a href='#'>Bắc Kạn</a> <a href='#'>kinh tế</a></div>",
    "comments": "<div class='comment-box'><p>Bình luận (12)</p><p>Gửi bình luận</p></div>",
    "footer": "<footer><p>Tổng biên tập: Nguyễn Văn A</p><p>Giấy phép số 123/GP-BTTTT</p></footer>",
    "most-read": "<aside><h3>Đọc nhiều</h3><a href='#'>Top 10 sự kiện năm 2023</a></aside>",
    "see-also-line": "<p><strong>Xem thêm:</strong> <a href='#'>Năm 2024 tăng 7% thu ngân sách</a></p>",
    "cookie": "<div id='cookie-notice'>Website sử dụng cookie để nâng cao trải nghiệm. Đồng ý</div>",
    "related-box-in-body": "<div class='VCSortableInPreviewMode' type='RelatedOneNews'><a href='#'><img src='t.jpg'></a>"
                           "<a href='#'>Giải ngân 500 tỷ đồng vốn đầu tư công</a></div>",
    "related-unclassed-box": "<div class='box-x'><p>TIN LIÊN QUAN</p><ul><li><a href='#'>Hơn 200 hộ thoát nghèo nhờ trồng quế</a></li></ul></div>",
    "newsletter": "<div class='newsletter-signup'><p>Đăng ký nhận bản tin mỗi sáng để không bỏ lỡ Top 10 tin nóng</p></div>",
    "app-banner": "<div class='app-download'><p>Tải ứng dụng đọc báo để xem Top 10 tin nóng</p></div>",
    "hidden": "<div style='display: none'>Top 10 sự kiện năm 2023 được bình chọn</div>",
    "nav-element": "<nav><a href='#'>Trang chủ</a><a href='#'>Top 10</a></nav>",
}


@pytest.mark.parametrize("kind", sorted(BOILERPLATE), ids=sorted(BOILERPLATE))
def test_boilerplate_block_is_dropped(kind: str) -> None:
    snippet = BOILERPLATE[kind]
    cleaned = clean(page(BODY[:200] + BODY[200:] + snippet))
    text = "\n".join(b.text for b in cleaned.blocks)
    assert "6.500 lao động" in text
    for leak in ("01 trường hợp", "500 tỷ", "200 hộ", "Facebook", "Từ khóa", "Bình luận", "Tổng biên tập", "Top 10", "Xem thêm", "cookie"):
        assert leak not in text, (kind, leak)


CAPTIONS = {
    "figcaption": "<figure><img src='a.jpg'><figcaption>Ông Hoàng Văn An phát biểu tại hội nghị (Ảnh: Minh Đức)</figcaption></figure>",
    "wp-caption": "<div class='wp-caption'><img src='a.jpg'><p class='wp-caption-text'>Ông Hoàng Văn An phát biểu tại hội nghị</p></div>",
    "table-caption": "<table class='image'><tr><td><img src='a.jpg'></td></tr><tr><td>Ông Hoàng Văn An phát biểu tại hội nghị</td></tr></table>",
    "photo-caption-class": "<div class='PhotoCMS_Caption'><p>Ông Hoàng Văn An phát biểu tại hội nghị</p></div>",
    "italic-line-under-image": "<p><img src='a.jpg'></p><p><em>Ông Hoàng Văn An phát biểu tại hội nghị</em></p>",
    "credit-line-under-image": "<p><img src='a.jpg'></p><p>Ông Hoàng Văn An phát biểu tại hội nghị. Ảnh: TTXVN</p>",
    "image-br-italic-cell": "<table class='x'><tr><td><img src='a.jpg'><br><em>Ông Hoàng Văn An phát biểu tại hội nghị</em></td></tr></table>",
    "credit-in-parentheses": "<p>Ông Hoàng Văn An phát biểu tại hội nghị (Ảnh: Minh Đức)</p>",
}


@pytest.mark.parametrize("kind", sorted(CAPTIONS), ids=sorted(CAPTIONS))
def test_caption_is_kept_as_caption(kind: str) -> None:
    cleaned = clean(page(BODY[:230] + CAPTIONS[kind] + BODY[230:]))
    captions = [b.text for b in cleaned.blocks if b.kind == "caption"]
    assert len(captions) == 1
    assert captions[0].startswith("Ông Hoàng Văn An phát biểu tại hội nghị")


def test_title_lead_prefix_and_date_from_meta() -> None:
    head = (
        "<meta property='og:title' content='Bắc Kạn tổng kết công tác năm 2023'>"
        "<meta property='article:published_time' content='2024-01-05T08:30:00+07:00'>"
        "<meta name='author' content='Minh Anh'>"
    )
    lead = "<p class='sapo'>(Baobackan.vn) - Năm 2023, kinh tế của tỉnh tiếp tục tăng trưởng khá, đời sống người dân được cải thiện.</p>"
    cleaned = clean(page(lead + BODY, head))
    assert cleaned.title == "Bắc Kạn tổng kết công tác năm 2023"
    assert cleaned.source_prefix == "Baobackan.vn"
    assert cleaned.lead and cleaned.lead.startswith("Năm 2023, kinh tế")
    assert cleaned.published == "2024-01-05T08:30:00+07:00"
    assert cleaned.author == "Minh Anh"


def test_visible_date_when_no_meta() -> None:
    cleaned = clean(page("<span class='date'>Thứ Hai, 15/3/2021, 08:30 (GMT+7)</span>" + BODY))
    assert cleaned.published == "2021-03-15T08:30:00+07:00"


def test_page_of_links_is_not_an_article() -> None:
    links = "".join(f"<li><a href='/a{i}'>Tin số {i} về kinh tế xã hội của tỉnh trong tuần</a></li>" for i in range(40))
    cleaned = clean(f"<html><head><title>Thời sự - Báo X</title></head><body><ul>{links}</ul></body></html>")
    assert cleaned.is_article is False
    assert cleaned.warnings


LINES = [
    ("Bài trướcHĐND huyện Chợ Đồn khóa XX, nhiệm kỳ 2021-2026 tổ chức Kỳ họp lần thứ nhất", "nav"),
    ("Bài tiếp theoChợ Đồn phát hiện 01 trường hợp dương tính với vi rút SARS-CoV-2", "nav"),
    ("Tin liên quan", "section"),
    ("TIN CÙNG CHUYÊN MỤC", "section"),
    ("Chia sẻ", "label"),
    ("Tổng biên tập: Nguyễn Văn A", "label"),
    ("Trả lời phóng viên, ông Nguyễn Văn An cho biết huyện sẽ tiếp tục rà soát, bổ sung quy hoạch cán bộ trong năm tới.", None),
    ("Theo dõi sát diễn biến của dịch bệnh, ngành y tế đã chủ động triển khai nhiều biện pháp phòng chống hiệu quả.", None),
    ("Chợ Đồn chú trọng nâng cao chất lượng đội ngũ công chức, viên chức", None),
]


@pytest.mark.parametrize(("line", "kind"), LINES, ids=[line[:30] for line, _ in LINES])
def test_boilerplate_line_kinds(line: str, kind: str | None) -> None:
    assert boilerplate_kind(line) == kind


def test_plain_text_navigation_lines_are_dropped() -> None:
    text = (
        "Tiêu đề bài báo về kinh tế huyện\n\n"
        "Năm 2023, huyện đã hỗ trợ 120 hộ nghèo xây nhà ở, giải quyết việc làm cho 1.200 lao động, thu ngân sách đạt 50 tỷ đồng.\n\n"
        "Huyện tiếp tục chỉ đạo các xã rà soát, hoàn thiện hồ sơ để hỗ trợ kịp thời cho các hộ còn khó khăn về nhà ở.\n\n"
        "Tin liên quan\nHuyện có 300 hộ thoát nghèo\nBài trướcXã A có 01 trường hợp mắc sốt xuất huyết\n"
    )
    cleaned = clean(text)
    joined = "\n".join(b.text for b in cleaned.blocks)
    assert "300 hộ" not in joined and "01 trường hợp" not in joined
    assert "120 hộ nghèo" in joined


def test_deeply_nested_page_does_not_raise() -> None:
    deep = "<html><body><h1>Bắc Kạn tổng kết công tác năm 2023</h1>" + "<div>" * 10000 + BODY + "</div>" * 10000 + "</body></html>"
    cleaned = clean(deep)  # libxml2 caps the depth; what matters is no RecursionError
    assert cleaned.title == "Bắc Kạn tổng kết công tác năm 2023"


def test_moderately_nested_body_is_walked() -> None:
    nested = "<div>" * 200 + BODY + "</div>" * 200
    cleaned = clean(page(nested))
    assert any("6.500 lao động" in b.text for b in cleaned.blocks)


DATES = [
    ("Thứ Hai, 15/3/2021, 08:30 (GMT+7)", "2021-03-15T08:30:00+07:00"),
    ("Cập nhật: 08:30 15/03/2021", "2021-03-15T08:30:00+07:00"),
    ("Ngày đăng: 15/03/2021", "2021-03-15T00:00:00+07:00"),
    ("Chủ Nhật, 14/03/2021 | Thời sự | 15-03-2021 - 19:05", "2021-03-15T19:05:00+07:00"),
    ("Cập nhật lúc 08:30 ngày 23/09/2019", "2019-09-23T08:30:00+07:00"),
    ("ngày 5 tháng 7 năm 2021", "2021-07-05T00:00:00+07:00"),
    ("Xã hội | Cập nhật thứ hai, ngày 24/12/12 11:05 tối", "2012-12-24T23:05:00+07:00"),
    ("15/03/2021 08:30 chiều", "2021-03-15T20:30:00+07:00"),
    ("08:30 PM 15/03/2021", "2021-03-15T20:30:00+07:00"),
    ("Số 24/12/12 về nông thôn mới", None),
]


@pytest.mark.parametrize(("text", "iso"), DATES, ids=[d[0][:25] for d in DATES])
def test_visible_dates_prefer_the_one_with_a_time(text: str, iso: str | None) -> None:
    from vnnews_extract.clean.dates import parse_visible_date

    assert parse_visible_date(text) == iso


def _tones_apart(text: str) -> str:
    """Vietnamese text as windows-1258 writes it: base letters precomposed, tone marks combining."""
    out = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        tones = "".join(c for c in parts if c in "\u0300\u0301\u0303\u0309\u0323")
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones)) + tones)
    return "".join(out)


NOT_CAPTIONS = {
    "italic-without-image": "<p><em>Ông Hoàng Văn An phát biểu tại hội nghị</em></p>",
    "long-paragraph-after-image": "<p><img src='a.jpg'></p><p>" + "Huyện tiếp tục rà soát, hỗ trợ hộ nghèo. " * 12 + "</p>",
}


@pytest.mark.parametrize("kind", sorted(NOT_CAPTIONS), ids=sorted(NOT_CAPTIONS))
def test_non_caption_stays_a_paragraph(kind: str) -> None:
    cleaned = clean(page(BODY[:230] + NOT_CAPTIONS[kind] + BODY[230:]))
    assert [b for b in cleaned.blocks if b.kind == "caption"] == []


ENCODINGS = {
    "utf8-bom": ("\ufeff" + page(BODY)).encode("utf-8"),
    # windows-1258 stores tone marks as combining characters, so the text is encoded decomposed
    "meta-charset-1258": _tones_apart(
        page(BODY, "<meta http-equiv='Content-Type' content='text/html; charset=windows-1258'>")
    ).encode("cp1258"),
    "nfd": unicodedata.normalize("NFD", page(BODY)).encode("utf-8"),
    "entities": page(BODY.replace("ạ", "&#7841;").replace("ố", "&#7889;")).encode("ascii", errors="xmlcharrefreplace"),
}


@pytest.mark.parametrize("kind", sorted(ENCODINGS), ids=sorted(ENCODINGS))
def test_encodings_decode_to_nfc_text(kind: str) -> None:
    cleaned = clean(ENCODINGS[kind])
    text = "\n".join(b.text for b in cleaned.blocks)
    assert normalize_line("tổng kết công tác năm 2023") in normalize_line(text)
    assert cleaned.title == "Bắc Kạn tổng kết công tác năm 2023"


CLEANER_MODULES = ["boilerplate", "dates", "deep", "html", "legacy", "listing", "page"]


@pytest.mark.parametrize("name", CLEANER_MODULES)
def test_cleaner_doctests_pass(name: str) -> None:
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(f"vnnews_extract.clean.{name}"))
    assert result.attempted > 0 and result.failed == 0


PUBLISHED = {
    # (machine date in the head, visible date in the page) -> published
    "machine-wins": ("<meta property='article:published_time' content='2021-03-15T08:30:00+07:00'>", "Thứ Hai, 16/3/2021, 09:00", "2021-03-15T08:30:00+07:00"),
    "day-only-machine-takes-the-shown-time": ("<meta itemprop='datePublished' content='2012-12-25'>", "Thứ Ba, 25/12/2012 - 10:03", "2012-12-25T10:03:00+07:00"),
    "day-only-machine-other-day": ("<meta itemprop='datePublished' content='2012-12-25'>", "Thứ Tư, 26/12/2012 - 10:03", "2012-12-25T00:00:00+07:00"),
    "mislabelled-offset": ("<meta name='pubdate' content='2019-02-18T17:34:20+08:00'>", "Thứ hai, 18/2/2019, 17:34 (GMT+7)", "2019-02-18T17:34:00+07:00"),
    "true-utc": ("<meta name='pubdate' content='2021-03-15T01:30:00+00:00'>", "15/3/2021, 08:30 (GMT+7)", "2021-03-15T08:30:00+07:00"),
    "no-machine-date": ("", "Cập nhật: 08:30 15/03/2021", "2021-03-15T08:30:00+07:00"),
}


@pytest.mark.parametrize("case", sorted(PUBLISHED), ids=sorted(PUBLISHED))
def test_published_reconciles_machine_and_visible_dates(case: str) -> None:
    head, shown, expected = PUBLISHED[case]
    cleaned = clean(page(f"<span class='time'>{shown}</span>" + BODY, head))
    assert cleaned.published == expected


def test_writer_then_source_lines_give_the_writer_as_byline() -> None:
    cleaned = clean(page(BODY + "<p class='pAuthor'><b>Nhóm PV</b></p><p class='pSource'>Theo Infonet</p>"))
    assert [b.text for b in cleaned.blocks if b.kind == "byline"] == ["Nhóm PV"]
    assert "Infonet" not in "\n".join(b.text for b in cleaned.blocks)


def test_first_block_repeating_the_description_is_the_lead() -> None:
    sapo = "Năm 2023, kinh tế của tỉnh tiếp tục tăng trưởng khá, đời sống người dân được cải thiện rõ rệt."
    cleaned = clean(page(f"<h2 class='pHead'>{sapo}</h2>" + BODY, f"<meta name='description' content='{sapo}'>"))
    assert cleaned.lead == sapo
    assert [b.kind for b in cleaned.blocks if b.text == sapo] == ["lead"]


def test_a_lead_class_after_the_body_is_a_teaser_not_the_lead() -> None:
    teaser = ("<div class='related-box'><h4><a href='/x'>Tin khác</a></h4><p class='Lead'>Tay vợt số một quốc gia tuyên bố "
              "chia tay đội tuyển ngay sau khi giải đấu khu vực kết thúc vào cuối tuần.</p></div>")
    cleaned = clean(page(BODY) .replace("</body>", teaser + "</body>"))
    assert cleaned.lead is None or "Tay vợt" not in cleaned.lead


def test_aspnet_ids_are_judged_by_the_element_s_own_name() -> None:
    """Every id under an ASP.NET naming container repeats the container's name: a module placed in
    a container named "Widget1" is not chrome for it; a panel named "ucShare" is."""
    lead = "Năm 2023, kinh tế của tỉnh tiếp tục tăng trưởng khá, đời sống người dân được cải thiện."
    inner = (
        f"<div id='ctl00_Widget1_pnlDetail'><div id='ctl00_Widget1_lblSummary'><b>{lead}</b></div>"
        f"<div id='ctl00_Widget1_lblContent'>{BODY}</div>"
        "<div id='ctl00_Widget1_ucShare'><div>Bạn đọc gửi bài viết này tới người thân qua thư điện tử, Facebook, Zalo</div></div></div>"
    )
    cleaned = clean(page(inner))
    assert cleaned.lead == lead
    text = "\n".join(b.text for b in cleaned.blocks)
    assert "6.500 lao động" in text and "Zalo" not in text


def test_cleaned_blocks_are_already_normalised_so_the_document_does_not_normalise_again() -> None:
    """build_document trusts ``CleanedArticle.normalized``: every block the cleaner gives is a fixed
    point of normalize_line, on the corpus pages and texts and on raw text with old-style tones,
    odd spaces and look-alike letters."""
    from pathlib import Path

    corpus = Path(__file__).resolve().parent.parent / "corpus"
    sources: list[str | bytes] = [p.read_bytes() for p in sorted(corpus.glob("*/*.html"))]
    sources += [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*/*.txt"))]
    sources.append("Văn hoá\u00a0 thuỷ  lợi\r\nÐoàn  uỷ\u200b ban — “5,2\u200e%”\n\nBài trước Tin\u2028tức")
    sources.append(page("<h1>Văn hoá  uỷ ban</h1><p>Ðoàn\u00a0thuỷ lợi — “khoẻ” " + "chữ " * 30 + "</p>"))
    assert len(sources) > 50
    for source in sources:
        cleaned = clean(source)
        assert cleaned.normalized
        assert all(normalize_line(b.text) == b.text for b in cleaned.blocks)
