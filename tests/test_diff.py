"""`cjm diff`: changes are matched by id (or text), never by position, and reported the same way in every format."""

from __future__ import annotations

import copy
import json
import random
import subprocess
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from cjm.core.model import ITEM_LISTS, Journey
from cjm.diff import MapDiff, diff_files, diff_journeys
from cjm.diff.ranking import roadmap_ranking
from cjm.io.config import find_config
from cjm.io.loader import load_yaml
from cjm.output.diff.markdown import markdown_document, md_text
from cjm.output.diff.text import text_lines
from cjm.validation.check import check_text

from .conftest import (
    ROOT,
    assert_clean_exit,
    cli,  # runs `cjm` in this process, as main() does
    run_cjm,
)
from .test_adapt_properties import journey_maps

SAMPLES = sorted(p for p in (ROOT / "samples").glob("*.yaml"))
B2B = ROOT / "samples" / "b2b-office-supplies.yaml"


def load(path: Path) -> dict:
    return load_yaml(path.read_text(encoding="utf-8"), str(path)).data


def journey(data: dict, name: str = "map.yaml") -> Journey:
    result = check_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), name)
    assert result.journey is not None, [f"{p.line}:{p.col} {p.message}" for p in result.problems]
    return result.journey


def of(result: MapDiff, target: str, action: str) -> list:
    return [c for c in result.changes if c.target == target and c.action == action]


def entry_key(list_name: str, entry) -> tuple[str, str]:
    if isinstance(entry, str):
        return list_name, entry
    return list_name, entry.get("id") or entry.get("text") or entry.get("name")


def retarget(data: dict, old: str, new: str) -> None:
    """References to phase `old` now name `new` (what adapt, split and merge do)."""
    for initiative in data.get("initiatives", []):
        if "phases" in initiative:
            initiative["phases"] = list(dict.fromkeys(new if p == old else p for p in initiative["phases"]))
    for message in data.get("messages", []):
        if message.get("phase") == old:
            message["phase"] = new


def split_long_consideration(data: dict) -> tuple[dict, list[str], set[tuple[str, str]]]:
    """The `long-consideration` adaptation built by hand: consideration becomes information gathering,
    comparison and final confirmation; each entry goes where its `phase_hint` says (else to the first part, for
    review) and remembers where it came from. Returns the map, the new phase ids and the entries that moved."""
    data = copy.deepcopy(data)
    index = next(i for i, p in enumerate(data["phases"]) if p["kind"] == "consideration")
    old = data["phases"][index]
    parts = [
        ("information-gathering", "情報収集", "information_gathering"),
        ("comparison", "比較検討", "comparison"),
        ("final-confirmation", "最終確認", "final_confirmation"),
    ]
    new_phases = {pid: {"id": pid, "name": name, "kind": kind, "origin": old["id"]} for pid, name, kind in parts}
    moved = set()
    for list_name in ITEM_LISTS:
        for entry in old.get(list_name, []):
            entry = {"text": entry} if isinstance(entry, str) else dict(entry)
            target = entry.pop("phase_hint", None)
            if target not in new_phases:
                target, entry["review"] = parts[0][0], True
            entry["origin"] = old["id"]
            new_phases[target].setdefault(list_name, []).append(entry)
            moved.add(entry_key(list_name, entry))
    new_phases[parts[0][0]]["emotion"] = old["emotion"]
    data["phases"][index : index + 1] = list(new_phases.values())
    retarget(data, old["id"], parts[1][0])
    return data, [p[0] for p in parts], moved


# --- the acceptance case: a sample against its long-consideration adaptation ---------------------------------


def test_sample_against_its_long_consideration_adaptation():
    base = load(B2B)
    adapted, new_ids, moved = split_long_consideration(base)
    result = diff_journeys(journey(base, "b2b.yaml"), journey(adapted, "b2b-long.yaml"))

    assert [c.id for c in of(result, "phase", "added")] == new_ids  # exactly the new phases, in map order
    (split,) = of(result, "phase", "split")
    assert split.id == "consideration" and list(split.parts) == new_ids
    assert {(c.list, c.id or c.label) for c in of(result, "item", "moved")} == moved  # exactly the moved items
    for change in of(result, "item", "moved"):
        assert change.from_phase == "consideration" and change.phase in new_ids
    assert not of(result, "phase", "removed") and not of(result, "item", "added") and not of(result, "item", "removed")
    assert {c.target for c in result.changes} <= {"phase", "item", "initiative", "message"}


