"""The stages composed: one outline to one DOCX (render), many in parallel (batch), and the time stamped
into the package (clock).
"""
