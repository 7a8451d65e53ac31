"""An attribution that ends a sentence after a comma ("…, the Sun-Times reported.", "…, said
Ana Ruiz, a lawyer.", "…, Smith told reporters Tuesday."): it credits all that comes before
(`tail_attribution`), when what follows the verb names a speaker and is no clause of its own;
and a quotation's speaker in a short ending whatever the verb ('"…," Trump shot back.':
`short_tail`)."""

from __future__ import annotations

import re

from reader.analysis import claim_words as W
from reader.analysis import lexicon
from reader.analysis.source_phrase import Source
from reader.analysis.source_reader import SourceReader
from reader.analysis.speaker_shapes import apposition_before, names_someone
from reader.analysis.text import Token

_TAIL_VERBS = frozenset(
    "said says say told reported reports wrote writes added adds noted notes explained argued insisted "
    "claimed claims confirmed announced recalled warned acknowledged found read reads".split()
)
_ASIDE_LEADS = frozenset(
    "like unlike as with without including such which who whom that and but or while when where because "
    "although though if unless since until after before during despite for from in on at by of to into than".split()
)
_ASIDE_CHARS = frozenset("—–()")
_CLAUSE_WORDS = W.AUXILIARIES | W.VERB_STOPS  # after a tail's verb, they make what follows a clause


def tail_attribution(sources: SourceReader, toks: list[Token], verbs: list[str]) -> tuple[int, Source] | None:
    """The attribution that ends a sentence after one of its last two commas ("…, the
    Sun-Times reported.", "…, said Ana Ruiz, a lawyer.", "…, Smith told reporters Tuesday."): it
    credits all that comes before, whatever verbs that holds ("organizers added 160")."""
    gaps = range(len(toks) - 1, max(0, len(toks) - 30), -1)
    commas = [c for c in gaps if "," in sources.text[toks[c - 1].end : toks[c].start]]
    # "…, says Evan Tracey, a consultant with National Media in Alexandria, Va."; "…, said Mark
    # Kantrowitz, a national student loan debt expert who has published several books, papers …"
    for comma in commas[:4]:
        found = _tail_from(sources, toks, verbs, comma)
        if found is not None:
            return found
    return None


def _tail_from(sources: SourceReader, toks: list[Token], verbs: list[str], comma: int) -> tuple[int, Source] | None:
    """The source of a sentence ending in an attribution after the comma at toks[comma]
    ("…, the Sun-Times reported.", "…, said one aide"), or None when what follows is a clause."""
    for i in range(comma, min(len(toks), comma + 6)):
        if verbs[i] not in _TAIL_VERBS:
            continue
        if not _an_attribution_after(sources.text, toks, i, comma) or not _a_plain_lead(sources.text, toks, i, comma):
            return None
        if i == comma:
            if apposition_before(sources.text, toks, i):
                return None  # "Roffman, a securities analyst for …, recalled numerous calls": his
            source = sources.object_after(toks, i, toks[-1].end)
        else:
            lead = [t for t in toks[comma:i] if t.text.lower() not in W.SKIP_ADVERBS] or toks[comma:i]
            source = sources.classify(lead[0].start, lead[-1].end)
        return (toks[i].start, source) if source is not None and source.source != "none" else None
    return None


def _an_attribution_after(text: str, toks: list[Token], i: int, comma: int) -> bool:
    """What follows the verb toks[i] ends an attribution (a speaker, or nothing), not a clause
    of its own ("…, said he would welcome Cruz": what was said, not who said it)."""
    after = [t for t in toks[i + 1 :] if "," not in text[toks[i].end : t.start]]
    relative = next((n for n, t in enumerate(after) if n and t.text.lower() in ("who", "whose")), None)
    after = after[:relative]  # "…, said one aide who asked not to be named": "one aide"
    long_speaker = bool(after) and (
        _a_long_name(after) or (len(after) <= 9 and after[0].text.lower() in _SPEAKER_OPENERS)
    )
    if (len(after) > 5 and not long_speaker) or (after and after[0].text.lower() == "that"):
        return False  # a clause of its own follows, not the end of an attribution
    if any(t.text.lower() in _CLAUSE_WORDS or _a_finite_verb(after, n) for n, t in enumerate(after)):
        return False
    first = after[0].text if after else ""
    return not (i == comma and (first.lower() in _ASIDE_LEADS or (first.islower() and first.endswith("ing"))))
    # (not "…, say taxing consumption encourages savings": what they say)


def _a_plain_lead(text: str, toks: list[Token], i: int, comma: int) -> bool:
    """The words between the comma and the verb toks[i] can name its source: not an aside
    ("economists, like their counterparts, say"), the end of a dash's aside, a relative clause
    ("…, an event that Carson says led him"), or a relay ("…, according to its FEC reports")."""
    if i > comma and toks[comma].text.lower() in _ASIDE_LEADS:
        return False
    if not _ASIDE_CHARS.isdisjoint(text[toks[comma].start : toks[i].start]):
        return False  # "…, Jews — said": the end of an aside, not an attribution
    if any(t.text.lower() in ("that", "which", "who", "whom") for t in toks[comma:i]):
        return False
    return toks[comma].text.lower() not in ("according", "per")


