"""cjm: customer journey maps as YAML in git — validate, lint, adapt, prioritise, render and diff them.

The library works without the command line: ``cjm.validation.check.check_file`` loads and validates one map,
``cjm.io.loader.load_yaml`` is the one gateway from YAML text to data with line marks.
"""

__version__ = "0.1.0"
