"""`netzwerkctl serve`: start the web view (netzwerkctl.web) for the network folder."""

from __future__ import annotations

import gc
import sys
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from netzwerkctl.cli.common import fail, network_root, parse_today
from netzwerkctl.files import said
from netzwerkctl.i18n import cli

if TYPE_CHECKING:
    import socket

LOOPBACK = "127.0.0.1"


def serve(
    ctx: typer.Context,
    port: Annotated[
        int, typer.Option(help="Port to listen on (0: any free one).", min=0, max=65535)
    ] = 8000,
    open_browser: Annotated[
        bool, typer.Option("--open", help="Open the start page in the browser.")
    ] = False,
    host: Annotated[
        Optional[str],  # noqa: UP045  (Typer needs Optional on Python 3.10)
        typer.Option(
            help=(
                "Listen on another address than 127.0.0.1. There is no login: everyone "
                "who reaches the address can read the whole network."
            ),
        ),
    ] = None,
    today: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(help="Reference day instead of today (2022-09-01 or 01.09.2022)."),
    ] = None,
    editor: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            help=(
                "How a problem's link opens the file in your editor: a URL in which path, "
                "line and column in curly braces are filled in (default: VS Code's; "
                "docs/serve.md shows others)."
            ),
        ),
    ] = None,
) -> None:
    """The whole network in the browser, read-only: today's reminders, the problems
    with links to their lines, partners, groups, meetings with their documents to
    download, projects, marketplace, report and changes. The page updates itself when
    a file changes. Ctrl+C stops it.

    Needs the extra `serve`: pip install "netzwerkctl[serve]".

    Examples:

      netzwerkctl serve --open

      netzwerkctl serve --port 8080 --today 2022-09-01
    """
    _ = cli()
    try:
        import uvicorn

        from netzwerkctl.web.app import Settings, create_app
        from netzwerkctl.web.state import LiveNetwork
    except ImportError:
        fail(
            _(
                "The web view needs the extra 'serve': pip install \"netzwerkctl[serve]\" "
                "(Starlette, uvicorn, watchfiles)."
            )
        )
    import ipaddress  # here, not at start-up: every other command starts without it

    root = network_root(ctx)
    address = LOOPBACK if host in (None, "localhost") else str(host)
    try:
        loopback = ipaddress.ip_address(address).is_loopback
    except ValueError:
        loopback = address == "localhost"
    if not loopback:
        sys.stderr.write(
            "netzwerkctl: "
            + _(
                "warning: listening on %(host)s. There is no login: everyone who can reach "
                "this address reads the whole network, contact data included.",
                host=address,
            )
            + "\n"
        )
    # A server runs for hours and reads the network again after every edit: the
    # cycle collector the one-shot commands switch off must run here.
    gc.enable()
    if today is None:
        live = LiveNetwork(root)
    else:
        day = parse_today(today)
        live = LiveNetwork(root, today=lambda: day)
    # The Host header a browser sends must name this server: a page elsewhere whose
    # name resolves to 127.0.0.1 (DNS rebinding) gets nothing. With --host the machine
    # is reached by names we cannot know; the warning above has said what that means.
    hosts = ["127.0.0.1", "localhost", address] if loopback else ["*"]
    from netzwerkctl.web.pages import DEFAULT_EDITOR, editor_problem

    template = editor or DEFAULT_EDITOR
    problem = editor_problem(template)
    if problem is not None:
        fail(
            _(
                "--editor %(template)s: use {path}, {line} and {column} only (%(problem)s).",
                template=template,
                problem=problem,
            )
        )
    settings = Settings(editor=template, hosts=hosts)
    config = uvicorn.Config(
        create_app(live, settings), log_level="warning", timeout_graceful_shutdown=1
    )
    listening = _listen(address, port)
    bound = listening.getsockname()[1]
    shown = f"[{address}]" if ":" in address else address
    url = f"http://{shown}:{bound}/"
    sys.stdout.write(_("netzwerkctl serve: %(url)s (Ctrl+C stops)", url=url) + "\n")
    sys.stdout.flush()
    if open_browser:
        import webbrowser

        webbrowser.open(url)  # the socket listens already: the browser's request waits
    uvicorn.Server(config).run(sockets=[listening])


def _listen(address: str, port: int) -> socket.socket:
    """A listening socket, bound here so that a port in use is a sentence, not a
    traceback, and so that the address is known before the browser opens."""
    import socket

    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        if sys.platform != "win32":  # on Windows the option lets two servers share a port
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((address, port))
        sock.listen(128)
    except OSError as exc:
        sock.close()
        _ = cli()
        fail(
            _(
                "Cannot listen on %(host)s port %(port)s: %(reason)s. Is another "
                "`netzwerkctl serve` running? Choose another port with --port.",
                host=address,
                port=port,
                reason=said(exc, _),
            )
        )
    return sock
