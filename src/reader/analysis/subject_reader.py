"""The noun phrase before a verb, read as a source (`Subjects.subject`): past adverbs, asides
and relative clauses, cut before a clause's own verb, for the `SourceReader` reading an article."""

from __future__ import annotations

from typing import NamedTuple

from reader.analysis import claim_words as W
from reader.analysis import speaker_shapes as shapes
from reader.analysis.source_reader import SourceReader
from reader.analysis.source_types import Source
from reader.analysis.text import Token

ANY_SOURCE = ("named", "anonymous", "public", "publication")


class Subjects:
    """The subject reader of one article's `SourceReader`."""

    def __init__(self, sources: SourceReader) -> None:
        self.sources = sources

    def subject(self, toks: list[Token], verb: int, lo: int, nested: bool = False) -> Source | None:
        """The noun phrase right before toks[verb] (adverbs between are skipped). `nested`: asked
        again for a verb further back ("decided to back", "who relayed … said"), once only, so that
        a chain of such verbs costs no more than one ("to wanted to wanted …")."""
        j = self._before_adverbs(toks, verb)
        if j > 0 and toks[j].text.lower() == "to":
            return self._subject_of_to(toks, j, lo, nested)
        if j < 0 or toks[j].text.lower() in W.NO_SUBJECT_BEFORE or toks[j].text.lower() in W.PREPOSITIONS:
            return None  # "and said", "before saying": the clause's; "declined to comment on reports that"
        end = self._subject_end(toks, j, verb, lo)
        if end.decided:
            return end.found
        bounds = self._subject_bounds(toks, end.tok, verb)
        if bounds is None:
            return None
        return self._subject_in(toks, bounds[0], bounds[1], lo, nested)

    def _before_adverbs(self, toks: list[Token], verb: int) -> int:
        """The word before toks[verb], past adverbs ("Clinton forcefully condemned"), a floating
        "both" ("Trump and Sanders have both argued") and "in particular"; not past a comma."""
        j = verb - 1
        verb_start = toks[verb].start if verb < len(toks) else toks[-1].end
        while j >= 0 and (
            (W.adverb(toks[j].text.lower()) and not self.sources.named_at(toks[j]))
            or (j and toks[j].text.lower() in ("both", "all", "each") and toks[j - 1].text.lower() in W.AUXILIARIES)
            or (j and toks[j].text.lower() in ("particular", "turn") and toks[j - 1].text.lower() == "in")
        ):
            after = toks[j + 1].start if j + 1 < len(toks) else verb_start
            if self.sources.text[toks[j].end : after].strip():
                break  # not past a comma: "which Ruiz won easily, showed"
            j -= 2 if toks[j].text.lower() in ("particular", "turn") else 1
        return j

    def _subject_of_to(self, toks: list[Token], j: int, lo: int, nested: bool) -> Source | None:
        """Who does the verb after "to" at toks[j]: "causing her to reply", "asked Ruiz to
        explain", "Sanders decided to back Obama" (who decided)."""
        before = toks[j - 1].text.lower()
        if before in ("him", "her", "them"):
            return self.sources.pronoun({"him": "he", "her": "she", "them": "they"}[before], toks[j - 1].start)
        found = self.sources.mention_ending(toks[j - 1].end)
        if (
            found is None
            and not nested
            and (before in W.TO_VERBS or before.endswith("ed"))
            and not toks[j - 1].capitalised
        ):
            return self.subject(toks, j - 1, lo, nested=True)
        return found

    def _subject_end(self, toks: list[Token], j: int, verb: int, lo: int) -> _End:
        """Where the subject before toks[verb] ends, toks[j] being the word before the verb: before
        a relative "who", an aside between commas or a "however"; or the answer already (an
        apposition: "Ana Ruiz, a lawyer, says"), or no subject (punctuation between)."""
        end_tok = j
        # up to the first word passed over: "Ted Cruz, who won Texas, is calling for" has the aside's
        # comma there, not ", is"
        limit = toks[j + 1].start if j + 1 < min(verb, len(toks)) else (toks[verb].start if verb < len(toks) else None)
        gap_after = self.sources.text[toks[end_tok].end : limit] if limit is not None else ""
        if toks[j].text.lower() in ("who", "which") and j >= 1 and not gap_after.strip():
            # "independent voters who said", "Trump, who said": the one the clause is about
            end_tok = j - 1
            gap_after = "" if self.sources.text[toks[j - 1].end : toks[j].start].strip() in ("", ",") else ","
        elif gap_after.strip() in (",", "—", "–", "-", "--", ")") and verb < len(toks):
            aside_end = shapes.before_aside(self.sources.text, toks, j)
            if aside_end is None:
                named = shapes.named_apposition(self.sources, toks, j)
                if named is not None:
                    return _End(end_tok, named, True)  # "One pastor supporting Cruz, Darran Whiting of …, said"
            else:  # "The official, who spoke on the condition …, said"
                end_tok, gap_after = _past_auxiliaries(toks, aside_end, adverbs=True), ""
        if (
            gap_after.strip() == ","
            and end_tok >= 1
            and toks[end_tok].text.lower() in W.ASIDES
            and self.sources.text[toks[end_tok - 1].end : toks[end_tok].start].strip() == ","
        ):  # "Proponents of the bill, however, say"; "A YouGov poll … has, however, revealed"
            end_tok, gap_after = _past_auxiliaries(toks, end_tok - 1, adverbs=False), ""
        if any(c in W.HARD_PUNCT for c in gap_after.replace("'", "").replace("’", "")):
            if verb < len(toks) and toks[0].start >= lo and shapes.apposition_before(self.sources.text, toks, verb):
                name_end = next(i for i in range(verb) if "," in self.sources.text[toks[i].end : toks[i + 1].start])
                return _End(
                    end_tok, self.sources.classify(toks[0].start, toks[name_end].end), True
                )  # "Ana Ruiz, a lawyer, says"
            return _End(end_tok, None, True)
        return _End(end_tok, None, False)

    def _subject_bounds(self, toks: list[Token], end_tok: int, verb: int) -> tuple[int, int] | None:
        """The first and last word of the noun phrase ending at toks[end_tok], cut before a
        clause's own verb ("His campaign sued the DNC on Friday, seeking": "His campaign");
        None when the phrase opens with that verb."""
        k = self._phrase_start(toks, end_tok)
        if any(t.text.lower() == "who" for t in toks[end_tok + 1 : verb]):
            k = _after_infinitive(toks, k, end_tok)  # "is likely to placate nervous Democrats, who": them
        relative = k >= 1 and toks[k - 1].text.lower() in ("who", "that", "which")  # asked of the outer subject later
        clause_verb = None if relative else shapes.finite_verb_in(self.sources, toks, k, end_tok)
        if clause_verb is None:
            return k, end_tok
        if clause_verb == k:
            return None  # "he has chopped Clinton's lead in delegates, claiming": the clause's
        end_tok = clause_verb - 1
        while end_tok > k and W.adverb(toks[end_tok].text.lower()):
            end_tok -= 1  # "The Post recently ran a piece that noted": "The Post"
        return self._phrase_start(toks, end_tok), end_tok

    def _subject_in(self, toks: list[Token], k: int, end_tok: int, lo: int, nested: bool) -> Source | None:
        """The source the words toks[k : end_tok + 1] before a verb name."""
        last = toks[end_tok].text.lower()
        if k < end_tok and last in ("he", "she", "they"):
            found = self.sources.pronoun(last, toks[end_tok].start)  # "… decided they want"
            if found.source == "none" and last == "they" and toks[0].start >= lo:
                # "Wyoming Republicans have once again decided they want": the sentence's subject
                found = shapes.opening_phrase(self.sources, toks[:end_tok], ANY_SOURCE) or found
            return found
        if (
            k >= 1
            and toks[k].text.islower()
            and toks[k].text.endswith("ing")
            and "," in self.sources.text[toks[k - 1].end : toks[k].start]
        ):
            # "Collins joined the group, publishing an op-ed hammering …": the clause's subject's
            return self.sources.clause_subject(toks, k) if not nested else None
        cut = next((m for m in range(k + 1, end_tok + 1) if toks[m].text.lower() in W.REDUCED_RELATIVES), None)
        if cut is not None:
            end_tok = cut - 1  # "A new poll released this week found": "A new poll"
        if end_tok > k and toks[end_tok].text.lower() in ("that", "which"):
            end_tok -= 1  # "a 2014 paper that found": "a 2014 paper"
        if end_tok > k and W.verb_phrase(toks[k].text, toks[k + 1].text):
            if toks[k + 1].text.lower() != "by" or end_tok <= k + 1:
                return None  # "Cruz is making a pitch to New York voters saying": not "making a pitch …"
            k += 2  # "echoed by former Gov. Martin O'Malley, who noted": the one by whom
        return self._subject_found(toks, k, end_tok, lo, nested)

    def _subject_found(self, toks: list[Token], k: int, end_tok: int, lo: int, nested: bool) -> Source | None:
        found = self.sources.classify(toks[k].start, toks[end_tok].end)
        if found.source == "none" and k >= 2 and toks[k - 1].text.lower() in ("and", "or"):
            # "officials in the FBI and at the Justice Department have said": the phrase goes on
            wider = self._phrase_start(toks, k - 2)
            if wider < k - 1 and not self.sources.text[toks[k - 2].end : toks[k - 1].start].strip():
                found = self.sources.classify(toks[wider].start, toks[end_tok].end)
        if k >= 2 and not nested and toks[k - 1].text.lower() in ("who", "that"):
            outer = self.subject(toks, k - 1, lo, nested=True)  # "One official who relayed the exchange said"
            if outer is not None and outer.source != "none":
                return outer
        if found.source == "none" and toks[k].start > lo and shapes.names_someone(toks[k : end_tok + 1], known=False):
            return Source("named", self.sources.text[toks[k].start : toks[end_tok].end])  # mid-sentence "Trump said"
        return found

    def _phrase_start(self, toks: list[Token], end_tok: int) -> int:
        """Where the noun phrase ending at toks[end_tok] starts: at most 8 words back, not past
        punctuation, a verb or a word that opens a clause."""
        k = end_tok
        while k > 0 and end_tok - k < 8:
            gap = self.sources.text[toks[k - 1].end : toks[k].start]
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


def _after_infinitive(toks: list[Token], k: int, end: int) -> int:
    """Where the noun phrase in toks[k : end + 1] starts when an infinitive's verb comes first
    ("likely to placate nervous Democrats"): after the verb; else k."""
    for m in range(end - 2, k - 1, -1):
        following = toks[m + 1].text
        if toks[m].text.lower() == "to" and following.islower() and following not in W.NOT_A_VERB_AFTER_TO:
            return m + 2
    return k


class _End(NamedTuple):
    """Where a subject ends (`tok`), or, when `decided`, the answer found on the way (`found`)."""

    tok: int
    found: Source | None
    decided: bool


def _past_auxiliaries(toks: list[Token], end: int, adverbs: bool) -> int:
    """Back from toks[end] past auxiliaries (and adverbs): "U.S. officials have, in fact, praised"."""
    while end > 0 and (toks[end].text.lower() in W.AUXILIARIES or (adverbs and W.adverb(toks[end].text.lower()))):
        end -= 1
    return end
