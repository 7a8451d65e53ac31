"""Where news puts a claim's speaker besides right before its verb: after a quotation with a
description set off by commas ('"…," Ana Ruiz, a lawyer, said'), before a colon ('Bush: "…"'),
as the subject of the sentence that holds a quotation ("Eric Trump knocked a statement …
'…'"), or in an attribution that ends the sentence ("…, the Sun-Times reported."). Each
function reads the text through a `SourceReader` and returns what it classifies."""

from __future__ import annotations

import re

from reader.analysis import claim_words as W
from reader.analysis import lexicon
from reader.analysis.source_phrase import Source
from reader.analysis.source_reader import SourceReader
from reader.analysis.text import Token, after_abbreviation

_NOT_RELAYS = frozenset(("went on", "goes on", "go on", "chimed in", "weighed in", "opened up", "spoke out"))
_STOPS = set(',;:.!?"“”()')
_OBJECT_RELAYS = frozenset(("according to", "as reported by", "per", "cited by"))
_COLON_LEAD = re.compile(r"\s*([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})\s*:\s*")


def after_quote(sources: SourceReader, toks: list[Token]) -> Source:
    """Who a quotation is credited to by the words between it and the speech verb after it:
    '"…," Ban recalled', '"…," Ana Ruiz, a lawyer for the city, said'. After a quotation a
    capitalised phrase before the verb is its speaker even when it is no known name."""
    text = sources.text
    name = toks
    for j in range(len(toks) - 1):
        if "," in text[toks[j].end : toks[j + 1].start]:
            name = toks[: j + 1] if all(t.capitalised for t in toks[: j + 1]) else toks
            break
    source = sources.classify(name[0].start, name[-1].end)
    if source.source == "none" and names_someone(name, known=False):
        return Source("named", text[name[0].start : name[-1].end])
    return source


def apposition_before(text: str, toks: list[Token], verb: int) -> bool:
    """Whether toks[:verb] is a name, then a description set off by commas, the second comma
    right before the verb ("Ana Ruiz, a lawyer for the city, said")."""
    if verb < 3 or "," not in text[toks[verb - 1].end : toks[verb].start]:
        return False
    for j in range(min(4, verb - 2)):
        if not toks[j].capitalised:
            return False
        if "," in text[toks[j].end : toks[j + 1].start]:
            return True
    return False


_ASIDE_OPENERS = frozenset(
    "who whose which a an the including among like from one now then once himself herself itself "
    "themselves in at of for with".split()
)
_DASHED_OPENERS = frozenset("and or but even especially not as".split())  # "Democrats — and some Republicans — say"
_ASIDE_MARKS = {",": ",", "—": "—", "–": "–", "-": "-", "--": "--", ")": "("}


def before_aside(text: str, toks: list[Token], last: int) -> int | None:
    """The token before an aside that ends at toks[last], set off by commas, dashes or brackets
    ("The official, who spoke on the condition of anonymity, said"; "Many speakers — including
    Jews — said"; "Sen. Chuck Grassley, facing a challenge in Iowa, a swing state, said"): the
    subject's last word, or None when what precedes is no aside."""
    close = text[toks[last].end : toks[last + 1].start].strip() if last + 1 < len(toks) else ""
    opening = _ASIDE_MARKS.get(close)
    if opening is None:
        return None
    found = None
    for k in range(last, max(0, last - 40), -1):
        gap = text[toks[k - 1].end : toks[k].start].strip(" $%&'’\"“”‘\n\t")
        if gap == "." and after_abbreviation(text, toks[k - 1].start, toks[k - 1].end):
            continue  # "which Mr. Trump won"
        if not gap or (gap == "," and opening != ","):
            continue  # inside words, figures; commas inside a dashed aside
        word = toks[k].text
        opens = word.lower() in _ASIDE_OPENERS or (opening != "," and word.lower() in _DASHED_OPENERS)
        if gap == opening == "," and word[:1].isupper() and not opens:
            # a name within or after a description ("who lost her daughter in Aurora, Colorado, in
            # 2012,"; "the editor of the Vatican's paper, L'Osservatore Romano,"): the aside goes on
            # only if an opening word comes further back ("In Iowa, Cruz said" has none)
            continue
        if gap != opening or not (opens or word[:1].isdigit() or word.endswith("ing")):
            break  # another mark first, or no aside's opening word
        found = k - 1  # and on, for an aside of two parts ("facing …, a swing state,")
        if opening != ",":
            break
    return found


_POSSESSIVES = frozenset("his her their its my our your".split())
_VERB_BEFORE = W.AUXILIARIES | W.SKIP_ADVERBS | W.SUBJECT_PRONOUNS | {"to", "who"}  # a verb follows these
_SPECULATIVE = frozenset("may might could would should must".split())
_PAST_STANCES = frozenset("thought knew felt sought".split())


