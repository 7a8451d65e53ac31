"""Person names: capitalised phrases judged to name a person, and each resolved to one person.

The judgement uses general evidence only: known first names and surnames (US census lists),
titles (Mr, Dr), an age after the name ("Carmen, 11"), a speech verb next to it, and what the
rest of the article says about the same words. Outlets, places, titles of works and ordinary
capitalised words are not people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.analysis import lexicon
from reader.analysis import name_evidence as evidence
from reader.analysis.text import Segment, Token, sentences, tokens

PARTICLES = frozenset("de da di del della der den van von la le du dos das bin ibn al el st".split())
_POSSESSIVE = re.compile(r"['’]s$")
_AGE_AFTER = re.compile(r"\A\s*(?:,|\()\s*(?:now\s+|aged\s+|age\s+)?(?:\d{1,3}|"
                        + "|".join(lexicon.NUMBER_WORDS) + r")\b(?!\s*(?:%|percent|million|billion|years? ago|days?|weeks?|"
                        r"months?|hours?|minutes?|km|miles?|metres?|meters?|feet|ft|kg|am|pm|[ap]\.m\.|-))",
                        re.IGNORECASE)
_AGE_BEFORE = re.compile(r"\b(?:\d{1,3}|(?:" + "|".join(lexicon.NUMBER_WORDS) + r")(?:-(?:"
                         + "|".join(lexicon.NUMBER_WORDS) + r"))?)-(?:year|month|week)-old\s+"
                         r"(?:(?!(?:from|in|at|of|near|to|with)\b)\w+\s+){0,2}\Z",
                         re.IGNORECASE)
ROLE_NOUNS = frozenset("""
child children daughter daughters son sons wife husband ex ex-wife ex-husband partner boyfriend girlfriend
fiance fiancé fiancee fiancée mother father mom mum dad sister brother twin baby grandson granddaughter
niece nephew cousin stepdaughter stepson actor actress singer rapper star superstar host presenter model
cinematographer director producer writer author novelist journalist reporter comedian chef designer
dancer professional pro player coach lawyer attorney spokesperson spokesman spokeswoman publicist
manager agent officer detective ceo founder chairman chairwoman candidate influencer youtuber co-star
costar alum veteran legend icon musician guitarist drummer boxer golfer athlete footballer quarterback
senator congressman congresswoman governor mayor prosecutor defendant plaintiff victim suspect doctor
nurse teacher professor student scientist economist analyst pastor priest bishop friend colleague companion
ally rival mentor pupil disciple protégé protege successor predecessor opponent teammate classmate
""".split())
_NOT_PERSON_BEFORE = re.compile(r"\b(?:in|near|across|throughout|outside|inside|around|into|"
                                r"visited|visiting|via)\s+\Z", re.IGNORECASE)


_POST_NOMINAL = re.compile(r"[A-Z]{2,4}|Ph\.?D|QC|KC")
_PLACE_HEADS = frozenset("Park Street Avenue Road Lane Square Place Court Bridge House Island Bay Hotel Center "
                         "Centre Hall Station Tower Beach".split())


@dataclass
class Mention:
    start: int
    end: int
    text: str
    person: str = ""
    tokens: tuple[str, ...] = ()


@dataclass
class _Group:
    toks: list[Token]
    segment: Segment
    sentence_start: bool
    has_title: bool = False
    saint: bool = False
    cue: str | None = None
    decision: bool | None = None
    reasons: list[str] = field(default_factory=list)


def norm(word: str) -> str:
    """How a name word is looked up: possessive dropped, all-caps made title case."""
    word = _POSSESSIVE.sub("", word)
    if word.isupper() and len(word) > 1:
        word = word.capitalize()
    return word


def find_people(text: str, segs: list[Segment], cache: dict | None = None) -> list[Mention]:
    """Every person mention in the segments, each with `person` set to the resolved name."""
    groups = []
    for seg in segs:
        for s_start, s_end in sentences(text, seg.start, seg.end):
            groups += _groups(text, seg, tokens(text, s_start, s_end, cache))
    prose = {seg.start for seg in segs if seg.kind == "paragraph" or _sentence_case(text, seg)}
    body = [g for g in groups if g.segment.start in prose]
    heads = [g for g in groups if g.segment.start not in prose]
    doc = _observe(text, body)
    for group in body:
        group.decision = _judge(text, group, doc)
    people = _people(body)
    known_words = {w for p in people for w in (p.words[0], p.words[-1])}
    known_words |= {g.toks[0].text for g in body if g.decision and len(g.toks) == 1
                    and g.cue in ("human", "speech", "title")}
    known_words = {w for w in known_words if len(w) > 1 and w.lower() not in lexicon.FUNCTION_WORDS}
    known_names = {p.name for p in people}
    named_firsts = {g.toks[0].text for g in body if g.decision and len(g.toks) == 1} | {p.words[0] for p in people}
    short_forms = {name[:k] for name in named_firsts for k in range(4, len(name))}
    for group in body:
        if not group.decision and (_known(group, known_words, known_names) or _short_form(group, short_forms)) \
                and not _placed(text, group, doc) and not _blocked(text, group, known=True):
            group.decision = True
    _coordinated(text, body, doc)
    named_words = {w for g in body if g.decision for w in _words(g)}
    head_groups = [sub for group in heads for sub in _known_within(group, people, named_words)]
    chosen = [g for g in body if g.decision] + head_groups
    mentions = [_mention(text, g) for g in sorted(chosen, key=lambda g: g.toks[0].start)]
    _resolve(text, mentions)
    return mentions


_COORDINATION = re.compile(r"\s*(?:,\s*(?:and\s+|&\s*)?|and\s+|&\s*)")


def _coordinated(text: str, body: list[_Group], doc: evidence.DocumentEvidence) -> None:
    """A name listed with a person's is a person's: "Carrano and Biewener", "Zeus, Hera,
    Poseidon", "(Marsden & Mackey, 2014)"; unless it is a place or an ordinary word."""
    def eligible(group: _Group) -> bool:
        words = _words(group)
        return not group.decision and all(_name_like(w) and len(w) > 1 and w not in lexicon.MONTHS_DAYS
                                          for w in words) \
            and not evidence.is_place(" ".join(words)) and not _placed(text, group, doc) \
            and not _blocked(text, group, known=True) and not group.sentence_start
    for _ in range(2):
        for a, b in zip(body, body[1:]):
            if a.segment is not b.segment or not _COORDINATION.fullmatch(text[a.toks[-1].end:b.toks[0].start]):
                continue
            if a.decision and eligible(b):
                b.decision = True
            elif b.decision and eligible(a):
                a.decision = True


