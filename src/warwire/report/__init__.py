"""Dossiers and exports: pure functions from view records to text.

A ``Dossier`` (``dossier_model``) is assembled by the caller from the store; it renders to JSON
(``dossier_to_dict``, documented by ``docs/dossier.schema.json``), Markdown
(``dossier_to_markdown``) and one self-contained, offline HTML page (``dossier_to_html``).
Fused events, places, actors and documents stream out as ACLED CSV, GeoJSON, JSON lines or
FollowTheMoney entities (``exports``). Nothing here reads a database, the clock (unless a
timestamp is left out of an ACLED export) or the network.
"""

from __future__ import annotations

from warwire.report.acled import ACLED_COLUMNS
from warwire.report.dossier_html import dossier_to_html
from warwire.report.dossier_json import dossier_to_dict
from warwire.report.dossier_md import dossier_to_markdown
from warwire.report.dossier_model import (
    ActorRef,
    AssessmentView,
    DocumentRef,
    Dossier,
    EventView,
    PlaceRef,
    SourceRef,
    Subject,
    ValueSupport,
)
from warwire.report.exports import (
    EXPORT_FORMATS,
    write_acled_csv,
    write_ftm,
    write_geojson,
    write_jsonl,
)

__all__ = [
    "ACLED_COLUMNS",
    "EXPORT_FORMATS",
    "ActorRef",
    "AssessmentView",
    "DocumentRef",
    "Dossier",
    "EventView",
    "PlaceRef",
    "SourceRef",
    "Subject",
    "ValueSupport",
    "dossier_to_dict",
    "dossier_to_html",
    "dossier_to_markdown",
    "write_acled_csv",
    "write_ftm",
    "write_geojson",
    "write_jsonl",
]
