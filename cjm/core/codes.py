"""The problem-code registry, at the bottom of the house: every validation code (CJM0xx) a command reports, with
its name, a one-line summary (SARIF rule metadata, JUnit failure types, `--statistics`) and the documentation
that `tools/docs.py` turns into docs/validation.md, which `Problem.url` points at. The modules that report a code
import its constant from here; nothing here imports anything above `cjm.core`.

Lint rule codes (CJM1xx and up) stay with their rule modules; a caller that knows the lint registry passes it to
`describe`. A code no registry knows still gets a usable entry, built from the problem's rule name, so a report
never lacks metadata.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

# Loading a file (cjm.io.loader).
UNREADABLE = "CJM000"
SYNTAX = "CJM001"
DUPLICATE_KEY = "CJM002"
UNSUPPORTED_TAG = "CJM003"
LIMIT = "CJM004"
ENCODING = "CJM005"
SHAPE = "CJM006"
# The schema and references (cjm.validation).
SCHEMA_CODE = "CJM010"
DUPLICATE_ID = "CJM020"
UNKNOWN_REFERENCE = "CJM021"
DEPENDENCY_CYCLE = "CJM022"
# Phase rule files and adapting (cjm.adapt).
RULE_SCHEMA_ERROR = "CJM030"  # the file does not follow the rule format
RULE_INCONSISTENT = "CJM031"  # it follows the format but cannot work (a default that is not a target, ...)
RULE_DUPLICATE = "CJM032"  # two rule files in the user's folders have the same name
NEEDS_REVIEW = "CJM040"  # an entry placed in the default phase of a split, marked `review: true`
# Prioritising (cjm.prioritise).
MISSING_INPUTS = "CJM060"  # retired: presets derive what the map does not give them
PIN_CONFLICT = "CJM061"
DUPLICATE_MAP = "CJM062"
# Importing a spreadsheet (cjm.office).
PLACED_FOR_REVIEW = "CJM070"  # a cell placed where it may not belong, marked `review: true`
READ_AS = "CJM071"  # how a value was read (an emotion on a 1..5 scale, a face, a word)
UNREAD_EMOTION = "CJM072"  # an emotion cell with no score cjm can read: 0 until someone sets it
OUTSIDE_GRID = "CJM073"  # text around the grid, kept as the map's description or the persona's


@dataclass(frozen=True)
class CodeInfo:
    """A problem code as a tool shows it: `name` is a short kebab-case label, `summary` one sentence.

    The rest is its documentation (validation codes only): `brief` for the index table, `meaning` what it says,
    `tag` a qualifier shown after the name (its severity when not an error), `reporter` the command that reports
    it, and an `example` report with `advice` on what to do.
    """

    code: str
    name: str
    summary: str
    brief: str = ""
    meaning: str = ""
    tag: str = ""
    reporter: str = "validate"
    example: tuple[str, ...] = ()
    advice: str = ""


VALIDATION_CODES: Mapping[str, CodeInfo] = {
    info.code: info
    for info in (
        CodeInfo(
            UNREADABLE,
            "unreadable-file",
            summary=(
                "The file cannot be read: it does not exist, is a directory without maps, or its permissions forbid "
                "reading."
            ),
            brief="the file cannot be read",
            meaning=(
                "the file cannot be read: it does not exist, it is a directory with no `.yaml` or `.yml` files in it, "
                "or its permissions forbid reading."
            ),
            example=("maps/gift.yaml:1:1: CJM000 [error] no such file; check the path",),
            advice=(
                "Check the path (a glob that matches nothing is reported this way too) and the file's permissions. "
                "Because the input itself is missing, the exit code is 2, not 1."
            ),
        ),
        CodeInfo(
            SYNTAX,
            "yaml-syntax",
            summary="The file is not valid YAML.",
            brief="not valid YAML",
            meaning=(
                "the file is not valid YAML, so it cannot be read as a map. The position is where the parser gave up, "
                "which is usually at or just after the mistake."
            ),
            example=(
                (
                    "maps/apparel.yaml:4:9: CJM001 [error] YAML syntax: mapping values are not allowed here; quote a "
                    "value that contains ': ' or check the indentation"
                ),
            ),
            advice=(
                'The usual causes: a value containing `: ` that needs quotes (`text: "サイズ: M"`), indentation that '
                "does not line up, or a tab used for indentation. cjm accepts a tab only inside quoted text, in a "
                "comment, or inside the text of a `|` or `>` block (after the line's first character): YAML parsers "
                "read a tab anywhere else differently (PyYAML with libyaml and without it disagree), so cjm refuses it "
                "the same way on every install and says where it is."
            ),
        ),
        CodeInfo(
            DUPLICATE_KEY,
            "duplicate-key",
            summary="A key appears twice in the same mapping; YAML keeps only one of them, silently.",
            brief="a key appears twice in one mapping",
            meaning=(
                "the same key appears twice in one mapping. Most YAML tools silently keep the last one, so half of "
                "what was written would be lost without a word; cjm refuses."
            ),
            example=(
                (
                    "maps/apparel.yaml:3:1: CJM002 [error] duplicate key 'id' (first defined at line 2, column 1); "
                    "keep one of them"
                ),
            ),
            advice="Keep the one you mean and delete the other.",
        ),
        CodeInfo(
            UNSUPPORTED_TAG,
            "unsupported-tag",
            summary="A YAML tag (such as !!python/object) that a map must not use; maps are plain data.",
            brief="a YAML tag a map must not use",
            meaning=(
                "the file uses a YAML tag such as `!!python/object` or a custom `!tag`. Maps are plain data (text, "
                "numbers, true/false, lists and mappings); tags that build objects are a security risk and are never "
                "read."
            ),
            example=(
                (
                    "maps/apparel.yaml:2:5: CJM003 [error] tag !!python/object:os.system is not allowed: cjm reads "
                    "plain data only (text, numbers, true/false, lists, mappings); remove the tag"
                ),
            ),
            advice="Remove the tag. The standard tags (`!!str`, `!!int` and the like) are accepted.",
        ),
        CodeInfo(
            LIMIT,
            "size-limit",
            summary="The file exceeds a safety limit: size, nesting depth, node count or alias expansion.",
            brief="over a safety limit",
            meaning=(
                "the file goes past a safety limit: larger than 8 MB, nested deeper than 64 levels, more than "
                '2,000,000 YAML nodes, or aliases that expand to more than 100,000 nodes (the "billion laughs" '
                "attack). Real maps stay far below these limits; a 1,000-phase map has about 60,000 nodes."
            ),
            example=(
                (
                    "maps/huge.yaml:1:67: CJM004 [error] nesting deeper than 64 levels; a journey map needs far fewer, "
                    "so check the indentation and brackets"
                ),
            ),
            advice=(
                "Split a very large map into several maps, and check brackets and indentation when the nesting is the "
                "problem."
            ),
        ),
        CodeInfo(
            ENCODING,
            "encoding",
            summary="The file is not UTF-8 text, or contains a control character YAML does not allow.",
            brief="not UTF-8, or a forbidden control character",
            meaning=(
                "the file is not UTF-8 text (or UTF-16/32 with a byte-order mark), or it contains a control character "
                "that YAML does not allow."
            ),
            example=(
                ("maps/apparel.yaml:3:10: CJM005 [error] control character U+0001 is not allowed in YAML; remove it"),
            ),
            advice=(
                "Save the file as UTF-8 (Japanese maps saved as Shift_JIS are the common case) and remove the control "
                "character, which usually arrives by copy and paste."
            ),
        ),
        CodeInfo(
            SHAPE,
            "document-shape",
            summary=(
                "The YAML is well formed but not shaped like one map: empty, several documents, or a key that is not "
                "text."
            ),
            brief="not shaped like one map",
            meaning=(
                "the YAML is well formed but is not one map: the file is empty, it holds several YAML documents "
                "separated by `---`, a key is not text, or a merge key `<<` is given something other than a mapping."
            ),
            example=(
                (
                    "maps/apparel.yaml:2:1: CJM006 [error] a second YAML document (`---`) in one file; cjm reads one "
                    "map per file, so move it to a file of its own"
                ),
            ),
            advice="Keep one map per file; `cjm init` writes a valid starter map.",
        ),
        CodeInfo(
            SCHEMA_CODE,
            "schema",
            summary=(
                "The map does not follow the journey map schema: an unknown or missing key, a wrong type, or a value "
                "out of range."
            ),
            brief="does not follow the journey map schema",
            meaning=(
                "the map does not follow the [journey map schema](../schemas/journey.schema.json): an unknown or "
                "misspelt key, a missing required key, a value of the wrong type, a value out of range (an emotion "
                "score outside -2..2, an impact outside 1..5), or an id that is not a valid id. The message names the "
                "entry it is in and, for a misspelling, the key or value you probably meant."
            ),
            example=(
                (
                    "maps/apparel.yaml:7:9: CJM010 [error] kind 'awarenes' is not a known value in phase "
                    "'consideration'; did you mean `awareness`?"
                ),
                (
                    "maps/apparel.yaml:8:3: CJM010 [error] unknown key `emotoin` in phase 'consideration'; did you "
                    "mean `emotion`? (prefix your own keys with `x-`)"
                ),
            ),
            advice=(
                "Fix the key or value as the message says. Keys of your own are allowed when they start with `x-`. "
                "`cjm schema` prints the schema for editors: with the `# yaml-language-server: $schema=...` line that "
                "`cjm init` writes, an editor completes keys and shows these errors as you type."
            ),
        ),
        CodeInfo(
            DUPLICATE_ID,
            "duplicate-id",
            summary="Two entries of the map share an id; ids must be unique within a map.",
            brief="two entries share an id",
            meaning=(
                "two entries of the map have the same id. Ids are unique across the whole map (phases, personas, pain "
                "points, opportunities, initiatives, messages and items with ids), because references and `cjm diff` "
                "follow them."
            ),
            example=(
                (
                    "maps/apparel.yaml:9:9: CJM020 [error] id 'size' is already used by a phase at line 5; ids must be "
                    "unique within a map, so rename one"
                ),
            ),
            advice="Rename one of them, and update the references to it.",
        ),
        CodeInfo(
            UNKNOWN_REFERENCE,
            "unknown-reference",
            summary="A reference names an id that does not exist, or an entry of the wrong kind.",
            brief="a reference to an id that does not exist",
            meaning=(
                "a reference names an id that does not exist, or one of the wrong kind: an initiative's `pain_points` "
                "naming a phase, an item's `persona` naming a persona that is not declared, a message's `phase` naming "
                "no phase."
            ),
            example=(
                (
                    "maps/apparel.yaml:14:17: CJM021 [error] no pain point has the id 'size'; did you mean "
                    "'size-anxiety'?"
                ),
            ),
            advice="Correct the id (the message suggests the closest one), or add the missing entry.",
        ),
        CodeInfo(
            DEPENDENCY_CYCLE,
            "dependency-cycle",
            summary="Initiatives depend on each other in a cycle, so none of them could start.",
            brief="initiatives that wait for each other",
            meaning=(
                "initiatives depend on each other in a cycle through `depends_on`, so none of them could ever start "
                "and no roadmap can order them."
            ),
            example=(
                (
                    "maps/apparel.yaml:18:16: CJM022 [error] dependency cycle: reviews -> points -> reviews; an "
                    "initiative cannot wait for itself, so remove one of these dependencies"
                ),
            ),
            advice="Remove the dependency that is not real; the problem is reported at the one that closes the cycle.",
        ),
        CodeInfo(
            RULE_SCHEMA_ERROR,
            "phase-rule-format",
            summary="A phase rule file does not follow the phase rule format.",
            brief="a phase rule file that does not follow the rule format",
            meaning=(
                "a phase rule file (`cjm adapt --rules DIR`) does not follow the [rule "
                "format](../schemas/phase-rule.schema.json): an unknown key, an unknown phase kind, channel or metric, "
                "or a missing key. See [phase-rules.md](phase-rules.md#errors-in-rule-files)."
            ),
            reporter="adapt",
        ),
        CodeInfo(
            RULE_INCONSISTENT,
            "phase-rule-inconsistent",
            summary="A phase rule file follows the format but cannot work (a default that is not a new phase, ...).",
            brief="a phase rule that cannot work",
            meaning=(
                "the rule file follows the format but cannot work: a `default` that is not one of the new phases, a "
                "phase split into its own kind, an `add_phase` with neither `after` nor `before`."
            ),
            reporter="adapt",
        ),
        CodeInfo(
            RULE_DUPLICATE,
            "phase-rule-duplicate",
            summary="Two phase rule files have the same name.",
            brief="two phase rule files with one name",
            meaning="two rule files in your rule folders have the same `name`; rename one.",
            reporter="adapt",
        ),
        CodeInfo(
            NEEDS_REVIEW,
            "placed-for-review",
            summary="`cjm adapt` could not tell where an entry belongs and placed it in the rule's default phase.",
            brief="`cjm adapt` placed an entry by default (info)",
            meaning=(
                "`cjm adapt` or `cjm split` could not tell which new phase an entry belongs to, so it put it in the "
                "rule's default phase and marked it `review: true`. Move it if it belongs elsewhere, then delete the "
                "flag; `cjm lint` reports the flag until then (CJM107)."
            ),
            tag="info",
            reporter="adapt",
        ),
        CodeInfo(
            MISSING_INPUTS,
            "missing-preset-inputs",
            summary="Retired: presets (RICE, ICE, WSJF) now derive the inputs a map does not give them.",
            brief="retired: presets derive missing inputs",
            meaning=(
                "`cjm prioritise --preset rice|ice|wsjf` used to refuse an initiative without the preset's own inputs. "
                "Presets now derive whatever the map does not give them from its impact, feasibility, urgency, "
                "confidence and what the initiative addresses, and say which inputs were derived "
                "([prioritise.md](prioritise.md#presets-rice-ice-wsjf)). The code stays reserved so that it never "
                "means anything else."
            ),
            tag="retired, no longer reported",
            reporter="prioritise",
        ),
        CodeInfo(
            PIN_CONFLICT,
            "stage-pin-conflict",
            summary="An initiative is pinned to a stage before one it depends on; the dependency order wins.",
            brief="a stage pin before a dependency (warning)",
            meaning=(
                "an initiative is pinned (`stage:`) before an initiative it depends on. It is placed after its "
                "dependency; change one of the pins so the map says what the roadmap does."
            ),
            tag="warning",
            reporter="prioritise",
        ),
        CodeInfo(
            DUPLICATE_MAP,
            "duplicate-map-id",
            summary="Two maps of a portfolio share an id.",
            brief="two maps of a portfolio share an id",
            meaning=(
                "two maps prioritised as one portfolio have the same `id`, so their initiatives could not be told "
                "apart. Give each map its own id."
            ),
            reporter="prioritise",
        ),
        CodeInfo(
            PLACED_FOR_REVIEW,
            "import-placed-for-review",
            summary="`cjm import` placed a cell it could not place for sure, marked `review: true`.",
            brief="`cjm import` placed a cell for review (warning)",
            meaning=(
                "`cjm import` found a cell under a row label it does not know, or in a row without a label after an "
                "empty row, and put it in the nearest sensible list (actions, or the row above) with `review: true` "
                "and a note naming the cell. Move it where it belongs and delete the flag; `cjm lint` reports the flag "
                "until then. Renaming the row to a label cjm knows ([office.md](office.md#what-it-reads)) places it "
                "next time."
            ),
            tag="warning",
            reporter="import",
        ),
        CodeInfo(
            READ_AS,
            "import-read-as",
            summary="How `cjm import` read an emotion: its scale, face or word.",
            brief="how `cjm import` read an emotion (info)",
            meaning=(
                "how `cjm import` read an emotion cell: the number and the scale it assumed for its row (`4 on a 1..5 "
                "scale: 1`), the stars, the face or the feeling words, and the score on cjm's −2..2 scale. Check the "
                "scale; a label that names it (`感情（5段階）`, `Score (1-5)`) settles it."
            ),
            tag="info",
            reporter="import",
        ),
        CodeInfo(
            UNREAD_EMOTION,
            "import-unread-emotion",
            summary="`cjm import` found no score in an emotion cell; the score is 0 until set.",
            brief="an emotion cell without a score (warning)",
            meaning=(
                "an emotion cell with no number, stars, face or feeling word cjm knows. Its text is the emotion's note "
                "and its score is 0 until you set it."
            ),
            tag="warning",
            reporter="import",
        ),
        CodeInfo(
            OUTSIDE_GRID,
            "import-outside-grid",
            summary="`cjm import` kept text from around the grid in the map's description, or left another sheet.",
            brief="text around the grid kept in the description (info)",
            meaning=(
                "text around the grid (a line under the title, a group heading left of the row labels, a source note "
                "below) kept in the map's `description`, or the other sheets of the workbook that were not read "
                "(`--sheet NAME` imports one)."
            ),
            tag="info",
            reporter="import",
        ),
    )
}


def describe(code: str, rule: str = "", others: Mapping[str, CodeInfo] | None = None) -> CodeInfo:
    """The name and one-line description of a problem code: validation codes from the registry above, other
    codes from `others` (the lint rule registry's `CODES`, when the caller knows it). A code no source knows gets
    an entry built from the problem's rule name, so every code has some metadata."""
    if code in VALIDATION_CODES:
        return VALIDATION_CODES[code]
    if others and code in others:
        return others[code]
    name = rule or code.lower()
    return CodeInfo(code, name, f"{_sentence(name)} ({code}).")


def _sentence(name: str) -> str:
    words = re.sub(r"[-_]+", " ", name).strip()
    return words[:1].upper() + words[1:] if words else "cjm finding"
