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
