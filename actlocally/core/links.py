"""Links people type (evidence, sources): a web address with a host, or a page on this site."""

from urllib.parse import urlsplit


def is_site_path(url: str) -> bool:
    # "//host" and "/\host" are read by browsers as another site, not a path here.
    return url.startswith("/") and not url.startswith(("//", "/\\"))


def link_domain(url: str) -> str:
    """The host of an http(s) address, "" for anything else (site paths included)."""
    if not url or any(ch.isspace() or ch == "\\" for ch in url):
        return ""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https") or not host:
        return ""
    return host


def is_safe_link(url: str) -> bool:
    """True for an http(s) address with a host, or a path on this site."""
    return (is_site_path(url) and "\\" not in url) or bool(link_domain(url))
