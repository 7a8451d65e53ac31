"""The four views across the corpus kept up to date as articles come, change and go: people,
quotes that travel, conflicts and sourcing profiles. No UI here.

`CorpusViews.update` takes articles with their own analyses (not resolved across the corpus) and
the ids of articles gone. It keeps the corpus's full names by first and last word, so it knows
which one-word names ("Hilaria") now stand for another person; only the articles changed and
those naming such a word are analysed again into their parts (people, quotations, facts,
profile), and each view regroups only what those parts touch (`PeopleIndex`, `QuoteIndex`,
`ConflictIndex`). Built from nothing, it gives what the one-shot functions give.
"""

from __future__ import annotations

import threading
from collections import Counter, defaultdict
from collections.abc import Iterable

from reader.across import Stop, check
from reader.across.conflicts import Conflict, ConflictIndex
from reader.across.facts import Fact, facts_of
from reader.across.people import PeopleIndex, Person
from reader.across.profile import Profile, profile
from reader.across.quotes import Occurrence, QuoteGroup, QuoteIndex, article_quotes
from reader.analysis import Analysis, renamed
from reader.corpus.model import Article
from reader.helpers.naming import across_name


class CorpusViews:
    def __init__(self, with_profiles: bool = True) -> None:
        """`with_profiles` false: no sourcing profiles (the app's analysis workers make them)."""
        self.lock = threading.Lock()  # held by whoever updates or reads the views in a thread
        self.with_profiles = with_profiles
        self.clear()

    def clear(self) -> None:
        """Forget every article."""
        self._position: dict[str, int] = {}
        self._articles: dict[str, Article] = {}
        self._own: dict[str, Analysis] = {}  # each article's analysis, not resolved across the corpus
        self.profiles: dict[str, Profile] = {}
        self._full = Counter[str]()  # full name -> articles naming it
        self._by_first: dict[str, set[str]] = defaultdict(set)
        self._by_last: dict[str, set[str]] = defaultdict(set)
        self._one_word: dict[str, set[str]] = defaultdict(set)  # one-word person -> articles naming it so
        self._mapping: dict[str, str] = {}  # one-word person -> the full name it stands for
        self._people = PeopleIndex(self._position.__getitem__)
        self._quotes = QuoteIndex()
        self._conflicts = ConflictIndex(self._position.__getitem__)
        self._next_position = 0
        self.complete = True  # False once an update was stopped half-way: build the views anew
        self.last_update: tuple[int, int] = (0, 0)  # articles changed, others redone with them

    def __len__(self) -> int:
        return len(self._articles)

    def content_hash(self, article_id: str) -> str | None:
        """The content hash of the article as the views have it (None: not in them)."""
        article = self._articles.get(article_id)
        return article.content_hash if article is not None else None

    def article_ids(self) -> list[str]:
        return list(self._articles)

    def update(
        self, changed: Iterable[tuple[Article, Analysis]] = (), removed: Iterable[str] = (), stop: Stop = None
    ) -> None:
        """Add or replace articles (with their own analyses) and remove others; a new article
        goes at the end of the corpus's order. Stopped (`AnalysisCancelled`), it leaves the views
        incomplete (`complete` false)."""
        self.complete = False
        # copies: an analysis the caller later resolves in place must not change under the views
        changed = [(article, renamed(analysis, {})) for article, analysis in changed]
        gone = [i for i in removed if i in self._articles]
        renamed_full: set[str] = set()
        words: set[str] = set()  # one-word people whose full name may change
        for article_id in [*gone, *(a.id for a, _ in changed if a.id in self._own)]:
            renamed_full |= self._unname(article_id, words)
        for article_id in gone:
            del self._articles[article_id], self._own[article_id], self._position[article_id]
            self.profiles.pop(article_id, None)
        for article, analysis in changed:
            if article.id not in self._position:
                self._position[article.id], self._next_position = self._next_position, self._next_position + 1
            self._articles[article.id], self._own[article.id] = article, analysis
            renamed_full |= self._name(article.id)
        redo = {a.id for a, _ in changed}
        words |= {w for name in renamed_full for w in (name.split()[0], name.split()[-1])}
        words |= {m.person for _, analysis in changed for m in analysis.names if " " not in m.person}
        for word in words:
            now = across_name(word, self._by_first, self._by_last) if self._one_word.get(word) else None
            if now != self._mapping.get(word):
                redo |= self._one_word.get(word, set())
                if now is None:
                    del self._mapping[word]
                else:
                    self._mapping[word] = now
        self.last_update = (len(changed) + len(gone), len(redo - {a.id for a, _ in changed}))
        self._redo(sorted(redo, key=self._position.__getitem__), gone, stop)
        self.complete = True

    def _name(self, article_id: str) -> set[str]:
        """Count the article's names in; the full names new to the corpus."""
        new = set()
        for person in {m.person for m in self._own[article_id].names}:
            if " " not in person:
                self._one_word[person].add(article_id)
                continue
            self._full[person] += 1
            if self._full[person] == 1:
                parts = person.split()
                self._by_first[parts[0]].add(person)
                self._by_last[parts[-1]].add(person)
                new.add(person)
        return new

    def _unname(self, article_id: str, words: set[str]) -> set[str]:
        """Count the article's names out (its one-word people into `words`); the full names no
        longer in the corpus."""
        gone = set()
        for person in {m.person for m in self._own[article_id].names}:
            if " " not in person:
                words.add(person)
                self._one_word[person].discard(article_id)
                if not self._one_word[person]:
                    del self._one_word[person]
                continue
            self._full[person] -= 1
            if not self._full[person]:
                del self._full[person]
                parts = person.split()
                for index, word in ((self._by_first, parts[0]), (self._by_last, parts[-1])):
                    index[word].discard(person)
                    if not index[word]:
                        del index[word]
                gone.add(person)
        return gone

    def _redo(self, redo: list[str], gone: list[str], stop: Stop) -> None:
        quotes: dict[str, list[Occurrence]] = {article_id: [] for article_id in gone}
        facts: list[tuple[Article | None, str, list[Fact]]] = [(None, article_id, []) for article_id in gone]
        for article_id in gone:
            self._people.remove(article_id)
        for done, article_id in enumerate(redo):
            if done % 16 == 0:
                check(stop)
            article = self._articles[article_id]
            own = self._own[article_id]
            mapping = self._mapping
            needs = any(m.person in mapping for m in own.names) or any(
                (c.source == "named" and c.speaker in mapping) or c.person in mapping for c in own.claims
            )
            analysis = renamed(own, self._mapping) if needs else own  # the views never change it
            self._people.update(article, analysis)
            quotes[article_id] = article_quotes(article, analysis)
            facts.append((article, article_id, facts_of(article, analysis)))
            if self.with_profiles:
                self.profiles[article_id] = profile(article, analysis)
        self._quotes.update(quotes, stop)
        self._conflicts.update(facts, stop)

    def people(self) -> list[Person]:
        return self._people.people()

    def quotes(self) -> list[QuoteGroup]:
        return self._quotes.groups()

    def conflicts(self) -> list[Conflict]:
        return self._conflicts.conflicts()
