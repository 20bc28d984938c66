"""Every docstring example of the package runs: the doctests of each module, wherever the package
is installed from (an editable checkout or site-packages)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import vnnews_extract

MODULES = sorted(m.name for m in pkgutil.walk_packages(vnnews_extract.__path__, "vnnews_extract.") if not m.name.endswith("__main__"))


def test_the_package_has_doctests_to_run() -> None:
    with_examples = [name for name in MODULES if doctest.DocTestFinder().find(importlib.import_module(name))
                     and any(t.examples for t in doctest.DocTestFinder().find(importlib.import_module(name)))]
    assert len(with_examples) >= 15


@pytest.mark.parametrize("name", MODULES)
def test_module_doctests_pass(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"
