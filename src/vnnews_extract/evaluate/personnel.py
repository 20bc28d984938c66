"""``vnnews-extract eval people|events CORPUS``: score people and personnel events.

The gold files are ``CORPUS/personnel/<slug>.gold.json`` next to ``<slug>.txt`` (or a folder
holding them directly); real-article gold (``corpus/real``) is scored by :mod:`.realgold`.

A person-title pair matches on the normalised name and role (a person with no title counts as
one pair with role null; abbreviations in a role are written out, "HLV" = "Huấn luyện viên"); an
event matches on type, person and role. Two roles also match when
they differ only by where the role ends and the body begins: "Trưởng" + "Công an huyện X" is
"Trưởng Công an" + "huyện X" (see :func:`same_role`). Organisation token-F1 is reported over the
matched pairs. Exit status 0 when the targets are met.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Union

from ..records import Person, PersonnelEvent
from ..text.normalize import normalize_line
from .gold import GoldEvent, GoldPerson, read_gold
from .metrics import PRF, token_prf

PersonLike = Union[Person, GoldPerson]
EventLike = Union[PersonnelEvent, GoldEvent]

TARGETS = {"people": 0.92, "events": 0.85}


@dataclass(frozen=True)
class Item:
    """One scored unit: a person-title pair (kind None) or an event (kind = its type)."""

    kind: str | None
    name: str | None
    role: str | None
    organization: str | None
    actor: str | None = field(default=None, compare=False)  # events: who decided (scored over matched events)
    date: str | None = field(default=None, compare=False)


def _n(value: object) -> str | None:
    return normalize_line(str(value)).strip().lower() if value else None


def _role(value: object) -> str | None:
    """A role compared with its abbreviations written out ("HLV" = "huấn luyện viên", "ĐBQH" = "đại
    biểu quốc hội"): annotators and articles write either."""
    if not value:
        return None
    from ..lexicons import lexicons

    words = normalize_line(str(value)).split()
    return " ".join(lexicons().abbreviations.get(w, w) for w in words).lower()


def people_items(people: Iterable[PersonLike]) -> list[Item]:
    """Person-title pairs (a person with no title is one pair with role None)."""
    out: list[Item] = []
    for p in people:
        name = _n(p.name)
        if not p.titles:
            out.append(Item(None, name, None, None))
        out.extend(Item(None, name, _role(t.role), _n(t.organization)) for t in p.titles)
    return out


def event_items(events: Iterable[EventLike]) -> list[Item]:
    """Events; the role without a leading "nguyên" (the post lost by a former official is written
    either way: "nguyên Chủ tịch" or "Chủ tịch")."""
    return [Item(e.type, _n(e.person), _event_role(e.role), _n(e.organization), _n(e.actor), e.date) for e in events]


def _event_role(value: object) -> str | None:
    role = _role(value)
    return role[len("nguyên ") :] if role and role.startswith("nguyên ") else role


def same_role(a: Item, b: Item) -> bool:
    """Equal roles, or roles that differ by a body word moved between role and organisation."""
    if a.role == b.role:
        return True
    if not a.role or not b.role:
        return False
    short, long = (a, b) if len(a.role) < len(b.role) else (b, a)
    assert short.role is not None and long.role is not None
    if not long.role.startswith(short.role + " "):
        return False
    moved = long.role[len(short.role) + 1 :].split()
    body = (short.organization or "").split()
    return all(word in body for word in moved)  # "Bộ trưởng Quốc phòng" + "Hàn Quốc" = "Bộ trưởng" + "Bộ Quốc phòng"


def same_item(pred: Item, gold: Item) -> bool:
    return pred.kind == gold.kind and pred.name == gold.name and same_role(pred, gold)


def score(predicted: list[Item], gold: list[Item], match: Callable[[Item, Item], bool] = same_item) -> tuple[PRF, PRF, list[tuple[Item, Item]]]:
    """Match predicted items to gold (each used once): (PRF, organisation token PRF, matched pairs)."""
    left = list(gold)
    pairs: list[tuple[Item, Item]] = []
    org = PRF(0, 0, 0)
    for item in predicted:
        candidates = [i for i, g in enumerate(left) if match(item, g)]
        if not candidates:
            continue
        best = max(candidates, key=lambda i: (left[i].role == item.role, token_prf(item.organization, left[i].organization).f1))
        g = left.pop(best)
        org = org + _org_prf(item.organization, g.organization)
        pairs.append((item, g))
    tp = len(pairs)
    return PRF(tp, len(predicted) - tp, len(gold) - tp), org, pairs


def actor_prf(matched: list[tuple[Item, Item]]) -> PRF:
    """Actor token-F1 over matched events (an actor both leave empty counts as one agreed token)."""
    total = PRF(0, 0, 0)
    for pred, gold in matched:
        total = total + _org_prf(pred.actor, gold.actor)
    return total


def date_agreement(matched: list[tuple[Item, Item]]) -> tuple[int, int]:
    """(matched events whose date equals the gold's, matched events with a date on either side)."""
    dated = [(p.date, g.date) for p, g in matched if p.date or g.date]
    return sum(1 for p, g in dated if p == g), len(dated)


def _org_prf(predicted: str | None, gold: str | None) -> PRF:
    if not predicted and not gold:
        return PRF(1, 0, 0)
    return token_prf(predicted, gold)


def name_prf(predicted: Iterable[PersonLike], gold: Iterable[PersonLike]) -> PRF:
    """Person names as a set per article."""
    p = {_n(x.name) for x in predicted}
    g = {_n(x.name) for x in gold}
    return PRF(len(p & g), len(p - g), len(g - p))


def gold_files(corpus: Path) -> list[Path]:
    folder = corpus / "personnel" if (corpus / "personnel").is_dir() else corpus
    return sorted(folder.glob("*.gold.json"))


def article_scores(gold_path: Path, what: str) -> tuple[PRF, PRF]:
    from .. import extract

    text_path = gold_path.with_name(gold_path.name[: -len(".gold.json")] + ".txt")
    article = extract(text_path.read_text(encoding="utf-8"))
    gold = read_gold(gold_path)
    if what == "people":
        prf, org, _ = score(people_items(article.people), people_items(gold.people))
    else:
        prf, org, _ = score(event_items(article.events), event_items(gold.events))
    return prf, org


def evaluate_personnel(corpus: Path, what: str, quiet: bool = False) -> int:
    """Print per-article and overall scores; 0 when the F1 target for ``what`` is met."""
    if what not in TARGETS:
        raise ValueError(f"unknown record type {what!r}")
    from .realgold import is_real_gold, evaluate_real

    if is_real_gold(corpus):
        return evaluate_real(corpus, what, quiet=quiet)
    files = gold_files(corpus)
    if not files:
        print(f"no personnel gold files under {corpus}")
        return 2
    total, org_total = PRF(0, 0, 0), PRF(0, 0, 0)
    for path in files:
        prf, org = article_scores(path, what)
        total, org_total = total + prf, org_total + org
        if not quiet:
            print(prf.line(path.name[: -len(".gold.json")]))
    print(total.line(f"{what} overall"))
    print(org_total.line(f"{what} organisation tokens (matched pairs)"))
    met = total.f1 >= TARGETS[what]
    print(f"target F1 >= {TARGETS[what]:.2f}: {'met' if met else 'NOT met'}")
    return 0 if met else 1
