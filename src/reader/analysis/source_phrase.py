"""What a phrase naming a source is (`phrase_source`): a named person or body, an anonymous
source, a publication, the public, or none, the kinds of CLAIMS.md; pronouns, "it" and role
words ("the senator") resolved through the `Sources` reading the article (`Source` is the answer)."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.analysis import claim_words as W
from reader.analysis import lexicon
from reader.analysis.name_cues import ROLE_NOUNS
from reader.analysis.role_descriptions import described_person, titled_after

if TYPE_CHECKING:
    from reader.analysis.claim_sources import Sources


@dataclass
class Source:
    source: str
    speaker: str | None
    person: str | None = None  # whom a description ("the senator") refers to; `speaker` keeps its words


def phrase_source(sources: Sources, start: int, end: int) -> Source:
    """Who the phrase text[start:end] names, as a source: a pronoun's or a role word's person, an
    unnamed insider, an outlet or report, the public, a named person or body, or none."""
    phrase = re.sub(r"^(?:by|from)\s+", "", sources.text[start:end].strip(" ,:;\"'“”‘’"), flags=re.IGNORECASE)
    phrase = W.TRAILING_TIME.sub("", phrase)  # "The mayor on Tuesday": the mayor
    lower = phrase.lower()
    words = re.findall(r"[a-z](?:[a-z\-']|\.(?=[a-z]))*", lower)  # "u.s" one word
    if not words:
        if re.fullmatch(r"\d+(?:\.\d+)?", phrase) and sources.text[end : end + 1] == "%":
            return Source("public", phrase + "%")  # "47% say": a share of those polled
        return Source("none", None)
    if all(w.strip(".,") in lexicon.MONTHS_DAYS for w in phrase.split()):
        return Source("none", None)  # '"…," X said Sunday': a day names no one
    if len(words) == 1 and words[0] in W.SUBJECT_PRONOUNS:
        return sources.pronoun(words[0], start)
    if words == ["it"]:
        return sources.it_source(start)
    if (
        W.ELLIPTIC.match(lower)
        and sources.last_claim is not None
        and sources.last_claim.source in ("public", "anonymous")
    ):
        return Source(sources.last_claim.source, phrase)
    head = re.split(r"\b(?:close to|of|for|with|at|from|in|near|familiar with|cited by|to)\b", lower)[0]
    head_words = set(re.findall(r"[a-z][a-z\-']*", head))
    named = [
        m
        for m in sources.mentions[bisect_left(sources.starts, start) : bisect_left(sources.starts, end)]
        if m.end <= end
    ]
    head_end = start + len(head.rstrip())
    if named and named[-1].end >= head_end - 2 and named[-1].start < head_end:
        return Source("named", named[-1].text)  # "Royal commentator Gillian Shaw"
    if (W.QUANTITY.search(head) or W.QUANTIFIED.match(lower)) and not any(m.start < head_end for m in named):
        return Source("public", phrase)  # "Seventy-four percent of Democratic voters", "52% of Trump backers"
    circle = any(map(_UNNAMED_CIRCLE.fullmatch, (head.strip(), lower)))
    if W.IN_THE_KNOW.match(lower) or _CLOSE_TO.match(lower) or circle:
        # "people familiar with the talks", "those close to him", "one of Mr. Obama's climate
        # advisers", "advisers to Mr. Obama": unnamed, whoever they work for
        return Source("anonymous", phrase)
    if head_words & lexicon.ANONYMOUS_NOUNS and not (named and head_words <= {"one", "person"}):
        # "Rep. Elijah Cummings" (or the "Rep" a title's dot left of it): a congressman, not a rep
        title = _TITLE_REP.search(sources.text, start, end + 4)
        if title is None:
            return Source("anonymous", phrase)
        after = bisect_left(sources.starts, title.end() - 1)
        if after < len(sources.mentions) and sources.mentions[after].start < title.end() + 2:
            return Source("named", sources.mentions[after].text)  # the congressman named after it
        return Source("named", phrase)
    if (
        (W.OUTLET_RE.search(phrase) and not W.PEOPLE_WHO.match(phrase))
        or head_words & lexicon.PUBLICATION_NOUNS
        or re.search(r"\.(?:com|net|org|co\.uk)\b", lower)
    ):
        if not named:
            return Source("publication", phrase)
    if _BODY_NAME.fullmatch(phrase) and phrase.split()[-1] in lexicon.OUTLET_WORDS and not named:
        return Source("publication", phrase)  # "The Charlotte Observer found": an outlet, not observers
    if head_words & lexicon.PUBLIC_NOUNS or W.ELLIPTIC.match(lower):
        return Source("public", phrase)
    if named and named[-1].end < head_end - 2 and head.split()[-1] in lexicon.OFFICIAL_NOUNS:
        return Source("anonymous", phrase)  # "A senior Obama administration official"
    if named and sources.text[named[-1].end : named[-1].end + 1] not in ("'", "’"):
        return Source("named", named[-1].text)  # not "Vargas’ question": the question is the head
    parts = re.split(r"[\s-]+", phrase)  # "the Sun-Times"
    if any(w in lexicon.OUTLET_WORDS for w in parts[1:]) and any(w[:1].isupper() for w in parts):
        return Source("publication", phrase)
    if (
        words[0] in ("the", "a", "an", "his", "her", "their", "its")
        and head_words & lexicon.INSTITUTION_NOUNS
        and head.split()[-1] not in lexicon.OFFICIAL_NOUNS  # "a senior administration official"
    ):
        return Source("named", phrase)  # "the White House", "his campaign"
    if head_words & lexicon.EVIDENCE_NOUNS and not named:
        return Source("publication", phrase)  # "the most recent RealClearPolitics average"
    role = [w for w in words if w in ROLE_NOUNS or re.fullmatch(r"\d+-year-old", w)]
    if (
        role
        and (words[0] == "the" or (words[0] in ("his", "her", "their") and role[-1] not in W.KIN_NOUNS))
        and len(words) <= 4
        and not re.search(r"['’]s\b", lower)
    ):  # not "his wife": someone else than the one named before
        qualifiers = [w.strip(".,'’") for w in phrase.split()[1:] if w[:1].isupper()]  # "The Florida senator"
        person = described_person(sources, start, role[-1], qualifiers)
        if person or sources.last_person(start) is not None:
            # "the governor said": its words, and whom when the article makes it plain
            return Source("named", phrase, person)
    if role and words[0] in ("his", "her", "their") and len(words) <= 3 and role[-1] in W.KIN_NOUNS:
        return Source("named", phrase)  # "His wife said": someone the article identifies, not by name
    pronouns = [  # not a leading "her" that is a determiner: "Her strategists" are not she
        w
        for i, w in enumerate(words)
        if w in ("he", "she", "him", "her", "they", "them") and not (w == "her" and i == 0 and len(words) > 1)
    ]
    if pronouns and len(words) <= 5:
        return sources.pronoun({"him": "he", "her": "she", "them": "they"}.get(pronouns[0], pronouns[0]), start)
    aides = head.split()[-1:] and head.split()[-1] in lexicon.OFFICIAL_NOUNS
    proper = [
        w
        for w in phrase.split()
        if w[:1].isupper()
        and not (aides and w.endswith(("'s", "’s")))  # not "Ruiz's advisers": unnamed aides of someone named
        and w.lower().strip(".,") not in lexicon.common_words()
        and w.strip(".,") not in lexicon.MONTHS_DAYS  # "During their phone call Tuesday": no one
    ]
    head_proper = [w for w in sources.text[start:end].split()[: len(head.split())] if w[:1].isupper()][1:]
    one = one_described(sources, start, phrase, head)
    if one is not None:
        return one
    if _PARTY_GROUP.fullmatch(head.strip()):
        return Source("public", phrase)  # "Democratic leaders", "some Republican lawmakers": a party as a group
    if head_words & lexicon.OFFICIAL_NOUNS and len(head.split()) <= 6 and not head_proper:
        return Source("anonymous", phrase)  # "former officials in the FBI": unnamed, wherever they work
    if proper and words[0] not in lexicon.FUNCTION_WORDS:
        return Source("named", phrase)
    described = W.DESCRIBED_NAME.fullmatch(phrase)
    if described and described.group(1) in proper:
        return Source("named", described.group(1))  # "an angry Hollande", "a defiant Ruiz"
    if (
        len(words) == 1
        and phrase[:1].isupper()
        and not phrase.isupper()
        and (phrase in lexicon.surnames() or phrase in lexicon.first_names())
    ):
        return Source("named", phrase)  # "Trump said": a surname that is also a word
    if (
        2 <= len(words) <= 5
        and all(w[:1].isupper() for w in phrase.split())
        and not phrase.isupper()
        and words[0] not in lexicon.FUNCTION_WORDS | lexicon.PUBLIC_NOUNS
        and not W.QUANTIFIED.match(lower)
        and words[-1] not in W.MEMBERS | lexicon.OFFICIAL_NOUNS | lexicon.PUBLIC_NOUNS
    ):
        return Source("named", phrase)  # an organisation's name: "Playing Field Promotions"
    if head_words & lexicon.OFFICIAL_NOUNS and len(head.split()) <= 6:
        return Source("anonymous", phrase)  # "Officials", "the judge", "Republican strategists"
    if W.QUANTITY.search(lower) or W.QUANTIFIED.match(lower):
        return Source("public", phrase)  # "46 percent of voters", "most", "nine in 10 Democrats"
    last = head.split()[-1] if head.split() else ""
    if len(words) <= 6 and re.fullmatch(r"[a-z]+[^s]s", last) and last in lexicon.common_words():
        return Source("public", phrase)  # "Mourners", "proponents of more controls", "Democrats"
    if (
        words[0] in ("the", "a", "an", "another", "one")
        and 2 <= len(words) <= 6
        and words[-1] not in lexicon.FUNCTION_WORDS
    ):
        # Someone described, not named: "The billionaire businessman says", "A major civil
        # rights group says"; groups and bodies are named as such, people stay unnamed.
        if head_words & (lexicon.INSTITUTION_NOUNS | W.GROUP_BODIES):
            return Source("named", phrase)
        if words[0] == "the" and _BODY_NAME.fullmatch(phrase) and words[-1] not in W.MEMBERS | lexicon.PUBLIC_NOUNS:
            return Source("named", phrase)  # "the White House", "the I.R.S.", "the Labor Department"
        if words[0] == "one":
            return Source("public", phrase)  # "one ticket holder", "one protest organizer"
        return Source("anonymous", phrase)
    return Source("none", None)


_PARTY_GROUP = re.compile(
    r"(?:(?:some|many|most|other|several|top|senior|fellow|the)\s+)*(?:democratic|republican|gop|labour|labor|"
    r"conservative|tory|liberal|green|progressive)\s+(?:party\s+)?(?:leaders|lawmakers|legislators|senators|"
    r"politicians|candidates|congressmen|mps|members)"
)
_CLOSE_TO = re.compile(r"(?:those|people|someone|somebody|friends|sources|insiders)\s+(?:close|closest)\s+to\b")
# An unnamed circle around someone: partitive and possessive before, adjectives between, the
# head last; the words after "to", "of", "for" (split off into the phrase's tail) name the boss.
_UNNAMED_CIRCLE = re.compile(
    r"(?:(?:one|some|two|three|four|several|many|most|a few|a couple) of\s+)?(?:the\s+|his\s+|her\s+|their\s+)?"
    r"(?:[a-z.]+\s+){0,3}?(?:[a-z.\-]+['’]s?\s+)?(?:[a-z\-]+\s+){0,2}"
    r"(?:advisers|advisors|aides|allies|operatives|staffers|confidants|loyalists|surrogates|insiders)"
)
_CONJOINED = re.compile(r"\b[Tt]he\s+(?:[\w.'’-]+\s+){1,6}and\s+\Z")
_TITLE_REP = re.compile(r"\bRep\.\s+[A-Z]")
# "the" and a name in capitals: a body on record ("the White House", "the I.R.S.", "The BPI").
_BODY_NAME = re.compile(r"[Tt]he(?:\s+(?:[A-Z][\w'’&.-]*|of|and|for))+")


# Heads that name an office held by people the article need not name: "the official", "an aide"
# stay unnamed sources, whatever article came before (the contract's "officials identified only
# by office"); a spokesperson speaks for a body (named) or for no one named (anonymous).
_UNNAMED_OFFICES = frozenset(
    """official aide adviser advisor staff staffer spokesman spokeswoman spokesperson representative
    officer agent investigator regulator police authorities head source insider person someone""".split()
)


def one_described(sources: Sources, start: int, phrase: str, head: str) -> Source | None:
    """One person described, not named, by the article's own words: "the judge", "The Democratic
    nominee", "the New York businessman", "Obama's former campaign strategist". By the contract
    a description that points to one person is that person's word (`named`, with the person
    when the article makes it plain, else none); an indefinite one ("a judge") only when the
    lines after name that person with the role as a title; never a plural ("judges") nor an
    office held by people left unnamed ("the official")."""
    head_words = head.split()
    if not head_words or len(head_words) > 6:
        return None
    last = head_words[-1].strip(".,'’")
    definite = head_words[0] == "the" or bool(re.match(r"[a-z.]+['’]s\b", head_words[0]))
    # "The former first lady and U.S. senator said": the speaker found is the part after "and"
    definite = definite or bool(_CONJOINED.search(sources.text, max(0, start - 60), start))
    if last in _UNNAMED_OFFICES or last in W.KIN_NOUNS:
        return None
    if last not in _ONE_PERSON or (last.endswith("s") and last[:-1] in _ONE_PERSON):
        return None  # not a word for one person, or its plural ("senators" is in the lists too)
    if not definite:
        # "A New York judge has rejected …" with "Judge Frank Nervo" in the lines after: his
        later = titled_after(sources, start, last) if head_words[0] in ("a", "an") else None
        return Source("named", phrase, later) if later else None
    qualifiers = [w.strip(".,'’") for w in phrase.split()[1:] if w[:1].isupper()]
    person = described_person(sources, start, last, qualifiers) or titled_after(sources, start, last)
    return Source("named", phrase, person)


# Words for one person by what they do or are, beyond the offices and roles of the lists.
_PERSON_NOUNS = frozenset(
    """businessman businesswoman billionaire tycoon mogul magnate entrepreneur developer nominee
    candidate challenger incumbent frontrunner front-runner contender campaigner activist lady
    star actor actress singer rapper comedian host anchor presenter writer author novelist
    columnist commentator pundit founder owner boss manager coach player striker defender
    midfielder goalkeeper captain veteran ex-president ex-wife ex-husband pilot driver""".split()
)
_ONE_PERSON = lexicon.OFFICIAL_NOUNS | ROLE_NOUNS | _PERSON_NOUNS
