"""Names vulture (the dead-code check of `make lint`) takes for unused, and why each is used.

Written as vulture reads a whitelist: each line uses the name once. Add a name only with its reason; code that
nothing uses is deleted instead.
"""

# ruff: noqa: B018, E402, F821
# mypy: ignore-errors

# Commands: cjm.cli.COMMANDS names them as "module:function" strings, imported when the command runs.
from cjm.cli import adapt, office, validate

adapt.merge
office.import_
office.export
validate.validate
validate.init

# Writers and exporters: each output registry (cjm.output.formats.Registry, cjm.output.office) names them as
# "module:function" strings, imported when that format is written; tests/test_output_registries.py loads each.
_.write_json
_.write_markdown
_.write_html
_.write_table
_.write_explanation
_.write_explanation_json
_.write_rules_text
_.write_rules_json
_.write_github
_.write_junit
_.write_sarif
_.write_statistics
_.write_statistics_json
_.to_csv
_.to_xlsx
_.to_pptx

# cjm.output.formats.Writer is a Protocol: its __call__ is the signature a writer has.
_.__call__

# The module's __getattr__ protocol: `cjm.cli.app` for the tests that drive typer's CliRunner.
from cjm import cli

cli.__getattr__

# cjm.cli.root._root: typer options are parameters; `main` reads --debug from the command line itself.
_.debug

# Keyword parameters of methods overriding a library's (ruamel's emitter, PyYAML's scanner), named as theirs.
_.indentless
_.scan_plain
_.allow_simple_key

# Settings read by the library they are set on: ruamel.yaml's YAML object, python-pptx and openpyxl objects.
_.preserve_quotes
_.fold_pos
_.turbo_add_enabled
_.allow_unicode
_.brace_single_entry_mapping_in_flow_sequence
_.rgb
_.word_wrap
_.inherit
_.dash_style
_.author
_.creator
_.orientation
_.zoomScale
_.fitToWidth
_.fitToHeight
_.fitToPage

# The library's documented entry point for linting without the command line (cjm/lint/__init__.py).
from cjm.lint import engine

engine.lint_paths

# Tests: an autouse fixture, html.parser callbacks, and the signature of the os.replace a test breaks.
_._at_the_root
_.handle_starttag
_.handle_data
_.src
_.dst
