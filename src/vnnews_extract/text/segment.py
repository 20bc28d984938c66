"""Stage 3: blocks -> sentences -> word tokens, all as offsets into the normalised text.

This is the only module that imports underthesea. Its tokens are realigned to our text:
underthesea changes the strings it is given, so its strings are never used as offsets.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import regex

from ..errors import AlignmentError
from ..lexicons import lexicons
from ..model import Document, Span

# A sentence may end after . ! ? or … (with closing quotes/brackets); it does end only when the
# next sentence plainly starts (upper-case letter, digit, quote, bracket, dash). The quantifiers are
# possessive and a match starts only at the start of a run: backtracking into (or restarting inside)
# a run of 20,000 dots took minutes and never changed the result.
_BOUNDARY = regex.compile(
    r"""(?P<end>(?<![.!?])[.!?]++|(?<!…)…++)(?P<close>["')\]]*+)(?P<space>\s*+)(?=(?P<next>["'(\[–\-]?\s*[\p{Lu}\d]))""",
    regex.V1,
)
_WORD_BEFORE = regex.compile(r"([\p{L}][\p{L}.]*)$")
MAX_SENTENCE_CHARS = 1000  # longer "sentences" (unpunctuated text, lists, junk) are cut into chunks
_ABBREVIATION_WINDOW = 40  # look this far back for the word before a dot (searching from 0 was quadratic)


def _is_abbreviation(text: str, dot_pos: int) -> bool:
    match = _WORD_BEFORE.search(text, max(0, dot_pos - _ABBREVIATION_WINDOW), dot_pos)
    if not match:
        return False
    word = match.group(1)
    abbreviations = lexicons().abbreviations_with_dot
    if word in abbreviations or word.rstrip(".") in abbreviations:
        return True
    # single capital initial such as "N." in "N. V. An", or dotted initials such as "H.R." in "H.R. McMaster"
    return (len(word) == 1 and word.isupper()) or _DOTTED_INITIALS.fullmatch(word) is not None


_DOTTED_INITIALS = regex.compile(r"(?:\p{Lu}\.){1,2}\p{Lu}")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> Iterator[Span]:
    """Split ``text[start:end]`` (one block) into sentence spans.

    >>> t = "Đến nay, 98,5% đạt. TS. Nguyễn An nói TP.HCM có 1.126 hộ… Hết"
    >>> [t[s.start:s.end] for s in split_sentences(t)]
    ['Đến nay, 98,5% đạt.', 'TS. Nguyễn An nói TP.HCM có 1.126 hộ…', 'Hết']
    """
    end = len(text) if end is None else end
    sent_start = start
    for match in _BOUNDARY.finditer(text, start, end):
        punct = match.group("end")
        if not match.group("space") and not punct.startswith("…") and punct != "...":
            continue  # "TP.HCM", "5.2", "1.126": no space, no boundary
        if punct == "." and _is_abbreviation(text, match.start("end")):
            continue
        stop = match.end("close")
        if stop > sent_start:
            yield from _trimmed(text, sent_start, stop)
        sent_start = match.end("space")
    if sent_start < end:
        yield from _trimmed(text, sent_start, end)


def bound_sentence(text: str, sentence: Span, limit: int = MAX_SENTENCE_CHARS) -> Iterator[Span]:
    """Cut a sentence longer than ``limit`` into chunks of at most ``limit`` characters.

    A cut falls after the last ";" or ":" in the second half of the window, else after the last
    ",", else at the last space, else anywhere: no extractor ever sees an unbounded sentence.

    >>> t = "một hai ba, bốn năm sáu bảy tám"
    >>> [t[s.start:s.end] for s in bound_sentence(t, Span(0, len(t)), 12)]
    ['một hai ba,', 'bốn năm', 'sáu bảy tám']
    """
    start = sentence.start
    while sentence.end - start > limit:
        cut = _cut_point(text, start, start + limit)
        yield from _trimmed(text, start, cut)
        start = cut
    yield from _trimmed(text, start, sentence.end)


def _cut_point(text: str, start: int, stop: int) -> int:
    window = text[start:stop]
    for marks in ((";", ":"), (",",), (" ", "\n")):
        pos = max(window.rfind(mark) for mark in marks)
        if pos >= len(window) // 2:
            return start + pos + 1
    return stop


def _trimmed(text: str, start: int, end: int) -> Iterator[Span]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield Span(start, end, "sentence")


def segment(doc: Document, *, tokens: bool = False, max_sentence_chars: int = MAX_SENTENCE_CHARS) -> Document:
    """Add the sentence layer (and, if asked, the word-token layer) to a document.

    Sentences longer than ``max_sentence_chars`` are cut into bounded chunks (see
    :func:`bound_sentence`), so extractor work per sentence is bounded.
    """
    sentences: list[Span] = []
    owners: list[int] = []
    for index, block in enumerate(doc.blocks):
        for sentence in split_sentences(doc.text, block.start, block.end):
            for span in bound_sentence(doc.text, sentence, max_sentence_chars):
                sentences.append(span)
                owners.append(index)
    result = doc.with_layers(sentences=tuple(sentences), sentence_block=tuple(owners))
    if tokens:
        result = result.with_layers(tokens=tuple(t for s in sentences for t in word_tokens(doc.text, s)))
    return result


_PLAIN_WORD = regex.compile(r"\w+|[^\w\s]")


def plain_words(text: str, sentence: Span) -> list[Span]:
    """Untagged words of a sentence (label "X"): runs of word characters and single symbols."""
    return [Span(m.start(), m.end(), "X") for m in _PLAIN_WORD.finditer(text, sentence.start, sentence.end)]


class Located(Protocol):
    """Anything with a ``[start, end)`` position in the text (a Span, a statistics Figure)."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


def tag_sentences(
    doc: Document, figures: Mapping[int, Sequence[Located]] | Iterable[int], budget_chars: int, window: tuple[int, int] = (0, 0)
) -> tuple[Document, int]:
    """Add the ``words`` layer for the sentences at the keys of ``figures`` (or the given indices):
    underthesea's POS-tagged words while the budget of characters lasts, plain untagged words after
    it (and when underthesea's words cannot be aligned). With ``window = (before, after)`` both
    positive and ``figures`` a mapping of sentence index to figure spans, only the stretch from
    ``before`` characters ahead of each figure to ``after`` characters past it (widened to word
    boundaries) is tagged; the rest of the sentence gets plain words. Returns the document and the
    characters left untagged for want of budget (the caller reports them).

    >>> from ..model import Document
    >>> t = "Năm nay, toàn tỉnh có 1.126 hộ thoát nghèo, tăng so với năm trước và cao nhất từ trước đến nay."
    >>> doc = Document(text=t, blocks=(Span(0, len(t), "p"),), sentences=(Span(0, len(t), "sentence"),))
    >>> fig = t.index("1.126")
    >>> tagged, _ = tag_sentences(doc, {0: [Span(fig, fig + 9, "figure")]}, 8000, (12, 12))
    >>> [t[w.start:w.end] for w in tagged.words if w.label != "X"][0], tagged.words[-1].label
    ('toàn', 'X')
    """
    words: list[Span] = []
    tagged: list[int] = []
    skipped = 0
    spans = figures if isinstance(figures, Mapping) else {}
    for index in sorted(set(figures)):
        sentence = doc.sentences[index]
        for piece, tag in tagging_windows(doc.text, sentence, spans.get(index, ()), window):
            length = piece.end - piece.start
            try:
                if not tag or length > budget_chars:
                    skipped += length if tag else 0
                    raise AlignmentError("not tagged: outside the window, or tagging budget spent")
                budget_chars -= length
                words.extend(pos_tags(doc.text, piece))
            except AlignmentError:
                words.extend(plain_words(doc.text, piece))
        tagged.append(index)
    return doc.with_layers(words=tuple(words), tagged=tuple(tagged)), skipped


def tagging_windows(text: str, sentence: Span, figures: Sequence[Located], window: tuple[int, int]) -> list[tuple[Span, bool]]:
    """The pieces of ``sentence`` in order, each with whether it is tagged: the stretches from
    ``before`` characters ahead of a figure to ``after`` past it, widened to word boundaries and
    merged where they touch (the whole sentence when there are no figures or the window is off).

    >>> t = "aa bb cc 12 dd ee ff gg"
    >>> [(t[p.start:p.end], tag) for p, tag in tagging_windows(t, Span(0, len(t)), [Span(9, 11)], (4, 4))]
    [('aa ', False), ('bb cc 12 dd ee', True), (' ff gg', False)]
    """
    before, after = window
    if not figures or before <= 0 or after <= 0:
        return [(sentence, True)]
    merged: list[list[int]] = []
    for fig in sorted(figures, key=lambda f: f.start):
        start, end = max(sentence.start, fig.start - before), min(sentence.end, fig.end + after)
        while start > sentence.start and not text[start - 1].isspace():
            start -= 1
        while end < sentence.end and not text[end].isspace():
            end += 1
        if merged and start <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    pieces: list[tuple[Span, bool]] = []
    pos = sentence.start
    for start, end in merged:
        if start > pos:
            pieces.append((Span(pos, start, "sentence"), False))
        pieces.append((Span(start, end, "sentence"), True))
        pos = end
    if pos < sentence.end:
        pieces.append((Span(pos, sentence.end, "sentence"), False))
    return pieces


@lru_cache(maxsize=1)
def _underthesea() -> tuple[object, object]:
    from underthesea import pos_tag, word_tokenize

    return word_tokenize, pos_tag


def _align(text: str, pieces: list[str], span: Span, label_of: list[str] | None = None) -> list[Span]:
    """Map underthesea's token strings back onto ``text[span]`` by walking characters."""
    out: list[Span] = []
    pos = span.start
    for i, piece in enumerate(pieces):
        while pos < span.end and text[pos].isspace():
            pos += 1
        if piece and not piece[0].isspace() and not piece[-1].isspace() and text.startswith(piece, pos, span.end):
            out.append(Span(pos, pos + len(piece), label_of[i] if label_of else "token"))  # written as it is in the text
            pos += len(piece)
            continue
        chars = [c for c in piece if not c.isspace()]
        if not chars:
            continue
        tok_start = pos
        for ch in chars:
            while pos < span.end and text[pos].isspace():
                pos += 1
            if pos >= span.end or text[pos] != ch:
                raise AlignmentError(f"cannot align token {piece!r} at offset {pos}")
            pos += 1
        out.append(Span(tok_start, pos, label_of[i] if label_of else "token"))
    return out


def word_tokens(text: str, sentence: Span) -> list[Span]:
    """underthesea word tokens of one sentence, as spans of ``text``."""
    word_tokenize, _ = _underthesea()
    pieces = word_tokenize(text[sentence.start : sentence.end])  # type: ignore[operator]
    return _align(text, list(pieces), sentence)


def pos_tags(text: str, sentence: Span) -> list[Span]:
    """underthesea part-of-speech tags of one sentence; the tag is the span label.

    The tags are those of ``underthesea.pos_tag`` (same word segmentation, same CRF model, same
    features), but the features are built in one linear pass: underthesea's own builder rebuilds
    every column of the sentence for each of its 22 templates at each word, which is quadratic
    and most of the cost of tagging a long sentence.
    """
    word_tokenize, pos_tag = _underthesea()
    model = _pos_model()
    if model is None:  # an underthesea release without that model class: its own (slower) path
        pairs = pos_tag(text[sentence.start : sentence.end])  # type: ignore[operator]
        return _align(text, [w for w, _ in pairs], sentence, [t for _, t in pairs])
    words, offsets = _segment_words_at(text[sentence.start : sentence.end])
    tagger, templates = model
    tags = list(tagger.tag(_pos_features(words, templates))) if words else []  # type: ignore[attr-defined]
    if offsets is None:
        return _align(text, words, sentence, tags)
    return [Span(sentence.start + a, sentence.start + b, tag) for (a, b), tag in zip(offsets, tags)]


def _segment_words_at(sentence: str) -> tuple[list[str], list[tuple[int, int]] | None]:
    """underthesea's word segmentation of one sentence, without its token normalisation (our text is
    normalised already), and, when its character normalisation left the sentence's length as it was
    (so the tokenizer's match offsets are offsets of the sentence), each word's start and end in it,
    from its first token's start to its last token's end; else None (the caller aligns the words by
    walking characters). Its own ``word_tokenize`` finds which named group of its tokenizer pattern
    matched by scanning a dict per token; every alternative of that pattern is one whole named group,
    so the token is the match itself, read here directly: the same tokens, the same CRF, the same words."""
    model = _word_model()
    if model is None:  # an underthesea release laid out otherwise: its own function
        word_tokenize, _ = _underthesea()
        return list(word_tokenize(sentence, use_token_normalize=False)), None  # type: ignore[operator]
    pattern, normalise, tagger = model
    normalised = normalise(sentence)  # type: ignore[operator]
    matches = list(pattern.finditer(normalised))  # type: ignore[attr-defined]
    tokens = [m.group() for m in matches]
    words: list[str] = []
    offsets: list[tuple[int, int]] = []
    for tag, token, m in zip(_word_tags(tagger, tokens, normalised), tokens, matches) if tokens else ():
        if tag == "I-W" and words:
            words[-1] += " " + token
            offsets[-1] = (offsets[-1][0], m.end())
        else:
            words.append(token)
            offsets.append((m.start(), m.end()))
    return words, (offsets if len(normalised) == len(sentence) else None)


def _word_tags(tagger: object, tokens: list[str], normalised: str) -> list[str]:
    """The word-segmentation CRF's tags of ``tokens``. Its features are built here a column at a time
    (:func:`_word_feature_rows`: the strings underthesea's featurizer builds, in about half its time)
    when the templates are those reproduced here and no character of the sentence is one of
    ``_OTHER_CHARS`` (the others' features were checked against the featurizer's, character by
    character); else by underthesea's own featurizer."""
    features = _word_features()
    if features is None or _OTHER_CHARS.search(normalised):
        return list(tagger.predict([[t] for t in tokens]))  # type: ignore[attr-defined]
    return list(tagger.estimator.tag(_word_feature_rows(tokens, *features)))  # type: ignore[attr-defined]


# Latin (with Vietnamese), combining marks, general punctuation and currency signs: the characters
# whose features were checked to be the featurizer's, alone and in pairs, but "ƛ" (U+019B), which has
# an upper case in the featurizer's Unicode tables and none in Python's
_OTHER_CHARS = regex.compile(r"[^\x01-\u019a\u019c-\u024f\u0300-\u036f\u1e00-\u1eff\u2000-\u206f\u20a0-\u20cf]")
_WORD_TEMPLATE = regex.compile(r"T\[(?P<i1>-?\d)(?:,(?P<i2>-?\d))?\](?:\.(?P<fn>lower|isdigit|istitle|is_in_dict))?")
_WordTemplates = tuple[tuple[str, int, int, "str | None"], ...]
# a probe the featurizer and _word_feature_rows must read alike before the latter is used
_PROBE = ("Ngày", "15/3", ",", "UBND", "tỉnh", "Bắc", "Kạn", "có", "1.126", "hộ", "2020", "TP.HCM", "đạt", "98,5", "%", "A", "x")


@lru_cache(maxsize=1)
def _word_features() -> tuple[_WordTemplates, frozenset[str]] | None:
    """The word-segmentation model's feature templates and dictionary, read as underthesea's model
    loader reads them (None when they cannot be read, a template is not one reproduced here, or the
    featurizer reads the probe sentence otherwise)."""
    model = _word_model()
    if model is None:
        return None
    try:
        import joblib  # type: ignore[import-untyped]
        import underthesea.pipeline.word_tokenize as ws

        base = Path(ws.__file__).parent / "models" / "ws_crf_vlsp2013_20230727"
        syntaxes, dictionary = joblib.load(base / "features.bin"), frozenset(joblib.load(base / "dictionary.bin"))
        featurizer = model[2].featurizer  # type: ignore[attr-defined]
    except Exception:  # any failure to read them: underthesea's own featurizer
        return None
    templates = []
    for syntax in syntaxes:
        m = _WORD_TEMPLATE.fullmatch(syntax) if isinstance(syntax, str) else None
        if m is None or (m.group("fn") == "isdigit" and m.group("i2")):
            return None
        i1 = int(m.group("i1"))
        templates.append((f"{syntax}=", i1, int(m.group("i2") or i1), m.group("fn")))
    probe = list(_PROBE)
    if featurizer.process([[[t] for t in probe]])[0] != _word_feature_rows(probe, tuple(templates), dictionary):
        return None
    return tuple(templates), dictionary


def _word_feature_rows(tokens: list[str], templates: _WordTemplates, dictionary: frozenset[str]) -> list[list[str]]:
    """The features of each token for the word-segmentation CRF: "T[i]" (the token i places on), "T[i,j]"
    (tokens i to j joined by spaces), with ".lower", ".isdigit" (a 32-bit integer), ".istitle" (each
    token's first character is its own upper case) or ".is_in_dict" (the lower case in the dictionary);
    "BOS" or "EOS" past either end. Each n-gram column is built once and shifted for each template."""
    n = len(tokens)
    columns: dict[tuple[str | None, int], list[str]] = {}
    rows = []
    for prefix, i1, i2, fn in templates:
        key = (fn, i2 - i1 + 1)
        if key not in columns:
            columns[key] = _word_column(tokens, fn, key[1], columns, dictionary)
        bos = min(n, max(0, -i1))  # token i reads BOS when i + i1 < 0, else EOS when i + i2 >= n
        eos = max(bos, min(n, n - i2))
        rows.append([prefix + "BOS"] * bos + list(map(prefix.__add__, columns[key][bos + i1 : eos + i1])) + [prefix + "EOS"] * (n - eos))
    return [list(row) for row in zip(*rows)]


def _word_column(tokens: list[str], fn: str | None, width: int, columns: dict[tuple[str | None, int], list[str]], dictionary: frozenset[str]) -> list[str]:
    """The values of one function over every run of ``width`` tokens, by the run's first token."""
    if fn == "isdigit":
        return [str(_parses_as_i32(t)) for t in tokens]
    if fn == "istitle":
        title = [t[:1].upper() == t[:1] for t in tokens]
        return [str(all(run)) for run in zip(*(title[k : len(tokens) - width + 1 + k] for k in range(width)))]
    if fn == "is_in_dict":
        lower = columns.get(("lower", width)) or _word_column(tokens, "lower", width, columns, dictionary)
        return [str(g in dictionary) for g in lower]
    words = [t.lower() for t in tokens] if fn == "lower" else tokens
    return words if width == 1 else list(map(" ".join, zip(*(words[k : len(words) - width + 1 + k] for k in range(width)))))


def _parses_as_i32(token: str) -> bool:
    """The featurizer's "isdigit": the token reads as a 32-bit integer (Rust's ``str::parse::<i32>``:
    ASCII digits after an optional sign, "-2147483648" to "2147483647", leading zeros allowed)."""
    digits = token[1:] if token[:1] in ("+", "-") else token
    if not (digits.isascii() and digits.isdigit()):
        return False
    significant = digits.lstrip("0")
    return len(significant) <= 10 and int(significant or "0") <= 2**31 - (token[0] != "-")


@lru_cache(maxsize=1)
def _word_model() -> tuple[object, object, object] | None:
    """underthesea's tokenizer pattern, character normaliser and word-segmentation CRF (None when
    its layout differs: a named group per alternative is checked, and the model loaded as
    ``word_tokenize`` loads it)."""
    try:
        import underthesea.pipeline.word_tokenize as ws
        from underthesea.pipeline.word_tokenize import regex_tokenize
        from underthesea.pipeline.text_normalize.character_normalize import normalize_characters_in_text
    except ImportError:
        return None
    if not all(_one_named_group(p) for p in getattr(regex_tokenize, "regex_patterns", [None])):
        return None
    ws.word_tokenize("khởi động")  # loads the model into the module, as on first use
    tagger = getattr(ws, "word_tokenize_model", None)
    pattern = getattr(regex_tokenize, "patterns", None)
    if tagger is None or pattern is None or not hasattr(tagger, "predict"):
        return None
    return pattern, normalize_characters_in_text, tagger


def _one_named_group(pattern: object) -> bool:
    """The tokenizer alternative is one named group from its first character to its last."""
    if not isinstance(pattern, str) or not pattern.strip().startswith("(?P<"):
        return False
    try:
        compiled = regex.compile(pattern.strip(), regex.VERBOSE)
    except regex.error:
        return False
    return bool(compiled.groupindex) and min(compiled.groupindex.values()) == 1 and _closes_at_end(pattern.strip())


def _closes_at_end(pattern: str) -> bool:
    depth, escaped, in_class = 0, False, False
    for i, char in enumerate(pattern):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return not pattern[i + 1 :].strip()
    return False


_TEMPLATE = regex.compile(r"T\[(?P<i1>-?\d+)(?:,(?P<i2>-?\d+))?\](?:\[(?P<col>.*)\])?(?:\.(?P<fn>.*))?")


@lru_cache(maxsize=1)
def _pos_model() -> tuple[object, tuple[tuple[str, int, int | None, int, str | None], ...]] | None:
    """underthesea's POS CRF model and its feature templates, parsed once (None if absent)."""
    try:
        from underthesea.pipeline.pos_tag.model_crf import CRFPOSTagPredictor

        predictor = CRFPOSTagPredictor.Instance()
        syntaxes = list(predictor.transformer.template)
    except (ImportError, AttributeError):
        return None
    templates = []
    for syntax in syntaxes:
        m = _TEMPLATE.fullmatch(syntax)
        if m is None or (m.group("fn") or "lower") not in ("lower", "istitle"):
            return None
        i2 = int(m.group("i2")) if m.group("i2") else None
        templates.append((f"{syntax}=", int(m.group("i1")), i2, int(m.group("col") or 0), m.group("fn")))
    return predictor.model, tuple(templates)


def _pos_features(words: list[str], templates: tuple[tuple[str, int, int | None, int, str | None], ...]) -> list[list[str]]:
    """The features underthesea's POS model reads at every word (its columns: word, then "X"),
    built a template (a column of features) at a time."""
    n = len(words)
    single = {None: words, "lower": [w.lower() for w in words], "istitle": [_pos_function("istitle", w) for w in words]}
    columns = []
    for prefix, i1, i2, col, fn in templates:
        last = i2 if i2 is not None else i1
        bos = min(n, max(0, -i1))  # word i reads BOS when i + i1 < 0, else EOS when i + last >= n
        eos = max(bos, min(n, n - last))
        if col != 0:
            middle = [prefix + _pos_function(fn, " ".join(["X"] * (last - i1 + 1)))] * (eos - bos)
        elif i2 is None and fn in single:
            middle = list(map(prefix.__add__, single[fn][bos + i1 : eos + i1]))
        elif i2 == i1 + 1 and fn is None:  # a bigram of words
            middle = list(map(f"{prefix}{{}} {{}}".format, words[bos + i1 : eos + i1], words[bos + i2 : eos + i2]))
        else:
            middle = [prefix + _pos_function(fn, " ".join(words[i + i1 : i + last + 1])) for i in range(bos, eos)]
        columns.append([prefix + "BOS"] * bos + middle + [prefix + "EOS"] * (n - eos))
    return [list(row) for row in zip(*columns)]


def _pos_function(name: str | None, word: str) -> str:
    if name is None:
        return word
    if name == "lower":
        return word.lower()
    if name == "istitle":
        return str(bool(word) and all(token[:1].istitle() for token in word.split(" ")))
    raise AlignmentError(f"unknown POS feature function {name!r}")
