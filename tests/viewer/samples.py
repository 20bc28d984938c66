"""Articles for the viewer tests: corpus pages and a hand-made article with every kind of overlap
(nested, crossing, identical spans), titles and event parts with spans, and hostile text."""

from __future__ import annotations

from pathlib import Path

from vnnews_extract import Article, Evidence, Person, PersonnelEvent, Position, Statistic
from vnnews_extract.records import Block, Part

ROOT = Path(__file__).resolve().parent.parent.parent
SEED_HTML = ROOT / "corpus" / "seed" / "chodon-wordpress.html"
CORPUS_ARTICLES = {  # the seed and three more: a page with events, a figures page, a text file
    "seed": SEED_HTML,
    "bachthong": ROOT / "corpus" / "pages" / "wp-newspaper-bachthong-trao-quyet-dinh.html",
    "quangninh": ROOT / "corpus" / "pages" / "dantri-quang-ninh-thu-ngan-sach.html",
    "nguyenbinh": ROOT / "corpus" / "personnel" / "pers-a13-nguyen-binh-bo-nhiem-nhieu-can-bo.txt",
}

HOSTILE_TITLE = 'Tin <script>window.__pwned=1</script> <img src=x onerror="window.__pwned=2"> nóng'
TEXT = (
    HOSTILE_TITLE + "\n"
    "Ngày 1/6, UBND tỉnh bổ nhiệm ông Nguyễn Văn An giữ chức Giám đốc Sở Y tế. "
    "Tỷ lệ tiêm chủng đạt 98,5% trở lên & \"ổn định\".\n"
    "Ông Nguyễn Văn An cho biết có 5 người </b>mắc bệnh."
)


def _at(text: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(text, start + 1)
    return start, start + len(text)


def evidence(text: str, rule: str, occurrence: int = 0) -> Evidence:
    start, end = _at(text, occurrence)
    line_start = TEXT.rfind("\n", 0, start) + 1
    line_end = TEXT.find("\n", end) % (len(TEXT) + 1)
    return Evidence(start=start, end=end, text=text, sentence=TEXT[line_start:line_end], sentence_start=line_start, rule=rule)


def part(text: str, rule: str, occurrence: int = 0) -> Part:
    start, end = _at(text, occurrence)
    return Part(start=start, end=end, text=text, rule=rule)


def _blocks() -> list[Block]:
    first = TEXT.index("\n")
    second = TEXT.index("\n", first + 1)
    return [Block(kind="title", start=0, end=first), Block(kind="paragraph", start=first + 1, end=second),
            Block(kind="caption", start=second + 1, end=len(TEXT))]


def _statistics() -> list[Statistic]:
    return [
        Statistic(kind="percent", value=98.5, unit="%", comparator="gte", subject="Tỷ lệ tiêm chủng",
                  evidence=evidence("98,5%", "statistics.percent.unit"),
                  parts={"number": part("98,5", "statistics.percent.unit"), "unit": part("%", "statistics.unit.lexicon"),
                         "subject": part("Tỷ lệ tiêm chủng", "statistics.subject.before"),
                         "comparator": part("trở lên", "statistics.comparator.after")}),
        # crosses the title's span and a sentence end: layered, not nested
        Statistic(kind="count", value=1, unit="tế", evidence=evidence("Y tế. Tỷ lệ", "test.crossing")),
        Statistic(kind="count", value=5, unit="người", subject="</script><script>window.__pwned=3</script>",
                  evidence=evidence("5 người </b>", "statistics.count.counted_noun")),
    ]


def hand_made_article() -> Article:
    """Every kind of record, spans nested, crossing and identical, and text that must stay text."""
    person = Person(name="Nguyễn Văn An", honorific="ông",
                    titles=[Position(role="Giám đốc", organization="Sở Y tế", organization_key="sở y tế",
                                     evidence=evidence("Giám đốc Sở Y tế", "personnel.title"))],
                    evidence=[evidence("Nguyễn Văn An", "personnel.name"), evidence("Nguyễn Văn An", "personnel.name", 1)])
    events = [
        PersonnelEvent(type="appointment", person="Nguyễn Văn An", role="Giám đốc", organization="Sở Y tế",
                       actor="UBND tỉnh", date="2024-06-01", evidence=evidence("bổ nhiệm", "personnel.appointment"),
                       parts={"verb": part("bổ nhiệm", "personnel.appointment"), "date": part("Ngày 1/6", "personnel.date"),
                              "actor": part("UBND tỉnh", "personnel.actor.subject"),
                              "person": part("Nguyễn Văn An", "personnel.person.object"),
                              "role": part("Giám đốc", "personnel.role.title"), "organization": part("Sở Y tế", "personnel.org.title")}),
        # the same verb read twice, as in the seed's caption: both must stay clickable
        PersonnelEvent(type="appointment", role="Giám đốc", organization="Sở Y tế",
                       evidence=evidence("bổ nhiệm", "personnel.appointment")),
    ]
    return Article(id="test:hand-made", url="javascript:window.__pwned=4", title=HOSTILE_TITLE, blocks=_blocks(),
                   text=TEXT, statistics=_statistics(), people=[person], events=events)


def expected_highlights(article: Article) -> dict[str, str]:
    """The viewer's contract: highlight id -> the evidence text it must show."""
    out = {f"s{i}": s.evidence.text for i, s in enumerate(article.statistics)}
    for i, person in enumerate(article.people):
        out |= {f"p{i}.m{j}": ev.text for j, ev in enumerate(person.evidence)}
        out |= {f"p{i}.t{j}": t.evidence.text for j, t in enumerate(person.titles) if t.evidence}
    out |= {f"e{i}": e.evidence.text for i, e in enumerate(article.events)}
    return out


def expected_parts(article: Article) -> dict[str, str]:
    out = {f"s{i}:{name}": p.text for i, s in enumerate(article.statistics) for name, p in s.parts.items()}
    out |= {f"e{i}:{name}": p.text for i, e in enumerate(article.events) for name, p in e.parts.items()}
    return out


def record_keys(article: Article) -> dict[str, str]:
    """Record key -> the highlight id a click on its table row goes to (records with a span)."""
    out = {f"s{i}": f"s{i}" for i in range(len(article.statistics))}
    for i, person in enumerate(article.people):
        if person.evidence:
            out[f"p{i}"] = f"p{i}.m0"
        out |= {f"p{i}.t{j}": f"p{i}.t{j}" for j, t in enumerate(person.titles) if t.evidence}
    out |= {f"e{i}": f"e{i}" for i in range(len(article.events))}
    return out