def stance_subject(sources: SourceReader, toks: list[Token], i: int, start: int) -> Source | None:
    """The subject of a stance or intention verb toks[i] when it is more than a name right
    before it: "The senator who made enemies now wants", "Sanders, who had not endorsed, backed"."""
    word, after = toks[i].text.lower(), toks[i + 1].text.lower() if i + 1 < len(toks) else ""
    if i and word.split()[0].endswith("ing") and "," in sources.text[toks[i - 1].end : toks[i].start]:
        # "she had canceled the rally, citing the attack": the clause's subject takes the stance
        found = sources.clause_subject(toks, i)
        return found if found is not None and found.source in ("named", "anonymous", "publication") else None
    k = _past_auxiliaries(toks, i, word)
    if k is None or after == "by" or not _verb_like(sources.text, toks, i):
        return None
    aside = k >= 0 and bool(sources.text[toks[k].end : toks[k + 1].start].strip())  # ", in her campaigning,"
    if not aside and any(t.text.lower() in _POSSESSIVES for t in toks[max(0, k - 2) : k]):
        return None  # "her appearance signalled": not her stance
    found = sources.subject(toks, i, start)
    takers = ("named", "anonymous", "publication") + (("public",) if aside and word not in W.HEDGE_LEADS else ())
    return found if found is not None and found.source in takers else None  # "Critics, including X, pointed to"


def _verb_like(text: str, toks: list[Token], i: int) -> bool:
    """The stance word toks[i] is a verb there: not "Sanders' attacks", "California's plan",
    "bipartisan support" (nouns); but "X, the head of Y, thinks"."""
    word, after = toks[i].text.lower(), toks[i + 1].text.lower() if i + 1 < len(toks) else ""
    before = toks[i - 1].text.lower() if i else ""
    return (
        word.endswith("ed")
        or word in _PAST_STANCES
        or after in ("to", "that")
        or before in _VERB_BEFORE
        or (word.endswith("s") and i > 0 and "," in text[toks[i - 1].end : toks[i].start])
    )


def _past_auxiliaries(toks: list[Token], i: int, word: str) -> int | None:
    """The word before the auxiliaries and adverbs before toks[i]; None when they make it no
    one's stance: a guess ("The pair may not agree") or a passive ("the case was dismissed")."""
    k = i - 1
    while k >= 0 and (toks[k].text.lower() in W.AUXILIARIES or W.adverb(toks[k].text.lower())):
        if toks[k].text.lower() in _SPECULATIVE:
            return None
        if toks[k].text.lower() in W.BE and word.endswith("ed"):
            return None
        k -= 1
    return k


_OPENING_ENDS = W.IRREGULAR_PAST | {"says", "said", "reports", "writes", "notes", "adds", "claims"}


def opening_phrase(
    sources: SourceReader, toks: list[Token], kinds: tuple[str, ...] = ("anonymous", "public", "publication")
) -> Source | None:
    """The source named by the words a sentence opens with, up to its first verb in the past
    tense or auxiliary, when no comma comes first, and when it is one of `kinds`."""
    first = 1 if toks and toks[0].text.lower() in W.LEADING_NOISE else 0
    for v in range(first + 1, min(len(toks), first + 7)):
        gap = sources.text[toks[v - 1].end : toks[v].start].strip()
        if gap and not (gap == "." and after_abbreviation(sources.text, toks[v - 1].start, toks[v - 1].end)):
            return None  # "In what he acknowledged as a rant, Obama …": a lead, not a subject ("Sen. X" is one)
        word = toks[v].text
        if word.islower() and (
            word in W.VERB_STOPS or (word.endswith("ed") and len(word) > 3) or word in _OPENING_ENDS
        ):  # "sued", "said": "Ruiz’s campaign manager Ana Park said …, arguing": hers, not Ruiz's
            if toks[v - 1].text.lower() in W.SUBJECT_PRONOUNS:
                return None  # a pronoun: the scan below resolves it
            last = v - 1
            while last > first and W.adverb(toks[last].text.lower()):
                last -= 1  # "The State Department repeatedly obfuscated": "The State Department"
            found = sources.classify(toks[first].start, toks[last].end)
            if found.source in kinds and found.speaker and last > first and toks[last].text.lower() in ("who", "that"):
                found = Source(found.source, sources.text[toks[first].start : toks[last - 1].end])  # "People who have"
            return found if found.source in kinds else None
    return None


def named_apposition(sources: SourceReader, toks: list[Token], last: int) -> Source | None:
    """The person named first in the stretch between the comma before toks[last] and the
    one after it, when that stretch opens with a mention: a description, then the name."""
    for k in range(last, max(0, last - 12), -1):
        if "," in sources.text[toks[k - 1].end : toks[k].start]:
            mention = sources.by_start.get(toks[k].start)
            return Source("named", mention.text) if mention is not None else None
    return None


