import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnnews_extract.model import Document, Span
from vnnews_extract.text.segment import segment, split_sentences, tag_sentences, tagging_windows, word_tokens

NO_SPLIT = [
    "Đến nay, 98,5% cán bộ có trình độ đại học.",
    "Huyện đã bồi dưỡng cho 1.126 cán bộ.",
    "Đoàn công tác của TP.HCM đã tới thăm.",
    "TS. Nguyễn Văn An phát biểu tại hội nghị.",
    "ThS. Lê Thị Hoa trình bày báo cáo.",
    "Từ ngày 5.2 đến nay, tỉnh đã tiêm 1.200 mũi.",
    "Các phòng, ban… đã tham mưu kịp thời.",
    "PGS.TS. Trần Văn Bình cho biết như vậy.",
    "Ông Nguyễn V. An là Giám đốc Sở.",
]


@pytest.mark.parametrize("sentence", NO_SPLIT, ids=[s[:25] for s in NO_SPLIT])
def test_sentence_is_not_broken(sentence: str) -> None:
    assert [s.text(sentence) for s in split_sentences(sentence)] == [sentence]


SPLITS = [
    ("Huyện có 102 lượt cán bộ. Năm 2020 có 56 người.", ["Huyện có 102 lượt cán bộ.", "Năm 2020 có 56 người."]),
    ("chuẩn hóa đội ngũ cán bộ…Trên cơ sở đó, huyện cử đi học.", ["chuẩn hóa đội ngũ cán bộ…", "Trên cơ sở đó, huyện cử đi học."]),
    ("Ông nói: \"Tốt lắm.\" Sau đó, ông đi.", ["Ông nói: \"Tốt lắm.\"", "Sau đó, ông đi."]),
    ("Có hỏi không? Có!", ["Có hỏi không?", "Có!"]),
]


@pytest.mark.parametrize(("text", "expected"), SPLITS, ids=[s[0][:25] for s in SPLITS])
def test_sentence_splits(text: str, expected: list[str]) -> None:
    assert [s.text(text) for s in split_sentences(text)] == expected


def test_blocks_without_final_stop_are_separate_sentences() -> None:
    text = "Tiêu đề bài viết\nChú thích ảnh không có dấu chấm\nĐoạn văn."
    doc = Document(text=text, blocks=(Span(0, 16, "title"), Span(17, 48, "caption"), Span(49, 58, "paragraph")))
    out = segment(doc)
    assert [s.text(text) for s in out.sentences] == ["Tiêu đề bài viết", "Chú thích ảnh không có dấu chấm", "Đoạn văn."]
    assert out.sentence_block == (0, 1, 2)


def test_word_tokens_are_realigned_to_our_offsets() -> None:
    text = "Xin chào.\nĐồng chí Triệu Huy Chung – Phó Bí thư huyện ủy trao 98,5% quyết định."
    sentence = Span(10, len(text))
    tokens = word_tokens(text, sentence)
    surfaces = [t.text(text) for t in tokens]
    assert "Triệu Huy Chung" in surfaces
    assert "Bí thư" in surfaces
    for t in tokens:
        assert sentence.start <= t.start < t.end <= sentence.end
        assert not text[t.start].isspace() and not text[t.end - 1].isspace()
    assert tokens == sorted(tokens, key=lambda t: t.start)


POS_SENTENCES = [
    "Đồng chí Triệu Huy Chung – Phó Bí thư huyện ủy – Chủ tịch UBND huyện trao quyết định bổ nhiệm.",
    "Đến nay, 98,5% đội ngũ cán bộ, công chức có trình độ chuyên môn từ Đại học trở lên.",
    "Năm 2023, tỉnh Bắc Kạn thu ngân sách đạt 1.126 tỷ đồng, tăng 5,2% so với cùng kỳ.",
    "TP.HCM",
    "Ông Lê Hoàng Châu, Chủ tịch Hiệp hội Bất động sản TP.HCM nói rằng THỊ TRƯỜNG đang hồi phục",
]


