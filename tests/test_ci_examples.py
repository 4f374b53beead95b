"""The CI examples in examples/ci parse as YAML and call only commands and flags the
auditor has, with values its option types accept (click parses them as the CLI would)."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
import yaml

from auditor.cli import _settings, cli

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "ci"
_CALL = re.compile(r"(?<![\w-])auditor[ \t]+([a-z]+)")
_FLAG = re.compile(r"(?<![\w-])(--[a-z][a-z-]*)(?:[ =]+(?!--)([^\s\\;\"']+|\"[^\"]*\"))?")


def scripts(node, variables: dict[str, str]) -> list[str]:
    """Every shell text of a workflow (GitHub ``run``) or pipeline (GitLab ``script``,
    ``before_script``, ``after_script``), the job's variables put in."""
    found: list[str] = []
    if isinstance(node, dict):
        local = {**variables, **{k: str(v) for k, v in (node.get("variables") or {}).items()}}
        for key, value in node.items():
            if key == "run" and isinstance(value, str):
                found.append(value)
            elif key in ("script", "before_script", "after_script"):
                found += value if isinstance(value, list) else [value]
            else:
                found += scripts(value, local)
        return [_expand(s, local) for s in found]
    if isinstance(node, list):
        return [s for item in node for s in scripts(item, variables)]
    return found


def _expand(text: str, variables: dict[str, str]) -> str:
    for name, value in variables.items():
        text = text.replace(f"${name}", value).replace(f"${{{name}}}", value)
    return text


def calls(text: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """(subcommand, [(flag, value)]) of each script that calls the auditor; the flags of
    the whole script count (the GitHub example collects them with ``set --``)."""
    out = []
    for match in _CALL.finditer(text):
        flags = [(f, v.strip('"') if v else None) for f, v in _FLAG.findall(text)]
        out.append((match.group(1), [(f, v or None) for f, v in flags]))
    return out


@pytest.mark.parametrize("name", ["github-actions.yml", "gitlab-ci.yml"])
def test_example_calls_existing_commands_and_flags(name):
    doc = yaml.safe_load((EXAMPLES / name).read_text(encoding="utf-8"))
    assert isinstance(doc, dict)
    found = [c for s in scripts(doc, {}) for c in calls(s)]
    assert {sub for sub, _ in found} == {"run"}
    for sub, flags in found:
        command = cli.commands[sub]
        params = {o: p for p in command.params for o in p.opts}
        args = ["https://staging.example/"]
        for flag, value in flags:
            if flag not in params and flag.startswith(("--fail", "--silent", "--show", "--loc")):
                continue  # curl's own flags (GitLab's baseline download)
            if flag in ("--output", "--header", "--request", "--data-urlencode"):
                continue
            assert flag in params, f"{name}: auditor {sub} has no {flag}"
            param = params[flag]
            args += [flag] if getattr(param, "is_flag", False) or value is None else [flag, value]
        # click parses them as on the command line: types, choices, KEY=VALUE values
        with click.Context(cli) as parent:
            ctx = command.make_context(sub, args, parent=parent)
        assert ctx.params["formats"], name
        assert set(",".join(ctx.params["formats"]).split(",")) == {
            "html", "markdown", "junit", "sarif", "csv",
        }  # fmt: skip
        assert ctx.params["baseline"] == (
            "baseline/results.json" if "github" in name else "baseline.json"
        )
        assert ctx.params["fail_on_new"] == "serious"
        # and the settings they make are valid (KEY=VALUE flags, [gate] checks)
        gate = _settings(None, dict(ctx.params)).gate
        assert gate.categories == {"accessibility": 80.0} and gate.max_findings == {"critical": 0}
        assert gate.max_score_drop == 3 and gate.fail_under == 70


def test_examples_keep_results_and_publish_reports():
    gh = yaml.safe_load((EXAMPLES / "github-actions.yml").read_text(encoding="utf-8"))
    steps = gh["jobs"]["audit"]["steps"]
    uses = {s.get("uses", "").split("@")[0]: s for s in steps}
    assert uses["actions/upload-artifact"]["with"]["path"] == "audit/"
    assert uses["github/codeql-action/upload-sarif"]["with"]["sarif_file"] == "audit/results.sarif"
    assert uses["mikepenz/action-junit-report"]["with"]["report_paths"] == "audit/junit.xml"
    assert uses["marocchino/sticky-pull-request-comment"]["with"]["path"] == "audit/summary.md"
    gl = yaml.safe_load((EXAMPLES / "gitlab-ci.yml").read_text(encoding="utf-8"))
    job = gl["shop-audit"]
    assert job["artifacts"]["reports"]["junit"] == "audit/junit.xml"
    assert "audit/" in job["artifacts"]["paths"]
    assert any("summary.md" in line for line in job["after_script"])
