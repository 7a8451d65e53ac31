"""Word lists and patterns the claim reader uses: what stops a subject phrase, which words are
adverbs between a subject and its verb, hedging and attribution patterns, title cues."""

from __future__ import annotations

import re
from typing import Any

from reader.analysis import lexicon

HEDGE = re.compile(r"\b(?:" + "|".join(lexicon.HEDGES) + r")\b", re.IGNORECASE)
# The words a hedge can start with: HEDGE is tried only where one of them stands (tried at
# every character, its ~40 alternatives were a fifth of the claims' time). A test checks that
# this finds what HEDGE.finditer finds.
HEDGE_LEADS = frozenset(
    """reportedly allegedly purportedly supposedly apparently seemingly presumably rumor rumors
rumour rumours rumored rumoured amid sparking fuelling fueling fuel spark sparked fuelled fueled
speculation it some many suggest suggests suggested suggesting is are was were unconfirmed
whisper whispers gossip if source sources seem seems seemed appear appears appeared may might
could speculate speculates speculated speculating""".split()
)
_WORD_AT = re.compile(r"\w+")


def words_in(text: str, start: int, end: int, cache: dict[Any, Any] | None = None) -> list[str]:
    """The words of text[start:end] in lower case; `cache` (the analysis's per-article dict)
    keeps them for the hedges, verbs and relays of the same sentence, each of which asks."""
    if cache is None:
        return _WORD_AT.findall(text[start:end].lower())
    key = ("words", start, end)
    found = cache.get(key)
    if found is None:
        found = cache[key] = _WORD_AT.findall(text[start:end].lower())
    return found


def hedges_in(text: str, start: int, end: int, cache: dict[Any, Any] | None = None) -> list[re.Match[str]]:
    """HEDGE's matches in text[start:end], as `HEDGE.finditer` gives them, faster."""
    if HEDGE_LEADS.isdisjoint(words_in(text, start, end, cache)):
        return []  # no word a hedge starts with
    found: list[re.Match[str]] = []
    after = start
    for word in _WORD_AT.finditer(text, start, end):
        at = word.start()
        if at < after or word.group().lower() not in HEDGE_LEADS:
            continue
        match = HEDGE.match(text, at, end)
        if match is not None:
            found.append(match)
            after = match.end()
    return found


STOP_BACK = frozenset(
    "and but or who which that when as while because so after before if where since "
    "though although with without despite than whom whose".split()
)
SKIP_ADVERBS = frozenset(
    "also then later once previously recently reportedly allegedly exclusively can could would will may "
    "might must should did does do quickly simply has have had was were is are even further first again "
    "separately publicly privately candidly jokingly bluntly long already repeatedly strongly openly explicitly "
    "formally officially still often never not now itself himself herself themselves always just sometimes ever "
    "soon".split()
)
_LY_NOT_ADVERBS = frozenset(
    "family rally ally assembly supply reply apply belly bully jelly early only holy ugly lovely "
    "friendly likely unlikely elderly daily weekly monthly yearly fly july italy kelly emily".split()
)


def adverb(word: str) -> bool:
    """A word passed over between a subject and its verb: the listed ones ("also", "has"), and
    other adverbs in -ly ("He memorably promised", "Clinton forcefully condemned")."""
    return word in SKIP_ADVERBS or (len(word) > 4 and word.endswith("ly") and word not in _LY_NOT_ADVERBS)


