"""HTML fragments (feed entry content, summaries) to plain text with paragraph breaks.

Not for whole pages (that is ``html.py``, with boilerplate removal): this keeps every word of a
fragment, puts block elements on lines of their own and drops scripts and styles.
"""

from __future__ import annotations

import re

import lxml.etree
import lxml.html

_BLOCKS = frozenset(
    {
        *("p", "div", "section", "article", "header", "footer", "aside", "blockquote", "pre"),
        *("ul", "ol", "li", "dl", "dt", "dd", "table", "tr", "figure", "figcaption", "hr"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "address"),
    }
)
_SKIP = frozenset({"script", "style", "noscript", "template", "head"})
_SPACES = re.compile(r"[ \t\r\f\v]+")
_XML_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def html_to_text(fragment: str) -> str:
    """The text of an HTML fragment: blocks separated by blank lines, spaces collapsed."""
    fragment = _XML_INVALID.sub("", fragment)
    if "<" not in fragment and "&" not in fragment:
        return _tidy(fragment)
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return ""
    parts: list[str] = []
    _walk(root, parts)
    return _tidy("".join(parts))


def _walk(element: lxml.html.HtmlElement, parts: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _SKIP:
        return
    if tag in _BLOCKS:
        parts.append("\n\n")
    elif tag == "br":
        parts.append("\n")
    if tag and element.text:
        parts.append(element.text)
    for child in element:
        _walk(child, parts)
        if child.tail:
            parts.append(child.tail)
    if tag in _BLOCKS:
        parts.append("\n\n")


def _tidy(text: str) -> str:
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
