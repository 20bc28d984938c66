"""Legacy Vietnamese encodings: TCVN3 (ABC), VNI and UTF-8 read as windows-1252."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hostile.generate import to_tcvn3, to_vni
from vnnews_extract import extract
from vnnews_extract.clean import read_text
from vnnews_extract.clean.legacy import from_tcvn3, from_vni, is_syllable, repair, tables
from vnnews_extract.lexicons import read_table

SENTENCES = [
    "Hà Nội là thủ đô của nước Cộng hòa xã hội chủ nghĩa Việt Nam.",
    "Ngày 15/3, UBND tỉnh Bắc Kạn công bố quyết định bổ nhiệm ông Nguyễn Văn Chương giữ chức Giám đốc Sở Y tế.",
    "Đến nay, tỷ lệ hộ dân được sử dụng nước sạch đạt 98,5%, tăng 12% so với năm 2020.",
    "Đồng chí Triệu Huy Chung, Phó Bí thư Tỉnh ủy, trao quyết định điều động và luân chuyển cán bộ.",
    "Trường học, bệnh viện, người dân, khuyến khích, thường trực, quốc gia, nghiêng ngả, giữ gìn.",
]
IDS = [s[:20] for s in SENTENCES]


@pytest.mark.parametrize("sentence", SENTENCES, ids=IDS)
def test_tcvn3_text_is_converted_back(sentence: str) -> None:
    legacy = to_tcvn3(sentence).decode("latin-1")
    fixed = repair(legacy)
    assert fixed.encoding == "tcvn3"
    # TCVN3 has no capitals with tone marks: they come back in lower case
    assert fixed.text.lower() == sentence.lower()
    assert "TCVN3" in fixed.warnings[0]


@pytest.mark.parametrize("sentence", SENTENCES, ids=IDS)
def test_vni_text_is_converted_back(sentence: str) -> None:
    fixed = repair(to_vni(sentence).decode("latin-1"))
    assert (fixed.encoding, fixed.text) == ("vni", sentence)


@pytest.mark.parametrize("sentence", SENTENCES, ids=IDS)
def test_utf8_read_as_cp1252_is_converted_back(sentence: str) -> None:
    fixed = repair(sentence.encode("utf-8").decode("latin-1"))
    assert (fixed.encoding, fixed.text) == ("utf8-as-cp1252", sentence)


@pytest.mark.parametrize("sentence", SENTENCES, ids=IDS)
def test_unicode_text_is_left_alone(sentence: str) -> None:
    assert repair(sentence) == repair(sentence).__class__(sentence)
    assert repair(unicodedata.normalize("NFD", sentence)).encoding is None


def test_examples_from_the_issue() -> None:
    assert from_tcvn3("Hµ Néi") == "Hà Nội"
    assert from_vni("Haø Noäi") == "Hà Nội"


def test_tcvn3_bytes_through_the_whole_pipeline() -> None:
    text = "\n".join(SENTENCES[:1] + SENTENCES[1:] * 2)
    article = extract(to_tcvn3(text))
    assert "Nguyễn Văn Chương" in article.text and "98,5%" in article.text
    assert any("TCVN3" in w for w in article.warnings)
    assert any(s.value == 98.5 for s in article.statistics)


def test_vni_html_declared_latin1_through_the_whole_pipeline() -> None:
    paras = "".join(f"<p>{s}</p>" for s in SENTENCES * 2)
    page = f'<html><head><meta charset="iso-8859-1"></head><body><h1>{SENTENCES[0]}</h1>{paras}</body></html>'
    article = extract(to_vni(page))
    assert "bổ nhiệm ông Nguyễn Văn Chương" in article.text
    assert any("VNI" in w for w in article.warnings)


def test_a_few_legacy_words_in_a_unicode_text_give_a_warning_not_a_conversion() -> None:
    legacy = to_tcvn3("bổ nhiệm Giám đốc Sở Y tế người dân trường học").decode("latin-1")
    text = " ".join(SENTENCES[:2]) + " " + legacy
    fixed = repair(text)
    assert fixed.encoding is None and fixed.text == text
    assert "TCVN3" in fixed.warnings[0] and "left unconverted" in fixed.warnings[0]


def test_garbled_text_gives_a_warning() -> None:
    junk = bytes(range(0x80, 0x100)).decode("latin-1") * 20
    fixed = repair("Bài viết " + " ".join(junk[i : i + 5] for i in range(0, len(junk), 5)))
    assert fixed.encoding is None and "garbled" in fixed.warnings[0]


def test_modern_symbols_are_not_taken_for_legacy_letters() -> None:
    text = "© 2024 Báo Bắc Kạn, nhiệt độ 25°C, « Hà Nội » ½ giá, 5 µm"
    assert repair(text).warnings == ()


def test_str_input_is_repaired_too() -> None:
    assert read_text(to_vni(SENTENCES[1]).decode("cp1252")).encoding == "vni"


@pytest.mark.parametrize("name", ["legacy_tcvn3.tsv", "legacy_vni.tsv"])
def test_tables_are_valid_one_to_one_and_nfc(name: str) -> None:
    _, rows = read_table(name)
    letters = [r[1] for r in rows]
    assert len(set(letters)) == len(letters)
    assert all(unicodedata.is_normalized("NFC", c) and len(c) == 1 for c in letters)


def test_tables_cover_every_vietnamese_lower_case_letter() -> None:
    vowels = "aăâeêioôơuưy"
    tones = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]
    letters = {unicodedata.normalize("NFC", v + t) for v in vowels for t in tones} | {"đ"}
    tcvn3, vni = tables()
    assert letters - {c for c in "aeiouy"} <= set(tcvn3.values())
    assert letters - set("aeiouy") <= set(vni.values())


@pytest.mark.parametrize(("word", "ok"), [
    ("Hà", True), ("nghiêng", True), ("quốc", True), ("khuyến", True), ("gìn", True), ("xoong", True),
    ("Néi", False), ("Haø", False), ("nhaân", False), ("ViÖt", False), ("hàá", False), ("abcde", False),
])
def test_is_syllable(word: str, ok: bool) -> None:
    assert is_syllable(word) is ok


WORDS = st.sampled_from(" ".join(SENTENCES).replace(",", "").replace(".", "").split())


@settings(max_examples=150, derandomize=True, deadline=None)
@given(st.lists(WORDS, min_size=4, max_size=30).map(" ".join))
def test_unicode_vietnamese_is_never_converted(text: str) -> None:
    assert repair(text).encoding is None


@settings(max_examples=100, derandomize=True, deadline=None)
@given(st.lists(WORDS, min_size=6, max_size=30).map(" ".join))
def test_vni_round_trips(text: str) -> None:
    fixed = repair(to_vni(text).decode("latin-1"))
    if fixed.encoding is not None:  # a text of ASCII words only has nothing to convert
        assert fixed.text == text