def _sentence_case(text: str, seg: Segment) -> bool:
    """A headline written like a sentence ("Wikinews interviews Christopher Hill, U.S.
    candidate"): its capitals mean what they mean in the text, so it is read as text."""
    words = re.findall(r"[^\W\d_][\w'’-]*", text[seg.start:seg.end])
    lower = sum(1 for w in words[1:] if w[0].islower() and w not in lexicon.FUNCTION_WORDS)
    return len(words) >= 6 and lower >= 2


def _groups(text: str, seg: Segment, toks: list[Token]) -> list[_Group]:
    """Runs of capitalised words (with name particles and initials) in one sentence."""
    out: list[_Group] = []
    run: list[Token] = []
    first_word = toks[0].start if toks else -1

    def close() -> None:
        while run and run[-1].text.lower() in PARTICLES:
            run.pop()
        if run:
            opens = run[0].start == first_word or text[max(seg.start, run[0].start - 1):run[0].start] in ("(", "[")
            out.append(_Group(list(run), seg, opens))
        run.clear()

    for tok in toks:
        gap = text[run[-1].end:tok.start] if run else ""
        joinable = not run or gap.strip() == "" or (gap.strip() == "." and len(run[-1].text) == 1)
        if tok.capitalised and not tok.text[0].isdigit():
            if not joinable:
                close()
            run.append(tok)
            if _POSSESSIVE.search(tok.text):
                close()
        elif run and joinable and tok.text.lower() in PARTICLES:
            run.append(tok)
        else:
            close()
    close()
    return [_strip(text, g) for g in out if g.toks]


