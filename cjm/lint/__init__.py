"""`cjm lint`: named rules that say whether a valid map is a good map.

The library works without the command line: `cjm.lint.engine.lint_paths(paths)` yields a `FileReport` per map
(validation problems first, then lint problems), `lint_journey(journey, rules)` lints one loaded journey, and
`cjm.lint.fix.fix_text` applies the safe fixes. Rules live one per module in `cjm.lint.rules`; settings come
from `cjm.lint.rule_settings`.
"""
