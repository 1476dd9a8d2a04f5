"""Fusion across reports: near-duplicate reports, fused events and claim assessments.

Pure functions over the records of :mod:`warwire.models`, shaped for incremental use: for one new
report, find its near-duplicate group from stored band keys (:mod:`.duplicates`), attach each of
its events to a candidate fused event (:mod:`.events`), and re-assess only the (subject,
attribute) keys its claims touch (:mod:`.assess`, comparing values with :mod:`.values`).
"""

from __future__ import annotations

from warwire.fuse.assess import (
    CONTROL_ATTRIBUTES,
    TERRITORY_SUB_TYPES,
    affected_keys,
    assess,
    claim_actor,
    control_conflicts,
    control_window,
    event_conflicts,
)
from warwire.fuse.duplicates import (
    NEAR_DUPLICATE,
    band_keys,
    duplicate_groups,
    independence_keys,
    near_duplicates,
    signature,
    similarity,
)
from warwire.fuse.events import (
    SAME_PLACE_KM,
    attach,
    compatible,
    distance_km,
    fusable,
    fuse,
    fused_id,
    merge,
)
from warwire.fuse.values import Comparison, compare, describe, event_window, time_interval

__all__ = [
    "CONTROL_ATTRIBUTES",
    "NEAR_DUPLICATE",
    "SAME_PLACE_KM",
    "TERRITORY_SUB_TYPES",
    "Comparison",
    "affected_keys",
    "assess",
    "attach",
    "band_keys",
    "claim_actor",
    "compare",
    "compatible",
    "control_conflicts",
    "control_window",
    "describe",
    "distance_km",
    "duplicate_groups",
    "event_conflicts",
    "event_window",
    "fusable",
    "fuse",
    "fused_id",
    "independence_keys",
    "merge",
    "near_duplicates",
    "signature",
    "similarity",
    "time_interval",
]
