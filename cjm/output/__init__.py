"""Results out: every format cjm writes, and the terminal it writes them to. Nothing below this package prints
or chooses a format.

- `formats`: the one shape of a format registry (`Format`, `Registry`); `--format` choices, help and errors come
  from the registries.
- `plan`: the one output planner: where each report or file goes, checked against the run's inputs before any
  work, and written atomically.
- `contract`: the one JSON contract (the envelope, `problem_json`, `json_text`), described by
  `schemas/output.schema.json`.
- `findings`: the reports of `validate`, `lint` and `import` (`FINDINGS_FORMATS`), and the runs of `validate` and
  `lint` (`findings.runs`, `findings.linting`); `rules`: `cjm rules` (`RULE_LIST_FORMATS`).
- `terminal` (colour, safe text, log guard), `progress` (the progress bar). (The CSV writer every CSV output uses
  is `cjm.core.csv_writer`, below the Office export too.)
"""
