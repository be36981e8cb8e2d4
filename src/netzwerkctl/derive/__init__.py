"""Facts derived from a loaded network: pure functions of the network and a date.

No I/O, no printing, no clock: whatever "today" is comes in as a parameter.
"""