def in_relay(text: str, toks: list[Token], i: int) -> bool:
    """Whether toks[i] is in the phrase after "according to" (up to punctuation)."""
    for k in range(i - 1, max(0, i - 7), -1):
        if k < i - 1 and any(c in ",;:.!?()" for c in text[toks[k].end : toks[k + 1].start]):
            return False
        if toks[k].text.lower() == "to" and toks[k - 1].text.lower() == "according":
            return True
    return False


def colon_speaker(sources: SourceReader, lo: int, hi: int) -> Source | None:
    """'Bush: "The mission is to destroy ISIS."': the name before a colon that opens a
    quotation's sentence."""
    match = _COLON_LEAD.fullmatch(sources.text, lo, hi)
    if match is None:
        return None
    toks = sources.tokens(sources.text, match.start(1), match.end(1))
    source = sources.classify(match.start(1), match.end(1))
    if source.source == "none" and toks and names_someone(toks):
        return Source("named", match.group(1))
    return source if source.source != "none" else None


def sentence_subject(sources: SourceReader, toks: list[Token]) -> Source | None:
    """The person a sentence opens with, doing something before a quotation it holds ("Eric
    Trump knocked a statement by …", "Former Gov. Mike Huckabee is labeling it '…'", "She
    turned and quipped, '…'"): the quotation's speaker when nothing else names one."""
    text = sources.text
    if len(toks) < 2:
        return None
    lead = next((k for k, t in enumerate(toks[:5]) if "," in text[t.end : t.end + 1]), -1)
    if lead >= 0 and toks[0].text.lower() in W.LEAD_WORDS:
        toks = toks[lead + 1 :]  # "On Monday, Eric Trump knocked …"
    if len(toks) < 2:
        return None
    first = toks[0].text.lower()
    if first in ("he", "she") and not toks[1].capitalised:
        return sources.pronoun(first, toks[0].start)
    for k, tok in enumerate(toks[:6]):
        mention = sources.by_start.get(tok.start)
        rest = [t for t in toks[k:] if mention is not None and t.start >= mention.end]
        if mention is not None and rest and not rest[0].capitalised:
            if text[mention.end : rest[0].start].strip(" ,"):
                return None  # "Trump's campaign …"
            return Source("named", mention.text)
        if not tok.capitalised or k + 1 == len(toks) or text[tok.end : toks[k + 1].start].strip(" ."):
            return None  # "Even before Francis' remarks …": not the subject
    return None


def names_someone(toks: list[Token], known: bool = True) -> bool:
    """A short capitalised phrase that can name a person: no label ("UPDATE"), no pronoun; with
    `known`, not only ordinary words unless one is a known name ("Will", "Bush")."""
    words = [t.text for t in toks]
    if not (0 < len(words) <= 4 and all(t.capitalised and not t.text.isupper() for t in toks)):
        return False
    if words[0].lower() in lexicon.FUNCTION_WORDS | W.SUBJECT_PRONOUNS:
        return False
    return not known or any(
        w.lower() not in lexicon.common_words() or w in lexicon.surnames() or w in lexicon.first_names() for w in words
    )


_ENDS_CLAUSE = re.compile(r"\s*(?:[,:;.!?\"“”'’—–-]|\Z)")


def verb_words(toks: list[Token], text: str) -> list[str]:
    """Each token as a verb, lower case; a capitalised word is none ("the United States", "The
    Washington Post", "the Silver State": not "states", "post", "state"), unless the line is
    written in title case ("Ben Carson Says He Never Exaggerated")."""
    capitalised = sum(1 for t in toks if t.text[:1].isupper())
    if len(toks) >= 3 and capitalised >= 0.7 * len(toks):
        words = [t.text.lower() for t in toks]
    else:
        words = ["" if t.text[:1].isupper() else t.text for t in toks]
        opening = toks[0].text.lower() if toks else ""
        if opening.endswith("ing") and (opening in lexicon.SPEECH_VERBS or opening in lexicon.STRONG_ATTRIBUTION):
            words[0] = opening  # "Noting that …, Trump reminded": a participle opening the sentence
    for i, word in enumerate(words[:-1]):
        particles = lexicon.PARTICLE_VERBS.get(word)
        if particles and toks[i + 1].text.lower() in particles:
            if particles[0] == "it" and not _ENDS_CLAUSE.match(text, toks[i + 1].end):
                continue  # "as Tom Ridge put it:", but not "She put it on the table"
            words[i] = word + " " + particles[0]  # "has called for a ban", "pointed to the polls": hers
    return words


