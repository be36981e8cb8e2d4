"""netzwerkctl: a local civic-engagement network kept as plain YAML files, and the
coordinator's recurring paperwork done from them."""

__version__ = "0.1.0"