def _strip(text: str, group: _Group) -> _Group:
    toks = group.toks
    while len(toks) > 1 and norm(toks[0].text).lower() in lexicon.FUNCTION_WORDS:
        toks = toks[1:]  # "[6] In Byron's later memoirs"
    while toks and norm(toks[0].text).lower().rstrip(".") in lexicon.TITLES and len(toks) > 1:
        group.has_title = True
        group.saint = norm(toks[0].text).lower().rstrip(".") in ("st", "saint")
        toks = toks[1:]
        group.sentence_start = False
    cut = _role_cut([norm(t.text) for t in toks])
    if cut:
        group.has_title = group.has_title or cut[1]
        toks = toks[cut[0]:]
        group.sentence_start = False
    while len(toks) > 2 and (_plain_word(norm(toks[-1].text)) or _POST_NOMINAL.fullmatch(toks[-1].text)):
        toks = toks[:-1]  # "Ahmed Mohamed Image: Twitter", "Zaha Hadid DBE RA"
    if group.sentence_start and len(toks) > 1:
        first = norm(toks[0].text)
        parts = first.lower().split("-")
        if all(p in lexicon.common_words() for p in parts) and first not in lexicon.first_names():
            toks = toks[1:]
            group.sentence_start = False
    if len(toks) > 1 and all(t.text.isupper() for t in toks) and norm(toks[0].text) not in lexicon.first_names():
        toks = toks[1:]  # "EXCLUSIVE ALEC ..." style labels
    group.toks = toks
    return group


def _name_like(word: str) -> bool:
    return word in lexicon.first_names() or word in lexicon.surnames() or \
        word.lower() not in lexicon.common_words()


def _plain_word(word: str) -> bool:
    """An ordinary capitalised word that names nobody ("Image", "Education")."""
    return word.lower() in lexicon.common_words() and word not in lexicon.first_names() \
        and word not in lexicon.surnames() and not word.isupper()


def _role_cut(words: list[str]) -> tuple[int, bool] | None:
    """Where the name starts after the roles, nationalities and offices written before it:
    "US President Barack Obama", "Home Secretary Suella Braverman", "Chinese Bernhard Karlgren".
    The second value says a role (not only a nationality) came before."""
    for i in range(len(words) - 2, -1, -1):
        if evidence.is_role(words[i]) or evidence.is_demonym(words[i]):
            if i == 0 and len(words) == 2 and words[0] in lexicon.first_names():
                return None  # "Dean Martin", "Earl Scruggs", "Christian Bale"
            rest = words[i + 1]
            if rest in lexicon.first_names() or (_name_like(rest) and not evidence.is_role(rest)):
                return i + 1, any(evidence.is_role(w) for w in words[:i + 1])
            return None
    first = next((i for i, w in enumerate(words) if i and w in lexicon.first_names()), 0)
    if first and len(words) - first >= 2 and all(
            _plain_word(w) or evidence.is_demonym(w) or w in lexicon.NON_PERSON_HEADS for w in words[:first]):
        return first, False  # "Education Stefania Giannini", "Refugee Council Enver Solomon"
    head = max((i for i, w in enumerate(words[:-2]) if w in lexicon.NON_PERSON_HEADS), default=-1)
    if head >= 0 and all(_name_like(w) and w not in lexicon.NON_PERSON_HEADS for w in words[head + 1:]):
        return head + 1, False  # "Washington State University Simon Ličen"
    return None


def _words(group: _Group) -> list[str]:
    return [norm(t.text) for t in group.toks]


def _phrase(group: _Group) -> str:
    return " ".join(_words(group))


