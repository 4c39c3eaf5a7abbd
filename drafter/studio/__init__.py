"""drafter studio: a local web app to write an outline with the real page beside it.

The server (:mod:`drafter.studio.app`) is stateless between requests apart from the files of its
folder and one warm LibreOffice that draws the pages; the browser holds the editing state. Modules:
``paths`` (every name confined to the folder), ``documents`` (read with a version tag, save with a
precondition, atomically), ``edits`` (form edits applied to the YAML text with ruamel.yaml, keeping
comments), ``analysis`` (text → data, findings, labels, stats for the form), ``pages`` (DOCX → page
images), ``uploads`` (import a document, size-limited), ``guard`` (origin, host and token),
``app`` (the routes), ``server`` (uvicorn, the printed address).
"""
