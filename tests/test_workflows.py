"""CI workflows and the lock file: pinned actions, least privilege, no artifact from a failed run,
no machine-local package indexes."""
from __future__ import annotations

import re

import yaml

from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def steps(job: dict) -> list[dict]:
    return job.get("steps", [])


def test_every_action_is_pinned_to_a_full_commit_sha():
    uses = [s["uses"] for w in WORKFLOWS for job in yaml.safe_load(w.read_text("utf-8"))["jobs"].values()
            for s in steps(job) if "uses" in s]
    assert uses and all(re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", u) for u in uses), uses


def test_write_permission_only_for_a_job_that_runs_no_project_code():
    for w in WORKFLOWS:
        data = yaml.safe_load(w.read_text("utf-8"))
        assert data.get("permissions") in ({}, {"contents": "read"}), w.name
        for name, job in data["jobs"].items():
            perms = job.get("permissions", data.get("permissions"))
            if "write" in str(perms):
                assert not any("actions/checkout" in s.get("uses", "") for s in steps(job)), (w.name, name)
                assert not any("scripts/" in s.get("run", "") or "kit" in s.get("run", "").split()
                               for s in steps(job)), (w.name, name)


def test_checkout_never_keeps_the_token():
    for w in WORKFLOWS:
        for job in yaml.safe_load(w.read_text("utf-8"))["jobs"].values():
            for s in steps(job):
                if "actions/checkout" in s.get("uses", ""):
                    assert s.get("with", {}).get("persist-credentials") is False, w.name


def test_no_artifact_from_a_failed_run():
    for w in WORKFLOWS:
        for job in yaml.safe_load(w.read_text("utf-8"))["jobs"].values():
            for s in steps(job):
                if "upload-artifact" in s.get("uses", ""):
                    assert "always()" not in str(s.get("if", "")) and "failure()" not in str(s.get("if", ""))


def test_lock_file_is_portable():
    lock = (ROOT / "requirements.lock").read_text("utf-8")
    assert not re.search(r"^\s*--(extra-index-url|index-url|find-links|trusted-host)|file://", lock, re.M)
    assert re.search(r"^nh3==[\d.]+ \\$", lock, re.M) and "--hash=sha256:" in lock
