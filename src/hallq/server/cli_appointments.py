"""``hallq appointments FILE.csv``: import booked appointments (6.3) into the hall."""

from hallq.server.cli_tools import Appointments

HELP = Appointments.HELP
configure = Appointments.configure
run = Appointments.run
