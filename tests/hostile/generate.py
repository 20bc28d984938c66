"""The hostile corpus: broken, huge, mis-encoded and adversarial inputs, made deterministically.

Small files (under 100 KB) are committed in ``tests/hostile/files/``; big ones (a 50 MB page, a
gzip bomb, 100,000 links, a 1 MB paragraph...) are written at test time into a temporary folder.

    python tests/hostile/generate.py            # rewrite the committed small files
    python tests/hostile/generate.py --big DIR  # write the big files into DIR
"""

from __future__ import annotations

import argparse
import gzip
import random
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
FILES = HERE / "files"

TITLE = "Bắc Kạn bổ nhiệm Giám đốc Sở Y tế"
PARAGRAPHS = (
    "Ngày 15/3, UBND tỉnh Bắc Kạn tổ chức hội nghị công bố quyết định bổ nhiệm ông Nguyễn Văn Chương, "
    "Phó Giám đốc Sở Y tế, giữ chức Giám đốc Sở Y tế tỉnh Bắc Kạn.",
    "Đến nay, tỷ lệ hộ dân được sử dụng nước sạch đạt 98,5%, tăng 12% so với năm 2020; toàn tỉnh có "
    "1.126 cán bộ y tế cơ sở, trong đó 102 người có trình độ đại học trở lên.",
    "Phát biểu tại hội nghị, đồng chí Triệu Huy Chung, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh đề nghị "
    "tân Giám đốc Sở phát huy tinh thần đoàn kết, tiếp tục nâng cao chất lượng khám chữa bệnh cho người dân.",
    "Tổng kinh phí đầu tư cho các trạm y tế xã trong giai đoạn từ năm 2016 đến năm 2020 là 1,5 tỷ đồng, "
    "giúp 3/5 xã vùng cao đạt chuẩn quốc gia về y tế.",
)
AUTHOR = "Minh Anh"


def text_article() -> str:
    return "\n".join((TITLE, *PARAGRAPHS, AUTHOR)) + "\n"


def html_article(charset: str = "utf-8", body_extra: str = "", head_extra: str = "", article_extra: str = "") -> str:
    paras = "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + article_extra
    return (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{TITLE}</title>{head_extra}</head>'
        f'<body><article><h1>{TITLE}</h1>{paras}<p class="author">{AUTHOR}</p></article>{body_extra}</body></html>\n'
    )


# ---------------------------------------------------------------- legacy encodings


def _tcvn3_table() -> dict[str, int]:
    from vnnews_extract.clean.legacy import tables

    return {letter: code for code, letter in tables()[0].items()}


def _vni_table() -> dict[str, bytes]:
    from vnnews_extract.clean.legacy import tables

    return {letter: seq.encode("latin-1") for seq, letter in tables()[1].items()}


def to_tcvn3(text: str) -> bytes:
    """Encode Unicode Vietnamese the way a TCVN3 (.VnTime) document stores it (capitals with tones lose case)."""
    table = _tcvn3_table()
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        if char in table:
            out.append(table[char])
        elif char.lower() in table:
            out.append(table[char.lower()])
        else:
            out += char.encode("latin-1")
    return bytes(out)


def to_vni(text: str) -> bytes:
    """Encode Unicode Vietnamese the way a VNI-Times document stores it."""
    table = _vni_table()
    return b"".join(table.get(c) or c.encode("latin-1") for c in unicodedata.normalize("NFC", text))