@pytest.mark.parametrize("sentence", POS_SENTENCES, ids=[s[:20] for s in POS_SENTENCES])
def test_pos_tags_are_underthesea_s_tags_realigned(sentence: str) -> None:
    from underthesea import pos_tag

    from vnnews_extract.text.segment import pos_tags

    ours = pos_tags(sentence, Span(0, len(sentence)))
    theirs = pos_tag(sentence)
    assert [(sentence[t.start : t.end], t.label) for t in ours] == [(w, t) for w, t in theirs]


# tagging_windows: the stretches of a figure sentence that are POS-tagged (Options.pos_window_*).
WINDOW_ROWS = [
    # (sentence, figure substrings, window, tagged pieces)
    ("aa bb cc 12 dd ee ff gg", ["12"], (4, 4), ["bb cc 12 dd ee"]),
    ("aa bb cc 12 dd ee ff gg", ["12"], (0, 4), ["aa bb cc 12 dd ee ff gg"]),  # window off: whole sentence
    ("aa bb cc 12 dd 34 ee ff gg hh", ["12", "34"], (3, 3), ["cc 12 dd 34 ee"]),  # touching windows merge
    ("aa 12 bb cc dd ee ff gg hh 34 ii", ["12", "34"], (2, 2), ["aa 12 bb", "hh 34 ii"]),  # apart: two pieces
    ("12 aa bb cc dd", ["12"], (50, 50), ["12 aa bb cc dd"]),  # never past the sentence
]


@pytest.mark.parametrize(("sentence", "figures", "window", "pieces"), WINDOW_ROWS)
def test_tagging_windows_tag_around_each_figure(sentence: str, figures: list[str], window: tuple[int, int], pieces: list[str]) -> None:
    spans = [Span(sentence.index(f), sentence.index(f) + len(f)) for f in figures]
    out = tagging_windows(sentence, Span(0, len(sentence)), spans, window)
    assert "".join(sentence[p.start:p.end] for p, _ in out) == sentence  # the pieces cover the sentence, in order
    assert [sentence[p.start:p.end].strip() for p, tagged in out if tagged] == pieces


def test_words_outside_the_window_are_plain_and_inside_tagged() -> None:
    text = "Theo báo cáo của Sở Kế hoạch và Đầu tư tỉnh, năm nay toàn tỉnh có 1.126 doanh nghiệp thành lập mới, tăng mạnh so với cùng kỳ năm trước."
    doc = Document(text=text, blocks=(Span(0, len(text), "p"),), sentences=(Span(0, len(text), "sentence"),))
    fig = text.index("1.126")
    tagged, skipped = tag_sentences(doc, {0: [Span(fig, fig + 5)]}, 8000, (30, 20))
    words = {text[w.start:w.end]: w.label for w in tagged.words}
    assert skipped == 0
    assert words["Theo"] == "X" and words["trước"] == "X"  # outside: untagged
    assert words["1.126"] != "X" and words["tỉnh"] != "X" and words["thành lập"] != "X"  # inside: underthesea's tags
    whole, _ = tag_sentences(doc, {0: [Span(fig, fig + 5)]}, 8000, (0, 0))
    assert all(w.label != "X" for w in whole.words)


# The word segmentation read from underthesea's tokenizer matches is underthesea's own.
SEGMENT_SENTENCES = [
    "Đồng chí Triệu Huy Chung – Phó Bí thư huyện ủy – Chủ tịch UBND huyện trao quyết định bổ nhiệm.",
    "Ngày 12/3/2017, TP.HCM có 1.126 hộ thoát nghèo, đạt 98,5% kế hoạch (tăng 2,3 lần).",
    "Liên hệ: contact@baomoi.vn hoặc https://baomoi.com/tin-moi.epi, ĐT 0912-345-678.",
    "Giá vàng SJC ở mức 36,5 triệu đồng/lượng -> giảm 50.000 đồng; USD/VND ổn định :)",
    "Sở TN&MT và BQL KKT Vũng Áng đã kiểm tra 3x4 lô hàng v.v...",
]


