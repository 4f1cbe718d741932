"""The watch's result as JSON (for CI and the issue) and as a Polish report (Markdown-friendly text).

The text is rendered from the JSON form only, so `kit prawo --from-json` prints the same report
later without the network.
"""
from __future__ import annotations

from datetime import date

from kit.law.compare import ACTIONABLE, Finding
from kit.law.watch import WatchRun
from kit.model.dates import human, parse_iso
from kit.model.legal import Act
from kit.model.modules import Module


def result_dict(run: WatchRun, found: list[Finding], acts: dict[str, Act], modules: list[Module]) -> dict:
    return {
        "checked_on": run.checked_on.isoformat(),
        "api": run.api,
        "acts": {k: dict(run.states[k].to_dict(), short=acts[k].short,
                         registry_consolidated=acts[k].consolidated) for k in sorted(run.states)},
        "findings": [f.to_dict() for f in found],
        "errors": [{"act": e.key, "eli": e.eli, "code": e.code, "message": e.message} for e in run.errors],
        "names": {"acts": {k: a.short for k, a in acts.items()},
                  "modules": {m.id: {"title": m.title, "reviewed": m.reviewed.isoformat()} for m in modules}},
        "actionable": sum(f.kind in ACTIONABLE for f in found),
    }


def _d(value: str | None) -> str:
    d = parse_iso(value) if value else None
    return human(d) if isinstance(d, date) else "data nieznana"


def render_text(result: dict) -> str:
    acts = result["names"]["acts"]
    mods = result["names"]["modules"]
    by_kind: dict[str, list[dict]] = {}
    for f in result["findings"]:
        by_kind.setdefault(f["kind"], []).append(f)

    def module(mid: str) -> str:
        info = mods.get(mid, {})
        return f"{mid.upper()} {info.get('title', '')} (ostatni przegląd {_d(info.get('reviewed'))})".strip()

    out = [f"# Raport zmian prawa – stan na {_d(result['checked_on'])}", "",
           f"Źródło: API ELI Sejmu ({result['api']}). Sprawdzono akty z publikatorem w Dzienniku Ustaw "
           f"lub Monitorze Polskim: {len(result['acts'])}."]

    def section(title: str, rows: list[str], empty: str | None = None) -> None:
        if rows or empty:
            out.extend(["", f"## {title}", ""] + (rows or [empty]))

    rows = []
    for f in by_kind.get("changed-after-review", []):
        what = f"zmiana {f['detail']}" if f["detail"] else "zmiana wpisana w rejestrze (pole changed)"
        rows.append(f"- {module(f['module'])}: {acts.get(f['act'], f['act'])} – {what}, w życie od {_d(f['date'])}.")
    section("Podstawa prawna zmieniła się po ostatnim przeglądzie modułu", rows, "- brak")
    rows = [f"- {acts.get(f['act'], f['act'])} (uchylony {_d(f['date'])}) – cytuje go {module(f['module'])}."
            for f in by_kind.get("repealed", [])]
    section("Akty uchylone, a nadal cytowane", rows, "- brak")
    rows = []
    for f in by_kind.get("new-consolidated-text", []):
        known = (result["acts"].get(f["act"]) or {}).get("registry_consolidated") or "brak"
        rows.append(f"- {acts.get(f['act'], f['act'])}: w rejestrze {known}, najnowszy {f['detail']} "
                    "(„kit prawo --update” wpisze go do materials/legal.yml).")
    section("Nowsze teksty jednolite", rows, "- brak")
    rows = [f"- {acts.get(f['act'], f['act'])}: {f['detail']}, w życie od {_d(f['date'])}."
            for f in by_kind.get("upcoming-change", [])]
    section("Zmiany, które dopiero wejdą w życie", rows)
    rows = [f"- {acts.get(f['act'], f['act'])}: brak daty sprawdzenia – sprawdź akt (np. w EUR-Lex) i wpisz "
            "„checked: RRRR-MM-DD” w materials/legal.yml." for f in by_kind.get("manual-check-missing", [])]
    rows += [f"- {acts.get(f['act'], f['act'])}: ostatnio sprawdzono {_d(f['date'])} – sprawdź ponownie i "
             "zaktualizuj pole checked." for f in by_kind.get("manual-check-stale", [])]
    rows += [f"- {acts.get(f['act'], f['act'])}: rejestr nie podaje publikatora w Dz.U. ani M.P., więc API nie "
             "może go sprawdzić." for f in by_kind.get("no-address", [])]
    section("Akty sprawdzane ręcznie", rows)
    rows = [f"- {acts.get(e['act'], e['act'])} ({e['eli']}): {e['message']}" for e in result["errors"]]
    section("Akty, których nie udało się sprawdzić", rows)
    out += ["", f"Podsumowanie: spraw do załatwienia {result['actionable']}, błędów zapytań "
            f"{len(result['errors'])}."]
    return "\n".join(out) + "\n"
