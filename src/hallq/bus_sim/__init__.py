"""``hallq bus-sim``: the hall's bus devices simulated on screen, for the demo.

``hallq.hardware.bus.sim_hall`` builds the simulated devices on a line and writes the bus config
that points at them; here ``widgets`` and ``window`` show them (LED screens, the hall strip) with
buttons that press their keys; ``texts`` holds the words (zh/en); ``cli`` is the subcommand.
"""