def adapted_by(rule: str, sample: Path) -> tuple[Journey, Journey]:
    """A sample and what `cjm adapt --rule RULE` makes of it."""
    from cjm.adapt import adapt_text
    from cjm.adapt.rules import builtin_rules

    outcome = adapt_text(sample.read_bytes(), str(sample), [builtin_rules()[rule]])
    assert outcome.changed, outcome.problems
    return check_text(sample.read_bytes(), sample.name).journey, check_text(outcome.text, "adapted.yaml").journey


def test_sample_against_cjm_adapt_long_consideration():
    """The same acceptance case with the real `cjm adapt`: exactly the new phases, exactly the moved entries."""
    old, new = adapted_by("long-consideration", B2B)
    result = diff_journeys(old, new)
    new_ids = [p.id for p in new.phases if old.phase(p.id) is None]
    assert (
        [c.id for c in of(result, "phase", "added")]
        == new_ids
        == ["information-gathering", "comparison", "final-confirmation"]
    )
    (split,) = of(result, "phase", "split")
    assert (split.id, list(split.parts)) == ("consideration", new_ids)
    before = old.phase("consideration")
    assert {(c.list, c.label) for c in of(result, "item", "moved")} == {
        (i.list_name, i.text) for i in before.all_items()
    }
    assert not of(result, "item", "added") and not of(result, "item", "removed")


@pytest.mark.parametrize(
    "rule, sample",
    [
        ("impulse", "apparel-working-mother"),
        ("repeat-purchase", "apparel-working-mother"),
        ("low-awareness", "craft-supplies-contest"),
        ("omnichannel", "cosmetics-subscription"),
        ("gift", "cosmetics-subscription"),
    ],
)
def test_every_adaptation_is_told_without_losing_an_entry(rule, sample):
    """Whatever a phase rule does, the diff tells it as phase changes and moves: no entry is lost or invented
    (entries of a phase the rule adds are the rule's own and are told by the added phase)."""
    old, new = adapted_by(rule, ROOT / "samples" / f"{sample}.yaml")
    result = diff_journeys(old, new)
    added = {p.id for p in new.phases if old.phase(p.id) is None}
    assert {c.id for c in of(result, "phase", "added")} == added
    assert not of(result, "item", "removed") and not of(result, "phase", "removed")
    assert all(c.phase in added for c in of(result, "item", "added")) or not of(result, "item", "added")
    gone = {p.id for p in old.phases if new.phase(p.id) is None}
    told = {c.id for c in of(result, "phase", "split")} | {p for c in of(result, "phase", "merged") for p in c.parts}
    assert gone <= told


def test_adaptation_reported_in_every_format(tmp_path):
    adapted, new_ids, moved = split_long_consideration(load(B2B))
    new = tmp_path / "b2b-long.yaml"
    new.write_text(yaml.safe_dump(adapted, allow_unicode=True, sort_keys=False), encoding="utf-8")
    done = cli("diff", str(B2B), str(new), "--format", "json")
    assert_clean_exit(done, (1,))
    document = json.loads(done.stdout)
    (result,) = document["maps"]
    assert document["changed"] is True and result["summary"]["phase.added"] == 3
    assert result["summary"]["item.moved"] == len(moved)
    text = cli("diff", str(B2B), str(new)).stdout
    markdown = cli("diff", str(B2B), str(new), "-f", "markdown").stdout
    for name in ("Information gathering", "情報収集", "比較検討", "最終確認"):
        assert (name in text) == (name in markdown)
    assert "⑂ phase Consideration (consideration) split into 情報収集, 比較検討, 最終確認" in text
    assert text.count("\n    → ") == len(moved) and markdown.count("\n- ↪️ ") == len(moved)


