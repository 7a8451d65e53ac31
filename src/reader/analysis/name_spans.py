"""Where a name could be: runs of capitalised words in a sentence (a `Group`), with the
titles, roles, nationalities and organisation names written before a name cut off ("US
President Barack Obama" -> "Barack Obama") and trailing ordinary words and post-nominals dropped.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from reader.analysis import lexicon
from reader.analysis import name_evidence as evidence
from reader.analysis.name_roles import name_like, plain_word, role_cut
from reader.analysis.text import Segment, Token

COMPOUND_ADJECTIVE_ENDS = frozenset("style based backed led born owned made run funded controlled plus minus".split())
PARTICLES = frozenset("de da di del della der den van von la le du dos das bin ibn al el st".split())
POSSESSIVE = re.compile(r"['’]s$")
_BRACKETED_TAG = re.compile(r"\[/?[a-z]+(?: [a-z]+)*\]")
ROMAN = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})")
_POST_NOMINAL = re.compile(r"[A-Z]{2,4}|Ph\.?D|QC|KC")


@dataclass
class Group:
    """A run of capitalised words, what was cut from its start, and the verdict on it."""

    toks: list[Token]
    segment: Segment
    sentence_start: bool
    has_title: bool = False
    saint: bool = False
    work_title: bool = False  # a capitalised "A", "An" or "The" opened it mid-sentence: a work's title
    cue: str | None = None
    decision: bool | None = None
    memo: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)  # keyed by offsets


@functools.lru_cache(maxsize=1 << 16)
def norm(word: str) -> str:
    """How a name word is looked up: possessive dropped, all-caps made title case (kept: the
    same few thousand words are looked up again and again)."""
    word = POSSESSIVE.sub("", word)
    if word.isupper() and len(word) > 1 and not _INITIALS.fullmatch(word):
        word = word.capitalize()
    return word


def sentence_case(text: str, seg: Segment) -> bool:
    """A headline written like a sentence ("Wikinews interviews Christopher Hill, U.S.
    candidate"): its capitals mean what they mean in the text, so it is read as text."""
    line = _BRACKETED_TAG.sub(" ", text[seg.start : seg.end])  # "[bold]" in a headline is no prose word
    words = re.findall(r"[^\W\d_][\w'’-]*", line)
    lower = sum(1 for w in words[1:] if w[0].islower() and w not in lexicon.FUNCTION_WORDS)
    return len(words) >= 6 and lower >= 2


def in_capitals(text: str, seg: Segment) -> bool:
    """A line set in capitals ("SCHUMACHER WINS BELGIAN GRAND PRIX."): its words are read as a
    headline's, where only the names the text gives are names."""
    if seg.end - seg.start > 400:
        return False  # a paragraph, not a headline
    line = text[seg.start : seg.end]
    upper = sum(1 for c in line if c.isupper())
    return upper >= 8 and upper > 4 * sum(1 for c in line if c.islower())


def reads_as_row(text: str, seg: Segment) -> bool:
    """A short line of a results table or a list ("10. Eddie Irvine (Britain) 9", "M. Atherton
    not out 26", "Defenders - Markus Babbel, Thomas Helmer, Juergen Kohler"): figures or brackets
    among words in lower and upper case, or a list of names most of which open with a first name;
    read as text, not as a headline."""
    if seg.end - seg.start > _LONGEST_ROW:
        return False  # a long Markdown heading is no row of a table
    line = text[seg.start : seg.end]
    if any(c.isdigit() or c == "(" for c in line) and any(c.islower() for c in line):
        return True
    items = _LIST_SEPARATOR.split(line.split(" - ", 1)[-1].split(": ", 1)[-1])
    if len(items) < 3:
        return False
    firsts = sum(1 for item in items if item.split(" ", 1)[0] in lexicon.first_names())
    return 2 * firsts > len(items)


_LONGEST_ROW = 300
_LIST_SEPARATOR = re.compile(r"\s*,\s*|\s+and\s+")


# Titles written short with a dot: the dot does not part them from the name that follows.
# ("St." stays apart: "St. Louis" and "Clyst St. Mary" are read as places by what is around them.)
_SHORT_TITLES = frozenset("mr mrs ms mx dr prof rev fr sen rep gov pres det sgt capt lt col gen adm".split())
# A surname written with an elided particle: "d'Ettorre", "d’Alembert".
_ELIDED = re.compile(r"[dD]['’][A-Z]|(?:al|el|ul|ad|an|ar|as|ash|at|az|bin|ibn|abu|bint)-[A-Z]")  # "al-Qidra"
_APOSTROPHES = ("'", "’")
_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]")  # "I.K" of "I.K. Gujral" (one token: the last dot is apart)
_PRONOUN_I = re.compile(r"\s+(?!of\b)[a-z]")  # "I" then a lower-case word: the pronoun


