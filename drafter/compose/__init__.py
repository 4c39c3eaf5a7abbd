"""Outline → blocks: the sandboxed Jinja templates (templates, sandbox, guard, cache), the context they
see (context, kindfilters) and the typed paragraph stream they produce (blocks).
"""
