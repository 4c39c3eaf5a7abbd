"""Help for the person writing an outline: content checks (check), safe in-place fixes (fix), counts and
speaking time (stats), and starter outlines (starter).
"""