def groups_in(text: str, seg: Segment, toks: list[Token]) -> list[Group]:
    """Runs of capitalised words (with name particles and initials) in one sentence."""
    out: list[Group] = []
    run: list[Token] = []
    first_word = toks[0].start if toks else -1

    def close() -> None:
        while run and run[-1].text.lower() in PARTICLES:
            run.pop()
        if run:
            opens = run[0].start == first_word or text[max(seg.start, run[0].start - 1) : run[0].start] in ("(", "[")
            out.append(Group(list(run), seg, opens))
        run.clear()

    # Only capitalised words and particles can open or extend a run; any other word closes it.
    # So the loop visits those alone and closes the run where others were skipped (most words
    # of a sentence are not capitalised).
    last = -2
    for i in _name_words(toks):
        tok = toks[i]
        if i != last + 1:
            close()
        last = i
        joinable = _joinable(text, run, tok)
        if tok.text == "I" and run and _PRONOUN_I.match(text, tok.end) and not _regnal(run):
            close()  # "Mr. Collins I know …": the pronoun is no part of the name ("Charles I was" keeps it)
        elif tok.text[:1].isupper():  # (a digit is never upper case)
            if not joinable or (tok.text.lower() in _SHORT_TITLES and text.startswith(".", tok.end)):
                close()  # "Ohio Gov. John Kasich": the title opens the name's run
            run.append(tok)
            if POSSESSIVE.search(tok.text):
                close()
        elif run and joinable and tok.text.lower() in PARTICLES:
            run.append(tok)
        elif run and joinable and _ELIDED.match(tok.text):  # "Patrizia d'Ettorre": ends the name
            run.append(tok)
            close()
        else:
            close()
    close()
    return [_strip(text, g) for g in out if g.toks]


def _name_words(toks: list[Token]) -> list[int]:
    """Where the words that can be part of a name are: capitalised words, particles and elided
    surnames ("d'Ettorre", "al-Qidra")."""
    return [
        i
        for i, (_, _, word) in enumerate(toks)
        if word[0].isupper()
        or word in PARTICLES
        or ((word[1:2] in _APOSTROPHES or "-" in word[2:5]) and _ELIDED.match(word))
    ]


def _joinable(text: str, run: list[Token], tok: Token) -> bool:
    """Whether `tok` can go on the run: nothing but spaces between, or the dot of an initial
    or a short title ("J. Smith", "Dr. Guruswamy", "Mr. Rubio")."""
    if not run:
        return True
    gap = text[run[-1].end : tok.start].strip()
    last = run[-1].text
    return gap == "" or (
        gap == "." and (len(last) == 1 or bool(_INITIALS.fullmatch(last)) or last.lower() in _SHORT_TITLES)
    )


def _an_initial(text: str, tok: Token) -> bool:
    return len(tok.text) == 1 and text.startswith(".", tok.end)


def _regnal(run: list[Token]) -> bool:
    """A first name alone, which a regnal number may follow ("Charles I")."""
    return len(run) == 1 and run[0].text in lexicon.first_names()


