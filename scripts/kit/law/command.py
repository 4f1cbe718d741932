"""`kit prawo`: run the watch, compare, print the report or JSON, optionally update the registry.

Exit codes (also in `kit prawo --help`):
  0  nothing to act on;
  1  the materials do not load (errors name file and line) or the registry could not be updated;
  3  something to act on: a module's legal basis changed after its review, a repealed act is
     still cited, a newer consolidated text exists, an act checked by hand has no or an old `checked`;
  4  no network: the API could not be reached at all (one line, nothing written);
  5  some acts could not be checked (timeout, HTTP error, malformed JSON, unknown act); the
     report covers the others.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from kit.law.compare import ACTIONABLE, findings
from kit.law.eli import Client, NoNetwork
from kit.law.registry_update import update_registry, updates_for
from kit.law.report import render_text, result_dict
from kit.law.watch import run
from kit.model.dates import today
from kit.model.errors import KitError
from kit.model.law_state import save_states
from kit.model.paths import Project, rel

EXIT_OK, EXIT_INVALID, EXIT_FINDINGS, EXIT_NO_NETWORK, EXIT_PARTIAL = 0, 1, 3, 4, 5
EXIT_CODES_HELP = ("kody wyjścia: 0 – bez spraw do załatwienia; 1 – błąd w materiałach lub zapisie rejestru; "
                   "3 – są zmiany do przejrzenia; 4 – brak połączenia z API; 5 – części aktów nie udało się "
                   "sprawdzić (raport obejmuje pozostałe).")


def exit_code(result: dict) -> int:
    if result["errors"]:
        return EXIT_PARTIAL
    return EXIT_FINDINGS if any(f["kind"] in ACTIONABLE for f in result["findings"]) else EXIT_OK


def main(ns, project: Project | None = None) -> int:
    if ns.from_json:
        try:
            result = json.loads(Path(ns.from_json).read_text("utf-8"))
            print(render_text(result), end="")
        except (OSError, ValueError, KeyError, TypeError) as exc:
            print(f"Błąd: nie można odczytać wyniku z {ns.from_json} ({exc}).", file=sys.stderr)
            return EXIT_INVALID
        return exit_code(result)
    from kit.model.materials import load
    project = project or Project.default()
    try:
        m = load(project)
    except KitError as exc:
        print(exc.report(), file=sys.stderr)
        return EXIT_INVALID
    now = today()
    client = Client(ns.api, timeout=ns.timeout)
    try:
        watch = run(m.acts, client, now, only=ns.act or None)
    except NoNetwork as exc:
        print(f"Brak połączenia z API ELI Sejmu: {exc.message} Nic nie zmieniono; spróbuj później albo "
              f"wskaż inny adres (--api lub zmienna KIT_ELI_API).", file=sys.stderr)
        return EXIT_NO_NETWORK
    # acts that failed this time keep their last known state, so the site does not forget them
    states = {**{k: v for k, v in m.law.items() if k in m.acts}, **watch.states}
    found = findings(m.acts, states, m.modules, now, ns.max_age)
    result = result_dict(watch, found, m.acts, m.modules)
    if ns.update:
        try:
            changes = update_registry(project.legal_file, updates_for(watch.states, m.acts, now))
            save_states(project.law_file, states, client.api)
        except (KitError, OSError) as exc:
            print(exc.report() if isinstance(exc, KitError) else f"Błąd zapisu: {exc}", file=sys.stderr)
            return EXIT_INVALID
        result["updated"] = changes
    if ns.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(render_text(result), end="")
        if ns.update:
            print(f"\nZapisano {rel(project.legal_file)} ({len(result['updated'])} zmian w polach consolidated/"
                  f"checked) i {rel(project.law_file)}.")
    return exit_code(result)