_SPEAKER_OPENERS = frozenset("a an one two three several some many".split())  # "…, said an official involved in …"


def _a_finite_verb(toks: list[Token], n: int) -> bool:
    """Whether toks[n] is a verb in the past tense ending a clause ("…, said the plan failed"), not
    a participle or an adjective in a speaker's description ("…, said an official involved in the
    talks", "…, said a decorated general")."""
    word = toks[n].text
    if not W.past_tense(word) or (n and W.adjective_after(toks[n - 1].text, word)):
        return False  # "…, said a retired general", "an elected official in Ohio": no clause
    return n + 1 == len(toks) or toks[n + 1].text.lower() not in W.PARTICIPLE_NEXT


def _a_long_name(toks: list[Token]) -> bool:
    """A speaker with a long title that ends the sentence ("…, said Ohio State University
    professor Paul Beck.", "…, said former deputy campaign manager Dana Ruiz of the Ohio
    Democratic Party."): twelve words at most, the last capitalised, two capitalised words
    together (a name), and no word that makes it a clause (a verb, an auxiliary)."""
    return (
        len(toks) <= 12
        and toks[-1].capitalised
        and any(a.capitalised and b.capitalised for a, b in zip(toks, toks[1:], strict=False))
        and not any(
            not t.capitalised
            and (t.text in _CLAUSE_WORDS or t.text in _NOT_IN_TITLES or t.text.endswith(("ed", "ing")))
            for t in toks
        )
    )


_NOT_IN_TITLES = frozenset("that which who whom when while because if says said told".split())


_TENSED = re.compile(r"[a-z]+(?:ed|s)|[a-z]+ought|shot|spoke|wrote|said|told|sang|cried")
_TEXT_VERBS = frozenset("read reads".split())
_NO_SPEAKER_FIRST = W.STOP_BACK | W.NO_SUBJECT_BEFORE
_PARTICLES = frozenset("back in on up out again later too".split())


def short_tail(sources: SourceReader, toks: list[Token], lo: int, hi: int) -> Source | None:
    """A quotation's speaker in a short ending of its sentence whatever the verb: '"…," Trump
    shot back.', '"…," she countered.', '"…," exhorted actress Jamie Lee Curtis.' (a speaker
    and a verb in the past or present tense, a particle or two after; or the verb first)."""
    text = sources.text
    if not toks or len(toks) > 10 or text[lo : toks[0].start].strip(" ,"):
        return None
    if text[toks[-1].end : hi].strip() not in ("", ".", "!"):
        return None
    verb = _short_tail_verb(toks)
    if verb is None:
        return None
    rest = toks[verb + 1 :]
    if verb == 0:
        return sources.object_after(toks, 0, hi) if rest and rest[0].text.lower() not in W.STOP_BACK else None
    if len(rest) > 2 or any(t.text.lower() not in _PARTICLES and t.text not in lexicon.DAYS for t in rest):
        return None
    return _short_tail_speaker(sources, toks[:verb])


def _short_tail_verb(toks: list[Token]) -> int | None:
    """Where the verb of a short ending is: the last word before particles and days ("an angry
    Hollande retaliated"), or the first ('exhorted actress Jamie Lee Curtis'); None if none is."""
    verb = len(toks) - 1
    while verb > 0 and (toks[verb].text.lower() in _PARTICLES or toks[verb].text in lexicon.DAYS):
        verb -= 1
    if toks[0].text.lower() in _TEXT_VERBS or (not toks[0].capitalised and _TENSED.fullmatch(toks[0].text)):
        verb = 0  # the verb first: '"…," exhorted actress Jamie Lee Curtis.'
    word = toks[verb].text.lower()
    if toks[verb].capitalised or word in W.AUXILIARIES or not _TENSED.fullmatch(word):
        return None
    return verb


def _short_tail_speaker(sources: SourceReader, subject: list[Token]) -> Source | None:
    if subject[0].text.lower() in _NO_SPEAKER_FIRST:
        return None  # '"…" and the crowd cheered': no speaker's ending
    if len(subject) == 1 and subject[0].text.lower() in W.SUBJECT_PRONOUNS:
        found = sources.pronoun(subject[0].text.lower(), subject[0].start)
        return found if found.source != "none" else None
    found = sources.classify(subject[0].start, subject[-1].end)
    if found.source == "none" and names_someone(subject, known=False):
        return Source("named", sources.text[subject[0].start : subject[-1].end])
    return found if found.source != "none" else None
