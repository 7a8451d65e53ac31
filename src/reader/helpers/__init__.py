"""The small helpers every layer may use, and which use nothing of baldreader: files read and
written safely (`safefile`, `atomic`, `safeyaml`), text shown safely (`textsafe`), where user
data lives (`paths`), text folded for matching (`folding`), counted wording (`wording`), how a
one-word name stands for a full name (`naming`), and which analysis rules are in force
(`rules_version`). The bottom layer of the import contracts in pyproject.toml."""
