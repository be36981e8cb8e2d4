"""`netzwerkctl serve`: the network in the browser, on the coordinator's own PC.

The files and git stay the truth; the web view only shows them. It calls the same
library functions as the command line (check, derive, present) — the pages are one
more presentation of the same facts, the downloads the same bytes the CLI writes.
Its dependencies (Starlette, uvicorn, watchfiles) are the extra `serve`.
"""
