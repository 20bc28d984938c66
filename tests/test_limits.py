"""Per-article work limits kept in Options."""

from vnnews_extract import Options, extract

TEXT = "Báo cáo\n" + " ".join(f"Xã số {i} có {i + 10} hộ nghèo." for i in range(1, 31))


def test_figures_past_max_statistics_are_skipped_with_a_warning() -> None:
    article = extract(TEXT, options=Options(max_statistics=10))
    assert [s.value for s in article.statistics] == [float(i + 10) for i in range(1, 11)]
    assert any("max_statistics" in w for w in article.warnings)


def test_no_warning_under_the_limit() -> None:
    article = extract(TEXT)
    assert len(article.statistics) == 30
    assert not any("max_statistics" in w for w in article.warnings)




def test_people_past_max_personnel_chars_are_skipped_with_a_warning() -> None:
    full = extract("Tin nhân sự\nÔng Nguyễn Văn An, Giám đốc Sở Nội vụ tỉnh Bắc Kạn, phát biểu. " + "Trời mưa to. " * 40
                   + "Bà Lê Thị Hoa, Phó Giám đốc Sở Y tế tỉnh Bắc Kạn, cho biết.")
    assert [p.name for p in full.people] == ["Nguyễn Văn An", "Lê Thị Hoa"]
    cut = extract(full.text, options=Options(max_personnel_chars=200))
    assert [p.name for p in cut.people] == ["Nguyễn Văn An"]
    assert any("max_personnel_chars" in w for w in cut.warnings)
