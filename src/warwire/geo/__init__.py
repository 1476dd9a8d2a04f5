"""Places: the gazetteer the geoparser resolves toponyms against.

``load_gazetteer()`` opens the GeoNames-based index (built on first use under
``Settings.data_dir``); ``MemoryGazetteer`` is the in-memory stand-in for tests. Both implement
the ``Gazetteer`` protocol: ``lookup(name)`` returns ``Candidate`` records, best first, each
saying whether the name matched exactly, after normalisation (``loose_key``) or fuzzily.
"""

from __future__ import annotations

from warwire.geo.build import BUILD_VERSION, GAZETTEER_FILE, build_gazetteer
from warwire.geo.demonyms import demonym_country, demonym_region, is_demonym
from warwire.geo.entry import Candidate, Gazetteer, GeoEntry, MatchKind
from warwire.geo.memory import MemoryGazetteer
from warwire.geo.names import loose_key, name_key
from warwire.geo.sqlite import SQLiteGazetteer, default_gazetteer_path, load_gazetteer

__all__ = [
    "BUILD_VERSION",
    "GAZETTEER_FILE",
    "Candidate",
    "Gazetteer",
    "GeoEntry",
    "MatchKind",
    "MemoryGazetteer",
    "SQLiteGazetteer",
    "build_gazetteer",
    "default_gazetteer_path",
    "demonym_country",
    "demonym_region",
    "is_demonym",
    "load_gazetteer",
    "loose_key",
    "name_key",
]
