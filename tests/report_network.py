"""A network whose 2021 figures are known, worked out by hand in the comments."""

from __future__ import annotations

from conftest import BASE, Files

M = "meetings/2021/2021-03-15-ag.yaml"
_DM = "contacts:\n  - {{id: {0}, name: {0}, decision_maker: ja, consent: 2021-01-01}}\n"

REPORT: Files = {
    # partners: at 1 Jan 2021 fa, bank, verein, alt, pause (5); at 31 Dec fa, bank,
    # verein, neu, pause (5); joined neu, left alt; kirche (prospect) approached 2021
    "partners/neu.yaml": "name: Neuer Verein\nkind: association\nstatus: active\njoined: 2021-06-01\n"
    + _DM.format("nina"),
    "partners/alt.yaml": "name: Alter Partner\nkind: business\nstatus: former\njoined: 2015-01-01\nleft: 2021-03-31\n",
    "partners/pause.yaml": "name: Pausierender Partner\nkind: church\nstatus: paused\njoined: 2018-01-01\n",
    "partners/spaet.yaml": "name: Später Partner\nkind: school\nstatus: active\njoined: 2022-02-01\n"
    + _DM.format("sven"),
    # patrons of ag (started 2016): bank from the start; verein since 2018; fa from 2017
    # until May 2021 -> original 1, stayed 1, joined 2, left 1 (in 2021), current 2
    "groups/ag.yaml": BASE["groups/ag.yaml"].replace(
        "patrons: [bank, {partner: verein, since: 2018-01-01}]",
        "patrons: [bank, {partner: verein, since: 2018-01-01}, {partner: fa, since: 2017-01-01, until: 2021-05-01}]",
    ),
    # meetings 2021: 03-15 held (3 of 3 present; carla invited), 06-01 cancelled,
    # 09-01 held (1 of 2) -> held 2, cancelled 1, attendance 4/5
    "meetings/2021/2021-06-01-ag.yaml": "group: ag\ndate: 2021-06-01\nstatus: cancelled\n",
    "meetings/2021/2021-09-01-ag.yaml": """\
group: ag
date: 2021-09-01
status: held
present: [anna]
excused: [bernd]
agenda:
  - title: Aufgaben
    tasks:
      - {title: Überfällig am Jahresende, owner: anna, due: 2021-12-15}
      - {title: "Offen, aber nicht fällig", owner: anna, due: 2022-02-01}
""",
    # raised 2020, done 2021: counts as done in 2021, not as raised
    "meetings/2020/2020-11-02-ag.yaml": """\
group: ag
date: 2020-11-02
status: held
present: [anna]
agenda:
  - title: Alt
    tasks:
      - {title: Im Januar erledigt, owner: anna, due: 2021-01-31, done: 2021-02-01}
""",
    # tasks 2021: raised 4 (2 + 2); done 2 (03-15#1 in April, the 2020 one);
    # open at year end 3 (porto, both from 09-01); overdue 2 (porto, 12-15)
    # projects: umfrage (2021, 1140.00 EUR), fest (a date in 2021: 12 h), laeuft
    # (since 2019, 100.50 EUR and 3.5 h); alt-projekt (2020) does not count
    "projects/fest.yaml": "name: Fest\nkind: event\nstatus: done\ndate: 2021-05-05\ncontributions:\n  - {partner: fa, kind: rooms, hours: 12}\n",
    # laeuft runs since 2019: a dated contribution counts in its year, an undated one in
    # the project's first year (2019), never again
    "projects/laeuft.yaml": "name: Läuft\nkind: campaign\nstatus: running\nstart: 2019-01-01\ncontributions:\n  - {partner: verein, kind: material, value_eur: 100.50, hours: 3.5, date: 2021-04-01}\n  - {partner: bank, kind: staff, value_eur: 999}\nawards:\n  - {to: bank, date: 2019-05-01}\n",
    "projects/alt-projekt.yaml": "name: Alt\nkind: event\nstatus: done\nstart: 2020-01-01\nend: 2020-12-31\ncontributions:\n  - {partner: bank, kind: staff, value_eur: 500}\nawards:\n  - {to: fa, date: 2020-01-01, valid_until: 2021-06-30}\n",
    # awards: granted 2021 one (umfrage); valid at year end: umfrage's and laeuft's
    "marketplace/markt-2020.yaml": "title: Markt 2020\ndate: 2020-06-01\noffers:\n  - {id: o1, partner: bank, what: Beratung, kind: expertise}\n",
}

EXPECTED_JSON = {
    "year": 2021,
    "partners": {"active_start": 5, "active_end": 5, "joined": ["neu"], "left": ["alt"]},
    "meetings": {"held": 2, "cancelled": 1},
    "tasks": {"raised": 4, "done": 2, "open_end": 3, "overdue_end": 2},
    "contributions": {"total_eur": 1240.5, "total_hours": 15.5},
    "awards": {"granted": 1, "valid_end": 2},
    "marketplace": {"offers": 1, "needs": 1, "deals": 1},
}