def _strip(text: str, group: Group) -> Group:
    """The group with what is not the name cut off its ends, each step in turn (`_STRIPS`)."""
    toks = group.toks
    for step in _STRIPS:
        toks = step(text, group, toks)
    group.toks = toks
    return group


def _leading_function_words(text: str, group: Group, toks: list[Token]) -> list[Token]:
    while len(toks) > 1 and norm(toks[0].text).lower() in lexicon.FUNCTION_WORDS and not _an_initial(text, toks[0]):
        if toks[0].text in ("A", "An", "The") and not group.sentence_start:
            group.work_title = True  # "went to A Very Long Engagement", "starred in The Departed"
        toks = toks[1:]  # "[6] In Byron's later memoirs"; not the "A." of "A. Wells"
    return toks


def _leading_compound(text: str, group: Group, toks: list[Token]) -> list[Token]:
    if len(toks) > 1 and toks[0].text.rpartition("-")[2] in COMPOUND_ADJECTIVE_ENDS:
        toks = toks[1:]  # "London-based Levy": Levy
        group.sentence_start = False
    return toks


def _leading_titles(text: str, group: Group, toks: list[Token]) -> list[Token]:
    while len(toks) > 1 and (
        (norm(toks[0].text).lower().rstrip(".") in lexicon.TITLES and name_like(norm(toks[1].text)))
        or toks[0].text.lower() in _SHORT_TITLES  # "Mr. Chief Justice" is read as "Chief Justice"
    ):  # "General Motors" keeps its first word
        group.has_title = name_like(norm(toks[1].text))
        group.saint = norm(toks[0].text).lower().rstrip(".") in ("st", "saint")
        toks = toks[1:]
        group.sentence_start = False
    return toks


def _office_of(text: str, group: Group, toks: list[Token]) -> list[Token]:
    """ "Minister of Trade and Industry Tungky Ariwibowo", "Minister for Finance Ousmane Kaba"."""
    lo = max(group.segment.start, toks[0].start - 60)
    if not (text.endswith(_OFFICE_ENDS, lo, toks[0].start) and _OFFICE_OF.search(text, lo, toks[0].start)):
        return toks
    k = 0
    while len(toks) - k > 2 and (plain_word(norm(toks[k].text)) or norm(toks[k].text) in _DEPARTMENTS):
        k += 1
    last = norm(toks[-1].text)
    if k and name_like(last) and not plain_word(last) and not evidence.is_role(norm(toks[k].text)):
        toks, group.has_title, group.sentence_start = toks[k:], True, False  # "of State Strobe Talbott"
    return toks


def _roles_before(text: str, group: Group, toks: list[Token]) -> list[Token]:
    cut = role_cut(tuple([norm(t.text) for t in toks]))
    if cut:
        group.has_title = group.has_title or cut[1]
        toks = toks[cut[0] :]
        group.sentence_start = False
    return toks


def _days_and_verbs(text: str, group: Group, toks: list[Token]) -> list[Token]:
    while len(toks) > 1 and toks[-1].text in lexicon.DAYS:
        toks = toks[:-1]  # "Bob Dole Wednesday accused …"
    if (
        group.sentence_start
        and len(toks) > 1
        and toks[0].text in ("Said", "Says")
        and text[toks[-1].end :].startswith(",")
    ):
        toks = toks[1:]  # 'Said Comey, "…"': the verb put first, not the first name Said
        group.sentence_start = False
    while len(toks) > 1 and toks[0].text in lexicon.DAYS:
        toks = toks[1:]  # "On Wednesday Norman described …"
        group.sentence_start = False
    return toks


def _sentence_opening_word(text: str, group: Group, toks: list[Token]) -> list[Token]:
    """An ordinary word capitalised because it opens the sentence ("Scientist Ana Ruiz")."""
    if not group.sentence_start or len(toks) < 2 or _an_initial(text, toks[0]):
        return toks
    first = norm(toks[0].text)
    if (
        all(p in lexicon.common_words() for p in first.lower().split("-"))
        and first not in lexicon.first_names()
        and first not in evidence.PLACE_LEADS  # "Fort Lee's school"
    ):
        toks = toks[1:]
        group.sentence_start = False
    return toks


