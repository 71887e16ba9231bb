"""A strict, offline checker for the internal links and ``#fragments`` of a built static site.

Every HTML page under the site folder is parsed once with the standard library's
``html.parser``; each URL it references (``href``, ``src``, ``srcset``, ``poster``, a meta
refresh) is resolved the way a browser would resolve it against that page, then checked:
the file must exist inside the site, and a fragment must name an ``id`` (or an ``<a name>``)
of the target page. The search index (``search/search_index.json``) and ``sitemap.xml`` are
checked too, since a reader follows those links from the search box and search engines.

External URLs (another host, ``mailto:``, ``data:``…) are counted and skipped: the build
machine has no network. Absolute URLs under ``--site-url`` are checked as internal ones.

Run it as ``python tests/quality/check_links.py site --site-url https://example.org/``;
it exits 1 when anything is broken and prints one line per broken link.
"""

from __future__ import annotations

import argparse
import json
import posixpath
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Attributes holding one URL, by element; ``None`` means on any element.
_URL_ATTRS: dict[str, frozenset[str]] = {
    "href": frozenset({"a", "area", "link"}),
    "src": frozenset({"img", "script", "iframe", "source", "audio", "video", "track", "embed"}),
    "poster": frozenset({"video"}),
    "data": frozenset({"object"}),
}
_SRCSET_TAGS = frozenset({"img", "source"})
# Link relations whose target a reader never opens: hints to the browser about other hosts.
_HINT_RELS = frozenset({"preconnect", "dns-prefetch"})
_HTML_SUFFIXES = (".html", ".htm")
_REFRESH_RE = re.compile(r"^\s*\d+\s*[;,]\s*url\s*=\s*['\"]?([^'\"]+)", re.IGNORECASE)
_SITEMAP_LOC_RE = re.compile(r"<loc>\s*([^<\s]+)\s*</loc>")


@dataclass(frozen=True, slots=True)
class Link:
    """One URL as written in a page: the page's site-relative path, its line, the URL."""

    page: str
    line: int
    url: str


@dataclass(frozen=True, slots=True)
class BrokenLink:
    """A link that does not resolve, and why."""

    page: str
    line: int
    url: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}:{self.line}: {self.url!r}: {self.reason}"


@dataclass(slots=True)
class PageScan:
    """What one page offers (its ids) and references (its links)."""

    ids: set[str] = field(default_factory=set)
    links: list[Link] = field(default_factory=list)
    base: str | None = None


@dataclass(slots=True)
class LinkReport:
    """The outcome of a site check: counts of what was checked, and every broken link."""

    pages: int = 0
    internal: int = 0
    fragments: int = 0
    external: int = 0
    broken: list[BrokenLink] = field(default_factory=list)

    def summary(self) -> str:
        """Return a one-line summary of the counts."""
        return (
            f"links: {self.pages} pages, {self.internal} internal links checked "
            f"({self.fragments} with a #fragment), {self.external} external skipped, "
            f"{len(self.broken)} broken"
        )


