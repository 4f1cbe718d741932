"""`kit prawo` against recorded-shape ELI responses served on loopback; no test touches the internet."""
from __future__ import annotations

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from textwrap import dedent

import pytest

from factory import module_text, write_project
from kit.cli import main
from kit.law.eli import BadResponse, Client, HttpError, NoNetwork, Timeout, UnknownAct, parse_act
from kit.law.registry_update import apply_updates, update_registry
from kit.model.errors import KitError
from kit.model.legal import load_registry

FIXTURES = Path(__file__).parent / "fixtures" / "eli"
TODAY_EPOCH = "1780272000"  # 2026-06-01 00:00 UTC: "today" for every test here

LEGAL = dedent("""\
    # Rejestr testowy. Ten komentarz musi przetrwać --update.
    prawo-oswiatowe:
      title: Ustawa z dnia 14 grudnia 2016 r. – Prawo oświatowe
      short: Prawo oświatowe
      title_en: Law on School Education
      kind: ustawa
      published: Dz.U. 2017 poz. 59
      consolidated: Dz.U. 2025 poz. 1043   # tekst jednolity z 2025 r.
      date: 2016-12-14
    stara-ustawa:
      title: Ustawa z dnia 1 lipca 2010 r. o sprawach testowych
      short: Ustawa o sprawach testowych
      title_en: Act on test matters
      kind: ustawa
      published: Dz.U. 2010 poz. 9010
    przyklad:
      title: Ustawa z dnia 15 kwietnia 2011 r. o sprawach przykładowych
      short: Ustawa o sprawach przykładowych
      title_en: Act on example matters
      kind: ustawa
      consolidated: Dz.U. 2022 poz. 9030
    rodo:
      title: Rozporządzenie (UE) 2016/679
      short: RODO
      title_en: GDPR
      kind: rozporzadzenie-ue
    """)


class Api:
    """The fixtures under /eli/acts/…; a missing file is 404; extra routes can hang or fail."""

    def __init__(self):
        self.release = threading.Event()
        self.hang: set[str] = set()
        self.fail: dict[str, int] = {}
        self.requests: list[str] = []
        api = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                api.requests.append(self.path)
                rel = self.path.removeprefix("/eli/")
                if rel in api.hang:
                    api.release.wait(10)
                    return
                if rel in api.fail:
                    self.send_error(api.fail[rel])
                    return
                path = FIXTURES / f"{rel}.json"
                if not path.is_file():
                    self.send_error(404)
                    return
                body = path.read_bytes()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/eli"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def api():
    server = Api()
    yield server
    server.close()


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", TODAY_EPOCH)
    monkeypatch.delenv("KIT_ELI_API", raising=False)
    root = write_project(tmp_path, {
        "m01-pierwszy": module_text("m01", legal="[prawo-oswiatowe]", reviewed="2026-01-15"),
        "m02-drugi": module_text("m02", "Drugi moduł", legal="[stara-ustawa, rodo, przyklad]",
                                 reviewed="2026-01-15"),
    })
    (root / "materials" / "legal.yml").write_text(LEGAL, "utf-8")
    return root


