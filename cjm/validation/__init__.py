"""Is this a map? JSON Schema validation (a fast yes/no check, then jsonschema's located explanation), reference
checks, and suggestions for misspelt keys and ids."""
