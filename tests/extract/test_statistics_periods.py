"""Table tests of the period a figure gets (extract/periods.py): stated periods, comparison bases,
years in the names of laws, and present markers that end a stated period."""

from __future__ import annotations

import pytest

from vnnews_extract import extract
from vnnews_extract.extract.statistics.periods import find_periods

# (id, sentence, the periods it states in order)
STATED = [
    ("date-range-year-at-end", "Từ ngày 1/3 đến 30/6/2023, đoàn kiểm tra đã xử lý 52 vụ.", [(2023, 2023)]),
    ("date-range-two-years", "Từ 15/11/2022 đến 31/3/2023, tỉnh tiêm được 8.000 liều.", [(2022, 2023)]),
    ("until-clock-and-date", "Tính đến 16 giờ ngày 3/10/2024, đã có 25 hộ phải di dời.", [(None, 2024)]),
    ("until-clock-part-of-day-date", "Tính đến 8 giờ sáng ngày 5/7/2023, hồ đạt 95% dung tích.", [(None, 2023)]),
    ("neg-equivalent-year-is-a-base", "Tỷ lệ nhập học đạt 90%, tương đương năm 2022.", []),
    ("neg-equivalent-with-year-is-a-base", "Doanh thu đạt 300 tỷ đồng, tương đương với năm 2021.", []),
    ("neg-law-name-year", "Các bị cáo bị xử theo Bộ luật Hình sự năm 2015.", []),
    ("neg-law-name-bare-year", "Từ khi Luật Đất đai 2024 có hiệu lực, giao dịch tăng 12%.", []),
    ("year-not-in-a-law-name", "Năm 2023, luật mới giúp thu ngân sách tăng 8%.", [(2023, 2023)]),
    ("neg-compared-reporting-label-year", "So với 6 tháng đầu năm 2016, số vụ tai nạn giảm 10%.", []),
    ("neg-compared-occasion-year", "Lượng khách tăng 50% so với dịp Tết năm 2016.", []),
    ("neg-compared-plan-words-year", "Sản lượng tăng 19% so với thực hiện năm 2016.", []),
    ("compared-figure-keeps-its-year", "Có 1.225 bản kê khai phải xác minh (so với 5 trường hợp trong năm 2014).", [(2014, 2014)]),
    ("until-end-of-day-date", "Tính đến hết ngày 31/12/2016, quỹ còn dư 200 tỷ đồng.", [(None, 2016)]),
    ("until-end-of-day-date-no-as-of", "Đến hết ngày 30/9/2017, tổng tài sản đạt 9.000 tỷ đồng.", [(None, 2017)]),
]


@pytest.mark.parametrize(("sentence", "expected"), [pytest.param(s, e, id=i) for i, s, e in STATED])
def test_periods_stated(sentence: str, expected: list[tuple[int | None, int | None]]) -> None:
    assert [p.years for p in find_periods(sentence)] == expected


# (id, sentence, figure text, expected period of that figure)
FIGURE_PERIODS = [
    ("present-marker-ends-stated-period", "Tỉnh đặt mục tiêu xây 5.000 căn nhà trong giai đoạn 2021-2025, nhưng đến nay mới hoàn thành 1.200 căn.", "1.200 căn", None),
    ("stated-period-before-present-marker",
     "Tỉnh đặt mục tiêu xây 5.000 căn nhà trong giai đoạn 2021-2025, nhưng đến nay mới hoàn thành 1.200 căn.", "5.000 căn", (2021, 2025)),
    ("open-span-keeps-its-own-den-nay", "Từ năm 2019 đến nay, huyện đã trồng mới 640 ha rừng.", "640 ha", (2019, None)),
    ("hien-nay-after-period", "Năm 2020 toàn xã có 300 hộ nghèo, hiện nay còn 85 hộ.", "85 hộ", None),
    ("date-range-period-of-figure", "Từ ngày 1/1 đến 15/8/2024, lực lượng kiểm lâm phát hiện 36 vụ vi phạm.", "36 vụ", (2024, 2024)),
    ("law-year-is-no-period-of-figure", "Có 6 bị cáo bị xử theo Bộ luật Hình sự năm 2015.", "6 bị cáo", None),
]


@pytest.mark.parametrize(("sentence", "text", "expected"), [pytest.param(s, t, e, id=i) for i, s, t, e in FIGURE_PERIODS])
def test_period_of_figure(sentence: str, text: str, expected: tuple[int | None, int | None] | None) -> None:
    stats = [s for s in extract("Tin tức\n" + sentence).statistics if s.evidence.text == text]
    assert stats, f"no figure {text!r}"
    period = stats[0].period
    assert (None if period is None else (period.start, period.end)) == expected
