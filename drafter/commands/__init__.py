"""One module per command; each imports the heavy parts of drafter only when it runs."""