def _context_cue(text: str, group: _Group) -> str | None:
    seg = group.segment
    after = text[group.toks[-1].end:min(seg.end, group.toks[-1].end + 40)]
    after = re.split(r"(?<=[.!?])\s", after, maxsplit=1)[0]  # this sentence only
    before = text[max(seg.start, group.toks[0].start - 40):group.toks[0].start]
    if _AGE_AFTER.match(after) or _AGE_BEFORE.search(before):
        return "age"
    if evidence.human_after(after):
        return "human"
    next_words = re.findall(r"[a-z]+", after.lower())[:3]
    if next_words and next_words[0] in lexicon.SPEECH_VERBS:
        return "speech"
    if len(next_words) > 1 and next_words[0] in ("also", "then", "later", "once", "has", "had")\
            and next_words[1] in lexicon.SPEECH_VERBS:
        return "speech"
    role = re.findall(r"[a-zé\-]+", before.lower())[-1:]
    if role and role[0] in ROLE_NOUNS and re.search(r"[a-zé\-]+,?\s+\Z", before.lower()):
        return "role"
    prev_words = re.findall(r"[a-z]+", before.lower())[-1:]
    if prev_words and prev_words[0] in ("said", "says", "added", "explained", "wrote", "insisted") \
            and before.rstrip().endswith(prev_words[0]):
        return "speech"
    return None


def _observe(text: str, body: list[_Group]) -> evidence.DocumentEvidence:
    """Each group's own cue, and what the document as a whole says of each single word."""
    doc = evidence.DocumentEvidence()
    for group in body:
        group.cue = "title" if group.has_title else _context_cue(text, group)
        if len(group.toks) == 1:
            doc.observe([norm(group.toks[0].text)], _placed(text, group, None),
                        group.cue in ("human", "speech", "title", "age", "role"))
    return doc


def _placed(text: str, group: _Group, doc: evidence.DocumentEvidence | None) -> bool:
    """The phrase stands where a place does ("in X", "X, Texas"), or, for one word, the
    document shows it only as a place."""
    seg = group.segment
    before = text[max(seg.start, group.toks[0].start - 30):group.toks[0].start]
    after = text[group.toks[-1].end:min(seg.end, group.toks[-1].end + 40)]
    saint = re.search(r"\b(?:St\.?|Saint|Ste\.?)\s*\Z", before)
    if group.saint or saint:  # "in St. Louis", "Clyst St. Mary"
        before = before[:saint.start()] if saint else re.sub(r"(?:St\.?|Saint)\s*\Z", "", before)
        if re.search(r"[A-Z][\w'’-]+\s+\Z", before) or evidence.locative_before(before):
            return True
    if after[:1] in ("'", "’") or re.match(r"\s*\(", after) or _POSSESSIVE.search(group.toks[-1].text):
        return False  # "In Byron's memoirs", "Hill (right)": said of people
    if evidence.locative_before(before, _phrase(group)) or evidence.place_after(after):
        return True
    if evidence.place_before(before, len(group.toks) == 1 and bool(re.match(r"\s*(?:[.,;:)]|\Z)", after))):
        return True  # "Exeter, Devon.", "Earl of Clare"
    return doc is not None and len(group.toks) == 1 and doc.only_a_place(norm(group.toks[0].text))


def _not_a_name(group: _Group) -> bool:
    """A role, a nationality or an acronym on its own, or a phrase led by a nationality."""
    words = _words(group)
    raw = group.toks[0].text
    if len(words) == 1:
        return evidence.is_role(words[0]) or words[0].lower() in lexicon.TITLES or len(words[0]) == 1 or \
            words[0] in evidence.DIRECTIONS or \
            (raw.isupper() and len(raw) > 1 and group.cue != "title") or \
            (evidence.is_demonym(words[0]) and group.cue != "title")
    return any(evidence.is_demonym(w) for w in words[1:]) or \
        (evidence.is_demonym(words[0]) and words[0] not in lexicon.first_names())


def _blocked(text: str, group: _Group, known: bool = False) -> bool:
    """What rules a phrase out: a quoted title, a role or nationality alone, "a X", "#X", and,
    unless the article names that person elsewhere ("the Tom Cruise video"), "the X"."""
    before = text[max(group.segment.start, group.toks[0].start - 20):group.toks[0].start]
    if _quoted_title(text, group) or _not_a_name(group) or before.rstrip().endswith(("#", "@")):
        return True
    words = _words(group)
    if len(words) >= 2 and words[0] in lexicon.first_names() and words[-1] in lexicon.surnames():
        return False  # "the Tom Cruise video", "a Britney Spears story"
    if not known and before.rstrip().lower().endswith("the"):
        return True  # "the Baldwins", "The Departed"
    return group.cue != "title" and evidence.determiner_before(before)  # "a Christian family"


