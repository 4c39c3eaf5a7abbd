"""Drafting with an assistant: drafter as a Model Context Protocol server (``drafter mcp``).

``workspace`` (the one folder the server may touch, every path confined to it), ``tools`` (what
the server can do, as plain functions), ``prompt`` (how to write outlines, for the assistant),
``server`` (the MCP server over stdio, from the official ``mcp`` SDK).
"""
