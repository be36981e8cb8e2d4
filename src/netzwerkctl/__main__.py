"""`python -m netzwerkctl` runs the same command line as `netzwerkctl`."""

from netzwerkctl.cli import main

main()
