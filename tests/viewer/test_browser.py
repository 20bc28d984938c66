"""The viewer in a real browser: headless Chromium (Debian's package) driven by Playwright.

Pages are written by ``vnnews-extract show`` for the seed and three more corpus articles, and by
``render`` for a hand-made article with crossing and identical spans and hostile text. Checked:
each highlight's text (the text of every element carrying its id, in document order) equals its
record's evidence; each part likewise; every highlight is painted; clicking a table row scrolls
its span into the free part of the window, flashes it and shows the record; clicking a highlight
shows every record covering it; nothing in the article's text runs. Screenshots (desktop full
page, after a click, phone) are saved under the test's tmp dir, named ``<article>-*.png``.

Skipped, with the reason, when the ``playwright`` package (extra ``browser``) or Chromium is
absent. ``VNNEWS_CHROMIUM`` names another Chromium binary.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from vnnews_extract import Article, extract, render
from vnnews_extract.batch.cli import main
from vnnews_extract.viewer.details import number

from .samples import CORPUS_ARTICLES, expected_highlights, expected_parts, hand_made_article, record_keys

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]
ARTICLES = [*CORPUS_ARTICLES, "hand-made"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

_JOINED = """attr => {
  const out = {};
  document.querySelectorAll('#text [' + attr + ']').forEach(node => {
    node.getAttribute(attr).split(' ').forEach(id => { out[id] = (out[id] || '') + node.textContent; });
  });
  return out;
}"""
_UNPAINTED = """() => Array.from(document.querySelectorAll('#text .h'))
  .filter(node => node.getClientRects().length && getComputedStyle(node).backgroundColor === 'rgba(0, 0, 0, 0)')
  .map(node => node.getAttribute('data-h'))"""
# Where the first element of a highlight is: in the window, above the panel when they overlap,
# the topmost element at its centre, flashing, selected.
_PLACE = """hid => {
  const node = document.querySelector('#text [data-h~="' + hid + '"]');
  const box = node.getClientRects()[0];
  const panel = document.getElementById('panel').getBoundingClientRect();
  const x = box.left + Math.min(box.width / 2, 4), y = box.top + box.height / 2;
  const hit = document.elementFromPoint(x, y);
  return {top: box.top, bottom: box.bottom, height: innerHeight, panelTop: panel.top,
          panelLeft: panel.left, left: box.left, right: box.right, visible: node === hit || node.contains(hit),
          flash: node.classList.contains('flash'), sel: node.classList.contains('sel')};
}"""
_PANEL = "() => Array.from(document.querySelectorAll('#panel [data-rec]')).map(n => n.getAttribute('data-rec'))"


def _chromium() -> str | None:
    return os.environ.get("VNNEWS_CHROMIUM") or next(
        (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="browser tests need the 'playwright' package: pip install -e '.[browser]'")
    executable = _chromium()
    if executable is None:
        pytest.skip("browser tests need Chromium: apt-get install chromium (or set VNNEWS_CHROMIUM)")
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=executable, headless=True,
            args=CHROMIUM_FLAGS, viewport=DESKTOP, offline=True)
        yield context
        context.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Article, Path]]:
    """Each article and its page: corpus pages through the CLI, the hand-made one through render."""
    folder = tmp_path_factory.mktemp("pages")
    out: dict[str, tuple[Article, Path]] = {}
    for name, source in CORPUS_ARTICLES.items():
        assert main(["show", str(source), "-o", str(folder / f"{name}.html")]) == 0
        out[name] = (extract(source.read_bytes()), folder / f"{name}.html")
    (folder / "hand-made.html").write_text(render(hand_made_article()), encoding="utf-8")
    out["hand-made"] = (hand_made_article(), folder / "hand-made.html")
    return out


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    tab = browser.new_page()
    tab.set_viewport_size(DESKTOP)
    tab.problems = []  # type: ignore[attr-defined]
    tab.on("pageerror", lambda exc: tab.problems.append(f"error: {exc}"))
    tab.on("console", lambda msg: msg.type == "error" and tab.problems.append(f"console: {msg.text}"))
    tab.on("dialog", lambda dialog: (tab.problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    yield tab
    tab.close()


def _open(page: Any, path: Path) -> None:
    page.goto(path.as_uri())
    page.wait_for_function("() => window.vnnewsViewer !== undefined")


@pytest.mark.parametrize("name", ARTICLES)
def test_every_highlight_shows_its_evidence_and_is_painted(name: str, page: Any, pages: dict, tmp_path: Path) -> None:
    article, path = pages[name]
    _open(page, path)
    assert page.evaluate(_JOINED, "data-h") == expected_highlights(article)
    assert page.evaluate(_JOINED, "data-p") == expected_parts(article)
    assert page.evaluate("() => document.getElementById('text').textContent") == article.text
    assert page.evaluate(_UNPAINTED) == []
    page.screenshot(path=str(tmp_path / f"{name}-desktop.png"), full_page=True)
    assert page.problems == []


@pytest.mark.parametrize("name", ARTICLES)
def test_clicking_a_row_scrolls_to_its_span_flashes_it_and_shows_the_record(
        name: str, page: Any, pages: dict, tmp_path: Path) -> None:
    article, path = pages[name]
    _open(page, path)
    for key, hid in record_keys(article).items():
        page.locator(f'#tables tr[data-rec="{key}"] a.go').first.click()
        place = page.evaluate(_PLACE, hid)
        assert 0 <= place["top"] and place["bottom"] <= place["height"], (key, place)
        assert place["visible"] and place["flash"] and place["sel"], (key, place)
        assert page.evaluate(_PANEL) == [key]
        assert _summary(article, key) <= set(page.inner_text("#panel").split("\n")), key
    page.screenshot(path=str(tmp_path / f"{name}-after-click.png"))
    assert page.problems == []


def _summary(article: Article, key: str) -> set[str]:
    """Lines the panel must show for a record: its main values, as written by the extractor."""
    index = int(key[1:].split(".")[0])
    if key.startswith("s"):
        stat = article.statistics[index]
        return {number(stat.value), stat.unit, stat.kind}
    if key.startswith("e"):
        event = article.events[index]
        return {event.type} | {x for x in (event.role, event.organization, event.actor) if x}
    person = article.people[index]
    if ".t" in key:
        title = person.titles[int(key.split(".t")[1])]
        return {title.role, person.name} | ({title.organization} if title.organization else set())
    return {person.name}


@pytest.mark.parametrize("name", ARTICLES)
def test_clicking_a_highlight_shows_every_record_under_it(name: str, page: Any, pages: dict) -> None:
    article, path = pages[name]
    _open(page, path)
    for hid in expected_highlights(article):
        node = page.locator(f'#text [data-h~="{hid}"]').first
        node.scroll_into_view_if_needed()
        box = page.evaluate("hid => { const r = document.querySelector('#text [data-h~=\"' + hid + '\"]')"
                            ".getClientRects()[0]; return [r.left + Math.min(r.width / 2, 4), r.top + r.height / 2]; }", hid)
        page.mouse.click(*box)
        owner = hid.split(".m")[0]
        assert owner in page.evaluate(_PANEL), hid
    assert page.problems == []


def test_the_seed_shows_its_13_figures_its_official_and_both_caption_appointments(page: Any, pages: dict, tmp_path: Path) -> None:
    article, path = pages["seed"]
    _open(page, path)
    shown = page.evaluate(_JOINED, "data-h")
    assert [shown[f"s{i}"] for i in range(13)] == [s.evidence.text for s in article.statistics]
    assert shown["p0.m0"] == "Triệu Huy Chung"
    in_caption = page.evaluate("() => Array.from(document.querySelectorAll('.b-caption [data-h]')).map(n => n.dataset.h)")
    assert "e0 e1" in in_caption and "p0.m0" in in_caption
    page.locator('.b-caption [data-h="e0 e1"]').first.click()  # the appointments' evidence spans verb, role and body
    assert page.evaluate(_PANEL) == ["e0", "e1"]  # the same verb read twice: both records shown
    page.screenshot(path=str(tmp_path / "seed-caption-click.png"))
    for key in ("e0", "e1"):
        page.locator(f'#tables tr[data-rec="{key}"] a.go').click()
        assert page.evaluate(_PANEL) == [key]


@pytest.mark.parametrize("name", ["seed", "hand-made"])
def test_on_a_phone_the_panel_leaves_the_span_in_view(name: str, page: Any, pages: dict, tmp_path: Path) -> None:
    article, path = pages[name]
    page.set_viewport_size(PHONE)
    _open(page, path)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=str(tmp_path / f"{name}-phone.png"))
    for key, hid in record_keys(article).items():
        page.locator(f'#tables tr[data-rec="{key}"] a.go').first.click()
        place = page.evaluate(_PLACE, hid)
        assert 0 <= place["top"] and place["bottom"] <= place["panelTop"], (key, place)
    page.screenshot(path=str(tmp_path / f"{name}-phone-after-click.png"))


def test_the_articles_text_never_runs(page: Any, pages: dict) -> None:
    _, path = pages["hand-made"]
    _open(page, path)
    page.locator('#tables tr[data-rec="s2"] a.go').click()
    assert page.evaluate("() => window.__pwned") is None
    assert "<script>window.__pwned=1</script>" in page.inner_text("h1.b-title")
    assert "</script><script>window.__pwned=3</script>" in page.inner_text("#panel")
    assert page.problems == []


def test_the_index_links_to_the_pages_and_back(page: Any, tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for name in ("seed", "bachthong"):
        shutil.copy(CORPUS_ARTICLES[name], src / f"{name}.html")
    out = tmp_path / "out.jsonl"
    assert main(["run", str(src), "-o", str(out), "-w", "1", "-q"]) == 0
    assert main(["show", str(out), "-o", str(tmp_path / "view")]) == 0
    _open_index = (tmp_path / "view" / "index.html").as_uri()
    page.goto(_open_index)
    page.screenshot(path=str(tmp_path / "index.png"))
    page.locator("a.go").first.click()
    page.wait_for_function("() => window.vnnewsViewer !== undefined")
    page.locator("a.back").click()
    assert page.url == _open_index
    assert page.problems == []
