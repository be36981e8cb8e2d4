"""Many networks, one picture: the public export of a network (export.py), the
programme's registry of networks (registry.py), fetching their repositories
(fetch.py) and the programme report over their exports (programme.py).

Each city keeps its data in its own repository; the programme office reads only what
a network publishes about itself (`netzwerkctl export --public`), never persons.
"""