def to_cp1258(text: str) -> bytes:
    """windows-1258 keeps some letters precomposed (â ê ô ă ơ ư đ) and tone marks as combining bytes."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", char)
        tones = "".join(m for m in marks if m in "\u0300\u0301\u0303\u0309\u0323")
        head = unicodedata.normalize("NFC", base + "".join(m for m in marks if m not in tones))
        out += head.encode("cp1258") + tones.encode("cp1258")
    return bytes(out)


# ---------------------------------------------------------------- small files (committed)


def _junk(seed: int, size: int) -> bytes:
    return random.Random(seed).randbytes(size)


def _invalid_utf8() -> bytes:
    data = html_article().encode("utf-8")
    cut = data.index("Đến nay".encode())
    return data[:cut] + b"\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x28\x8c\xbc\xff\xfe" + data[cut:]


def _control_chars() -> str:
    noise = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u202e\u202d\u0007\u001b[31m\u00a0\u2028\u2029\ud7ff\U0010fffd"
    words = text_article().split(" ")
    return "".join(w + noise[i % len(noise)] + " " for i, w in enumerate(words))


def _decomposed() -> str:
    return unicodedata.normalize("NFD", text_article().replace("hòa", "hoà").replace("ủy", "uỷ"))


def _tag_soup() -> str:
    return (
        "<html><body><div><p>" + PARAGRAPHS[0] + "<b><i>" + PARAGRAPHS[1] + "</b></i><table><tr><td>"
        + PARAGRAPHS[2] + "<p><li><ul>" + PARAGRAPHS[3] + "</div></div></div></span><p<p><<>>&&&;&#;</tr>"
        "<a href='x'<b>chưa đóng"
    )


def _entities() -> str:
    ents = "&#0; &#xD800; &#x110000; &#xFFFFFFFF; &#99999999999; &bogus; &amp &lt;script&gt; &#x202E; &nbsp;&#8203;"
    return html_article(body_extra=f"<p>{ents} {PARAGRAPHS[1]}</p>")


def _side_effects() -> str:
    head = (
        '<meta http-equiv="refresh" content="0; url=http://127.0.0.1:9/refresh">'
        '<link rel="stylesheet" href="http://127.0.0.1:9/style.css"><base href="http://127.0.0.1:9/">'
        '<script src="http://127.0.0.1:9/evil.js"></script>'
        "<script>while(true){}; import('http://127.0.0.1:9/x.js')</script>"
    )
    body = (
        '<img src="http://127.0.0.1:9/pixel.gif" onerror="fetch(\'http://127.0.0.1:9/\')">'
        '<iframe src="http://127.0.0.1:9/frame"></iframe><object data="file:///etc/passwd"></object>'
        '<svg><image href="http://127.0.0.1:9/i.svg"/></svg>'
    )
    template = "<p>Biểu thức {{7*7}} và ${7*7} cùng <%= 7*7 %> hay __import__('os') chỉ là chữ trong bài, không được tính.</p>"
    return html_article(head_extra=head, body_extra=body, article_extra=template)


def _json_ld_deep() -> str:
    deep = "[" * 50_000 + "]" * 50_000
    return html_article(head_extra=f'<script type="application/ld+json">{deep}</script>')


def _nested(depth: int) -> str:
    return "<html><body>" + "<div>" * depth + PARAGRAPHS[0] + "</div>" * depth + "".join(
        f"<p>{p}</p>" for p in PARAGRAPHS[1:]) + "</body></html>"


def _nested_unclosed(depth: int) -> str:
    return "<html><body>" + "<div><span><b>" * depth + PARAGRAPHS[0]


SMALL: dict[str, Callable[[], bytes | str]] = {
    "empty.html": lambda: b"",
    "whitespace-only.txt": lambda: " \n\t\r\n \u00a0 \n",
    "bom-only.txt": lambda: b"\xef\xbb\xbf",
    "binary-junk.html": lambda: _junk(7, 4096),
    "binary-junk-no-nul.txt": lambda: bytes(b for b in _junk(8, 8192) if b),
    "png-header.html": lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + _junk(9, 2000),
    "nul-bytes.txt": lambda: text_article().encode().replace(b" ", b"\x00", 5),
    "invalid-utf8.html": _invalid_utf8,
    "utf16le-bom.html": lambda: b"\xff\xfe" + html_article("utf-16").encode("utf-16-le"),
    "utf16be-bom.txt": lambda: b"\xfe\xff" + text_article().encode("utf-16-be"),
    "windows-1258.html": lambda: to_cp1258(html_article("windows-1258")),
    "charset-latin1-but-utf8.html": lambda: html_article("iso-8859-1").encode("utf-8"),
    "charset-utf8-but-cp1258.html": lambda: to_cp1258(html_article("utf-8")),
    "tcvn3.txt": lambda: to_tcvn3(text_article()),
    "tcvn3.html": lambda: to_tcvn3(html_article("windows-1252")),
    "vni.txt": lambda: to_vni(text_article()),
    "vni.html": lambda: to_vni(html_article("iso-8859-1")),
    "mojibake-utf8-read-as-cp1252.txt": lambda: text_article().encode("utf-8").decode("cp1252", "replace").encode("utf-8"),
    "decomposed-nfd.txt": _decomposed,
    "control-and-zero-width.txt": _control_chars,
    "unclosed-comment.html": lambda: html_article().replace("<article>", "<article><!-- " + PARAGRAPHS[0], 1)
    .removesuffix("</body></html>\n"),
    "unclosed-script.html": lambda: html_article().replace("<article>", "<script>var a = '<p>" + PARAGRAPHS[0], 1)
    .removesuffix("</body></html>\n"),
    "unclosed-cdata-style.html": lambda: "<html><head><style>/* " + PARAGRAPHS[0] + "<![CDATA[ <p>x</p>",
    "tag-soup.html": _tag_soup,
    "bad-entities.html": _entities,
    "only-markup.html": lambda: "<html><head><title></title></head><body>" + "<div><br/></div>" * 500 + "</body></html>",
    "side-effect-urls.html": _side_effects,
    "json-ld-50000-deep.html": _json_ld_deep,
    "nested-10000.html": lambda: _nested(10_000),
    "nested-unclosed-10000.html": lambda: _nested_unclosed(10_000),
}


# ---------------------------------------------------------------- big files (generated at test time)


def _write_page_50mb(path: Path) -> None:
    para = f"<p>{PARAGRAPHS[1]}</p>\n".encode()
    with path.open("wb") as out:
        out.write(b"<html><body><article>")
        for _ in range(50 * 1024 * 1024 // len(para) + 1):
            out.write(para)
        out.write(b"</article></body></html>")


def _write_gzip_bomb(path: Path) -> None:
    """About 200 KB on disk, 200 MB once decompressed."""
    chunk = b"<p>" + b"a" * (1 << 20) + b"</p>"
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as out:
        out.write(b"<html><body>")
        for _ in range(200):
            out.write(chunk)


def _links(count: int) -> str:
    return "<html><body><ul>" + "".join(f'<li><a href="/tin/{i}.html">Tin số {i}</a></li>' for i in range(count)) + "</ul></body></html>"


def _long_paragraph(chars: int) -> str:
    sentence = "Tỉnh có 1.126 cán bộ tăng 98,5% so với năm 2020 và ông Nguyễn Văn An được bổ nhiệm làm Giám đốc Sở "
    return (sentence * (chars // len(sentence) + 1))[:chars]


def _numbers(count: int) -> str:
    rng = random.Random(11)
    parts = []
    for i in range(count):
        value = rng.randrange(10**9)
        parts.append(rng.choice([f"{value:,}".replace(",", "."), f"{value % 1000},{i % 100}%", f"{value % 100} tỷ đồng",
                                 f"{i}/{value % 97 + 1}", f"{value % 10000} km2", f"{value}"]))
    return TITLE + "\n" + " ".join(parts) + "\n"


def _no_punctuation(words: int) -> str:
    vocabulary = (
        "ông bà Nguyễn Văn An Chủ tịch UBND tỉnh bổ nhiệm giữ chức Giám đốc Sở Y tế tăng giảm 98,5% 1.126 cán bộ "
        "năm 2020 từ đến trở lên khoảng Phó Bí thư Đảng ủy miễn nhiệm điều động luân chuyển bầu"
    ).split()
    rng = random.Random(13)
    return TITLE + "\n" + " ".join(rng.choice(vocabulary) for _ in range(words)) + "\n"


BIG: dict[str, Callable[[Path], None]] = {
    "page-50mb.html": _write_page_50mb,
    "gzip-bomb.html.gz": _write_gzip_bomb,
    "links-100000.html": lambda p: p.write_text(_links(100_000), encoding="utf-8"),
    "paragraph-1mb.html": lambda p: p.write_text(f"<html><body><h1>{TITLE}</h1><p>{_long_paragraph(1_000_000)}</p></body></html>", encoding="utf-8"),
    "paragraph-1mb.txt": lambda p: p.write_text(TITLE + "\n" + _long_paragraph(1_000_000) + "\n", encoding="utf-8"),
    "numbers-10000.txt": lambda p: p.write_text(_numbers(10_000), encoding="utf-8"),
    "no-punctuation-100000-words.txt": lambda p: p.write_text(_no_punctuation(100_000), encoding="utf-8"),
    "dots-200000.txt": lambda p: p.write_text(TITLE + "\nXin chào" + "." * 200_000 + "\n", encoding="utf-8"),
    "nested-100000.html": lambda p: p.write_text(_nested(100_000), encoding="utf-8"),
    "long-attribute-5mb.html": lambda p: p.write_text(html_article(body_extra=f'<div class="{"x " * 2_500_000}">y</div>'), encoding="utf-8"),
    "many-short-paragraphs.html": lambda p: p.write_text(
        "<html><body>" + "".join(f"<p>{PARAGRAPHS[i % 4]}</p>" for i in range(20_000)) + "</body></html>", encoding="utf-8"),
}


def write_small(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, make in SMALL.items():
        data = make()
        path = folder / name
        path.write_bytes(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
        paths.append(path)
    return paths


def write_big(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, write in BIG.items():
        path = folder / name
        write(path)
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--big", metavar="DIR", help="write the big files into DIR instead")
    args = parser.parse_args(argv)
    if args.big:
        write_big(Path(args.big))
    else:
        write_small(FILES)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent.parent / "src"))
    sys.exit(main())

__all__ = ["BIG", "SMALL", "to_cp1258", "to_tcvn3", "to_vni", "write_big", "write_small"]
