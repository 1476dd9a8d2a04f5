"""Actors: the curated knowledge base of armed actors and the matcher that finds them in text.

``find_actors(spacy_doc)`` returns ``ActorMention`` records (knowledge-base names and aliases,
national forces, tribes and clans, operations, aliases a report defines, references such as
"the group"); ``resolve_actor(name)`` looks a name, alias or id up in the knowledge base.
"""

from __future__ import annotations

from warwire.actors.kb import INTER_CODES, Actor, ActorBase, load_actor_base, resolve_actor
from warwire.actors.match import find_actors
from warwire.actors.mention import ActorMention
from warwire.actors.names import actor_key, is_acronym

__all__ = [
    "INTER_CODES",
    "Actor",
    "ActorBase",
    "ActorMention",
    "actor_key",
    "find_actors",
    "is_acronym",
    "load_actor_base",
    "resolve_actor",
]
