"""The sources of claims: the phrase naming who a claim rests on, found before or after its verb
or quotation, and classified as a named person (pronouns and role nouns resolved to the person
last mentioned), an anonymous source, a publication, the public, or none (`Sources`)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any

from reader.analysis import claim_words as W
from reader.analysis import lexicon
from reader.analysis import speaker_shapes as shapes
from reader.analysis.names import Mention
from reader.analysis.pronouns import Antecedents
from reader.analysis.source_phrase import Source, phrase_source
from reader.analysis.source_types import Claim, SourceKind
from reader.analysis.subject_reader import Subjects
from reader.analysis.text import Token, after_abbreviation
from reader.analysis.text import tokens as _tokens
from reader.analysis.verb_reader import Verbs

_NOT_A_STANCE_NEXT = frozenset("with over about against through into in on at".split())
_ANY_SOURCE = ("named", "anonymous", "public", "publication")
_GROUP_SUBJECTS = lexicon.ANONYMOUS_NOUNS | (lexicon.PUBLIC_NOUNS - {"people"})  # "sources", "fans": not "people"


class Sources:
    """Who a phrase names: the subject before a verb, the words after it, a pronoun's person, a
    group noun, classified as named, anonymous, publication, public or none. Keeps what later
    sentences refer back to: the last claim's source and the last unnamed group mentioned."""

    def __init__(
        self,
        text: str,
        mentions: list[Mention],
        token_cache: dict[Any, Any],
        quoted: list[tuple[int, int]] | None = None,
    ) -> None:
        """`quoted`: the quotations' spans, in text order."""
        self.text = text
        self._quoted = quoted or []
        self.token_cache = token_cache
        # Mentions in text order, found by bisection: a scan of all of them per sentence made
        # the analysis quadratic in the article's length.
        self.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        self.starts = [m.start for m in self.mentions]
        self.by_start = {m.start: m for m in reversed(self.mentions)}
        self.last_claim: Claim | None = None
        # (its sentence's start and end, phrase, source)
        self.last_group_phrase: tuple[int, int, str, SourceKind] | None = None
        self.last_body: tuple[int, Source] | None = None  # the last organisation or outlet named: "it"
        self._people = {m.text for m in mentions} | {m.person for m in mentions}
        self.antecedents = Antecedents(text, self.mentions, self._quoted)
        self.subjects = Subjects(self)
        self.verbs = Verbs(self)
        self._first_subject: dict[tuple[int, int], int | None] = {}  # by a sentence's (start, end)

    def tokens(self, text: str, start: int, end: int) -> list[Token]:
        return _tokens(text, start, end, self.token_cache)

    def clause_subject(self, toks: list[Token], upto: int) -> Source | None:
        """The sentence's own subject when the verb toks[upto] is in a later clause ('Hilaria
        rebuked him, telling him:' or 'She turned and joked:'): the noun phrase it opens with when
        that names a source ("Both parents stiffened their denunciation of Mr. Trump, saying"),
        else its first person named or pronoun."""
        opening = shapes.opening_phrase(self, toks[: min(upto, 8)], _ANY_SOURCE)  # it reads 8 words at most
        if opening is not None:
            return opening  # "The State Department has deemed … and says"
        k = self._first_subject_word(toks)
        if k is None or k >= upto:
            return None
        tok = toks[k]
        word = tok.text.lower()
        if word in ("he", "she", "they"):
            return self.pronoun(word, tok.start)
        mention = self.by_start.get(tok.start)
        if mention is not None:
            return Source("named", mention.text, mention.person)  # its words as written, and whom
        return self.group_noun(tok.start, tok.end + 1)

    def leading_participle_subject(self, toks: list[Token], i: int) -> Source | None:
        """The subject of the main clause when the verb toks[i] opens the sentence as a
        participle ("Noting that the policy failed, Trump reminded voters …": Trump)."""
        if (
            i > 1
            or (i == 1 and toks[0].text.lower() not in W.LEADING_NOISE | W.GERUND_LEADS)
            or not toks[i].text.lower().endswith("ing")
        ):
            return None  # but "Besides attacking the president, he …": his too
        comma = next((j for j in range(i + 1, len(toks)) if "," in self.text[toks[j - 1].end : toks[j].start]), None)
        if comma is None or (i + 1 < len(toks) and toks[i + 1].text.lower() in _NOT_A_STANCE_NEXT):
            return None  # "Arguing with the referee, the coach …": a quarrel, no stance
        if toks[0].text.lower() in W.GERUND_LEADS and toks[comma].text.lower() in W.STOP_BACK:
            return None  # "Besides attacking him, while the audience booed, Trump …": not the audience
        found = self.clause_subject(toks[comma:], len(toks) - comma)
        return found if found is not None and found.source != "none" else None

    def _first_subject_word(self, toks: list[Token]) -> int | None:
        """Where the sentence's first pronoun, person named or group noun is; found once per
        sentence, as each of its verbs may ask ("said that … said that …" was quadratic)."""
        if not toks:
            return None
        key = (toks[0].start, toks[-1].end)
        if key not in self._first_subject:
            self._first_subject[key] = next(
                (
                    k
                    for k, tok in enumerate(toks)
                    if tok.text.lower() in ("he", "she", "they")
                    or tok.start in self.by_start
                    or tok.text.lower() in _GROUP_SUBJECTS
                ),
                None,
            )
        return self._first_subject[key]

    def doer_before(self, toks: list[Token], verb: int, groups: bool = True) -> Source | None:
        """The person named, or meant by a pronoun, right before toks[verb], auxiliaries and
        adverbs between passed over ("Cruz has long endorsed", "she also thinks"); with
        `groups`, else an unnamed group ("some officials think", "researchers hope")."""
        j = self._doer_word(toks, verb)
        if j is None:
            return None
        word = toks[j].text.lower()
        if word == "who" and j >= 1:  # "Lindsey Graham, who has called for", "voters who support": theirs
            return self._who_before(toks, verb)
        found = self.pronoun(word, toks[j].start) if word in ("he", "she") else self.mention_ending(toks[j].end)
        if found is None and groups and W.group_doer(word, toks[verb].text.lower()):
            group = self.subject(toks, j + 1, toks[0].start)  # "some Democratic officials think"
            found = group if group is not None and group.source in ("anonymous", "public") else None
        return found if found is not None and found.source != "none" else None

    def _doer_word(self, toks: list[Token], verb: int) -> int | None:
        """The word that does toks[verb], past auxiliaries and adverbs; None where the verb is
        done to someone ("a plan backed by Cruz", "is widely expected") or is a noun there."""
        if verb + 1 < len(toks) and toks[verb + 1].text.lower() == "by":
            return None  # "sources cited by the paper", "a plan backed by Cruz": done to them
        j = verb - 1
        passive = False
        while (
            j >= 0
            and (W.adverb(toks[j].text.lower()) or toks[j].text.lower() in W.AUXILIARIES)
            and not self.named_at(toks[j])
        ):
            passive = passive or toks[j].text.lower() in W.BE
            j -= 1
        if passive and toks[verb].text.lower().endswith("ed"):
            return None  # "The measure is widely expected to pass": done to it
        if j < 0 or self.text[toks[j].end : toks[j + 1].start].strip() or toks[j].text.endswith(("'", "’", "'s", "’s")):
            return None  # a comma between, or "Sanders’ attacks": the word is a noun there
        if toks[verb - 1].text.lower() in W.ADJECTIVE_BEFORE and toks[verb].text.lower().endswith("ing"):
            return None  # "some convincing was needed", "the meaning": a noun there
        return j

    def _who_before(self, toks: list[Token], verb: int) -> Source | None:
        """Whom a "who" before toks[verb] is about: the phrase before it."""
        found = self.subject(toks, verb, toks[0].start)
        if found is None or found.source == "none":
            return None
        lead = (found.speaker or "").split()
        if found.source != "named" and (
            len(lead) > 4 or not lead or lead[0].endswith(("ing", "ed")) or W.adverb(lead[0].lower())
        ):
            return None  # not "revered among Democratic activists": a group's phrase ran back into a verb
        return found

    def subject(self, toks: list[Token], verb: int, lo: int, nested: bool = False) -> Source | None:
        """The noun phrase right before toks[verb] as a source (subject_reader.Subjects)."""
        return self.subjects.subject(toks, verb, lo, nested)

    def object_after(self, toks: list[Token], verb: int, hi: int) -> Source | None:
        """The phrase right after toks[verb] up to punctuation ('said Hilaria', 'according to X')."""
        start = verb + 1
        if start >= len(toks):
            return None
        k = start
        while k + 1 < len(toks) and k - start < 12:
            gap = self.text[toks[k].end : toks[k + 1].start]
            titled = gap.strip() == "." and after_abbreviation(self.text, toks[k].start, toks[k].end)
            ends = any(c in W.HARD_PUNCT or c in ".!?" for c in gap) or toks[k + 1].text.lower() in W.STOP_BACK
            if ends and not titled:
                break  # a title's dot ("said former Gov. Bill Richardson") is no end
            k += 1
        lo, end = toks[start].start, toks[k].end
        named = self.mentions[bisect_left(self.starts, lo) : bisect_left(self.starts, end)]
        if k > start + 6 and named and named[-1].end > toks[start + 6].end:
            # a long one, up to the person named last: "said former Gov. and Party Chairman Ed Rendell",
            # "a declaration filed in federal court by John F. Hackett"; not "wrote in an email to Clinton"
            words = self.text[lo : named[-1].start].lower().split()
            if (words and words[-1] == "by") or not W.AWAY.intersection(words):
                return self.classify(lo, min(end, named[-1].end))
        return self.classify(lo, toks[min(k, start + 6)].end)

    def named_at(self, tok: Token) -> bool:
        """Whether the token is part of a person's name ("May" of "Theresa May": no modal verb)."""
        i = bisect_right(self.starts, tok.start) - 1
        return i >= 0 and self.mentions[i].end > tok.start and tok.text[:1].isupper()

    def mention_ending(self, end: int) -> Source | None:
        """The person whose mention ends at `end`, as a named source."""
        i = bisect_left(self.starts, end) - 1
        if i >= 0 and self.mentions[i].end == end:
            return Source("named", self.mentions[i].text)
        return None

    def classify(self, start: int, end: int) -> Source:
        """Who the phrase text[start:end] names, as a source (see docs/analysis.md, "Source kinds")."""
        words = self.text[start:end].lower().split()
        if words and all(w.strip(".,;:") in W.NO_ONE for w in words):
            return Source("none", None)  # "In", "So", "This": no one ("So" and "In" are surnames too)
        found = phrase_source(self, start, end)
        if found.source in ("named", "publication") and found.speaker and found.speaker not in self._people:
            self.last_body = (start, found)  # "The FDIC released a statement. It said …"
        return found

    def it_source(self, at: int) -> Source:
        """What "it" says: the organisation or outlet named last, not long before."""
        if self.last_body is not None and 0 < at - self.last_body[0] < 600:
            return self.last_body[1]
        return Source("none", None)

    def pronoun(self, pronoun: str, at: int) -> Source:
        if pronoun in ("they",) and self.last_group_phrase and at - self.last_group_phrase[0] < 400:
            _, sentence_end, phrase, source = self.last_group_phrase
            named = bisect_left(self.starts, at)
            if not (named and sentence_end <= self.mentions[named - 1].start < at):
                return Source(source, phrase)  # not "Fans were furious. Alec and Hilaria arrived. They said"
        if pronoun in ("i", "we"):
            return Source("none", None)
        want = lexicon.PRONOUNS_SUBJECT.get(pronoun, "u")
        person = self._last_speaker(at, want) or self.last_person(at, want)
        return Source("named", person) if person else Source("none", None)

    def _last_speaker(self, at: int, want: str) -> str | None:
        """The speaker of the claim just before in the same paragraph, when of the pronoun's
        gender: whoever was speaking goes on ("Ruiz said the plan failed, citing Tom Baines.
        She added …" is Ruiz's even if a woman was named between)."""
        last = self.last_claim
        if last is None or last.source != "named" or not last.speaker or want == "u":
            return None
        if at - last.end > 300 or self.text.find("\n", last.end, at) != -1:
            return None
        person = last.person or self._person_named(last.speaker, last.start, last.end)
        return person if person and self.antecedents.genders.get(person) == want else None

    def _person_named(self, words: str, start: int, end: int) -> str | None:
        """The person whose mention in text[start:end] reads `words` (or who `words` already is)."""
        if words in self.antecedents.genders:
            return words
        for mention in self.mentions[bisect_left(self.starts, start) : bisect_left(self.starts, end)]:
            if mention.text == words:
                return mention.person
        return None

    def last_person(self, at: int, want: str = "u") -> str | None:
        """Whom a pronoun of gender `want` at `at` means (pronouns.Antecedents)."""
        return self.antecedents.last_person(at, want)

    def remember_group_phrase(self, start: int, end: int) -> None:
        """The last unnamed source mentioned ('a long-time family friend'), for a later 'they'."""
        found = self.group_noun(start, end)
        if found is not None and found.speaker:
            self.last_group_phrase = (start, end, found.speaker, found.source)

    def group_noun(self, start: int, end: int) -> Source | None:
        if not W.has_group_word(self.text, start, end):
            return None
        toks = self.tokens(self.text, start, end)
        for i, tok in enumerate(toks):
            word = tok.text.lower()
            if (
                word in lexicon.ANONYMOUS_NOUNS - {"person", "someone"}
                or word in (lexicon.PUBLIC_NOUNS - {"people", "some", "others", "many"})
                or (
                    word in ("many", "some")
                    and i + 1 < len(toks)
                    and toks[i + 1].text.lower() not in ("of", "time", "years")
                )
            ):
                k = i
                while (
                    k > 0
                    and i - k < 4
                    and self.text[toks[k - 1].end : toks[k].start].strip() == ""
                    and toks[k - 1].text.lower() in W.GROUP_MODIFIERS
                ):
                    k -= 1
                return self.classify(toks[k].start, tok.end)
        return None