def _judge(text: str, group: _Group, doc: evidence.DocumentEvidence) -> bool:
    words = _words(group)
    phrase = " ".join(words)
    lower = [w.lower() if len(w) > 1 or len(words) == 1 or w == "I" else "" for w in words]  # initial A. is not "a"
    first_names, common = lexicon.first_names(), lexicon.common_words()
    cue = group.cue
    before = text[max(group.segment.start, group.toks[0].start - 20):group.toks[0].start]
    if _blocked(text, group):
        return False
    if phrase in lexicon.OUTLETS or words[0] in evidence.PLACE_LEADS:
        return False
    if words[-1] in lexicon.NON_PERSON_HEADS and not (
            len(words) == 2 and words[0] in first_names and words[-1] in lexicon.surnames()
            and words[-1] not in _PLACE_HEADS):
        return False  # "Norwood Bank", but "Nathan Law", "Anna Hall"
    if any(w in lexicon.OUTLETS for w in words):
        return False
    if phrase in lexicon.PLACES:
        named = phrase in first_names or phrase in lexicon.surnames()
        return len(words) == 1 and (cue in ("age", "title", "role") or (
            named and cue in ("speech", "human") and not _placed(text, group, doc)))
    if evidence.is_place(phrase) and cue not in ("age", "title", "role"):
        named = phrase in first_names or phrase in lexicon.surnames() if len(words) == 1 else \
            words[0] in first_names and words[-1] in lexicon.surnames()
        if not named or _placed(text, group, doc):
            return False
    if words[0] in lexicon.PLACES and words[0] not in first_names:
        if len(words) == 1 or words[-1] not in lexicon.surnames() or lower[-1] in common:
            return False
    if any(w in lexicon.FUNCTION_WORDS for w in lower) or any(w in lexicon.MONTHS_DAYS for w in words):
        return cue in ("age", "title", "speech", "human") and len(words) == 1 and words[0] in first_names
    if any(w in lexicon.PLACES for w in words[1:]) and cue not in ("human", "age", "title", "role"):
        return False
    if len(words) >= 2:
        if words[0] in first_names or cue:
            return True
        if words[-1] in lexicon.surnames() and lower[0] not in common:
            return True
        return len(words) <= 4 and not any(w in common for w in lower)
    word = words[0]
    if cue in ("age", "title", "role"):
        return True
    if _placed(text, group, doc):
        return False
    if word in first_names:
        if group.sentence_start and lower[0] in common:
            return cue in ("speech", "human")
        return not _NOT_PERSON_BEFORE.search(before)
    if cue == "human":
        return lower[0] not in common or not group.sentence_start
    return cue == "speech" and lower[0] not in common and not group.sentence_start


def _quoted_title(text: str, group: _Group) -> bool:
    """The whole phrase is the content of a quotation: the title of a work ("Rust")."""
    before = text[group.toks[0].start - 1:group.toks[0].start] if group.toks[0].start else ""
    after = text[group.toks[-1].end:group.toks[-1].end + 2]
    return before in ("\"", "“", "'", "‘") and after[:1] in ("\"", "”", "'", "’", ",", ".") and \
        (after[:1] in ("\"", "”", "'", "’") or after[1:2] in ("\"", "”", "'", "’"))


@dataclass
class _Person:
    name: str
    words: tuple[str, ...]


def _people(groups: list[_Group]) -> list[_Person]:
    out: dict[str, _Person] = {}
    for group in groups:
        if group.decision and len(group.toks) >= 2:
            words = tuple(_words(group))
            out.setdefault(" ".join(words), _Person(" ".join(words), words))
    return list(out.values())


