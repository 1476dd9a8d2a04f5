"""People and organisations a MUC-4 document names, with the short forms it uses for them.

Person names are found on the token sequence, not on the parse (lower-case text parses
poorly): a given name, or a rare word after a title ("father", "candidate"), starts a name that
runs over name-like words and particles ("maria del carmen perez"; past its first word over
commoner ones too, as many surnames are English words: "david leslie kent"), unless a place
word follows it ("bernardo o'higgins avenue"). A later lone surname stands for the first full
name that ended with it ("galan" for "luis carlos galan").

Organisations are phrases headed by an organisation word with a name-like modifier or an "of"
phrase ("farabundo marti national liberation front", "army of national liberation"), a bare
"army" or "armed forces", and names the actor knowledge base knows
(:func:`warwire.actors.resolve_actor`). An acronym in brackets after one ("... front (fmln)")
stands for it wherever it recurs.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from warwire.evaluate.muc_lexicon import (
    NAME_PARTICLES,
    SURNAME_ZIPF,
    MucLexicon,
    name_like,
    rare,
)
from warwire.evaluate.muc_parse import (
    NOUNS,
    Filler,
    Token,
    left_tokens,
    make_filler,
    of_phrase,
    phrase_text,
)

__all__ = ["DocumentNames", "scan_names"]

_NOT_NAME_START = frozenset({"san", "santa", "santo", "el", "la", "los", "las", "puerto", "fort"})
_NAME_TAGS = frozenset({"PROPN", "NOUN", "ADJ", "X"})
_ARTICLES = frozenset({"the", "a", "an"})
_RARE_TITLED = 1.0
"""A single word after a title is a surname only when rarer than this, which in effect means a
word wordfreq does not know ("father ellacuria" 0.0, not "minister lopez" 3.8): a title with a
known word alone is mostly someone the report mentions in passing, not a victim (tuned on the
MUC-4 train split: 1.0 and 0.0 do best, 2.0 a little worse, 3.0 clearly so)."""
_MAX_NAME = 5
ACRONYM_FIRST = False


def scan_names(doc: Any, lex: MucLexicon) -> Iterator[tuple[int, int]]:
    """Token ranges ``(start, end)`` of the person names of a document (module docstring)."""
    i, n = 0, len(doc)
    while i < n:
        tok = doc[i]
        prev = doc[i - 1].lower_ if i > 0 else ""
        titled = prev in lex.titles and doc[i - 1].is_alpha and prev not in _ARTICLES
        starts = (tok.lower_ in lex.given_names and prev not in _NOT_NAME_START) or (
            titled and name_like(tok.lower_, lex) and tok.lower_ not in NAME_PARTICLES
        )
        if not starts:
            i += 1
            continue
        j = i + 1
        while j < n and j - i < _MAX_NAME:
            word = doc[j].lower_
            if name_like(word, lex, zipf=SURNAME_ZIPF) and doc[j].pos_ in _NAME_TAGS:
                j += 1
            elif word in NAME_PARTICLES and j + 1 < n and name_like(doc[j + 1].lower_, lex):
                j += 2
            else:
                break
        start = i
        if tok.lower_ not in lex.given_names:  # "(presidential) hopeful luis carlos galan"
            given = [k for k in range(i + 1, j - 1) if doc[k].lower_ in lex.given_names]
            if given:
                start, titled = given[0], False
        place = j < n and doc[j].lower_ in lex.place_words
        single = j - start == 1 and titled and rare(doc[start].lower_, _RARE_TITLED)
        if not place and (j - start >= 2 or single):
            yield start, j
        i = j


def _locative(head: Token) -> bool:
    """Whether ``head`` is the "front" of "in front of X": a place, not an organisation."""
    doc = head.doc
    return head.lower_ == "front" and head.i > 0 and doc[head.i - 1].lower_ == "in"


def _canonical_names(
    doc: Any, spans: list[tuple[int, int]]
) -> dict[tuple[int, int], tuple[int, int]]:
    """Each name's fullest form in the document: the longest name holding all its words
    ("hector oqueli" -> "hector oqueli colindres"), the first of equals."""
    words = {span: frozenset(t.lower_ for t in doc[span[0] : span[1]]) for span in spans}
    canonical: dict[tuple[int, int], tuple[int, int]] = {}
    for span in spans:
        best = span
        for other in spans:
            longer = other[1] - other[0] > best[1] - best[0]
            if longer and words[span] <= words[other]:
                best = other
        canonical[span] = best
    return canonical


class DocumentNames:
    """The people and organisations of one parsed document (see the module docstring)."""

    def __init__(self, doc: Any, lex: MucLexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.spans: dict[int, tuple[int, int]] = {}
        found = list(scan_names(doc, lex))
        for start, end in found:
            for i in range(start, end):
                self.spans[i] = (start, end)
        self.canonical = _canonical_names(doc, found)
        self.surnames: dict[str, tuple[int, int]] = {}
        for start, end in found:
            if end - start >= 2:
                self.surnames.setdefault(doc[end - 1].lower_, self.canonical[(start, end)])
        self.acronyms: dict[str, Filler] = {}
        self.orgs: dict[int, Filler] = {}
        self._scan_organisations()

    # --- people ------------------------------------------------------------------------------

    def name_span(self, token: Token) -> tuple[int, int] | None:
        """The token range of the full name ``token`` is part of (a lone surname: its first
        full form), or None."""
        found = self.spans.get(token.i)
        if found is not None and found[1] - found[0] >= 2:
            return self.canonical[found]
        return self.surnames.get(token.lower_, found)

    def person(self, head: Token, role: str = "Victim") -> Filler | None:
        """A filler naming the person at ``head`` (a PerpInd keeps a rank before the name:
        "colonel guillermo benavides"), or None."""
        found = self.name_span(head)
        if found is None:
            return None
        start, end = found
        key_tokens = list(self.doc[start:end])
        if role == "PerpInd" and start > 0 and self.doc[start - 1].lower_ in self.lex.ranks:
            start -= 1
        filler = make_filler(role, list(self.doc[start:end]))
        return Filler(role, filler.text, filler.token, make_filler(role, key_tokens).key)

    # --- organisations -----------------------------------------------------------------------

    def organisation(self, head: Token, tokens: list[Token] | None = None) -> Filler | None:
        """A PerpOrg filler when the phrase headed by ``head`` names an organisation, or None.

        A generic head with an organisation as modifier ("fmln forces") gives the modifier.
        """
        found = self.orgs.get(head.i)
        if found is not None:
            return found
        return self._organisation(head, tokens or left_tokens(head))

    def _organisation(self, head: Token, tokens: list[Token]) -> Filler | None:
        from warwire.actors import resolve_actor

        lex = self.lex
        lemma = head.lemma_.lower()
        if _locative(head):
            return None
        if lemma in lex.descriptive_organisations and not of_phrase(head):
            return self._named_inside(tokens[:-1])
        generic = lemma not in lex.organisations or lemma in ("forces", "force")
        for tok in tokens[:-1]:  # "fmln forces"
            if tok.head.i == head.i and tok.dep_ in ("compound", "nmod"):
                inner = self.orgs.get(tok.i) or self._known(tok)
                if inner is not None and generic:
                    return inner
        if len(tokens) == 1:
            known = self._known(head)
            if known is not None:
                return known
        if head.lower_ not in lex.organisations and lemma not in lex.organisations:
            return make_filler("PerpOrg", tokens) if resolve_actor(phrase_text(tokens)) else None
        extra = of_phrase(head)
        named = [t for t in tokens[:-1] if t.dep_ != "amod" or name_like(t.lower_, lex)]
        state = len(tokens) >= 2 and tokens[-2].lower_ in lex.state_modifiers
        if not named and not extra and not state and lemma not in lex.bare_organisations:
            return None
        if extra and extra[-1].lower_ in lex.perpetrators:
            extra = []
        for tok in extra[1:]:  # "the jacobo carcomo command of the morazanist patriotic front"
            if tok.head.i == extra[0].i:
                inner = self.organisation(tok)
                if inner is not None:
                    return inner
        filler = make_filler("PerpOrg", [*tokens, *extra])
        for child in head.children:  # "... liberation front (fmln)"
            if child.dep_ == "appos" and child.is_alpha and not list(child.children):
                filler = make_filler("PerpOrg", [child])  # gold fillers favour the acronym
                self.acronyms.setdefault(child.lower_, filler)
        return filler

    def _named_inside(self, tokens: list[Token]) -> Filler | None:
        """The longest run of ``tokens`` naming a known organisation ("the shining path
        terrorist organization" gives "shining path"), or None ("a clandestine organization")."""
        from warwire.actors import resolve_actor

        for size in range(len(tokens), 0, -1):
            for start in range(len(tokens) - size + 1):
                run = tokens[start : start + size]
                if size == 1:
                    known = self.acronyms.get(run[0].lower_) or self._known(run[0])
                    if known is not None:
                        return known
                elif resolve_actor(phrase_text(run)) is not None:
                    return make_filler("PerpOrg", run)
        return None

    def _known(self, token: Token) -> Filler | None:
        """The organisation a single word names: a defined acronym or a knowledge-base alias."""
        from warwire.actors import resolve_actor

        found = self.acronyms.get(token.lower_)
        if found is not None:
            return Filler("PerpOrg", found.text, token.i, found.key)
        if token.pos_ in NOUNS and token.is_alpha and resolve_actor(token.text) is not None:
            return make_filler("PerpOrg", [token])
        return None

    def _scan_organisations(self) -> None:
        """Find every organisation the document names, so that later short forms resolve."""
        lex = self.lex
        for token in self.doc:
            if token.pos_ not in NOUNS:
                continue
            if token.dep_ in ("compound", "nmod") and (
                token.head.lemma_.lower() in lex.organisations
            ):
                continue
            if token.lower_ in lex.organisations or token.lemma_.lower() in lex.organisations:
                tokens = left_tokens(token)
                found = self._organisation(token, tokens)
                if found is not None:
                    for tok in tokens:
                        self.orgs.setdefault(tok.i, found)
        for token in self.doc:
            if token.i not in self.orgs and token.is_alpha:
                known = self._known(token)
                if known is not None:
                    self.orgs[token.i] = known

    def institutional(self, org: Filler) -> bool:
        """Whether an organisation is a state body, party or union rather than an armed group."""
        words = org.key.split()
        return (
            bool(words)
            and words[-1] in self.lex.institutions
            and not self.lex.insurgent_words & set(words)
        )