# --- matching by id, not position -----------------------------------------------------------------------------


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_a_map_against_itself_has_no_changes(sample):
    result = diff_files(str(sample), str(sample))
    assert result.changes == [] and not result.changed


@settings(max_examples=8, deadline=None)
@given(st.sampled_from(SAMPLES), st.randoms(use_true_random=False))
def test_reordering_entries_within_their_rows_changes_nothing(sample, rnd: random.Random):
    """Items, initiatives, personas and messages are matched by id or text, so their order does not matter."""
    data = load(sample)
    shuffled = copy.deepcopy(data)
    for phase in shuffled["phases"]:
        for list_name in ITEM_LISTS:
            rnd.shuffle(phase.get(list_name, []))
    for key in ("initiatives", "personas", "messages"):
        rnd.shuffle(shuffled.get(key, []))
    assert diff_journeys(journey(data), journey(shuffled)).changes == []


@settings(max_examples=8, deadline=None)
@given(st.sampled_from(SAMPLES), st.data())
def test_diff_is_symmetric(sample, draw):
    """What one direction adds the other removes; a move is a move both ways."""
    data = load(sample)
    edited = copy.deepcopy(data)
    phases = edited["phases"]
    doomed = draw.draw(st.integers(0, len(phases) - 1))
    victim = phases[doomed]
    if sum(1 for p in phases) > 1 and not _referenced(edited, victim["id"]):
        del phases[doomed]
    a, b = journey(data), journey(edited)
    forward, backward = diff_journeys(a, b), diff_journeys(b, a)
    assert {c.id for c in of(forward, "phase", "added")} == {c.id for c in of(backward, "phase", "removed")}
    assert {c.id for c in of(forward, "phase", "removed")} == {c.id for c in of(backward, "phase", "added")}
    assert len(of(forward, "item", "moved")) == len(of(backward, "item", "moved"))


def _referenced(data: dict, phase_id: str) -> bool:
    text = json.dumps({k: v for k, v in data.items() if k != "phases"})
    lanes = [e for p in data["phases"] for lst in ITEM_LISTS for e in p.get(lst, []) if isinstance(e, dict)]
    return f'"{phase_id}"' in text or any(phase_id in (e.get("phase_hint"), e.get("origin")) for e in lanes)


def apparel() -> dict:
    return load(ROOT / "samples" / "apparel-working-mother.yaml")


def test_renaming_a_phase_is_a_rename_not_a_removal():
    data = apparel()
    edited = copy.deepcopy(data)
    edited["phases"][1]["name"] = "興味"
    result = diff_journeys(journey(data), journey(edited))
    (change,) = result.changes
    assert (change.target, change.action, change.id) == ("phase", "renamed", "interest")
    assert (change.fields[0].old, change.fields[0].new) == ("興味・関心", "興味")


def test_changing_a_phase_id_keeps_its_items_in_place():
    data = apparel()
    edited = copy.deepcopy(data)
    edited["phases"][1]["id"] = "interest-and-browse"
    retarget(edited, "interest", "interest-and-browse")
    result = diff_journeys(journey(data), journey(edited))
    (renamed,) = of(result, "phase", "renamed")
    assert (renamed.old_id, renamed.id) == ("interest", "interest-and-browse")
    assert not of(result, "phase", "added") and not of(result, "phase", "removed") and not of(result, "item", "moved")


def test_merging_two_phases():
    """The `impulse` adjustment: interest and consideration happen at once."""
    data = apparel()
    edited = copy.deepcopy(data)
    phases = edited["phases"]
    interest, consideration = phases[1], phases[2]
    for list_name in ITEM_LISTS:
        consideration[list_name] = interest.get(list_name, []) + consideration.get(list_name, [])
    del phases[1]
    retarget(edited, "interest", "consideration")
    result = diff_journeys(journey(data), journey(edited))
    (merged,) = of(result, "phase", "merged")
    assert merged.id == "consideration" and merged.parts == ("interest", "consideration")
    moved = of(result, "item", "moved")
    assert moved and {c.from_phase for c in moved} == {"interest"} and not of(result, "phase", "removed")
    assert sum(len(interest.get(n, [])) for n in ITEM_LISTS) == len(moved)