SUBJECT_PRONOUNS = {"he", "she", "they", "i", "we"}
# A word right before a verb that says the verb has no subject of its own there ("to ask",
# "and said", "before saying"): the clause's subject is the speaker.
NO_SUBJECT_BEFORE = frozenset("to and or but before after while by without when".split())
# An aside set off by commas between a subject and its verb ("Proponents, however, say").
ASIDES = frozenset("however too meanwhile though also instead moreover indeed nonetheless nevertheless".split())
# Words that open a short lead before a sentence's subject ("On Monday, Trump …").
LEAD_WORDS = frozenset(
    "on in at during after before later earlier yesterday today tonight meanwhile however but and "
    "still then now also again instead separately last this".split()
)
NOUN_CONTEXT = frozenset(
    "amid the these those such of new fresh false unfounded wild any no similar "
    "latest recent earlier explosive damning his their its our your my a an every each".split()
)
# Quantifiers that make a plural after them a noun ("some states", "many claims"), though they
# are subjects before a verb ("many argue", "with some arguing that").
QUANTIFIERS = frozenset("some many several both few".split())
BE = frozenset("is are was were be been being".split())
AUXILIARIES = BE | frozenset(
    "has have had not never long already repeatedly publicly strongly openly "
    "explicitly formally officially still now often".split()
)
LEADING_NOISE = frozenset("now but and so yet still then also however meanwhile later even".split())
GROUP_MODIFIERS = frozenset(
    """a an the one another our his her their its some two three several many
unnamed anonymous close longtime long-time family senior former mutual old trusted royal palace
entertainment industry show production tv hollywood studio insider source other fellow""".split()
)
ROLE_GENDER = {
    "actor": "m",
    "husband": "m",
    "father": "m",
    "dad": "m",
    "son": "m",
    "brother": "m",
    "boyfriend": "m",
    "actress": "f",
    "wife": "f",
    "mother": "f",
    "mom": "f",
    "mum": "f",
    "daughter": "f",
    "sister": "f",
    "girlfriend": "f",
    "spokesman": "m",
    "spokeswoman": "f",
    **{n + "man": "m" for n in ("irish", "french", "english", "scots", "welsh", "dutch")},
    **{n + "woman": "f" for n in ("irish", "french", "english", "scots", "welsh", "dutch")},
}
# Roles that relate someone to another: "his wife said" is not the man named before.
KIN_NOUNS = frozenset(
    """wife husband son daughter mother father mom dad mum brother sister child children
    boyfriend girlfriend fiance fiancé fiancee fiancée partner friend cousin niece nephew""".split()
)
ELLIPTIC = re.compile(
    r"^(?:a|an|the)?\s*(?:second|third|fourth|another|other|one|others)\b(?:\s+(?:person|user|fan|commenter|one))?$",
    re.IGNORECASE,
)
MULTIWORD = re.compile(
    r"\b(?:opened up about|spoke (?:out )?about|talked about|hit back at|"
    r"(?:took|takes|taking) aim at|lash(?:ed|es)? out at|rail(?:ed|s)? against|came out (?:against|in favou?r of)|"
    r"went on|goes on|go on|chimed in|weighed in|opened up|spoke out|can reveal|points out|pointed out|"
    r"can confirm|can exclusively reveal|has learned|has learnt|learned|cited by|"
    r"according to|as reported by|per|(?:declined|declines|refused|refuses|did not want|"
    r"didn't want) to (?:comment|say|elaborate|discuss|answer|respond|specify|speculate|"
    r"confirm|name|be named|be identified)|did not (?:immediately )?respond|"
    r"did not (?:immediately )?return|could not be reached)\b",
    re.IGNORECASE,
)
# The words MULTIWORD's phrases start with: it is run only where one of them stands. A test
# checks that each phrase starts with one.
MULTIWORD_LEADS = frozenset(
    "opened spoke talked hit went goes go chimed weighed can has learned cited according as per declined "
    "declines refused refuses did didn could points pointed took takes taking lash lashed lashes rail railed "
    "rails came".split()
)
TITLE_CUES = re.compile(
    r"\b(?:titled|entitled|called|named|show|series|film|movie|podcast|song|album|"
    r"book|episode|article|headline|programme|program|documentary|reel|musical|play)\s*,?\s*$",
    re.IGNORECASE,
)
# The words before a quotation that make it a question put to someone ("Asked by ExtraTV if it
# was hard to 'be yourself'"), not words of theirs.
QUESTION_LEAD = re.compile(
    r"\b(?:asked|questioned|pressed|quizzed)\b[^.?!,;:]*\b(?:if|whether|about|why|how|what|to)\b", re.IGNORECASE
)
# A headline's speaker and colon: "John McCain: …", "Clinton camp: …", "Newspaper: …".
HEADLINE_SPEAKER = re.compile(r"([A-Z][\w.'’-]*(?: [A-Z]?[\w.'’-]+){0,3}):\s+\S")
# A headline that credits its words with a verb: "Clinton Says Russians Hacked DNC", "One protest
# organizer says platform ignores movement".
HEADLINE_SAYS = re.compile(r"([A-Z][\w.'’-]*(?: [\w.'’-]+){0,4}?) (?:[Ss]ays|[Ss]aid|[Tt]ells|[Tt]old|[Ww]arns)\s+\S")
HARD_PUNCT = set(',;:"“”()[]—–')
OUTLET_RE = re.compile(
    r"(?<![\w.])(?:"
    + "|".join(sorted((re.escape(o) for o in lexicon.OUTLETS if len(o) > 2 and o[0].isupper()), key=len, reverse=True))
    + r")(?![\w])"
)
_GROUP_WORDS = frozenset(w for w in lexicon.ANONYMOUS_NOUNS | lexicon.PUBLIC_NOUNS if w.isalpha())
_GROUP_PHRASES = re.compile(  # the few with a hyphen or an apostrophe
    r"\b(?:"
    + "|".join(sorted((w for w in lexicon.ANONYMOUS_NOUNS | lexicon.PUBLIC_NOUNS if not w.isalpha()), key=len))
    + r")\b",
    re.IGNORECASE,
)
_WORD_RUN = re.compile(r"\w+")


