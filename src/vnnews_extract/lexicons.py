"""Lexicons: word lists kept as data files under ``data/lexicons/``.

Every file is a TSV with a header line; ``#`` starts a comment line. Entries are validated on
load (NFC, column count, no duplicate keys) and exposed through one cached accessor,
``lexicons()``, as immutable tuples and mappings.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Mapping

import regex

from .errors import LexiconError
from .text.normalize import normalize_line

LEXICON_FILES = (
    "abbreviations.tsv",
    "admin_levels.tsv",
    "author_classes.tsv",
    "boilerplate.tsv",
    "boilerplate_classes.tsv",
    "caption_cues.tsv",
    "change_words.tsv",
    "comparators.tsv",
    "compound_units.tsv",
    "counted_nouns.tsv",
    "function_words.tsv",
    "grammar_words.tsv",
    "event_cues.tsv",
    "figure_cues.tsv",
    "fused_roles.tsv",
    "honorifics.tsv",
    "layout_classes.tsv",
    "middle_names.tsv",
    "name_stops.tsv",
    "non_figure_contexts.tsv",
    "org_stops.tsv",
    "organisations.tsv",
    "periods.tsv",
    "personnel_verbs.tsv",
    "places.tsv",
    "portfolios.tsv",
    "role_prefixes.tsv",
    "self_named_bodies.tsv",
    "subject_fragments.tsv",
    "subject_words.tsv",
    "surnames.tsv",
    "title_cues.tsv",
    "time_contexts.tsv",
    "time_tails.tsv",
    "titles.tsv",
    "unit_contexts.tsv",
    "units.tsv",
)


EVENT_TYPES = frozenset({
    "appointment", "reappointment", "transfer", "rotation", "secondment", "election", "approval",
    "dismissal", "resignation", "retirement", "discipline", "arrest",
})
# Allowed values of the sense columns: file -> {column: allowed values}; a column named with a
# trailing "*" holds comma-separated values. A value outside its set is a LexiconError at load,
# not a validation error per article later.
SCHEMAS: dict[str, dict[str, frozenset[str]]] = {
    "abbreviations.tsv": {"kind": frozenset({"plain", "dot"})},
    "admin_levels.tsv": {
        "level": frozenset({"-", "tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn"}),
        "kind": frozenset({"level", "committee", "quantifier"}),
    },
    "author_classes.tsv": {"match": frozenset({"word", "prefix"})},
    "boilerplate.tsv": {"kind": frozenset({"label", "section", "nav"})},
    "boilerplate_classes.tsv": {"match": frozenset({"word", "prefix"})},
    "caption_cues.tsv": {"kind": frozenset({"position", "credit"})},
    "change_words.tsv": {"direction": frozenset({"increase", "decrease", "modifier"})},
    "comparators.tsv": {"comparator": frozenset({"gte", "gt", "lte", "lt", "approx"}), "position": frozenset({"before", "after", "reach"})},
    "counted_nouns.tsv": {"sense*": frozenset({"person", "unit", "place", "item", "event", "document", "role", "classifier"})},
    "event_cues.tsv": {"kind*": frozenset({
        "proposal", "policy", "handover", "destination", "generic", "post_frame", "body_actor", "replaced",
        "nomination", "reference", "purpose", "framed", "frame", "ceremony", "source", "speech", "intransitive",
        "clause_proposal", "granted", "realis", "negation_idiom", "sanction_form", "future", "effective_date", "fronted_time",
        "official_sanction", "obligation", "obliged_done", "request", "other_act", "agenda", "adopted", "private_agent",
        "date_bound", "other_clause", "same_clause", "detail_opener", "earlier", "session",
    })},
    "figure_cues.tsv": {"cue*": frozenset({
        "wind", "grade", "money", "cap", "relative_time", "relative_after", "duration", "year", "maximum_of", "no_label", "victim",
        "unit_ahead", "age_ahead", "age_link", "estimate", "not_estimate", "index",
    })},
    "function_words.tsv": {"sense*": frozenset({"function", "aux", "times", "comparative"})},
    "grammar_words.tsv": {"class*": frozenset({
        "passive", "passive_noun", "assembly",
        # personnel names
        "list_joiner", "post_joiner", "succession", "birth", "age", "residence", "item_tail", "body_head", "party_head", "body_scope", "sub_unit", "post_noun",
        "branch",
        "investigating_body",
        "ward_level",
        "term", "period", "span_from", "span_to", "span_end", "month", "year", "plural", "quantifier",
        "source_preposition", "complement_preposition", "present_adverb", "copula", "inclusion", "enumeration",
        "pronoun", "adverb_before_verb", "while_time", "still_held", "held_period", "name_particle", "posted_at", "academic_post", "academic_body", "academic_at",
        "prefix_compound", "stop_compound", "noun_compound", "topic_lead", "topic_about", "topic_compound",
        # personnel events
        "light_verb", "request", "announce_own", "decision_noun", "receive", "received_form", "connective", "step_link", "emphatic",
        "date_day", "date_month", "date_year", "day_word", "time_of_day", "pronoun_compound",
        "kinship_address", "demonstrative", "object_marker", "male_address", "female_address", "female_middle", "possessive", "kin_noun",
        "role_deputy", "role_standing", "person_noun", "group_member", "group_member_generic",
        "indefinite_subject", "indefinite_article", "place_word_compound", "issuing_verb", "anaphoric_body",
        "agent_marker", "headed_by", "led_group", "candidate", "deciding_step", "relative_pronoun", "agent_body", "post_qualifier", "board", "post_of",
        "generic_body", "country_anaphor",
        # statistics periods
        "period_reference", "period_event", "document_number", "place_verb", "locative_preposition", "surface_noun",
        # statistics and cleaning
        "afternoon", "and", "as_of", "bound_word", "clock_preposition", "compared_with", "copula_have", "count_of",
        "crop_season", "date_label", "day_noun", "day_part", "dimension_noun", "duration_preposition", "duration_unit", "equivalent_to", "restated",
        "ambiguous_number_word", "number_word_stop", "not_counted", "shared_unit_joiner", "heading_count", "buy_price", "sell_price", "spread_noun", "than",
        "fiscal_year", "fraction_of", "general_level", "half", "hour_noun", "last_year", "lunar_month", "level_noun", "level_point", "figure_list_joiner",
        "inner_link", "maximum", "measure_adjective", "moment_noun", "money_noun", "month_noun", "noun_link", "now", "pair_lead", "part_of_whole",
        "period_edge", "period_end", "period_noun", "period_preposition", "plan_target", "present_time", "price_noun", "quarter_noun",
        "range_comparator", "range_joiner", "range_start", "ratio_verb", "region", "tense_marker", "quantity_head", "trade_verb",
        "same_period", "span_label", "superlative", "whole_area",
        "through", "time_preposition", "times_noun", "trailing_link", "with", "year_noun", "year_opener", "doubling",
        "fraction_stop", "distance_from", "duration_lead", "tenure_current", "tenure_past", "reference_end", "number_word_compound",
        "role_rank", "role_rank_adverb", "one_preposition", "bare_counter", "change_target",
        "respectively", "time_opener", "vehicle_noun", "vehicle_class_unit", "pair_noun", "pair_noun_intro", "predicate_lead",
    })},
    "fused_roles.tsv": {},
    "honorifics.tsv": {"kind": frozenset({"academic", "rank", "address", "religious", "profession", "honour"})},
    "layout_classes.tsv": {"kind": frozenset({"caption", "lead"})},
    "middle_names.tsv": {"kind": frozenset({"common", "minority", "three_words"})},
    "name_stops.tsv": {"kind": frozenset({"opener", "place_before", "body_before", "not_given"})},
    "non_figure_contexts.tsv": {"position": frozenset({"before", "after", "after_clause", "back_reference_before", "respectively"})},
    "org_stops.tsv": {"kind": frozenset({"verb", "time", "preposition", "conjunction", "joiner"})},
    "organisations.tsv": {"kind": frozenset({"fixed", "open", "delegation"})},
    "periods.tsv": {"kind": frozenset({"label", "document", "recurring", "present"})},
    "personnel_verbs.tsv": {"type": EVENT_TYPES | {"none"}},
    "places.tsv": {"kind": frozenset({"province", "country", "city", "region", "foreign_place", "named_body"})},
    "portfolios.tsv": {"kind": frozenset({"role", "ministry", "dashed"})},
    "role_prefixes.tsv": {"kind": frozenset({"former", "late", "acting", "new"})},
    "self_named_bodies.tsv": {"kind": frozenset({"school"})},
    "subject_fragments.tsv": {"kind": frozenset({"preposition", "time", "function", "level"})},
    "subject_words.tsv": {"kinds*": frozenset({
        "predicate", "stop", "intro", "nonstart", "clauseend", "countstop", "base", "reference", "droptail",
        "copula", "opener", "object", "marker", "adverb", "level", "apposition", "compound",
    })},
    "surnames.tsv": {"kind*": frozenset({"common", "minority", "foreign", "place_like", "prefix"})},
    "time_contexts.tsv": {"position": frozenset({"after_time", "after_period", "after_clock", "before_clock"})},
    "time_tails.tsv": {"kind": frozenset({"preposition", "point", "quantifier", "noun", "sense", "deictic"})},
    "title_cues.tsv": {"kind": frozenset({"former", "current", "membership", "past_frame", "past_when", "claimed"})},
    "titles.tsv": {"sense*": frozenset({
        "party", "government", "security", "enterprise", "department", "local", "justice", "assembly",
        "education", "state", "health", "sport", "media", "religious", "foreign", "mass", "needs_org", "capital", "shares_body",
        "delegate", "assembly_delegate", "descriptive",
    })},
    "unit_contexts.tsv": {
        "position": frozenset({"after", "before"}),
        "kind": frozenset({"percent", "money", "measure", "ratio"}),
        "needs*": frozenset({"amount", "word", "wind", "-"}),
    },
    "units.tsv": {"kind": frozenset({"percent", "money", "measure", "ratio"})},
    "compound_units.tsv": {},
}


def read_table(name: str) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """Read and validate one TSV lexicon: (header, rows)."""
    try:
        raw = resources.files("vnnews_extract").joinpath("data").joinpath("lexicons").joinpath(name).read_text("utf-8")
    except FileNotFoundError as exc:
        raise LexiconError(f"missing lexicon {name}") from exc
    lines = [ln for ln in raw.splitlines() if ln.strip() and not ln.startswith("#")]
    if not lines:
        raise LexiconError(f"{name}: empty")
    header = tuple(lines[0].split("\t"))
    rows: list[tuple[str, ...]] = []
    seen: set[str] = set()
    for number, line in enumerate(lines[1:], start=2):
        cells = tuple(c.strip() for c in line.split("\t"))
        if len(cells) != len(header):
            raise LexiconError(f"{name}:{number}: expected {len(header)} columns, got {len(cells)}")
        if any(unicodedata.normalize("NFC", c) != c for c in cells):
            raise LexiconError(f"{name}:{number}: not NFC")
        if normalize_line(cells[0]) != cells[0]:
            raise LexiconError(f"{name}:{number}: {cells[0]!r} is not in normalised form")
        _check_values(name, number, header, cells)
        key = cells[0] if name in _CASE_SENSITIVE else cells[0].lower()
        if key in seen:
            raise LexiconError(f"{name}:{number}: duplicate entry {cells[0]!r}")
        seen.add(key)
        rows.append(cells)
    return header, tuple(rows)


def _check_values(name: str, number: int, header: tuple[str, ...], cells: tuple[str, ...]) -> None:
    for column, allowed in SCHEMAS.get(name, {}).items():
        multi = column.endswith("*")
        index = header.index(column.rstrip("*")) if column.rstrip("*") in header else -1
        if index < 0:
            raise LexiconError(f"{name}: no column {column.rstrip('*')!r}")
        values = cells[index].split(",") if multi else [cells[index]]
        bad = [v for v in values if v not in allowed]
        if bad:
            raise LexiconError(f"{name}:{number}: {column.rstrip('*')} {bad[0]!r} is not one of {sorted(allowed)}")


_CASE_SENSITIVE = {"abbreviations.tsv", "surnames.tsv", "places.tsv", "units.tsv", "middle_names.tsv"}


def alternation(phrases: object) -> str:
    """A regex matching any of the phrases, spaces matching any white space, the longest phrase
    preferred: written as a trie ("ch(?:ủ\\s+(?:tịch|nhiệm)|ánh\\s+án)"), so the engine tries each
    character once instead of every phrase at every position.

    >>> alternation(["Bí thư", "Bí thư Chi bộ", "Chủ tịch"])
    'Bí\\\\s+thư(?:\\\\s+Chi\\\\s+bộ)?|Chủ\\\\s+tịch'
    """
    trie: dict[str, dict] = {}
    for phrase in sorted({str(p) for p in phrases}):  # type: ignore[attr-defined]
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, dict]) -> str:
    """The pattern of a trie node: its branches, optional when a phrase may end here."""
    branches = []
    for char, child in sorted(node.items()):
        if not char:
            continue
        head = r"\s+" if char == " " else regex.escape(char)
        rest = _trie_pattern(child)
        grouped = rest.startswith("(?:") and rest.endswith(")?") or "|" not in rest
        branches.append(head + (rest if grouped else f"(?:{rest})"))
    pattern = "|".join(branches)
    if "" in node and branches:
        return f"(?:{pattern})?"
    return pattern


@dataclass(frozen=True)
class Lexicons:
    abbreviations: Mapping[str, str]
    admin_levels: Mapping[str, tuple[str, str]]
    abbreviations_with_dot: frozenset[str]
    author_classes: Mapping[str, str]
    boilerplate: Mapping[str, str]
    boilerplate_classes: Mapping[str, str]
    caption_cues: tuple[str, ...]
    change_words: Mapping[str, str]
    comparators: Mapping[str, tuple[str, str]]
    counted_nouns: Mapping[str, str]
    event_cues: Mapping[str, str]
    figure_cues: Mapping[str, str]
    function_words: Mapping[str, str]
    grammar_words: Mapping[str, str]
    fused_roles: Mapping[str, str]
    honorifics: Mapping[str, str]
    layout_classes: Mapping[str, str]
    middle_names: Mapping[str, str]
    name_stops: Mapping[str, str]
    number_contexts: Mapping[str, tuple[str, ...]]
    org_stops: Mapping[str, str]
    organisations: Mapping[str, tuple[str, str]]
    periods: Mapping[str, str]
    personnel_verbs: Mapping[str, str]
    places: Mapping[str, str]
    portfolios: Mapping[str, str]
    role_prefixes: Mapping[str, str]
    self_named_bodies: Mapping[str, str]
    subject_fragments: Mapping[str, str]
    subject_words: Mapping[str, str]
    surnames: Mapping[str, str]
    title_cues: Mapping[str, str]
    time_tails: Mapping[str, str]
    titles: Mapping[str, str]
    unit_contexts: Mapping[str, tuple[str, str, frozenset[str]]]
    units: Mapping[str, tuple[str, str, float]]
    compound_units: Mapping[str, tuple[str, int]]  # larger unit -> (smaller unit, smaller per larger)

    def grammar(self, word_class: str) -> tuple[str, ...]:
        """The words of one class of grammar_words.tsv, in file order (for ``alternation``).

        >>> lexicons().grammar("passive")
        ('được', 'bị')
        """
        return _grammar_classes(self.grammar_words).get(word_class, ())


_CLASS_INDEXES: dict[int, tuple[Mapping[str, str], dict[str, tuple[str, ...]]]] = {}


def _grammar_classes(words: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    """The words of each class of a grammar_words mapping, in file order; built once per mapping
    (rules ask for classes while they read sentences, not only when they compile)."""
    known = _CLASS_INDEXES.get(id(words))
    if known is None or known[0] is not words:
        index: dict[str, list[str]] = {}
        for word, classes in words.items():
            for word_class in classes.split(","):
                index.setdefault(word_class, []).append(word)
        known = (words, {c: tuple(ws) for c, ws in index.items()})
        _CLASS_INDEXES[id(words)] = known
    return known[1]


def _column_map(name: str, value_col: int = 1) -> Mapping[str, str]:
    _, rows = read_table(name)
    return MappingProxyType({r[0]: r[value_col] for r in rows})


def _number_contexts(non_figure_rows: tuple[tuple[str, ...], ...]) -> Mapping[str, tuple[str, ...]]:
    """Phrases around a number (non_figure_contexts.tsv and time_contexts.tsv), by position."""
    groups: dict[str, list[str]] = {}
    for phrase, position in non_figure_rows + read_table("time_contexts.tsv")[1]:
        groups.setdefault(position, []).append(phrase)
    return MappingProxyType({k: tuple(v) for k, v in groups.items()})


@lru_cache(maxsize=1)
def lexicons() -> Lexicons:
    """All lexicons, loaded once and validated."""
    _, abbr_rows = read_table("abbreviations.tsv")
    _, comp_rows = read_table("comparators.tsv")
    _, nf_rows = read_table("non_figure_contexts.tsv")
    _, unit_rows = read_table("units.tsv")
    _, cue_rows = read_table("caption_cues.tsv")
    _, surname_rows = read_table("surnames.tsv")
    units: dict[str, tuple[str, str, float]] = {}
    for surface, kind, canonical, factor in unit_rows:
        units[surface] = (kind, canonical, float(factor))
    return Lexicons(
        abbreviations=MappingProxyType({r[0]: r[1] for r in abbr_rows}),
        admin_levels=MappingProxyType({r[0]: (r[1], r[2]) for r in read_table("admin_levels.tsv")[1]}),
        abbreviations_with_dot=frozenset(r[0].rstrip(".") for r in abbr_rows if r[2] == "dot"),
        author_classes=_column_map("author_classes.tsv"),
        boilerplate=_column_map("boilerplate.tsv"),
        boilerplate_classes=_column_map("boilerplate_classes.tsv"),
        caption_cues=tuple(r[0] for r in cue_rows),
        change_words=_column_map("change_words.tsv"),
        comparators=MappingProxyType({r[0]: (r[1], r[2]) for r in comp_rows}),
        counted_nouns=_column_map("counted_nouns.tsv"),
        event_cues=_column_map("event_cues.tsv"),
        figure_cues=_column_map("figure_cues.tsv"),
        function_words=_column_map("function_words.tsv"),
        grammar_words=_column_map("grammar_words.tsv"),
        fused_roles=_column_map("fused_roles.tsv"),
        honorifics=_column_map("honorifics.tsv"),
        layout_classes=_column_map("layout_classes.tsv"),
        middle_names=_column_map("middle_names.tsv"),
        name_stops=_column_map("name_stops.tsv"),
        number_contexts=_number_contexts(nf_rows),
        org_stops=_column_map("org_stops.tsv"),
        organisations=MappingProxyType({r[0]: (r[1], r[2]) for r in read_table("organisations.tsv")[1]}),
        periods=_column_map("periods.tsv"),
        personnel_verbs=_column_map("personnel_verbs.tsv"),
        places=_column_map("places.tsv"),
        portfolios=_column_map("portfolios.tsv"),
        role_prefixes=_column_map("role_prefixes.tsv"),
        self_named_bodies=_column_map("self_named_bodies.tsv"),
        subject_fragments=_column_map("subject_fragments.tsv"),
        subject_words=_column_map("subject_words.tsv"),
        surnames=MappingProxyType({r[0]: r[1] for r in surname_rows}),
        title_cues=_column_map("title_cues.tsv"),
        time_tails=_column_map("time_tails.tsv"),
        titles=_column_map("titles.tsv"),
        unit_contexts=MappingProxyType(
            {r[0]: (r[1], r[2], frozenset(r[3].split(",")) - {"-"}) for r in read_table("unit_contexts.tsv")[1]}
        ),
        units=MappingProxyType(units),
        compound_units=MappingProxyType({r[0]: (r[1], int(r[2])) for r in read_table("compound_units.tsv")[1]}),
    )
