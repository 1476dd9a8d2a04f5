"""The form that adds a report, by its text or its URL.

The form page sets a random cookie (``HttpOnly``, ``SameSite=Strict``) and carries a CSRF token
derived from it with the server's secret; a post needs both, and an ``Origin`` (when the
browser sends one) naming this server. With a configured token the person must also type it;
in loopback mode the CSRF token is enough. See ``docs/web.md``.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from pydantic import ValidationError
from starlette.exceptions import HTTPException

from warwire.web.api_more import add_report
from warwire.web.config import WebConfig
from warwire.web.deps import Config, WriterDep
from warwire.web.schemas import IngestIn
from warwire.web.security import CSRF_COOKIE, csrf_ok, csrf_token, new_csrf_session, token_ok

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
Field = Annotated[str, Form(max_length=5_000_000)]


def _form(request: Request, config: WebConfig, *, status: int = 200, **context: Any) -> Response:
    session = request.cookies.get(CSRF_COOKIE) or new_csrf_session()
    templates: Jinja2Templates = request.app.state.templates
    response = templates.TemplateResponse(
        request,
        "add.html",
        {
            "csrf": csrf_token(config, session),
            "write_mode": config.write_mode,
            "values": context.pop("values", {}),
            **context,
        },
        status_code=status,
    )
    response.set_cookie(CSRF_COOKIE, session, httponly=True, samesite="strict", path="/add")
    return response


@router.get("/add")
def add_form(request: Request, config: Config) -> Response:
    return _form(request, config)


def _same_origin(request: Request) -> bool:
    origin = request.headers.get("origin")
    if origin is None or origin == "null":
        return origin is None
    return urlsplit(origin).netloc.lower() == request.headers.get("host", "").lower()


@router.post("/add")
def add_post(
    request: Request,
    config: Config,
    writer: WriterDep,
    csrf: Field = "",
    text: Field = "",
    url: Field = "",
    title: Field = "",
    source: Field = "",
    published: Field = "",
    token: Field = "",
) -> Response:
    if config.write_mode == "off":
        raise HTTPException(403, "this server is read-only (started with --read-only)")
    if not _same_origin(request) or not csrf_ok(config, request.cookies.get(CSRF_COOKIE), csrf):
        raise HTTPException(403, "the form has expired or did not come from this server: reload it")
    values = {"text": text, "url": url, "title": title, "source": source, "published": published}
    if config.write_mode == "token" and not token_ok(config, token):
        return _form(request, config, status=401, error="wrong or missing token", values=values)
    try:
        report = IngestIn(
            **{k: v.strip() or None for k, v in values.items() if k != "text"}, text=text or None
        )
        done = add_report(writer, report)
    except ValidationError as exc:
        problem = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        return _form(request, config, status=400, error=problem, values=values)
    except HTTPException as exc:
        return _form(request, config, status=exc.status_code, error=exc.detail, values=values)
    if done.status == "failed" or not done.doc_id:
        message = done.message or "the report could not be read"
        return _form(request, config, status=422, error=message, values=values)
    return RedirectResponse(f"/documents/{done.doc_id}?added={done.status}", status_code=303)
