"""Fetching a page politely and safely, for archiving and watching the sources.

Every address is checked before it is asked for, redirects included: http(s) only, and a host
whose every address is public (no loopback, private, link-local or reserved network), unless a
test allows the loopback address explicitly. The connection goes to the address that was checked,
so a name that resolves differently a second time cannot lead elsewhere. Each request has a
timeout, a size limit and a user agent that names the project; redirects are returned, not
followed, so that the caller decides (and records a move).
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

USER_AGENT = "china-iran-readouts-archive/1.0 (source watcher; +https://github.com/china-iran-readouts/archive)"
MAX_BODY = 5 * 1024 * 1024
MAX_REDIRECTS = 5


class FetchError(Exception):
    """The page could not be fetched: network failure, timeout, or an address that is not allowed."""


@dataclass(frozen=True)
class FetchSettings:
    timeout: float = 30.0
    user_agent: str = USER_AGENT
    allow_loopback: bool = False  # tests serve from 127.0.0.1; never in a real run


@dataclass
class Response:
    status: int
    url: str  # the address finally answered, after the redirects followed
    headers: dict[str, str]
    body: bytes
    redirects: list[str] = field(default_factory=list)  # every address redirected to, in order


def _allowed_ip(text: str, settings: FetchSettings) -> bool:
    address = ipaddress.ip_address(text.split("%")[0])
    if getattr(address, "ipv4_mapped", None):
        address = address.ipv4_mapped
    return address.is_global or (settings.allow_loopback and address.is_loopback)


def checked_address(url: str, settings: FetchSettings) -> tuple[str, int, str]:
    """(host, port, the IP address to connect to) for an allowed http(s) address; FetchError when not allowed."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"not an http(s) address: {url[:100]!r}")
    if parts.username or parts.password:
        raise FetchError(f"an address with a user name or password is not fetched: {parts.hostname}")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        found = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(f"{parts.hostname}: the name does not resolve ({error})") from None
    addresses = sorted({info[4][0] for info in found})
    refused = [a for a in addresses if not _allowed_ip(a, settings)]
    if not addresses or refused:
        raise FetchError(f"{parts.hostname} resolves to a private or reserved address ({', '.join(refused)}): not fetched")
    return parts.hostname, port, addresses[0]


class _PinnedHTTP(http.client.HTTPConnection):
    def __init__(self, host, port, ip, timeout):
        super().__init__(host, port, timeout=timeout)
        self._ip = ip

    def connect(self):
        self.sock = socket.create_connection((self._ip, self.port), self.timeout)


class _PinnedHTTPS(http.client.HTTPSConnection):
    def __init__(self, host, port, ip, timeout):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._ip = ip

    def connect(self):
        sock = socket.create_connection((self._ip, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def _request_once(url: str, settings: FetchSettings, method: str = "GET") -> Response:
    host, port, ip = checked_address(url, settings)
    parts = urlsplit(url)
    connection_type = _PinnedHTTPS if parts.scheme == "https" else _PinnedHTTP
    connection = connection_type(host, port, ip, settings.timeout)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    try:
        connection.request(method, target, headers={"User-Agent": settings.user_agent, "Accept": "text/html,*/*;q=0.5",
                                                    "Accept-Encoding": "identity"})
        answer = connection.getresponse()
        body = answer.read(MAX_BODY + 1)
    except (OSError, http.client.HTTPException) as error:
        reason = "timed out" if isinstance(error, TimeoutError) else (str(error) or type(error).__name__)
        raise FetchError(f"{host}: {reason}") from None
    finally:
        connection.close()
    if len(body) > MAX_BODY:
        raise FetchError(f"{host}: the page is over {MAX_BODY // (1024 * 1024)} MB")
    return Response(answer.status, url, {k.casefold(): v for k, v in answer.getheaders()}, body)


def fetch(url: str, settings: FetchSettings, follow: int = MAX_REDIRECTS) -> Response:
    """The answer to a GET of the address, following up to `follow` redirects, each checked before it is asked for."""
    redirects: list[str] = []
    response = _request_once(url, settings)
    while response.status in (301, 302, 303, 307, 308) and response.headers.get("location") and len(redirects) < follow:
        target = urljoin(response.url, response.headers["location"].strip())
        if urlsplit(target).scheme not in ("http", "https"):
            raise FetchError(f"redirected to a non-http(s) address: {target[:100]!r}")
        redirects.append(target)
        response = _request_once(target, settings)
    response.redirects = redirects
    return response
