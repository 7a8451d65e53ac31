"""The command line that only opens the reader is read without building the commands' parsers
(a launch saves their imports); any command, help or mistake goes to the full parser."""

from __future__ import annotations

import pytest

from reader.cli import build_parser, opens_the_reader

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    "argv, reader",
    [
        ([], True),
        (["--corpus", "news", "--theme", "dusk", "--home", "h", "--store", "n.yaml"], True),
        (["--corpus=news", "--theme=dusk"], True),
        (["search", "Alec"], False),
        (["--corpus", "news", "list"], False),
        (["--help"], False),
        (["--version"], False),
        (["--corpus"], True),  # the light parser says the value is missing, as the full one would
        (["--bogus"], False),
    ],
)
def test_which_command_lines_only_open_the_reader(argv: list[str], reader: bool) -> None:
    assert opens_the_reader(argv) is reader


def test_the_light_parser_reads_the_same_options_as_the_full_one() -> None:
    argv = ["--corpus", "news", "--theme", "dusk", "--home", "h", "--store", "n.yaml"]
    light, full = build_parser(commands=False).parse_args(argv), build_parser().parse_args(argv)
    for name in ("corpus", "theme", "home", "store"):
        assert getattr(light, name) == getattr(full, name)
    assert full.command is None


def test_help_still_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    from reader.cli import main

    with pytest.raises(SystemExit):
        main(["--help"])
    assert "search" in capsys.readouterr().out
