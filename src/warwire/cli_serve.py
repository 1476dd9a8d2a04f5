"""``warwire serve``: the HTTP API and the web UI on uvicorn (see ``docs/web.md``)."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from warwire.cli import DbOption, _guard, app, err


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option(help="Address to listen on (loopback by default).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(help="Bearer token that writes need (default: $WARWIRE_TOKEN)."),
    ] = None,
    read_only: Annotated[
        bool, typer.Option("--read-only", help="Refuse every write (no token needed).")
    ] = False,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Server processes (default 1).")] = 1,
) -> None:
    """Serve the HTTP API (OpenAPI at /openapi.json, docs at /docs) and the web UI: search,
    map, timeline, dossiers, reports and contradictions.

    Writes need a token: WARWIRE_TOKEN or --token; without one the server only listens on
    loopback and prints a session token for the API."""
    from warwire.settings import Settings
    from warwire.web.config import WebConfig

    def configure() -> WebConfig:
        path = Settings.from_env(db=db).db
        return WebConfig.from_env(db=path, host=host, token=token, read_only=read_only)

    config = _guard(configure)

    import uvicorn

    from warwire.web.app import create_app
    from warwire.web.assets import missing

    web_app = _guard(lambda: create_app(config))
    absent = missing()
    if absent:
        err.print(
            f"warning: front-end files missing ({', '.join(absent)}): run `make install`",
            highlight=False,
        )
    shown = f"[{host}]" if ":" in host else host
    err.print(f"warwire: serving {config.db} on http://{shown}:{port}/", highlight=False)
    if config.write_mode == "loopback":
        err.print(
            f"writes: the form at /add; the API with Authorization: Bearer {config.session_token}",
            highlight=False,
        )
    elif config.write_mode == "token":
        err.print("writes: with the token (WARWIRE_TOKEN or --token)", highlight=False)
    else:
        err.print("read-only", highlight=False)
    if workers > 1:
        os.environ.update(config.to_env())  # the workers' configuration, secrets included
    # asyncio's loop, not uvloop: under 50 concurrent clients uvloop starved some connections
    # for seconds (p99 1.3 s against 0.16 s, benchmarks/RESULTS.md); httptools parses fastest
    uvicorn.run(
        "warwire.web.app:app_from_env" if workers > 1 else web_app,
        factory=workers > 1,
        workers=workers if workers > 1 else None,
        host=host,
        port=port,
        loop="asyncio",
        http="auto",
        log_level="warning",
        server_header=False,
    )