def has_group_word(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] holds a group noun ("sources", "critics", "fans"…) as a whole
    word: a set look-up per word (one alternation of ~100 words tried at every character was
    a tenth of the whole analysis)."""
    if not _GROUP_WORDS.isdisjoint(_WORD_RUN.findall(text[start:end].lower())):
        return True
    return _GROUP_PHRASES.search(text, start, end) is not None


def title_like(words: list[str], inner: str) -> bool:
    significant = [w for w in words if len(w) > 3 or w[:1].isupper()]
    if not significant:
        return False
    return all(w[:1].isupper() or w[:1].isdigit() for w in significant) and not re.search(r"[.!?]\W*$", inner.strip())


def is_suggest(text: str, at: int) -> bool:
    """Whether the hedge at `at` is a verb whose subject only guesses ("Some viewers have
    suggested", "Viewers have long speculated"): the claim stays hedged, credited to that subject."""
    return text[at : at + 9].lower().startswith(("suggest", "speculat"))


# Who a source phrase names (claim_sources.Sources.classify and subject).
GROUP_BODIES = frozenset(
    "group organization organisation association coalition institute center centre "
    "alliance caucus movement network council".split()
)
QUANTITY = re.compile(
    r"\b\d+(?:\.\d+)?\s*(?:%|percent|per cent)"
    r"|\b(?:[a-z]+-)?(?:[a-z]+teen|ten|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|one|two|three|four|five|six|seven|eight|nine)\s+(?:percent|per cent)\b"
    r"|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine)\s+(?:in|of|out of)\s+(?:\d+|10|ten|\w+)\b"
    r"|\bmajority\b|\bplurality\b"
)
QUANTIFIED = re.compile(
    r"(?:(?:almost|nearly|about|around|roughly|just|only|over|under|shy of|more than|fewer than|less than)\s+)*"
    r"(?:most|half|each|both|a majority|majorities|a third|a quarter|a fifth|two-thirds|three-quarters)\b"
    r"|those (?:surveyed|polled|questioned|interviewed|asked)\b"
)
MEMBERS = frozenset("republicans democrats conservatives liberals progressives independents voters supporters".split())
PEOPLE_WHO = re.compile(r"(?:the\s+)?people\s+(?:with|familiar|close|who|briefed|in|at|inside|involved)\b", re.I)
DESCRIBED_NAME = re.compile(r"(?:[Aa]n?|[Tt]he)(?: [a-z][a-z-]*){1,2} ([A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?)")
IN_THE_KNOW = re.compile(
    r"(?:the\s+|two\s+|three\s+|several\s+|some\s+|a\s+)?(?:people|person|others?|individuals?)\s+"
    r"(?:with\s+(?:direct\s+)?knowledge|familiar\s+with|close\s+to|briefed\s+on|involved\s+in|who\s+(?:has|have)\s+(?:seen|spoken|talked))\b"
)
VERB_STOPS = BE | frozenset("has have had will would can could may might must should did does do".split())
TO_VERBS = frozenset(
    "wants want plans plan hopes hope refuses refuse agrees agree vows vow promises promise decides decide "
    "declines decline tries try seeks seek intends intend expects expect threatens threaten pledges pledge".split()
)
WITH_HEADS = lexicon.ANONYMOUS_NOUNS | lexicon.PUBLIC_NOUNS | lexicon.OFFICIAL_NOUNS | {"familiar"}
_GROUP_HEADS = lexicon.PUBLIC_NOUNS | lexicon.ANONYMOUS_NOUNS
_NOT_GROUP_HEADS = (
    lexicon.FUNCTION_WORDS
    | AUXILIARIES
    | frozenset(
        "besides towards afterwards backwards forwards perhaps always sometimes nevertheless unless whereas "
        "thus".split()
    )
)
# Prepositions that open a sentence with a verb in -ing whose doer is the main clause's subject
# ("Besides attacking the former president, he …", "After praising the plan, she …").
GERUND_LEADS = frozenset("besides after before while by when since despite without upon".split())


def group_doer(head: str, verb: str) -> bool:
    """Whether `head` can end a group that does `verb` ("researchers hope", "many believe"):
    a group noun or a plural, with the verb in its plural form ("Bush accounts for" is not one;
    nor is "the terrorist attack", whose last words are nouns)."""
    plural = head in _GROUP_HEADS or (
        len(head) > 3
        and head.endswith("s")
        and not head.endswith(("'s", "’s", "ss", "ous"))  # not "numerous", "famous"
        and head not in _NOT_GROUP_HEADS
    )
    return plural and not (verb.endswith("s") and not verb.endswith("ss"))


# After a subject, an -ed word followed by one of these is still a participle in the phrase
# ("A poll released Thursday", "a study conducted by", "Exit polls taken in"), not its verb.
PARTICIPLE_NEXT = frozenset(
    """by in on at for from to with over during between after before since under among across
last this earlier late early""".split()
)
# Before an -ed word, these make it an adjective of the phrase ("the embattled senator").
ADJECTIVE_BEFORE = frozenset(
    "the a an his her their its our your my this that these those some many several few both no".split()
)
# -ed words that are adjectives before a noun, not a verb with its object ("registered voters").
ED_ADJECTIVES = frozenset(
    """registered retired elected unnamed married united concerned interested unidentified selected
qualified experienced skilled armed organized organised advanced detailed limited alleged supposed
respected trusted talented educated divided undecided committed dedicated frustrated disappointed
satisfied worried unaffiliated unpledged pledged appointed indicted accused embattled self-described
so-called renewed increased reduced continued sustained need""".split()
)
# Past tenses without -ed: in a phrase before a speech verb, one followed by its object makes the
# phrase a clause ("His office put out a statement saying", "The Post ran a piece that noted").
IRREGULAR_PAST = frozenset(
    """put ran sang made took gave sent held began went came got led left met paid saw set spent stood won
brought bought kept lost meant threw drew wore tore broke spoke chose rose fell hit cut let shut shot struck
fought sought swore found knew thought wrote heard felt sold told""".split()
)
TRAILING_TIME = re.compile(
    r"\s+(?:(?:on|late|early|earlier|last|this)\s+)+"
    r"(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?:morning|afternoon|evening|night))?"
    r"|week|month|year|night|morning|afternoon|evening)$",
    re.IGNORECASE,
)
# Words after "to" that open a noun phrase, not an infinitive ("close to the campaign").
NOT_A_VERB_AFTER_TO = frozenset("the a an his her their its him them me us my our your this that these those".split())
LOOK_BACK = 200  # mentions a pronoun or a description may reach back to
_ADJECTIVE_CONTEXT = ADJECTIVE_BEFORE | QUANTIFIERS


def past_tense(word: str) -> bool:
    """A verb in the past tense ("sued", "emailed", "ran"), not an -ed word that is an adjective
    before a noun ("registered voters", "a retired general")."""
    return word in IRREGULAR_PAST or (
        word.islower() and word.isalpha() and len(word) > 3 and word.endswith("ed") and word not in ED_ADJECTIVES
    )


def adjective_after(before: str, word: str) -> bool:
    """Whether a past form `word` after the word `before` is an adjective of a noun phrase ("the
    embattled senator", "an elected official", "Democrats' vaunted", "newly elected"), not a
    verb ("recently ran")."""
    return (
        before.lower() in _ADJECTIVE_CONTEXT
        or before.endswith(("'s", "’s", "'", "’"))
        or (adverb(before.lower()) and word not in IRREGULAR_PAST)
    )


# Where a word of the lists is no verb of saying or of a stance: "thanks to a big win" (a
# preposition), "flew back to Washington" (an adverb), "maintained his lead" (kept, not asserted).
_NOT_SAYING_NEXT = {
    "thanks": frozenset({"to"}),
    "back": frozenset("to from in into on home then at".split()),
}
_KEPT = frozenset("lead leads status grip control majority edge advantage presence ties ranking".split())
_MAINTAIN = frozenset("maintain maintains maintained maintaining".split())


def not_a_verb_of_saying(word: str, toks: list[Any], i: int) -> bool:
    """Whether `word`, toks[i] read as a verb, is used otherwise here (by the words after it)."""
    following = toks[i + 1].text.lower() if i + 1 < len(toks) else ""
    if following in _NOT_SAYING_NEXT.get(word, ()):
        return True
    return (
        word in _MAINTAIN
        and following in ("his", "her", "their", "its", "a", "the")
        and any(tok.text.lower() in _KEPT for tok in toks[i + 2 : i + 4])
    )  # "maintained his double-digit lead"


_OPENS_AN_OBJECT = frozenset(
    "a an the his her their its this that these those to over at in by from on with what".split()
)


def verb_phrase(first: str, second: str) -> bool:
    """A phrase opened by a verb in -ing or -ed and its object or complement ("making a pitch",
    "interviewed at Trump rallies", "used by European countries"), not a noun phrase
    ("leading Democrats", "streaming services")."""
    return first.islower() and first.endswith(("ing", "ed")) and len(first) > 4 and second.lower() in _OPENS_AN_OBJECT


# Words that alone name no one as a source ("In", "So": surnames too; "This").
NO_ONE = frozenset(
    "in on at so if as by for from to of and but or yet then after before when while with without into onto "
    "upon this that these those his its their has have had is was are were be been there here thus also even "
    "just only besides".split()
)
AWAY = frozenset("to with in at for from on about".split())  # the one named after these is not the source
# A word right before a verb after which no subject phrase ends ("declined to comment on reports that").
PREPOSITIONS = frozenset("on about over of in at for from into despite amid following regarding concerning".split())
# Past participles that open a reduced relative clause after a source's noun ("a poll released
# this week", "a letter obtained by The Associated Press"): the source ends before them.
REDUCED_RELATIVES = frozenset(
    "released published obtained conducted issued commissioned reviewed filed posted sent written "
    "funded sponsored prepared compiled produced circulated distributed authored speaking talking".split()
)
