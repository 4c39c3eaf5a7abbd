"""Reading and validating an outline: YAML with positions (yamlfile, scalarmap), the typed model (model),
the validator that interprets its hints (schema), the kinds (kinds, kindinfo), loading a file (load) and
the JSON Schema for editors (json_schema).
"""