def relay_source(sources: SourceReader, lo: int, hi: int, relays_only: bool = False) -> tuple[int, Source] | None:
    """The source a phrase of several words gives in text[lo:hi] ("according to X", "per X",
    "X can reveal", "X declined to comment"), with where the phrase starts; `relays_only` passes
    over those that only go with a quotation ("went on", "chimed in")."""
    text = sources.text
    if W.MULTIWORD_LEADS.isdisjoint(W.words_in(text, lo, hi, sources.token_cache)):
        return None  # none of the phrases can start here (most sentences): no regex run
    for match in W.MULTIWORD.finditer(text, lo, hi):
        phrase = match.group().lower()
        if relays_only and phrase in _NOT_RELAYS:
            continue
        source: Source | None
        if phrase in _OBJECT_RELAYS:
            toks = sources.tokens(text, match.end(), hi)
            if not toks or (phrase == "per" and not toks[0].capitalised):
                continue
            source = sources.object_after(toks, -1, hi)
            if source is not None and source.source == "none" and phrase == "according to":
                end = 0  # a book, a web site: up to six words, to the next punctuation
                while end + 1 < min(len(toks), 6) and not set(text[toks[end].end : toks[end + 1].start]) & _STOPS:
                    end += 1
                words = text[toks[0].start : toks[end].end]
                source = Source("publication", words) if any(c.isalpha() for c in words) else None
        else:  # "X can reveal", "X declined to comment", "X spoke out about"
            toks = sources.tokens(text, lo, match.start())
            source = sources.subject(toks, len(toks), lo) if toks else None
        if source is not None and source.source != "none":
            return match.start(), source
    return None


def finite_verb_in(sources: SourceReader, toks: list[Token], k: int, end_tok: int) -> int | None:
    """The first word in toks[k..end_tok] that is a verb in the past tense with its object after
    it, so that the phrase is a clause, not a subject ("His campaign sued the DNC on Friday",
    "The Vermont senator emailed supporters"); not a participle or an adjective in the phrase
    ("A poll released Thursday", "a study conducted by", "the embattled senator")."""
    for m in range(k, end_tok):
        word = toks[m].text
        if not W.past_tense(word) or (m > k and W.adjective_after(toks[m - 1].text, word)):
            continue  # "the embattled senator", "newly elected", but "recently ran"
        after = toks[m + 1].text
        if after.lower() in W.PARTICIPLE_NEXT or after in lexicon.MONTHS_DAYS:
            continue
        if sources.text[toks[m].end : toks[m + 1].start].strip():
            continue
        return m
    return None


# Where a long opening subject's head ends: a relative word, a pronoun opening a relative clause
# without one ("people I have spoken with"), "to", or a preposition other than "of".
_HEAD_ENDS = frozenset(
    "who whom that which whose to in on at for from with over during since under near among across "
    "i we you he she they".split()
)


def long_opening_subject(sources: SourceReader, toks: list[Token], verb: int) -> Source | None:
    """The subject of a "say" that opens its sentence with a long phrase, by the phrase's head:
    "Majorities of Democrats in five states going to the polls Tuesday say", "Several people I
    have spoken with said", "The last man to mount a third-party race says". Only when nothing
    but words stands between the sentence's start and the verb (no comma, no quotation)."""
    if verb < 2 or verb > 30:
        return None
    lead = 1 if toks[0].text.lower() in W.LEADING_NOISE else 0
    if toks[lead].text.lower() in W.VERB_STOPS:
        return None  # "but has since said": no subject of its own here
    for k in range(lead + 1, verb + 1):
        if sources.text[toks[k - 1].end : toks[k].start].strip():
            return None
    end = lead
    while end + 1 < verb:
        word = toks[end + 1].text
        lower = word.lower()
        if (
            lower in _HEAD_ENDS
            or lower in W.VERB_STOPS
            or (word.islower() and lower.endswith(("ing", "ed")) and len(lower) > 4)
        ):
            break
        end += 1
    if all(tok.text.lower() in lexicon.FUNCTION_WORDS for tok in toks[lead : end + 1]):
        return None  # "and none has said": no one named
    found = sources.classify(toks[lead].start, toks[end].end)
    return found if found.source in ("anonymous", "public", "publication") else None


def hedge_source(sources: SourceReader, start: int, hedge_at: int) -> Source:
    """The source of a hedged claim: the subject of a verb that only guesses ("Some viewers have
    suggested"), or the public of "some say", "many believe"; else none."""
    toks = sources.tokens(sources.text, start, hedge_at)
    if toks and W.is_suggest(sources.text, hedge_at):
        source = sources.subject(toks, len(toks), start)
        if source is not None and source.source in ("publication", "anonymous", "public"):
            return source
    hedge_match = W.HEDGE.match(sources.text, hedge_at)
    if hedge_match and hedge_match.group().lower().startswith(("some", "many")):
        return Source("public", hedge_match.group().split()[0])
    return Source("none", None)
