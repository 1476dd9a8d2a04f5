"""Front-end libraries from the npm registry, served by the server itself (never a CDN).

``make install`` runs ``npm ci`` in the ``npm/`` folder beside this module (``package.json`` and
``package-lock.json`` pin the versions); only the files listed here are served, under
``/vendor/NAME``.
"""

from __future__ import annotations

from pathlib import Path

NODE_MODULES = Path(__file__).resolve().parent / "npm" / "node_modules"

VENDOR: dict[str, str] = {
    "leaflet.js": "leaflet/dist/leaflet.js",
    "leaflet.css": "leaflet/dist/leaflet.css",
    "topojson-client.min.js": "topojson-client/dist/topojson-client.min.js",
    "countries-110m.json": "world-atlas/countries-110m.json",
    "swagger-ui-bundle.js": "swagger-ui-dist/swagger-ui-bundle.js",
    "swagger-ui.css": "swagger-ui-dist/swagger-ui.css",
}
"""Served name -> path under ``node_modules``."""

MEDIA_TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
}


def vendor_file(name: str) -> Path | None:
    """The installed file served as ``/vendor/NAME`` (None if unknown or not installed)."""
    relative = VENDOR.get(name)
    if relative is None:
        return None
    path = NODE_MODULES / relative
    return path if path.is_file() else None


def missing() -> list[str]:
    """Vendor files that are not installed (run ``make install`` or ``npm ci``)."""
    return [name for name in VENDOR if vendor_file(name) is None]