def test_moving_edited_and_new_items():
    data = apparel()
    edited = copy.deepcopy(data)
    awareness, interest = edited["phases"][0], edited["phases"][1]
    interest["actions"].append(awareness["actions"].pop(1))  # moved, plain text
    awareness["thoughts"][0] = awareness["thoughts"][0] + "？"  # edited, no id
    awareness["pain_points"][0]["severity"] = 4  # changed, with id
    awareness["thoughts"].append("公式アカウントはあるのかな")  # new
    result = diff_journeys(journey(data), journey(edited))
    (moved,) = of(result, "item", "moved")
    assert (moved.list, moved.from_phase, moved.phase) == ("actions", "awareness", "interest")
    changed = {c.id or c.label: c for c in of(result, "item", "changed")}
    assert [f.name for f in changed["unknown-brand"].fields] == ["severity"]
    edited_thought = next(c for c in changed.values() if c.list == "thoughts")
    assert [f.name for f in edited_thought.fields] == ["text"]
    (added,) = of(result, "item", "added")
    assert added.label == "公式アカウントはあるのかな" and added.phase == "awareness"


def test_reordered_phases():
    data = apparel()
    edited = copy.deepcopy(data)
    phases = edited["phases"]
    phases.insert(0, phases.pop(3))
    result = diff_journeys(journey(data), journey(edited))
    assert [(c.id, c.after) for c in of(result, "phase", "reordered")] == [(phases[0]["id"], None)]
    assert len(result.changes) == 1


def test_emotion_changes_by_lane():
    data = load(ROOT / "samples" / "gift-sweets.yaml")
    edited = copy.deepcopy(data)
    phase = next(p for p in edited["phases"] if isinstance(p.get("emotion"), list))
    lane = phase["emotion"][0]
    before = lane["score"]
    lane["score"] = -2 if before != -2 else 2
    result = diff_journeys(journey(data), journey(edited))
    (change,) = result.changes
    assert (change.target, change.action, change.phase, change.persona) == (
        "emotion",
        "changed",
        phase["id"],
        lane.get("persona"),
    )
    assert (change.fields[0].old, change.fields[0].new) == (before, lane["score"])
    line = "".join(text for text, _ in text_lines([result])[-1])
    assert f"{before:g}" in line and f"({lane['score'] - before:+g})" in line


def test_initiative_score_and_stage_changes_come_from_prioritise():
    from cjm.prioritise import prioritise

    data = apparel()
    edited = copy.deepcopy(data)
    initiative = next(i for i in edited["initiatives"] if "stage" not in i and i.get("impact", 5) < 5)
    initiative.update(impact=5, feasibility=5, urgency=5, maintenance_cost=1, set_and_forget=True)
    old, new = journey(data), journey(edited)
    result = diff_journeys(old, new, ranking=roadmap_ranking(find_config(str(ROOT))))
    (change,) = of(result, "initiative", "changed")
    fields = {f.name: f for f in change.fields}
    assert {"impact", "priority score"} <= set(fields) and fields["priority score"].computed
    expected = {r.id: (r.score, r.stage) for r in prioritise([new]).initiatives}[initiative["id"]]
    assert fields["priority score"].new == expected[0]
    assert fields["priority score"].new > fields["priority score"].old
    if "roadmap stage" in fields:
        assert fields["roadmap stage"].new == expected[1]


def test_personas_messages_and_the_map_itself():
    data = apparel()
    edited = copy.deepcopy(data)
    edited["title"] = "新しいタイトル"
    edited["business"]["cycle"] = "long"
    edited["personas"][0]["role"] = "user"
    edited["messages"].pop()
    result = diff_journeys(journey(data), journey(edited))
    (map_change,) = of(result, "map", "changed")
    assert {f.name for f in map_change.fields} == {"title", "business.cycle"}
    assert [f.name for f in of(result, "persona", "changed")[0].fields] == ["role"]
    assert of(result, "message", "removed")[0].id == data["messages"][-1]["id"]


# --- Markdown for a pull-request comment ----------------------------------------------------------------------

