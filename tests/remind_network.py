"""A network with every kind of reminder, for today = 2022-01-10 and 14 days ahead
(window up to 2022-01-24 inclusive), plus near misses just outside the window."""

from __future__ import annotations

from datetime import date

from conftest import BASE, Files

TODAY = date(2022, 1, 10)

_verein = (
    BASE["partners/verein.yaml"]
    + """\
  - id: dora
    name: Dora Dreyer
    consent: 2021-12-01
"""
)
_bank = BASE["partners/bank.yaml"].replace(
    "    phone: 0287112345\n", "    email: bernd@example.org\n    phone: 0287112345\n"
)
_project = (
    BASE["projects/umfrage.yaml"]
    .replace(
        "milestones:\n",
        "milestones:\n"
        "  - title: Auswertung fertig\n    due: 2022-01-15\n"
        "  - title: Bericht im Ausschuss\n    due: 2021-12-01\n"
        "  - title: Später\n    due: 2022-03-01\n",
    )
    .replace(
        "awards:\n",
        "awards:\n"
        "  - to: bank\n    date: 2020-01-20\n    valid_until: 2022-01-20\n"
        "  - to: Nachbarschaftshilfe\n    date: 2019-12-20\n    valid_until: 2021-12-20\n"
        "  - to: fa\n    date: 2019-11-01\n    valid_until: 2021-11-01\n"
        "  - to: kirche\n    date: 2020-06-01\n    valid_until: 2022-06-01\n",
    )
)

BANK = _bank  # the bank's file of this network, as text (for tests that change it)

REMIND: Files = {
    "partners/verein.yaml": _verein,
    "partners/bank.yaml": _bank,
    "projects/umfrage.yaml": _project,
    "partners/neu.yaml": "name: Neuer Verein\nkind: association\nstatus: approached\napproached: 2021-11-15\n",
    "partners/spaeter.yaml": "name: Späterer Verein\nkind: association\nstatus: approached\napproached: 2021-12-20\n",
    "groups/ag2.yaml": (
        "name: AG Zwei\nkind: working\nlead: bernd\nstarted: 2021-01-01\nmeets_every_weeks: 4\n"
        "members:\n  - person: bernd\n    since: 2021-01-01\n"
    ),
    "meetings/2021/2021-11-01-ag2.yaml": "group: ag2\ndate: 2021-11-01\nstatus: held\npresent: [bernd]\n",
    "meetings/2021/2021-11-10-ag.yaml": "group: ag\ndate: 2021-11-10\nstatus: held\nchair: anna\n",
    "meetings/2021/2021-12-01-ag.yaml": """\
group: ag
date: 2021-12-01
status: held
present: [anna, bernd]
agenda:
  - title: Aufgaben
    tasks:
      - {title: Raum buchen, owner: bernd, due: 2022-01-20}
      - {title: Flyer drucken, owner: bernd, due: 2022-01-24}
      - {title: Zu spät für das Fenster, owner: bernd, due: 2022-01-25}
      - {title: Schon erledigt, owner: bernd, due: 2022-01-12, done: 2022-01-05}
""",
    "meetings/2021/2021-12-15-ag.yaml": "group: ag\ndate: 2021-12-15\nstatus: planned\nchair: anna\nminutes_by: bernd\n",
    "meetings/2022/2022-01-19-ag.yaml": """\
group: ag
date: 2022-01-19
start: "18:00"
status: planned
minutes_by: bernd
invited: [dora]
agenda:
  - title: Begrüßung
  - title: Planung
""",
    "meetings/2022/2022-02-15-ag.yaml": "group: ag\ndate: 2022-02-15\nstatus: planned\n",
}

# (date, kind, subject, recipients), in the order `remind` lists them.
EXPECTED = [
    ("2021-05-31", "task_overdue", "porto-klaeren", ["anna", "bernd"]),
    ("2021-11-10", "minutes_missing", "2021-11-10-ag", ["anna"]),
    ("2021-11-29", "group_quiet", "ag2", ["bernd"]),
    ("2021-12-01", "milestone_overdue", "umfrage", ["anna"]),
    ("2021-12-15", "minutes_missing", "2021-12-15-ag", ["bernd"]),
    ("2021-12-15", "prospect_follow_up", "neu", ["anna"]),
    ("2021-12-20", "award_expiring", "umfrage", ["anna"]),
    ("2022-01-15", "milestone_due", "umfrage", ["anna"]),
    ("2022-01-19", "meeting_upcoming", "2022-01-19-ag", ["anna", "bernd", "dora"]),
    ("2022-01-19", "intro_talk_missing", "dora", ["anna"]),
    ("2022-01-20", "award_expiring", "umfrage", ["anna"]),
    ("2022-01-20", "task_due", "2021-12-01-ag#1", ["bernd"]),
    ("2022-01-24", "task_due", "2021-12-01-ag#2", ["bernd"]),
]
