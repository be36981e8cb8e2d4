"""The presentation layer: everything that depends on the reader's language.

Templates and their contexts (render, documents, partners, report, reminders),
labels of stored values, charts, calendars and the notice of an incomplete document.
The words come from the catalogues (netzwerkctl.i18n); `derive/` hands over typed facts
and never words, so a third language is one catalogue file.
"""
