"""What ``vnnews-extract --help`` says: what the tool does, every command in one line with an
example, and the exit statuses; each command's own ``--help`` starts with its line and example."""

from __future__ import annotations

import argparse
from typing import Any

from .. import __version__

PROG = "vnnews-extract"
COMMANDS = {  # name: (what it does, in one line; an example)
    "run": ("extract every input under the given paths: pages, texts, JSONL, WARC, stdin",
            "vnnews-extract run corpus/ -o out.jsonl --workers 2"),
    "schema": ("print the JSON Schema of a line of run's output (--article: of an Article)",
               "vnnews-extract schema > output.schema.json"),
    "eval": ("score the extractors against the gold files of a corpus",
             "vnnews-extract eval statistics corpus/"),
    "people": ("merge the people of a run's JSONL output into career timelines (CSV, plot)",
               "vnnews-extract people out.jsonl -o people.csv --plot people.png"),
    "show": ("evidence viewer: the records highlighted on the article's text, in HTML",
             "vnnews-extract show corpus/seed/chodon-wordpress.html -o seed.html"),
}
ABOUT = """\
Vietnamese news articles -> statistics, officials and personnel events, each with its evidence
(where in the article's text it was read, the sentence, and the rule that fired)."""
EPILOG = """\
'vnnews-extract COMMAND --help' lists a command's options.

exit status:
  0  done (also when the reader of the output stops early, as '| head -1' does)
  1  some inputs failed: each has an error record in the output
  2  bad usage: nothing was written
  3  the run failed or was stopped (disk full, Ctrl-C, SIGTERM): rerun with --resume to go on"""


def top_parser() -> argparse.ArgumentParser:
    """The parser of ``vnnews-extract`` itself, with ``--version``; commands are added to it."""
    parser = argparse.ArgumentParser(prog=PROG, usage=f"{PROG} [-h] [--version] COMMAND [options]",
                                     epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}",
                        help="print the version and exit")
    return parser


def command_help(name: str) -> dict[str, Any]:
    """``add_parser`` keywords of a command: its line in the list, and its own help's opening."""
    summary, example = COMMANDS[name]
    return {"prog": f"{PROG} {name}", "help": summary, "description": f"{summary}\n\nexample:\n  {example}",
            "formatter_class": argparse.RawDescriptionHelpFormatter}


def describe_commands(parser: argparse.ArgumentParser, commands: dict[str, argparse.ArgumentParser]) -> None:
    """Write the list of ``commands`` (every command the parser has) into the top-level help."""
    width = max(map(len, commands))
    lines = ["commands:"]
    for name, command in commands.items():
        summary, example = COMMANDS.get(name, ((command.description or "").split("\n")[0], ""))
        lines.append(f"  {name:<{width}}  {summary}")
        if example:
            lines.append(f"  {'':<{width}}    {example}")
    parser.description = f"{ABOUT}\n\n" + "\n".join(lines)