HOSTILE = "<img src=x onerror=alert(1)> **bold** [link](https://evil.example) @octocat #12 | a | `code` ~~x~~\n# title"


def test_markdown_keeps_map_text_inert():
    """Text from a map renders as text: no HTML, links, mentions, issue references, emphasis or table cells."""
    from markdown_it import MarkdownIt

    data = apparel()
    edited = copy.deepcopy(data)
    edited["phases"][0]["actions"].append(HOSTILE)
    edited["phases"][0]["name"] = HOSTILE
    document = markdown_document([diff_journeys(journey(data), journey(edited))])
    tokens = MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(document)
    inline = [child for t in tokens if t.children for child in t.children]
    kinds = {t.type for t in tokens} | {t.type for t in inline}
    assert not kinds & {"html_inline", "html_block", "link_open", "image", "table_open", "s_open", "em_open"}
    assert {t.content for t in inline if t.type == "code_inline"} <= {p["id"] for p in edited["phases"]}  # ids
    assert "@octocat" not in document and "#12" not in document  # no notification, no issue reference
    texts = "".join(t.content for t in inline if t.type == "text")
    assert "<img src=x onerror=alert(1)> **bold** [link](https://evil.e" in texts  # shown as written, clipped
    assert sum(1 for t in tokens if t.type == "heading_open") == 4  # ours only: title, map, two sections


@given(st.text(max_size=60))
def test_md_text_is_one_inert_line(text):
    out = md_text(text)
    assert "\n" not in out and "\r" not in out and "<" not in out
    for mark in "*_`[]|~":
        assert out.count(mark) == out.count("\\" + mark) or mark == "\\"


def test_markdown_with_no_changes():
    result = diff_journeys(journey(apparel()), journey(apparel()))
    assert "No changes to journey maps (1 map compared)." in markdown_document([result])


# --- the command: exit codes, errors, git ---------------------------------------------------------------------