def _trailing_words(text: str, group: Group, toks: list[Token]) -> list[Token]:
    while (
        len(toks) > 2
        and (plain_word(norm(toks[-1].text)) or _POST_NOMINAL.fullmatch(toks[-1].text))
        and not ROMAN.fullmatch(toks[-1].text)  # "Pope John Paul II": a regnal number stays
        and norm(toks[-1].text) not in lexicon.NON_PERSON_HEADS  # "OM Gruppen AB" names a business
        and toks[-2].text not in PARTICLES  # "Nikolaus van der Pas": a particle's surname stays
        and not _an_initial(text, toks[-2])  # "Laurence H. Tribe": a surname after an initial stays
    ):
        toks = toks[:-1]  # "Ahmed Mohamed Image: Twitter", "Zaha Hadid DBE RA"
    if (
        len(toks) == 2
        and plain_word(norm(toks[1].text))
        and norm(toks[0].text) not in lexicon.first_names()
        and norm(toks[1].text) not in lexicon.NON_PERSON_HEADS  # "Clinton Foundation" is no person
        and not plain_word(norm(toks[0].text))
        and not sentence_case(text, group.segment)  # not "the L'Enfant Plan", "The Good Wife" in prose
    ):
        toks = toks[:-1]  # "President Obama Speech at …": a caption's capitals, not a surname "Speech"
    return toks


def _label_in_capitals(text: str, group: Group, toks: list[Token]) -> list[Token]:
    if (
        len(toks) > 1
        and all(t.text.isupper() for t in toks)
        and norm(toks[0].text) not in lexicon.first_names()
        and not in_capitals(text, group.segment)  # a headline's words are all looked up
    ):
        toks = toks[1:]  # "EXCLUSIVE ALEC ..." style labels
    return toks


_STRIPS: tuple[Callable[[str, Group, list[Token]], list[Token]], ...] = (
    _leading_function_words,
    _leading_compound,
    _leading_titles,
    _office_of,
    _roles_before,
    _days_and_verbs,
    _sentence_opening_word,
    _trailing_words,
    _label_in_capitals,
)


_DEPARTMENTS = frozenset(
    "State Defense Defence Finance Trade Industry Health Education Justice Interior Energy Labor Labour "
    "Agriculture Commerce Transportation Transport Treasury Foreign Home Affairs Culture Economy".split()
)
_OFFICE_OF = re.compile(
    r"\b(?:[Mm]inister|[Ss]ecretary|[Dd]irector|[Cc]ommissioner|[Mm]inistry|[Dd]epartment|[Hh]ead)\s+(?:of|for)\s+"
    r"(?:(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+(?:and|&)\s+)?\Z"
)
_OFFICE_ENDS = ("of ", "for ", "and ", "& ")  # how text before such a name ends: the regex is run only then


def words_of(group: Group) -> list[str]:
    """The group's words as looked up (`norm`), made once for its current tokens."""
    made = group.memo.get("words")
    if made is None or made[0] is not group.toks:
        made = group.memo["words"] = (group.toks, [norm(t.text) for t in group.toks])
    return made[1]


def phrase_of(group: Group) -> str:
    return " ".join(words_of(group))


_QUESTION = re.compile(
    r"(?:What|How|Why|Who|When|Where|Which|Do|Does|Did|Is|Are|Was|Were|Can|Could|Would|Will|Should|Have|Has)"
    r"\s[^?\n]*\?[\s\"”’']*\Z"
)


def a_question(text: str, seg: Segment) -> bool:
    """An interviewer's short question on a line of its own ("What do you think of Governor
    John Kasich?"): a sentence, though the parser keeps short lines as sub-headings."""
    line = text[seg.start : seg.end]
    return bool(_QUESTION.match(line)) and sum(1 for w in line.split()[1:] if w[:1].islower()) >= 2
