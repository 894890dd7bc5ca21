"""The gunicorn worker of ``rental serve``: gthread, with each request buffered whole by the
worker's event loop before a thread takes it, and gunicorn's own errors as problem+json.

Why: gthread hands a connection to a thread as soon as its first byte arrives, and the thread
then reads the headers and body at the client's pace. Sixteen clients each sending one byte of
a declared 100 kB body held every thread, and ``/healthz`` timed out. Here the worker's
selector loop reads every request (headers, then the declared body or up to the body limit)
without blocking; a thread gets the connection only once the request is all there, so a slow
client costs a buffer, never a thread. A request not complete within ``REQUEST_READ_SECONDS``
of its first byte is answered 408 and closed. Buffering is bounded by ``max_body_bytes``: past
it the request goes on at once and the application answers 413 without reading further.

``GET /healthz`` (liveness) is answered by the event loop itself, the moment it is read: it
takes no thread, so it shares nothing with requests that wait on the database (a hung
database held every thread for its connect timeout, and ``/healthz`` queued behind them). Its
answer is the application's (``{"status": "ok"}``), with the headers every answer carries.

Gunicorn answers some malformed requests itself (400 bad request line, 414 URI too long, 431
header fields too large, ...) with an HTML page; this worker writes them as
``application/problem+json``, like every other error of the API.
"""

from __future__ import annotations

import contextlib
import errno
import json
import re
import selectors
import socket
import time
from collections import deque
from functools import partial
from http import HTTPStatus
from typing import Any

from gunicorn import util
from gunicorn.workers.gthread import ThreadWorker

REQUEST_READ_SECONDS = 10.0  # from the first byte of a request to its last
RECV_BYTES = 65536
MAX_HEAD_BYTES = 64 * 1024  # more than gunicorn's own limits: it answers 414/431 itself
_CONTENT_LENGTH = re.compile(rb"^content-length:[ \t]*(\d+)[ \t]*$", re.IGNORECASE | re.MULTILINE)
_CHUNKED = re.compile(rb"^transfer-encoding:.*chunked", re.IGNORECASE | re.MULTILINE)


def problem_response(status: int, detail: str) -> bytes:
    """A complete HTTP/1.1 response carrying a problem+json body, closing the connection."""
    phrase = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Error"
    body = json.dumps(
        {"type": "about:blank", "title": phrase, "status": status, "detail": detail[:200]}
    ).encode()
    head = (
        f"HTTP/1.1 {status} {phrase}\r\nConnection: close\r\n"
        f"Content-Type: application/problem+json\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    return head.encode("latin-1") + body


# The request line of a liveness probe: GET or HEAD of /healthz, nothing after the path.
_LIVENESS = re.compile(rb"^(GET|HEAD) /healthz HTTP/1\.[01]\r\n")
_LIVENESS_BODY = b'{"status":"ok"}\n'


def liveness_response(request: bytes) -> bytes | None:
    """The whole answer to ``request`` if it is a liveness probe with no body, else None."""
    found = _LIVENESS.match(request)
    if found is None:
        return None
    head = request[: request.find(b"\r\n\r\n")]
    if _CONTENT_LENGTH.search(head) or _CHUNKED.search(head):
        return None
    body = b"" if found.group(1) == b"HEAD" else _LIVENESS_BODY
    return (
        b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: application/json\r\n"
        b"Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n"
        b"Content-Length: " + str(len(_LIVENESS_BODY)).encode() + b"\r\n\r\n" + body
    )


def write_problem(sock: socket.socket, status: int, reason: str, message: str) -> None:
    """``gunicorn.util.write_error`` with a problem+json body instead of an HTML page."""
    util.write_nonblock(sock, problem_response(status, message or reason))


def request_is_complete(buffered: bytes, max_body_bytes: int) -> bool:
    """Whether ``buffered`` holds a whole request (or all a thread needs to answer it)."""
    end = buffered.find(b"\r\n\r\n")
    if end < 0:
        return len(buffered) > MAX_HEAD_BYTES  # gunicorn answers 431 / 414 for it
    head, body = buffered[:end], len(buffered) - end - 4
    if _CHUNKED.search(head):
        return buffered.endswith(b"0\r\n\r\n") or body > max_body_bytes
    lengths = _CONTENT_LENGTH.findall(head)
    if not lengths:
        # No body, or a Content-Length gunicorn will refuse (a 400 it writes itself).
        return True
    declared = int(lengths[0])
    return declared > max_body_bytes or body >= declared


class BufferingThreadWorker(ThreadWorker):  # type: ignore[misc]
    """gthread whose event loop buffers whole requests before any thread sees them."""

    max_body_bytes = 1024 * 1024  # set by ``rental serve`` from RENTAL_MAX_BODY_BYTES

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.buffering: deque[Any] = deque()

    def init_process(self) -> None:
        util.write_error = write_problem  # this process runs only this worker
        super().init_process()

    # -- where gthread would hand a connection to a thread ------------------------------
    def accept(self, listener: socket.socket) -> None:
        try:
            client, address = listener.accept()
        except OSError as error:
            if error.errno not in (errno.EAGAIN, errno.ECONNABORTED, errno.EWOULDBLOCK):
                raise
            return
        self.nr_conns += 1
        from gunicorn.workers.gthread import TConn

        self._buffer(TConn(self.cfg, client, address, listener.getsockname()))

    def on_client_socket_readable(self, conn: Any, client: socket.socket) -> None:
        self.poller.unregister(client)
        self.keepalived_conns.remove(conn)
        self._buffer(conn)

    def on_pending_socket_readable(self, conn: Any, client: socket.socket) -> None:
        self.poller.unregister(client)
        self.pending_conns.remove(conn)
        self._buffer(conn)

    # -- buffering ------------------------------------------------------------------------
    def _buffer(self, conn: Any) -> None:
        conn.sock.setblocking(False)
        conn.rental_buffer = bytearray()
        conn.timeout = time.monotonic() + REQUEST_READ_SECONDS
        self.buffering.append(conn)
        self.poller.register(conn.sock, selectors.EVENT_READ, partial(self._on_readable, conn))

    def _on_readable(self, conn: Any, client: socket.socket) -> None:
        try:
            data = client.recv(RECV_BYTES)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if not data:  # the client went away
            self._stop_buffering(conn)
            self.nr_conns -= 1
            conn.close()
            return
        conn.rental_buffer += data
        if request_is_complete(bytes(conn.rental_buffer), self.max_body_bytes):
            self._stop_buffering(conn)
            request = bytes(conn.rental_buffer)
            answer = liveness_response(request)
            if answer is None:
                self._dispatch(conn, request)
                return
            self.nr_conns -= 1
            with contextlib.suppress(OSError):
                conn.sock.setblocking(True)
                conn.sock.sendall(answer)
            conn.close()

    def _stop_buffering(self, conn: Any) -> None:
        self.poller.unregister(conn.sock)
        self.buffering.remove(conn)

    def _dispatch(self, conn: Any, request: bytes) -> None:
        conn.rental_buffer = None
        conn.sock.setblocking(True)
        conn.data_ready = True
        conn.init()  # makes the parser on first use; a kept-alive connection has one
        conn.parser.unreader.unread(request)
        self.enqueue_req(conn)

    def murder_pending(self) -> None:
        super().murder_pending()
        now = time.monotonic()
        while self.buffering and self.buffering[0].timeout <= now:
            conn = self.buffering[0]
            self._stop_buffering(conn)
            self.nr_conns -= 1
            with contextlib.suppress(OSError):
                answer = problem_response(408, "The request did not arrive in time.")
                util.write_nonblock(conn.sock, answer)
            conn.close()