def test_exit_codes_and_errors(tmp_path):
    sample = str(ROOT / "samples" / "apparel-working-mother.yaml")
    assert cli("diff", sample, sample).returncode == 0
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        "cjm: 1\nid: x\ntitle: t\nphases:\n  - id: a\n    name: A\n    kind: awarenes\n", encoding="utf-8"
    )
    done = cli("diff", sample, str(broken))
    assert_clean_exit(done, (2,))
    assert f"{broken}:7:11: CJM010" in done.stderr and "cjm: error:" in done.stderr and done.stdout == ""
    done = cli("diff", sample)
    assert_clean_exit(done, (2,))
    assert "give two map files" in done.stderr
    done = cli("diff", sample, str(tmp_path / "missing.yaml"))
    assert_clean_exit(done, (2,))
    assert "no such file" in done.stderr


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", *args],
        cwd=repo,
        check=True,
        capture_output=True,
        env={
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@example.com",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@example.com",
            "HOME": str(repo),
            "PATH": "/usr/bin:/bin",
        },
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with three maps and a workflow file committed, then edited in the working tree."""
    (tmp_path / "maps").mkdir()
    (tmp_path / ".github").mkdir()
    for sample in ("apparel-working-mother", "gift-sweets", "cosmetics-subscription"):
        (tmp_path / "maps" / f"{sample}.yaml").write_bytes((ROOT / "samples" / f"{sample}.yaml").read_bytes())
    (tmp_path / ".github" / "ci.yml").write_text("on: push\njobs: {}\n", encoding="utf-8")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "maps")
    adapted, _, _ = split_long_consideration(load(tmp_path / "maps" / "apparel-working-mother.yaml"))
    (tmp_path / "maps" / "apparel-working-mother.yaml").write_text(
        yaml.safe_dump(adapted, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    git(tmp_path, "mv", "maps/gift-sweets.yaml", "maps/gift.yaml")
    (tmp_path / "maps" / "cosmetics-subscription.yaml").unlink()
    (tmp_path / "maps" / "new.yaml").write_text(
        (ROOT / "samples" / "craft-supplies-contest.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    git(tmp_path, "add", "maps/new.yaml")
    (tmp_path / ".github" / "ci.yml").write_text("on: pull_request\njobs: {}\n", encoding="utf-8")
    return tmp_path


def test_git_diff_of_every_changed_map(repo):
    done = run_cjm("diff", "--git", "main", "--format", "json", cwd=repo)
    assert_clean_exit(done, (1,))
    maps = {(m["old"], m["new"]): m for m in json.loads(done.stdout)["maps"]}
    assert set(maps) == {
        ("main:maps/apparel-working-mother.yaml", "maps/apparel-working-mother.yaml"),
        ("main:maps/cosmetics-subscription.yaml", None),
        ("main:maps/gift-sweets.yaml", "maps/gift.yaml"),
        (None, "maps/new.yaml"),
    }  # the workflow file is YAML but not a map
    statuses = {m["status"] for m in maps.values()}
    assert statuses == {"modified", "added", "removed"}
    apparel_changes = maps[("main:maps/apparel-working-mother.yaml", "maps/apparel-working-mother.yaml")]
    assert apparel_changes["summary"]["phase.added"] == 3
    assert maps[("main:maps/gift-sweets.yaml", "maps/gift.yaml")]["changed"] is False  # renamed, unchanged


def test_git_diff_limited_to_paths_and_nothing_changed(repo):
    done = cli("diff", "--git", "main", "maps/new.yaml", cwd=repo)
    assert_clean_exit(done, (1,))
    assert done.stdout.startswith("maps/new.yaml (new map): 1 map added")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "edit")
    done = cli("diff", "--git", "HEAD", cwd=repo)
    assert_clean_exit(done, (0,))
    assert done.stdout == "no maps changed\n"


def test_git_diff_goes_on_past_a_broken_map(repo):
    (repo / "maps" / "new.yaml").write_text("cjm: 1\nid: [\n", encoding="utf-8")
    done = cli("diff", "--git", "main", "-f", "json", cwd=repo)
    assert_clean_exit(done, (2,))
    document = json.loads(done.stdout)
    assert len(document["maps"]) == 3 and document["errors"][0]["file"] == "maps/new.yaml"
    assert "maps/new.yaml:3:1: CJM001" in done.stderr


@pytest.mark.parametrize(
    "revision, message",
    [
        ("no-such-branch", "unknown revision 'no-such-branch'"),
        ("--output=/tmp/x", "is not a revision"),
    ],
)
def test_git_revision_errors(repo, revision, message):
    done = cli("diff", "--git", revision, cwd=repo)
    assert_clean_exit(done, (2,))
    assert message in done.stderr


def test_git_outside_a_repository(tmp_path):
    done = cli("diff", "--git", "main", cwd=tmp_path)
    assert_clean_exit(done, (2,))
    assert "not inside a git repository" in done.stderr


# --- invariants over generated maps ---------------------------------------------------------------------------


@settings(max_examples=20, deadline=None)
@given(journey_maps())
def test_a_generated_map_against_itself_has_no_changes(text):
    result = check_text(text, "m.yaml")
    assert result.journey is not None
    assert diff_journeys(result.journey, check_text(text, "m.yaml").journey).changes == []


def _ids_within(value) -> set[str]:
    if isinstance(value, dict):
        own = {value["id"]} if isinstance(value.get("id"), str) else set()
        return own | {i for v in value.values() for i in _ids_within(v)}
    if isinstance(value, list):
        return {i for v in value for i in _ids_within(v)}
    return set()


def _referenced_elsewhere(data: dict, entry: dict) -> bool:
    """Whether anything but `entry` itself names an id that `entry` (or an entry inside it) has."""
    rest = json.dumps(data, ensure_ascii=False).replace(json.dumps(entry, ensure_ascii=False), "", 1)
    return any(f'"{i}"' in rest for i in _ids_within(entry))


@settings(max_examples=25, deadline=None)
@given(journey_maps(), st.data())
def test_every_id_added_or_removed_is_reported(text, draw):
    """Phases, initiatives and pain points added with new ids and removed (those nothing refers to) are each
    reported, and nothing else is."""
    data = load_yaml(text, "m").data
    edited = copy.deepcopy(data)
    removed: dict[str, set[str]] = {"phase": set(), "initiative": set(), "item": set()}
    added: dict[str, set[str]] = {"phase": set(), "initiative": set(), "item": set()}
    phases, initiatives = edited["phases"], edited.setdefault("initiatives", [])
    for phase in list(phases):
        if len(phases) > 1 and draw.draw(st.booleans()) and not _referenced_elsewhere(edited, phase):
            phases.remove(phase)
            removed["phase"].add(phase["id"])
    for phase in phases:
        for pain in list(phase.get("pain_points", [])):
            if draw.draw(st.booleans()) and not _referenced_elsewhere(edited, pain):
                phase["pain_points"].remove(pain)
                removed["item"].add(pain["id"])
        for number in range(draw.draw(st.integers(0, 2))):
            pain_id = f"new-pain-{phase['id']}-{number}"
            phase.setdefault("pain_points", []).append({"id": pain_id, "text": f"新しい悩み {pain_id}"})
            added["item"].add(pain_id)
    for initiative in list(initiatives):
        if draw.draw(st.booleans()) and not _referenced_elsewhere(edited, initiative):
            initiatives.remove(initiative)
            removed["initiative"].add(initiative["id"])
    for number in range(draw.draw(st.integers(0, 3))):
        initiatives.insert(draw.draw(st.integers(0, len(initiatives))), {"id": f"new-{number}", "title": "新施策"})
        added["initiative"].add(f"new-{number}")
        phase_id = f"new-phase-{number}"
        phases.insert(draw.draw(st.integers(0, len(phases))), {"id": phase_id, "name": "追加", "kind": "awareness"})
        added["phase"].add(phase_id)
    result = diff_journeys(journey(data), journey(edited))
    for target in ("phase", "initiative", "item"):
        assert {c.id for c in of(result, target, "added")} == added[target]
        assert {c.id for c in of(result, target, "removed")} == removed[target]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 50), unique=True, max_size=8))
def test_longest_rising_is_longest_and_rising(values):
    from itertools import combinations

    from cjm.diff.compare import longest_rising

    chosen = longest_rising(values)
    picked = [values[k] for k in chosen]
    assert chosen == sorted(set(chosen)) and picked == sorted(picked) and len(set(picked)) == len(picked)
    longer = len(chosen) + 1
    assert not any(list(c) == sorted(c) for c in combinations(values, longer)), "a longer rising subsequence exists"


def test_reordered_phases_are_the_fewest_that_explain_the_order():
    """Moving the last two phases to the front moves two phases, not the five others."""
    data = load(ROOT / "samples" / "cosmetics-subscription.yaml")
    edited = copy.deepcopy(data)
    phases = edited["phases"]
    assert len(phases) >= 6
    phases[:0] = [phases.pop(), phases.pop()]
    result = diff_journeys(journey(data), journey(edited))
    assert [c.id for c in of(result, "phase", "reordered")] == [p["id"] for p in phases[:2]]


# --- maps built to be slow: a generous bound catches a return of quadratic work --------------------------------


def test_a_rewritten_phase_of_1300_entries_is_diffed_quickly(tmp_path):
    """Each old text is compared with a bounded number of new ones: every entry is still accounted for."""
    import time

    from bench.hostile import rewritten_phase

    before, after = rewritten_phase()
    assert len(before) > 100_000
    (tmp_path / "a.yaml").write_bytes(before)
    (tmp_path / "b.yaml").write_bytes(after)
    start = time.monotonic()
    done = cli("diff", str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml"), "-f", "json")
    assert time.monotonic() - start < 60
    assert_clean_exit(done, (1,))
    summary = json.loads(done.stdout)["maps"][0]["summary"]
    assert summary.get("item.changed", 0) + summary["item.removed"] == 1_300
    assert summary.get("item.changed", 0) + summary["item.added"] == 1_300


def test_a_budget_bounds_the_search_for_edited_entries():
    """When every row of many phases is rewritten in look-alike text, the search stops at its budget and says
    so; what it did not pair is shown as removed and added."""
    import time

    rng = random.Random(3)
    words = ["商品", "ページ", "を見る", "比較", "する", "価格", "レビュー", "確認"]

    def version() -> Journey:
        phases = [
            {
                "id": f"c{n}",
                "name": f"検討 {n}",
                "kind": "consideration",
                "actions": ["".join(rng.sample(words * 2, 12)) for _ in range(50)],
            }
            for n in range(40)
        ]
        return journey({"cjm": 1, "id": "m", "title": "t", "phases": phases})

    old, new = version(), version()
    start = time.process_time()
    result = diff_journeys(old, new)
    assert time.process_time() - start < 30
    assert result.notes and "too many or too long to compare" in result.notes[0]
    assert len(of(result, "item", "changed")) + len(of(result, "item", "removed")) == 40 * 50
    assert len(of(result, "item", "changed")) + len(of(result, "item", "added")) == 40 * 50
    assert of(result, "item", "changed")  # the budget was spent on pairing some


def test_ten_thousand_phases_with_the_same_texts_are_diffed_quickly():
    """Phase bookkeeping and same-text matching are linear: 10,000 phases whose entries all read alike, some
    renamed, removed, added and moved."""
    import time

    def version(ids: list[str]) -> str:
        lines = ["cjm: 1\nid: big\ntitle: 大きな地図\nphases:\n"]
        for phase_id in ids:
            lines.append(f"  - {{id: {phase_id}, name: 段階 {phase_id}, kind: awareness, actions: [見る, 比べる]}}\n")
        return "".join(lines)

    ids = [f"p{n}" for n in range(10_000)]
    changed = ids[:]
    del changed[5000:5100]  # removed
    changed[100:200] = [f"q{n}" for n in range(100)]  # added (their entries read like the removed ones)
    changed[:10] = changed[9::-1]  # reordered
    old, new = check_text(version(ids), "old.yaml").journey, check_text(version(changed), "new.yaml").journey
    start = time.process_time()
    result = diff_journeys(old, new)
    assert time.process_time() - start < 60
    assert len(of(result, "phase", "reordered")) == 9
    assert {c.id for c in of(result, "phase", "removed")} == {f"p{n}" for n in range(5000, 5100)}


def test_an_invalid_map_stops_the_diff_at_its_first_problems(tmp_path):
    """200,000 unknown keys: the diff tells why the map is not valid with its first problems, not all of them."""
    from bench.hostile import unknown_keys
    from cjm.diff.sources import FIRST_PROBLEMS

    hostile = tmp_path / "unknown.yaml"
    hostile.write_bytes(unknown_keys())
    done = cli("diff", str(ROOT / "docs" / "example.yaml"), str(hostile))
    assert_clean_exit(done, (2,))
    located = [line for line in done.stderr.splitlines() if line.startswith(f"{hostile}:") and "CJM010" in line]
    # The first FIRST_PROBLEMS are explained, and of those at most MAX_REPEATS of a kind are listed.
    assert 1 < len(located) <= FIRST_PROBLEMS and "unknown key `note000000`" in located[0]
    assert f"not a valid map (its first {FIRST_PROBLEMS} problems shown; run `cjm validate` on it" in done.stderr


def test_long_texts_count_against_the_budget_by_their_size():
    """Comparing two long texts costs time that grows with the product of their lengths: a pair too dear for the
    budget is not compared (shown as removed and added, with the note), so a few huge edited texts cannot make a
    diff slow."""
    import time

    rng = random.Random(7)
    alphabet = [chr(c) for c in range(0x4E00, 0x4E00 + 300)]
    data = apparel()
    data["phases"][0]["actions"] = ["".join(rng.choices(alphabet, k=40_000)) for _ in range(3)]
    edited = copy.deepcopy(data)
    edited["phases"][0]["actions"] = [text[:20_000] + "改" + text[20_001:] for text in data["phases"][0]["actions"]]
    start = time.process_time()
    result = diff_journeys(journey(data), journey(edited))
    assert time.process_time() - start < 30
    assert len(of(result, "item", "removed")) == len(of(result, "item", "added")) == 3
    assert result.notes and "too many or too long to compare" in result.notes[0]
