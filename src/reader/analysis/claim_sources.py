"""The sources of claims: the phrase naming who a claim rests on, found before or after its verb
or quotation, and classified as a named person (pronouns and role nouns resolved to the person
last mentioned), an anonymous source, a publication, the public, or none (`Sources`)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING, Any

from reader.analysis import claim_words as W
from reader.analysis import lexicon
from reader.analysis import speaker_shapes as shapes
from reader.analysis.names import Mention
from reader.analysis.pronouns import antecedent, article_genders
from reader.analysis.source_phrase import Source, phrase_source
from reader.analysis.source_types import SourceKind
from reader.analysis.text import Token, after_abbreviation
from reader.analysis.text import tokens as _tokens

if TYPE_CHECKING:
    from reader.analysis.claims import Claim

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
        self._quoted_starts = [lo for lo, _ in self._quoted]
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
        self.genders = article_genders(text, self.mentions)
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
        word = toks[j].text.lower()
        found: Source | None
        if toks[verb - 1].text.lower() in W.ADJECTIVE_BEFORE and toks[verb].text.lower().endswith("ing"):
            return None  # "some convincing was needed", "the meaning": a noun there
        if word == "who" and j >= 1:  # "Lindsey Graham, who has called for", "voters who support": theirs
            found = self.subject(toks, verb, toks[0].start)
            if found is None or found.source == "none":
                return None
            lead = (found.speaker or "").split()
            if found.source != "named" and (
                len(lead) > 4 or not lead or lead[0].endswith(("ing", "ed")) or W.adverb(lead[0].lower())
            ):
                return None  # not "revered among Democratic activists": a group's phrase ran back into a verb
            return found
        if word in ("he", "she"):
            found = self.pronoun(word, toks[j].start)
        else:
            found = self.mention_ending(toks[j].end)
        if found is None and groups and W.group_doer(word, toks[verb].text.lower()):
            group = self.subject(toks, j + 1, toks[0].start)  # "some Democratic officials think"
            found = group if group is not None and group.source in ("anonymous", "public") else None
        return found if found is not None and found.source != "none" else None

    def subject(self, toks: list[Token], verb: int, lo: int, nested: bool = False) -> Source | None:
        """The noun phrase right before toks[verb] (adverbs between are skipped). `nested`: asked
        again for a verb further back ("decided to back", "who relayed … said"), once only, so that
        a chain of such verbs costs no more than one ("to wanted to wanted …")."""
        j = verb - 1
        verb_start = toks[verb].start if verb < len(toks) else toks[-1].end
        while j >= 0 and (
            (W.adverb(toks[j].text.lower()) and not self.named_at(toks[j]))
            or (j and toks[j].text.lower() in ("both", "all", "each") and toks[j - 1].text.lower() in W.AUXILIARIES)
            or (j and toks[j].text.lower() in ("particular", "turn") and toks[j - 1].text.lower() == "in")
        ):  # "Trump and Sanders have both argued": past the floating "both"; "France in particular feared"
            after = toks[j + 1].start if j + 1 < len(toks) else verb_start
            if self.text[toks[j].end : after].strip():
                break  # not past a comma: "which Ruiz won easily, showed"
            j -= 2 if toks[j].text.lower() in ("particular", "turn") else 1
        if j > 0 and toks[j].text.lower() == "to":  # "causing her to reply", "asked Ruiz to explain"
            before = toks[j - 1].text.lower()
            if before in ("him", "her", "them"):
                return self.pronoun({"him": "he", "her": "she", "them": "they"}[before], toks[j - 1].start)
            found = self.mention_ending(toks[j - 1].end)
            if (
                found is None
                and not nested
                and (before in W.TO_VERBS or before.endswith("ed"))
                and not toks[j - 1].capitalised
            ):
                return self.subject(toks, j - 1, lo, nested=True)  # "Sanders decided to back Obama": who decided
            return found
        if j < 0 or toks[j].text.lower() in W.NO_SUBJECT_BEFORE:
            return None  # "and said", "before saying": the subject is the clause's
        if toks[j].text.lower() in W.PREPOSITIONS:
            return None  # "declined to comment on reports that": a noun there, no subject before it
        end_tok = j
        # up to the first word passed over: "Ted Cruz, who won Texas, is calling for" has the aside's
        # comma there, not ", is"
        limit = toks[j + 1].start if j + 1 < min(verb, len(toks)) else (toks[verb].start if verb < len(toks) else None)
        gap_after = self.text[toks[end_tok].end : limit] if limit is not None else ""
        if toks[j].text.lower() in ("who", "which") and j >= 1 and not gap_after.strip():
            # "independent voters who said", "Trump, who said": the one the clause is about
            end_tok = j - 1
            gap_after = "" if self.text[toks[j - 1].end : toks[j].start].strip() in ("", ",") else ","
        elif gap_after.strip() in (",", "—", "–", "-", "--", ")") and verb < len(toks):
            aside_end = shapes.before_aside(self.text, toks, j)
            if aside_end is not None:  # "The official, who spoke on the condition …, said"
                end_tok, gap_after = aside_end, ""
                while end_tok > 0 and (
                    toks[end_tok].text.lower() in W.AUXILIARIES or W.adverb(toks[end_tok].text.lower())
                ):
                    end_tok -= 1  # "U.S. officials have, in fact, praised": "U.S. officials"
            else:
                named = shapes.named_apposition(self, toks, j)
                if named is not None:
                    return named  # "One pastor supporting Cruz, Darran Whiting of …, said"
        if (
            gap_after.strip() == ","
            and end_tok >= 1
            and toks[end_tok].text.lower() in W.ASIDES
            and self.text[toks[end_tok - 1].end : toks[end_tok].start].strip() == ","
        ):
            end_tok, gap_after = end_tok - 1, ""  # "Proponents of the bill, however, say"
            while end_tok > 0 and toks[end_tok].text.lower() in W.AUXILIARIES:
                end_tok -= 1  # "A YouGov poll of American voters has, however, revealed"
        if any(c in W.HARD_PUNCT for c in gap_after.replace("'", "").replace("’", "")):
            if verb < len(toks) and toks[0].start >= lo and shapes.apposition_before(self.text, toks, verb):
                name_end = next(i for i in range(verb) if "," in self.text[toks[i].end : toks[i + 1].start])
                return self.classify(toks[0].start, toks[name_end].end)  # "Ana Ruiz, a lawyer, says that"
            return None
        k = self._phrase_start(toks, end_tok)
        if any(t.text.lower() == "who" for t in toks[end_tok + 1 : verb]):
            k = _after_infinitive(toks, k, end_tok)  # "is likely to placate nervous Democrats, who": them
        relative = k >= 1 and toks[k - 1].text.lower() in ("who", "that", "which")  # asked of the outer subject below
        clause_verb = None if relative else shapes.finite_verb_in(self, toks, k, end_tok)
        if clause_verb is not None:
            if clause_verb == k:
                return None  # "he has chopped Clinton's lead in delegates, claiming": the clause's
            end_tok = clause_verb - 1  # "His campaign sued the DNC on Friday, seeking": "His campaign"
            while end_tok > k and W.adverb(toks[end_tok].text.lower()):
                end_tok -= 1  # "The Post recently ran a piece that noted": "The Post"
            k = self._phrase_start(toks, end_tok)
        if k < end_tok and toks[end_tok].text.lower() in ("he", "she", "they"):
            found = self.pronoun(toks[end_tok].text.lower(), toks[end_tok].start)  # "… decided they want"
            if found.source == "none" and toks[end_tok].text.lower() == "they" and toks[0].start >= lo:
                # "Wyoming Republicans have once again decided they want": the sentence's subject
                found = shapes.opening_phrase(self, toks[:end_tok], _ANY_SOURCE) or found
            return found
        if (
            k >= 1
            and toks[k].text.islower()
            and toks[k].text.endswith("ing")
            and "," in self.text[toks[k - 1].end : toks[k].start]
        ):  # "Collins joined the group, publishing an op-ed hammering …": the clause's subject's
            return self.clause_subject(toks, k) if not nested else None
        cut = next((m for m in range(k + 1, end_tok + 1) if toks[m].text.lower() in W.REDUCED_RELATIVES), None)
        if cut is not None:
            end_tok = cut - 1  # "A new poll released this week found": "A new poll"
        if end_tok > k and toks[end_tok].text.lower() in ("that", "which"):
            end_tok -= 1  # "a 2014 paper that found": "a 2014 paper"
        if end_tok > k and W.verb_phrase(toks[k].text, toks[k + 1].text):
            if toks[k + 1].text.lower() == "by" and end_tok > k + 1:
                k += 2  # "echoed by former Gov. Martin O'Malley, who noted": the one by whom
            else:
                return None  # "Cruz is making a pitch to New York voters saying": not "making a pitch …"
        found = self.classify(toks[k].start, toks[end_tok].end)
        if found.source == "none" and k >= 2 and toks[k - 1].text.lower() in ("and", "or"):
            # "officials in the FBI and at the Justice Department have said": the phrase goes on
            wider = self._phrase_start(toks, k - 2)
            if wider < k - 1 and not self.text[toks[k - 2].end : toks[k - 1].start].strip():
                found = self.classify(toks[wider].start, toks[end_tok].end)
        if k >= 2 and not nested and toks[k - 1].text.lower() in ("who", "that"):
            outer = self.subject(toks, k - 1, lo, nested=True)  # "One official who relayed the exchange said"
            if outer is not None and outer.source != "none":
                return outer
        if found.source == "none" and toks[k].start > lo and shapes.names_someone(toks[k : end_tok + 1], known=False):
            return Source("named", self.text[toks[k].start : toks[end_tok].end])  # mid-sentence "Trump said"
        return found

    def _phrase_start(self, toks: list[Token], end_tok: int) -> int:
        """Where the noun phrase ending at toks[end_tok] starts: at most 8 words back, not past
        punctuation, a verb or a word that opens a clause."""
        k = end_tok
        while k > 0 and end_tok - k < 8:
            gap = self.text[toks[k - 1].end : toks[k].start]
            if any(c in W.HARD_PUNCT for c in gap):
                break
            if toks[k - 1].text.lower() in W.VERB_STOPS:
                break  # "Among them were independent voters who said", "have once again decided they"
            if toks[k - 1].text.lower() in W.STOP_BACK:
                known = k >= 2 and toks[k - 2].text.lower() in W.WITH_HEADS
                if not (toks[k - 1].text.lower() == "with" and known):
                    break  # but "people with knowledge of", "officials with the campaign"
            k -= 1
        while k < end_tok and toks[k].text.lower() in W.LEADING_NOISE:
            k += 1
        return k

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
        """Who the phrase text[start:end] names, as a source (see CLAIMS.md's kinds)."""
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
        person = self.last_person(at, want)
        return Source("named", person) if person else Source("none", None)

    def _in_quotation(self, offset: int) -> bool:
        i = bisect_right(self._quoted_starts, offset) - 1
        return i >= 0 and offset < self._quoted[i][1]

    def last_person(self, at: int, want: str = "u") -> str | None:
        """Whom a pronoun of gender `want` at `at` means (see `pronouns.antecedent`): of the
        last W.LOOK_BACK people named before it; outside a quotation, people named inside one
        are passed over first (in '"… in labor with Rafa …" she captioned', "she" is not Rafa);
        with none of its gender among them, the last one of its gender named earlier."""
        stop = bisect_left(self.starts, at)
        before = [m for m in self.mentions[max(0, stop - W.LOOK_BACK) : stop] if m.end <= at]
        if self._quoted and not self._in_quotation(at):
            outside = [m for m in before if not self._in_quotation(m.start)]
            found = antecedent(self.text, outside, want, self.genders)
            if found is not None:
                return found
        found = antecedent(self.text, before, want, self.genders)
        if found is not None:
            return found
        if want != "u":
            for mention in reversed(self.mentions[:stop]):
                if mention.end <= at and self.genders.get(mention.person) == want:
                    return mention.person
        return before[-1].person if before else None

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


def _after_infinitive(toks: list[Token], k: int, end: int) -> int:
    """Where the noun phrase in toks[k : end + 1] starts when an infinitive's verb comes first
    ("likely to placate nervous Democrats"): after the verb; else k."""
    for m in range(end - 2, k - 1, -1):
        following = toks[m + 1].text
        if toks[m].text.lower() == "to" and following.islower() and following not in W.NOT_A_VERB_AFTER_TO:
            return m + 2
    return k
