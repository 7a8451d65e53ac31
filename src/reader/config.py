"""The user's config file (`config.yaml` in the user data folder): key remapping and defaults.

Example::

    keys:
      reader.next_paragraph: "j,down,ctrl+n"
      app.quit: "q,ctrl+q"
    theme: baldreader-light

A config that cannot be read is reported and ignored; it never stops the app.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from reader.helpers import safeyaml
from reader.helpers.safefile import read_regular
from reader.helpers.textsafe import one_line

CONFIG_NAME = "config.yaml"


@dataclass
class Config:
    keymap: dict[str, str] = field(default_factory=dict)
    theme: str | None = None
    problems: list[str] = field(default_factory=list)


def load_config(home: Path) -> Config:
    path = home / CONFIG_NAME
    if not path.exists():
        return Config()
    try:
        data = safeyaml.load(read_regular(path, 1024 * 1024))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        return Config(problems=[f"{path}: cannot be read, ignored ({_short(exc)})"])
    if data is None:
        return Config()
    if not isinstance(data, dict):
        return Config(problems=[f"{path}: expected a mapping at the top level, ignored"])
    config = Config()
    keys = data.get("keys", {}) or {}
    if not isinstance(keys, dict):
        config.problems.append(f"{path}: 'keys' must map binding ids to keys, ignored")
    else:
        for binding_id, value in keys.items():
            keys_given = value.replace(" ", "") if isinstance(value, str) else ""
            # Key names are shown in the footer and the help: only printable names, never a
            # control character or an escape sequence that the terminal would act on.
            if isinstance(binding_id, str) and keys_given and keys_given.isprintable() and len(keys_given) <= 200:
                config.keymap[binding_id] = keys_given
            else:
                config.problems.append(f"{path}: key for {one_line(repr(binding_id))[:60]} must be text like 'j,down'")
    theme = data.get("theme")
    if theme is not None:
        if isinstance(theme, str):
            config.theme = theme
        else:
            config.problems.append(f"{path}: 'theme' must be a theme name")
    return config


def _short(exc: Exception) -> str:
    mark = getattr(exc, "problem_mark", None)
    if mark is not None:
        return f"line {mark.line + 1}, column {mark.column + 1}: {getattr(exc, 'problem', exc)}"
    return str(exc)
