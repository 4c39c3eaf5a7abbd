"""Blocks → package: the resolved style profile (profile), the raw WordprocessingML that alone touches
XML (oxml), and the writer that turns a block stream into a DOCX (writer).
"""