def run(capsys, *args) -> tuple[int, str, str]:
    code = main(["prawo", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_parse_act_reads_the_documented_shape():
    data = json.loads((FIXTURES / "acts/DU/2017/59.json").read_text("utf-8"))
    record = parse_act("DU/2017/59", data)
    assert record.newest_consolidated == "DU/2026/9001"
    assert not record.repealed
    dates = {a.eli: a.effective for a in record.amendments}
    assert dates["DU/2025/9002"].isoformat() == "2026-02-01"  # the later of its two provisions
    assert dates["DU/2026/9005"] is None                      # relation without a date
    repealed = parse_act("DU/2010/9010", json.loads((FIXTURES / "acts/DU/2010/9010.json").read_text("utf-8")))
    assert repealed.repealed and repealed.repeal_date.isoformat() == "2025-06-30"


def test_parse_act_refuses_a_shape_it_cannot_read():
    with pytest.raises(BadResponse, match="references"):
        parse_act("DU/2017/59", {"title": "T", "status": "obowiązujący", "references": ["x"]})
    with pytest.raises(BadResponse, match="status"):
        parse_act("DU/2017/59", {"title": "T"})


def test_report_on_recorded_responses(project, api, capsys):
    code, out, _ = run(capsys, "--root", str(project), "--api", api.url, "--json")
    assert code == 3
    result = json.loads(out)
    kinds = {(f["kind"], f["act"], f["module"], f["date"], f["detail"]) for f in result["findings"]}
    # amendments in force after the review of 15 January 2026 and before "today" (1 June 2026)
    assert ("changed-after-review", "prawo-oswiatowe", "m01", "2026-02-01", "Dz.U. 2025 poz. 9002") in kinds
    assert ("changed-after-review", "prawo-oswiatowe", "m01", "2026-03-01", "Dz.U. 2026 poz. 9005") in kinds
    assert not any(k[4] == "Dz.U. 2024 poz. 9003" for k in kinds)  # in force before the review
    assert ("upcoming-change", "prawo-oswiatowe", None, "2027-01-01", "Dz.U. 2026 poz. 9004") in kinds
    assert ("new-consolidated-text", "prawo-oswiatowe", None, None, "Dz.U. 2026 poz. 9001") in kinds
    assert ("repealed", "stara-ustawa", "m02", "2025-06-30", None) in kinds
    assert ("manual-check-missing", "rodo", None, None, None) in kinds
    # only the consolidated text is in the registry: the watch followed it to the act itself
    assert result["acts"]["przyklad"]["eli"] == "DU/2011/9031"
    assert result["acts"]["przyklad"]["derived_from"] == "Dz.U. 2022 poz. 9030"
    assert not any(f["act"] == "przyklad" and f["kind"] == "new-consolidated-text" for f in result["findings"])
    assert result["errors"] == []


def test_text_report_is_polish_and_renders_again_from_json(project, api, capsys, tmp_path):
    code, text, _ = run(capsys, "--root", str(project), "--api", api.url)
    assert code == 3
    assert ("- M01 Moduł testowy (ostatni przegląd 15 stycznia 2026 r.): Prawo oświatowe – zmiana "
            "Dz.U. 2025 poz. 9002, w życie od 1 lutego 2026 r.") in text
    assert "- Ustawa o sprawach testowych (uchylony 30 czerwca 2025 r.) – cytuje go M02 Drugi moduł" in text
    assert "w rejestrze Dz.U. 2025 poz. 1043, najnowszy Dz.U. 2026 poz. 9001" in text
    _, as_json, _ = run(capsys, "--root", str(project), "--api", api.url, "--json")
    saved = tmp_path / "wynik.json"
    saved.write_text(as_json, "utf-8")
    assert run(capsys, "--from-json", str(saved)) == (3, text, "")


def test_update_edits_only_consolidated_and_checked_lines(project, api, capsys):
    legal = project / "materials" / "legal.yml"
    before = legal.read_text("utf-8")
    code, _, _ = run(capsys, "--root", str(project), "--api", api.url, "--update")
    assert code == 3
    after = legal.read_text("utf-8")
    assert after.startswith("# Rejestr testowy. Ten komentarz musi przetrwać --update.\n")
    assert "  consolidated: Dz.U. 2026 poz. 9001   # tekst jednolity z 2025 r.\n  checked: 2026-06-01\n" in after
    removed = [r for r in before.split("\n") if r not in after.split("\n")]
    added = [r for r in after.split("\n") if r not in before.split("\n")]
    assert removed == ["  consolidated: Dz.U. 2025 poz. 1043   # tekst jednolity z 2025 r."]
    assert sorted(added) == sorted(["  consolidated: Dz.U. 2026 poz. 9001   # tekst jednolity z 2025 r."] +
                                   ["  checked: 2026-06-01"] * 3)   # rodo is checked by hand, not here
    assert load_registry(legal)["prawo-oswiatowe"].consolidated == "Dz.U. 2026 poz. 9001"
    state = json.loads((project / "materials" / "prawo-zmiany.json").read_text("utf-8"))
    assert set(state["acts"]) == {"prawo-oswiatowe", "stara-ustawa", "przyklad"}
    assert state["acts"]["stara-ustawa"]["repealed"] is True
    assert main(["check", "--root", str(project)]) == 0


def test_unknown_act_is_reported_and_left_untouched(project, api, capsys):
    legal = project / "materials" / "legal.yml"
    legal.write_text(LEGAL + dedent("""\
        nieznany:
          title: Ustawa, której API nie zna
          short: Ustawa nieznana
          title_en: Unknown act
          kind: ustawa
          published: Dz.U. 2020 poz. 99999
          consolidated: Dz.U. 2020 poz. 99999
        """), "utf-8")
    code, text, _ = run(capsys, "--root", str(project), "--api", api.url, "--update")
    assert code == 5
    assert "- Ustawa nieznana (DU/2020/99999): API nie zna takiego aktu (HTTP 404" in text
    after = legal.read_text("utf-8")
    assert after.endswith("  published: Dz.U. 2020 poz. 99999\n  consolidated: Dz.U. 2020 poz. 99999\n")
    assert "checked: 2026-06-01" in after   # the acts the API answered were still updated


@pytest.mark.parametrize("setup, code_name, words", [
    ("malformed", BadResponse, "niepoprawny JSON"),
    ("timeout", Timeout, "nie odpowiedziało w 0.3 s"),
    ("http500", HttpError, "błędem HTTP 500"),
    ("missing", UnknownAct, "HTTP 404"),
])
def test_each_failure_has_its_own_message(api, setup, code_name, words):
    eli = {"malformed": "DU/2021/9020", "timeout": "DU/2017/59", "http500": "DU/2017/59",
           "missing": "DU/2020/99999"}[setup]
    if setup == "timeout":
        api.hang.add(f"acts/{eli}")
    if setup == "http500":
        api.fail[f"acts/{eli}"] = 500
    with pytest.raises(code_name) as exc:
        Client(api.url, timeout=0.3).act(eli)
    assert words in exc.value.message


def test_timeout_and_malformed_json_do_not_stop_the_other_acts(project, api, capsys):
    legal = project / "materials" / "legal.yml"
    legal.write_text(LEGAL.replace("Dz.U. 2010 poz. 9010", "Dz.U. 2021 poz. 9020"), "utf-8")
    api.hang.add("acts/DU/2011/9031")
    before = legal.read_text("utf-8")
    code, out, _ = run(capsys, "--root", str(project), "--api", api.url, "--json", "--timeout", "0.3")
    assert code == 5
    result = json.loads(out)
    assert {e["act"]: e["code"] for e in result["errors"]} == {"stara-ustawa": "zla-odpowiedz",
                                                                "przyklad": "limit-czasu"}
    assert "prawo-oswiatowe" in result["acts"]
    assert legal.read_text("utf-8") == before   # no --update: nothing written


def test_no_network_is_one_polish_line_and_its_own_exit_code(project, capsys):
    with socket.socket() as s:   # a loopback port with nobody listening: connection refused
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    legal = project / "materials" / "legal.yml"
    before = legal.read_text("utf-8")
    code, out, err = run(capsys, "--root", str(project), "--api", f"http://127.0.0.1:{port}/eli", "--update")
    assert code == 4
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("Brak połączenia z API ELI Sejmu:")
    assert "Traceback" not in err
    assert legal.read_text("utf-8") == before
    assert not (project / "materials" / "prawo-zmiany.json").exists()


def test_api_address_from_the_environment(project, api, capsys, monkeypatch):
    monkeypatch.setenv("KIT_ELI_API", api.url)
    code, _, _ = run(capsys, "--root", str(project), "--json", "--act", "prawo-oswiatowe")
    assert code == 3
    assert api.requests and all(r.startswith("/eli/acts/DU/") for r in api.requests)
    assert Client().api == api.url


def test_registry_fields_checked_and_publication_are_validated(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", TODAY_EPOCH)
    f = tmp_path / "legal.yml"
    f.write_text("a:\n  title: T\n  short: S\n  title_en: E\n  kind: ustawa\n  published: Dz.U. 2017 pozycja 59\n"
                 "  checked: 2026-07-01\n", "utf-8")
    with pytest.raises(KitError) as exc:
        load_registry(f)
    text = str(exc.value)
    assert "legal.yml:6: [L021] published: znaleziono „Dz.U. 2017 pozycja 59”" in text
    assert "legal.yml:7: [L020] checked: data „2026-07-01” jest w przyszłości." in text
    f.write_text("a:\n  title: T\n  short: S\n  title_en: E\n  kind: ustawa\n  published: Dz.U. 1991 nr 95 poz. 425\n",
                 "utf-8")
    assert load_registry(f)["a"].eli == "DU/1991/425"


def test_update_refuses_a_value_on_several_lines_and_keeps_the_file(tmp_path):
    f = tmp_path / "legal.yml"
    text = ("a:\n  title: T\n  short: S\n  title_en: E\n  kind: ustawa\n  published: Dz.U. 2017 poz. 59\n"
            "  consolidated: >-\n    Dz.U. 2025\n    poz. 1043\n")
    f.write_text(text, "utf-8")
    with pytest.raises(KitError, match=r"\[P010\]"):
        update_registry(f, {"a": {"consolidated": "Dz.U. 2026 poz. 1", "checked": "2026-06-01"}})
    assert f.read_text("utf-8") == text
    assert not list(tmp_path.glob(".legal.yml.*"))   # no temporary file left behind


def test_update_inserts_missing_fields_below_the_publication():
    text = "a:\n  title: T\n  published: Dz.U. 2018 poz. 1000\n  verify: V\n\nb:\n  title: U\n"
    new = apply_updates(text, {"a": {"consolidated": "Dz.U. 2019 poz. 1781", "checked": "2026-06-01"}})
    assert new == ("a:\n  title: T\n  published: Dz.U. 2018 poz. 1000\n  consolidated: Dz.U. 2019 poz. 1781\n"
                   "  checked: 2026-06-01\n  verify: V\n\nb:\n  title: U\n")


def test_a_broken_watch_file_stops_check_with_file_and_line(project, capsys):
    (project / "materials" / "prawo-zmiany.json").write_text('{"acts": {\n  "prawo-oswiatowe": [}\n', "utf-8")
    assert main(["check", "--root", str(project)]) == 1
    assert "prawo-zmiany.json:2: [P001]" in capsys.readouterr().err


def test_weekly_workflow_opens_one_issue_with_least_privilege():
    import yaml
    path = Path(__file__).resolve().parents[1] / ".github" / "workflows" / "prawo.yml"
    flow = yaml.safe_load(path.read_text("utf-8"))
    triggers = flow[True]   # YAML 1.1 reads the key "on" as True
    assert "workflow_dispatch" in triggers and triggers["schedule"][0]["cron"].split()[-1] == "1"  # Mondays
    assert flow["permissions"] == {}
    assert flow["jobs"]["watch"]["permissions"] == {"contents": "read"}
    assert flow["jobs"]["issue"]["permissions"] == {"issues": "write"}
    watch = "\n".join(s.get("run", "") for s in flow["jobs"]["watch"]["steps"])
    assert "kit prawo --json" in watch
    issue = "\n".join(s.get("run", "") for s in flow["jobs"]["issue"]["steps"])
    assert issue.count("gh issue create") == 1 and "gh issue edit" in issue   # one issue, updated


def test_update_keeps_bom_and_windows_line_ends(tmp_path):
    f = tmp_path / "legal.yml"
    f.write_bytes("\ufeff# komentarz\r\na:\r\n  title: T\r\n  published: Dz.U. 2017 poz. 59\r\n".encode("utf-8"))
    assert update_registry(f, {"a": {"checked": "2026-06-01"}}) == ["a: checked — → 2026-06-01"]
    assert f.read_bytes() == ("\ufeff# komentarz\r\na:\r\n  title: T\r\n  published: Dz.U. 2017 poz. 59\r\n"
                              "  checked: 2026-06-01\r\n").encode("utf-8")
