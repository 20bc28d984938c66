"""Vocabulary lives in the lexicons (``data/lexicons/*.tsv``), not in the code.

Every regex the package compiles is read, and a Vietnamese word spelled in its pattern is an
error: the word belongs in a lexicon, read through ``lexicons()`` (``grammar_words.tsv`` holds
the grammar words by class). Orthography is not vocabulary: the legacy-encoding syllable shape
and the tone-mark placement rule spell letters, not words.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import regex

import vnnews_extract

PACKAGE = Path(vnnews_extract.__file__).parent
ORTHOGRAPHY = {"clean/legacy.py", "text/normalize.py"}
# a word holding a letter only Vietnamese writes (a vowel with a tone or a breve/horn/circumflex, or đ);
# a single letter in a character class ("[A-ZĐ]") is orthography, not a word
_VIETNAMESE = "àáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ"
_VIETNAMESE_WORD = regex.compile(rf"(?i)\p{{L}}*[{_VIETNAMESE}]\p{{L}}*")
_CHARACTER_CLASS = regex.compile(r"\[(?:\\.|[^\]])*\]")


def _spells_a_word(literal: str) -> bool:
    return any(len(m.group(0)) >= 2 for m in _VIETNAMESE_WORD.finditer(_CHARACTER_CLASS.sub(" ", literal)))
_MODULES = sorted(p for p in PACKAGE.rglob("*.py") if p.relative_to(PACKAGE).as_posix() not in ORTHOGRAPHY)


def _literal_parts(node: ast.AST) -> list[str]:
    """The string literals of a pattern argument: constants and the literal parts of f-strings
    (the code inside an f-string's braces, e.g. ``alternation(lexicons().titles)``, is not a literal)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return [v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)]
    if isinstance(node, ast.BinOp):
        return _literal_parts(node.left) + _literal_parts(node.right)
    return []


_MODULE_FUNCTIONS = {"search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"}


def _is_pattern_call(func: ast.expr) -> bool:
    """``x.compile(pattern)``, ``rx(pattern)`` (the statistics extractor's cached compile), or
    ``regex.search(pattern, …)`` and the other module functions."""
    if isinstance(func, ast.Name):
        return func.id == "rx"
    if not isinstance(func, ast.Attribute):
        return False
    module = isinstance(func.value, ast.Name) and func.value.id in ("regex", "re")
    return func.attr == "compile" or (module and func.attr in _MODULE_FUNCTIONS)


def _compiled_patterns(path: Path) -> list[tuple[int, str]]:
    """(line, literal text) of the pattern of every compiled or module-level regex call."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and _is_pattern_call(node.func) and node.args:
            out.append((node.lineno, "".join(_literal_parts(node.args[0]))))
    return out


@pytest.mark.parametrize("path", _MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_no_vietnamese_word_in_a_compiled_pattern(path: Path) -> None:
    spelled = [f"line {line}: {segment[:120]!r}" for line, segment in _compiled_patterns(path) if _spells_a_word(segment)]
    assert spelled == [], "Vietnamese words in regex literals (move them to a lexicon):\n" + "\n".join(spelled)


def test_the_check_sees_a_spelled_word(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text(
        'import regex\nP = regex.compile(r"(?:được|bị)\\s+")\nQ = regex.compile(r"\\s*,\\s*")\n'
        'R = regex.compile(rf"{alternation(x for x in \'đã\')}\\s+" + "và")\nS = regex.compile(rf"{alternation(y)}\\s+")\n'
        'T = regex.search(r"\\svà\\s", text)\nU = text.split("và")\nV = rx(r"từ\\s*$")\n',
        encoding="utf-8",
    )
    found = [line for line, segment in _compiled_patterns(module) if _spells_a_word(segment)]
    assert found == [2, 4, 6, 8]


def test_orthography_modules_exist() -> None:
    assert all((PACKAGE / name).is_file() for name in ORTHOGRAPHY)