class _PageParser(HTMLParser):
    """Collects ids, ``<a name>`` anchors, ``<base href>`` and URL attributes of one page."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.scan = PageScan()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        line = self.getpos()[0]
        if "id" in values:
            self.scan.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.scan.ids.add(values["name"])
        if tag == "base" and "href" in values and self.scan.base is None:
            self.scan.base = values["href"]
            return
        if tag == "link" and _HINT_RELS.intersection(values.get("rel", "").lower().split()):
            return
        for attr, tags in _URL_ATTRS.items():
            if attr in values and tag in tags:
                self._add(line, values[attr])
        if tag in _SRCSET_TAGS and "srcset" in values:
            for candidate in values["srcset"].split(","):
                url = candidate.strip().split(" ")[0]
                if url:
                    self._add(line, url)
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            match = _REFRESH_RE.match(values.get("content", ""))
            if match:
                self._add(line, match[1])

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def _add(self, line: int, url: str) -> None:
        self.scan.links.append(Link(self.page, line, url.strip()))


def scan_page(html: str, page: str) -> PageScan:
    """Return the ids and links of one page; ``page`` is its path inside the site."""
    parser = _PageParser(page)
    parser.feed(html)
    parser.close()
    return parser.scan


class SiteLinkChecker:
    """Resolves and checks links against one built site folder."""

    def __init__(self, site: Path, site_url: str | None = None) -> None:
        self.site = site
        self.site_url = site_url.rstrip("/") + "/" if site_url else None
        self.site_path = urlsplit(self.site_url).path if self.site_url else "/"
        self._scans: dict[str, PageScan] = {}

    def pages(self) -> list[str]:
        """Return the site-relative path of every HTML page, sorted."""
        return sorted(
            path.relative_to(self.site).as_posix()
            for path in self.site.rglob("*")
            if path.suffix in _HTML_SUFFIXES and path.is_file()
        )

    def scan(self, page: str) -> PageScan:
        """Return the (cached) scan of the page at site-relative path ``page``."""
        if page not in self._scans:
            text = (self.site / page).read_text("utf-8", errors="replace")
            self._scans[page] = scan_page(text, page)
        return self._scans[page]

    def check(self) -> LinkReport:
        """Check every page, the search index and the sitemap. Returns the report."""
        report = LinkReport()
        for page in self.pages():
            report.pages += 1
            scan = self.scan(page)
            base, current = self._base_of(page, scan)
            for link in scan.links:
                self._check_link(link, base, current, report)
        for link in self._search_links():
            self._check_link(link, "", "index.html", report)
        for link in self._sitemap_links():
            self._check_link(link, "", "index.html", report)
        return report

    def _base_of(self, page: str, scan: PageScan) -> tuple[str, str | None]:
        """Return the directory links of ``page`` resolve against, and the page that an
        empty path refers to: ``page`` itself, or what its ``<base href>`` names (None when
        that is outside the site)."""
        directory = posixpath.dirname(page)
        if scan.base is None:
            return directory, page
        resolved = self._site_relative(scan.base, directory)
        if resolved is None:
            return directory, None
        base_dir = (
            resolved if resolved.endswith("/") or not resolved else posixpath.dirname(resolved)
        )
        return base_dir.rstrip("/"), self._existing_file(resolved)

    def _site_relative(self, url_path: str, directory: str) -> str | None:
        """Return ``url_path`` as a path inside the site, or None when it leaves the site."""
        if url_path.startswith("/"):
            if not url_path.startswith(self.site_path) and url_path + "/" != self.site_path:
                return None
            joined = url_path[len(self.site_path) :]
        else:
            joined = posixpath.join(directory, url_path)
        trailing = joined.endswith("/") or url_path in ("", ".") or url_path.endswith("/.")
        normalised = posixpath.normpath(joined) if joined else "."
        if normalised == ".." or normalised.startswith("../"):
            return None
        if normalised == ".":
            return ""
        return normalised + "/" if trailing else normalised

    def _check_link(self, link: Link, base: str, current: str | None, report: LinkReport) -> None:
        """Check one link from a page whose links resolve against directory ``base`` and
        whose empty-path references mean ``current``; record the outcome in ``report``."""
        url = link.url
        if not url:
            report.internal += 1
            return
        parts = urlsplit(url)
        if self.site_url and url.startswith(self.site_url):
            parts = urlsplit(self.site_path + url[len(self.site_url) :])
        elif parts.scheme or parts.netloc:
            report.external += 1
            return
        report.internal += 1
        if parts.query and not parts.path:
            return
        path = unquote(parts.path)
        fragment = unquote(parts.fragment)
        if path:
            target = self._site_relative(path, base)
            if target is None:
                report.broken.append(broken(link, "points outside the site"))
                return
            page = self._existing_file(target)
            if page is None:
                report.broken.append(broken(link, f"no such file: {target or '/'}"))
                return
        elif current is None:
            report.broken.append(broken(link, "the page's <base> points outside the site"))
            return
        else:
            page = current
        if not parts.fragment:
            return
        report.fragments += 1
        if not page.endswith(_HTML_SUFFIXES) or fragment == "" or fragment.lower() == "top":
            return
        if fragment not in self.scan(page).ids:
            report.broken.append(broken(link, f"no element with id '{fragment}' in {page}"))

    def _existing_file(self, target: str) -> str | None:
        """Return the file a request for ``target`` serves (directories: index.html)."""
        candidate = self.site / target
        if target == "" or target.endswith("/") or candidate.is_dir():
            index = posixpath.join(target.rstrip("/"), "index.html") if target else "index.html"
            return index if (self.site / index).is_file() else None
        return target if candidate.is_file() else None

    def _search_links(self) -> Iterator[Link]:
        """Yield the location of every search index entry, relative to the site root."""
        index = self.site / "search" / "search_index.json"
        if not index.is_file():
            return
        data = json.loads(index.read_text("utf-8"))
        for position, doc in enumerate(data.get("docs", []), start=1):
            yield Link("search/search_index.json", position, str(doc.get("location", "")) or "./")

    def _sitemap_links(self) -> Iterator[Link]:
        """Yield every ``<loc>`` of ``sitemap.xml`` (checked only under ``--site-url``)."""
        sitemap = self.site / "sitemap.xml"
        if not sitemap.is_file() or self.site_url is None:
            return
        text = sitemap.read_text("utf-8")
        for match in _SITEMAP_LOC_RE.finditer(text):
            yield Link("sitemap.xml", text.count("\n", 0, match.start()) + 1, match[1])


def broken(link: Link, reason: str) -> BrokenLink:
    """Return the :class:`BrokenLink` for ``link`` with ``reason``."""
    return BrokenLink(link.page, link.line, link.url, reason)


def check_site(site: Path, site_url: str | None = None) -> LinkReport:
    """Check every internal link and fragment of the site built in ``site``.

    Returns the report; raises ``FileNotFoundError`` when ``site`` has no ``index.html``.
    """
    if not (site / "index.html").is_file():
        raise FileNotFoundError(f"{site}/index.html: no built site here (run make build)")
    return SiteLinkChecker(site, site_url).check()


def format_report(report: LinkReport, limit: int = 200) -> Iterable[str]:
    """Yield the report's lines: at most ``limit`` broken links, then the summary."""
    for item in report.broken[:limit]:
        yield f"BROKEN {item}"
    if len(report.broken) > limit:
        yield f"... and {len(report.broken) - limit} more"
    yield report.summary()


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point. Returns the exit status: 0 when every link resolves."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site folder, e.g. site/")
    parser.add_argument("--site-url", default=None, help="absolute URLs under it are internal")
    args = parser.parse_args(argv)
    try:
        report = check_site(args.site, args.site_url or None)
    except FileNotFoundError as exc:
        print(f"check_links: {exc}", file=sys.stderr)
        return 2
    for line in format_report(report):
        print(line)
    return 1 if report.broken else 0


if __name__ == "__main__":
    sys.exit(main())