def _short_form(group: _Group, short_forms: set[str]) -> bool:
    """One word that shortens a first name the article gives a person ("Rafa" after "Rafael"):
    `short_forms` holds the starts, four letters or more, of those names."""
    word = group.toks[0].text if len(group.toks) == 1 else ""
    return word[:1].isupper() and word in short_forms


def _known(group: _Group, known_words: set[str], known_names: set[str]) -> bool:
    """A group the article names elsewhere: one word that is a known person's first name or
    surname, or a known full name (sets made once per article, not per group)."""
    words = _words(group)
    if len(words) == 1:
        return words[0] in known_words
    return " ".join(words) in known_names


def _known_within(group: _Group, people: list[_Person], named_words: set[str]) -> list[_Group]:
    """In a headline or sub-heading, where every word is capitalised, only the people the
    article's text names: the longest known full name at each place, else a known first name
    or surname."""
    words = [norm(t.text) for t in group.toks]
    full = {p.words for p in people} | {(p.words[0], p.words[-1]) for p in people}
    singles = {w for p in people for w in (p.words[0], p.words[-1])} | named_words
    out, i = [], 0
    while i < len(words):
        match = next((n for n in range(min(4, len(words) - i), 1, -1) if tuple(words[i:i + n]) in full), 0)
        if match:
            out.append(_Group(group.toks[i:i + match], group.segment, False, decision=True))
            i += match
        elif words[i] in singles:
            out.append(_Group(group.toks[i:i + 1], group.segment, False, decision=True))
            i += 1
        else:
            i += 1
    return out


def _mention(text: str, group: _Group) -> Mention:
    start, end = group.toks[0].start, group.toks[-1].end
    match = _POSSESSIVE.search(text[start:end])
    if match:
        end -= len(match.group())
    return Mention(start, end, text[start:end], tokens=tuple(_words(group)))


def _resolve(text: str, mentions: list[Mention]) -> None:
    """Full names are people; a single word goes to the full name with that first name, else to
    the person last named with that surname (the next one if none came before). In "Alec and
    Hilaria Baldwin" the first name shares the surname that follows."""
    for this, following in zip(mentions, mentions[1:]):
        if (len(this.tokens) == 1 and len(following.tokens) >= 2 and this.tokens[0] in lexicon.first_names()
                and re.fullmatch(r"\s+(?:and|&)\s+", text[this.end:following.start])):
            this.tokens = (this.tokens[0], following.tokens[-1])
    full = {" ".join(m.tokens): m.tokens for m in mentions if len(m.tokens) >= 2}
    # A shorter full name inside a longer one ("Alec Baldwin" in "Alexander Alec Baldwin").
    by_ends: dict[tuple[str, str], list[tuple[str, ...]]] = {}
    for words in full.values():
        by_ends.setdefault((words[0], words[-1]), []).append(words)
    canonical = {}
    for name, words in full.items():
        longer = [w for w in by_ends[(words[0], words[-1])] if len(w) > len(words)]
        canonical[name] = " ".join(max(longer, key=len)) if longer else name
    firsts: dict[str, set[str]] = {}
    lasts: dict[str, list[str]] = {}
    for name, words in full.items():
        firsts.setdefault(words[0], set()).add(canonical[name])
        lasts.setdefault(words[-1], []).append(canonical[name])
    last_by_surname: dict[str, str] = {}
    pending: list[Mention] = []
    for mention in mentions:
        if len(mention.tokens) >= 2:
            mention.person = canonical[" ".join(mention.tokens)]
            last_by_surname[mention.tokens[-1]] = mention.person
            continue
        word = mention.tokens[0]
        by_first = sorted(firsts.get(word, ()))
        if len(by_first) == 1:
            mention.person = by_first[0]
        elif word in last_by_surname:
            mention.person = last_by_surname[word]
        elif by_first:
            mention.person = by_first[0]
        else:
            pending.append(mention)
    for mention in pending:
        word = mention.tokens[0]
        later = lasts.get(word, [])
        mention.person = later[0] if later else word


def gender(person: str) -> str:
    """'m', 'f' or 'u' from the person's first name."""
    return lexicon.first_names().get(person.split()[0], "u") if person else "u"
