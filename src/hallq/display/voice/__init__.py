"""Voice announcements: clips joined into one WAV per call, played in order by a Qt queue.

Pure modules (no Qt): ``reading`` (how numbers are read), ``script`` (what an announcement
says), ``clips`` (where clips come from), ``wav`` (joining them). Qt modules: ``player`` (audio
output) and ``queue`` (one announcement after another).
"""
