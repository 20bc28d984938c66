"""Every rule is a unit: its name is written once in the source, at its declaration, so grep of
a name found in any output lands there; no name is assembled from pieces."""

from __future__ import annotations

from pathlib import Path

import regex

from vnnews_extract.extract.rules import registry

ROOT = Path(__file__).resolve().parents[2]
RULES = registry()


def test_each_rule_name_is_written_once_in_the_source_at_its_declaration() -> None:
    """grep of a rule name found in any output lands on exactly one line: its declaration."""
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "src" / "vnnews_extract").rglob("*.py"))
    for name in RULES:
        places = regex.findall(r'["\']' + regex.escape(name) + r'["\']', source)
        declared = regex.findall(r'declare\(\s*["\']' + regex.escape(name) + r'["\']', source)
        assert (len(places), len(declared)) == (1, 1), name


def test_rule_names_are_not_built_from_pieces() -> None:
    """No f-string or concatenation makes a rule name: every name given to a record is declared."""
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "src" / "vnnews_extract").rglob("*.py"))
    assert regex.findall(r'f["\'](?:statistics|people|personnel)\.', source) == []