@pytest.mark.parametrize("sentence", SEGMENT_SENTENCES)
def test_segment_words_is_underthesea_word_tokenize(sentence: str) -> None:
    from underthesea import word_tokenize

    from vnnews_extract.text.segment import _segment_words_at, _word_model

    assert _word_model() is not None  # the fast path is the one tested
    assert _segment_words_at(sentence)[0] == list(word_tokenize(sentence, use_token_normalize=False))


@pytest.mark.parametrize("sentence", SEGMENT_SENTENCES + ["Ông  Nguyễn   Văn An\u00a0được bổ nhiệm làm Giám đốc Sở Y tế."])
def test_pos_word_spans_from_tokenizer_offsets_equal_realigned_spans(sentence: str) -> None:
    # pos_tags takes each word's span from the tokenizer's match offsets; walking the characters
    # of the words (the path for text whose length underthesea's normalisation changes) gives the same
    from vnnews_extract.text.segment import _align, _segment_words_at, pos_tags

    text = "Mở đầu. " + sentence
    span = Span(8, len(text), "sentence")
    words, offsets = _segment_words_at(sentence)
    assert offsets is not None and len(offsets) == len(words)
    spans = pos_tags(text, span)
    realigned = _align(text, words, span, [s.label for s in spans])
    assert [(s.start, s.end, s.label) for s in spans] == [(s.start, s.end, s.label) for s in realigned]
    assert [" ".join(text[s.start : s.end].split()) for s in spans] == [" ".join(w.split()) for w in words]


# The word-segmentation features built in Python are the strings underthesea's featurizer builds.
FEATURE_TOKENS = {
    "vietnamese": ["Ngày", "12/3/2017", ",", "TP.HCM", "có", "1.126", "hộ", "thoát", "nghèo", "(", "98,5", "%", ")", "."],
    "case": ["HÀ", "Nội", "hà", "nội", "Đ", "ǅ", "ǅa", "ß", "İ", "A", "aB", "Ab", "'a", "1a"],  # not "ƛ": see below
    "integers": ["0", "-0", "+12", "2147483647", "2147483648", "-2147483648", "-2147483649", "0002147483647", "9" * 40, "+", "-", "٣", "1²", "1.5"],
    "one token": ["Hà"],
    "two tokens": ["Hà", "Nội"],
}


@pytest.mark.parametrize("tokens", list(FEATURE_TOKENS.values()), ids=list(FEATURE_TOKENS))
def test_word_features_are_underthesea_s_featurizer_s(tokens: list[str]) -> None:
    from vnnews_extract.text.segment import _word_feature_rows, _word_features, _word_model

    model, features = _word_model(), _word_features()
    assert model is not None and features is not None  # the fast path is the one tested
    assert _word_feature_rows(tokens, *features) == model[2].featurizer.process([[[t] for t in tokens]])[0]  # type: ignore[attr-defined]


@pytest.mark.parametrize("sentence", ["Ông ƛ Nguyễn đạt 98,5%.", "Giá 36,5 triệu đồng/lượng (Δ 2%) 東京."])
def test_words_with_other_characters_are_tagged_by_underthesea_s_featurizer(sentence: str) -> None:
    from underthesea import word_tokenize

    from vnnews_extract.text.segment import _OTHER_CHARS, _segment_words_at

    assert _OTHER_CHARS.search(sentence)
    assert _segment_words_at(sentence)[0] == list(word_tokenize(sentence, use_token_normalize=False))


# Tokens of the characters the Python features are used for: Latin with Vietnamese letters (both
# cases, precomposed), digits and signs, punctuation, combining marks, currency signs.
_FEATURE_ALPHABET = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXYfjwzFJWZ0123456789+-.,:;/%()'\"&"
    "áàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
    "ÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ\u0301\u0300\u0303€$–…"
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(_FEATURE_ALPHABET, min_size=1, max_size=7), min_size=1, max_size=12))
def test_word_features_equal_the_featurizer_s_on_any_tokens(tokens: list[str]) -> None:
    from vnnews_extract.text.segment import _word_feature_rows, _word_features, _word_model

    model, features = _word_model(), _word_features()
    assert model is not None and features is not None
    assert _word_feature_rows(tokens, *features) == model[2].featurizer.process([[[t] for t in tokens]])[0]  # type: ignore[attr-defined]
