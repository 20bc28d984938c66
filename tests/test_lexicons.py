import unicodedata

import pytest

from vnnews_extract.lexicons import LEXICON_FILES, lexicons, read_table
from vnnews_extract.text.normalize import normalize_line


@pytest.mark.parametrize("name", LEXICON_FILES)
def test_lexicon_file_is_valid(name: str) -> None:
    header, rows = read_table(name)
    assert len(header) >= 2
    assert rows, name
    for row in rows:
        assert all(unicodedata.is_normalized("NFC", c) for c in row)
        assert normalize_line(row[0]) == row[0]
        assert row[0].strip() == row[0] and row[0], row


def test_lexicons_load_once_and_are_immutable() -> None:
    lex = lexicons()
    assert lex is lexicons()
    with pytest.raises(TypeError):
        lex.units["foo"] = ("count", "foo", 1.0)  # type: ignore[index]


def test_core_vocabulary_is_present() -> None:
    lex = lexicons()
    for surname in ("Triệu", "Nông", "Lục", "Ma", "Hà", "Bế", "Đàm", "Lường", "Lò", "Quàng", "Sầm", "Vi", "Nguyễn"):
        assert surname in lex.surnames
    for role in ("Bí thư", "Chủ tịch", "Giám đốc", "Trưởng Công an", "Đại biểu Quốc hội", "Ủy viên Bộ Chính trị"):
        assert role in lex.titles
    assert lex.comparators["trở lên"] == ("gte", "after")
    assert lex.personnel_verbs["bổ nhiệm"] == "appointment"


def test_every_data_file_is_a_registered_lexicon_or_an_encoding_table() -> None:
    from importlib import resources

    folder = resources.files("vnnews_extract").joinpath("data").joinpath("lexicons")
    names = {p.name for p in folder.iterdir() if p.name.endswith(".tsv")}
    encoding_tables = {"legacy_tcvn3.tsv", "legacy_vni.tsv"}
    assert names == set(LEXICON_FILES) | encoding_tables
    for name in sorted(encoding_tables):
        header, rows = read_table(name)
        assert len(header) == 2 and len(rows) > 50


def test_every_grammar_class_has_words() -> None:
    """A rule builds its pattern from the words of a class; a class left without words would make an
    empty alternation, matching everywhere, instead of failing."""
    from vnnews_extract.lexicons import SCHEMAS

    lex = lexicons()
    empty = sorted(c for c in SCHEMAS["grammar_words.tsv"]["class*"] if not lex.grammar(c))
    assert empty == []
