"""Department packs: loading a pack and its inheritance chain (pack), reading a sample DOCX into a pack
(learn), showing a resolved pack (show) and writing a new one (scaffold).
"""
