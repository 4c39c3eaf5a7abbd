"""LibreOffice as drafter's real client: finding and driving soffice (libreoffice), the fonts it may use
(fonts), and PDF/PNG previews with a filled table of contents (preview).
"""
