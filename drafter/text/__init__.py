"""Chinese text rules that every stage shares: full-width punctuation (typography) and heading numbers (numbering).

Pure functions on strings; imports nothing of drafter but errors.
"""
