"""Load benchmark: a registry of N persons and 3N documents under 20 concurrent clients.

What it does, in order:

1. makes a fresh database (a SQLite file in a temporary folder or ``--var-dir``,
   or the PostgreSQL database of ``--database-url`` / ``$DATABASE_URL``, which
   must be empty or disposable: it is migrated and filled);
2. loads N fictional persons and 3N documents, one case file per 50 persons
   (``benchmarks/registry_data.py``); ``--load-only`` stops here, ``--reuse``
   measures a database loaded before (with the same ``--var-dir``);
3. starts ``soraq serve --workers W`` (gunicorn; W = the cores) on a free
   loopback port;
4. for each scenario (name search, person page, case page, statistics; the
   HTML pages and the API alike): warms the server up on other paths of the
   same kind, then sends at most ``--requests`` requests from ``--clients``
   concurrent connections, for at most ``--seconds`` seconds, with ``wrk``
   (Debian package ``wrk``) or, without it, a bounded asyncio/httpx client,
   then the same from one client alone (the baseline of the same run);
5. prints p50/p95/p99 latency per scenario and writes them as JSON (``--json``).

Targets: p95 <= 150 ms on SQLite and PostgreSQL at N = 100 000. Loopback only.
docs/sharing.md ("Load benchmark") has the figures and how to read them.

    .venv/bin/python benchmarks/load_registry.py --n 100000 --var-dir /tmp/bench --load-only
    .venv/bin/python benchmarks/load_registry.py --n 100000 --var-dir /tmp/bench --reuse --no-exports
    .venv/bin/python benchmarks/load_registry.py --n 20000 --database-url postgresql://...
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

TARGET_P95_MS = 150.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare_database(args, var_dir: Path) -> dict:
    os.environ["SORAQ_VAR_DIR"] = str(var_dir)
    if args.database_url:
        os.environ["DATABASE_URL"] = args.database_url
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{var_dir / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "soraq.site.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.auth.models import Group
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", interactive=False, verbosity=0)
    from soraq.registry.models import Person

    from registry_data import load

    samples_file = var_dir / "samples.json"
    if Person.objects.exists():
        if not (args.reuse and samples_file.exists()):
            raise SystemExit("the database already holds persons: give an empty, disposable database "
                             "(or --reuse a --var-dir this benchmark filled before)")
        samples = json.loads(samples_file.read_text())
        load_seconds = float(samples.pop("load_seconds", 0.0))
        print(f"reusing the {Person.objects.count()} persons loaded before", file=sys.stderr, flush=True)
    else:
        started = time.perf_counter()
        samples = load(args.n, docs_per_person=3, progress=lambda m: print(m, file=sys.stderr, flush=True))
        load_seconds = time.perf_counter() - started
        samples_file.write_text(json.dumps({**samples, "load_seconds": load_seconds}))
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    exports = {}
    if args.exports:
        import io

        from soraq.sharing.exporting import build_dataset, pfif_domain
        from soraq.sharing.exports import render

        for public in (False, True):
            started = time.perf_counter()
            dataset = build_dataset(public=public)
            built = time.perf_counter() - started
            for fmt in ("csv", "json", "pfif", "ftm"):
                started = time.perf_counter()
                out = io.StringIO()
                render(dataset, fmt, out, pfif_domain=pfif_domain())
                exports[f"{'public' if public else 'full'} {fmt}"] = {
                    "build_s": round(built, 2), "render_s": round(time.perf_counter() - started, 2),
                    "mb": round(len(out.getvalue().encode()) / 1e6, 1)}
                figures = exports[f"{'public' if public else 'full'} {fmt}"]
                print(f"export {'public' if public else 'full'} {fmt}: records {figures['build_s']} s, "
                      f"render {figures['render_s']} s, {figures['mb']} MB", file=sys.stderr, flush=True)
    user, _ = get_user_model().objects.get_or_create(username="bench-viewer")
    user.groups.add(Group.objects.get_or_create(name="viewer")[0])
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    from soraq.sharing.models import ApiToken

    token = ApiToken.issue(user, "benchmark")[1]
    connection.close()
    return {"samples": samples, "session": session.session_key, "token": token, "exports": exports,
            "load_seconds": load_seconds, "vendor": connection.vendor}


def start_server(port: int, var_dir: Path, workers: int = 0, threads: int = 4) -> subprocess.Popen:
    env = dict(os.environ)
    log = open(var_dir / "server.log", "wb")
    command = [str(ROOT / ".venv" / "bin" / "soraq"), "serve", "--workers", str(workers)]
    if workers > 0:
        command += ["--threads", str(threads)]
    proc = subprocess.Popen(
        [*command, "--host", "127.0.0.1", "--port", str(port)],
        env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return proc
        except OSError:
            if proc.poll() is not None:
                raise SystemExit(f"soraq serve exited: see {var_dir / 'server.log'}")
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("soraq serve did not start within 60 s")


def scenarios(prepared: dict, seed: int = 3) -> dict[str, tuple[list[str], dict[str, str]]]:
    names = prepared["samples"]["family_names"]
    ids = prepared["samples"]["person_ids"]
    rng = random.Random(seed)
    search = [f"/persons/?q={rng.choice(names)}" for _ in range(300)]
    person = [f"/persons/{rng.choice(ids)}/" for _ in range(300)]
    references = prepared["samples"].get("case_references") or []
    cases = [f"/cases/{rng.choice(references)}/" for _ in range(300)] if references else []
    api_search = [f"/api/persons?q={rng.choice(names)}" for _ in range(300)]
    api_person = [f"/api/persons/{rng.choice(ids)}" for _ in range(300)]
    cookie = {"Cookie": f"sessionid={prepared['session']}"}
    bearer = {"Authorization": f"Bearer {prepared['token']}"}
    return {name: scenario for name, scenario in {
        "search page": (search, cookie),
        "person page": (person, cookie),
        "case page": (cases, cookie),
        "statistics page": (["/statistics/"], cookie),
        "API search": (api_search, bearer),
        "API person": (api_person, bearer),
        "API statistics": (["/api/statistics"], bearer),
    }.items() if scenario[0]}


WRK_SCRIPT = """
local paths = {%(paths)s}
local limit = %(limit)d
local count = 0
%(headers)s
request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end
response = function(status, headers, body)
  count = count + 1
  if count >= limit then wrk.thread:stop() end
end
done = function(summary, latency, requests)
  io.write(string.format('RESULT {"p50": %%d, "p95": %%d, "p99": %%d, "max": %%d, "requests": %%d, ' ..
    '"non2xx": %%d, "errors": %%d, "seconds": %%f}\\n',
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    summary.requests, summary.errors.status, summary.errors.connect + summary.errors.read +
    summary.errors.write + summary.errors.timeout, summary.duration / 1e6))
end
"""


def run_wrk(base: str, paths: list[str], headers: dict, args, workdir: Path) -> dict:
    threads = min(2, args.clients)
    lua = WRK_SCRIPT % {
        "paths": ", ".join(json.dumps(p) for p in paths),
        "limit": max(1, args.requests // threads),
        "headers": "\n".join(f"wrk.headers[{json.dumps(k)}] = {json.dumps(v)}" for k, v in headers.items()),
    }
    script = workdir / "scenario.lua"
    script.write_text(lua)
    done = subprocess.run(
        ["wrk", "-t", str(threads), "-c", str(args.clients), "-d", f"{args.seconds}s", "--timeout", "10s",
         "-s", str(script), base],
        capture_output=True, text=True, timeout=args.seconds + 60,
    )
    line = next((l for l in done.stdout.splitlines() if l.startswith("RESULT ")), None)
    if line is None:
        raise SystemExit(f"wrk failed: {done.stdout}\n{done.stderr}")
    raw = json.loads(line[len("RESULT "):])
    return {"p50_ms": raw["p50"] / 1000, "p95_ms": raw["p95"] / 1000, "p99_ms": raw["p99"] / 1000,
            "max_ms": raw["max"] / 1000, "requests": raw["requests"], "non_2xx": raw["non2xx"],
            "errors": raw["errors"], "seconds": round(raw["seconds"], 2), "tool": "wrk"}


async def _httpx_scenario(base: str, paths: list[str], headers: dict, args) -> dict:
    import httpx

    latencies: list[float] = []
    failures = 0
    deadline = time.perf_counter() + args.seconds
    remaining = args.requests
    rng = random.Random(5)

    async def client_loop(client: httpx.AsyncClient) -> None:
        nonlocal remaining, failures
        while remaining > 0 and time.perf_counter() < deadline:
            remaining -= 1
            started = time.perf_counter()
            try:
                response = await client.get(rng.choice(paths))
                if response.status_code != 200:
                    failures += 1
            except httpx.HTTPError:
                failures += 1
            latencies.append((time.perf_counter() - started) * 1000)

    started = time.perf_counter()
    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=10) as client:
        await asyncio.gather(*(client_loop(client) for _ in range(args.clients)))
    latencies.sort()
    q = statistics.quantiles(latencies, n=100, method="inclusive") if len(latencies) > 1 else latencies * 99
    return {"p50_ms": q[49], "p95_ms": q[94], "p99_ms": q[98], "max_ms": latencies[-1],
            "requests": len(latencies), "non_2xx": failures, "errors": 0,
            "seconds": round(time.perf_counter() - started, 2), "tool": "httpx"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=100_000, help="persons to load (documents: 3N)")
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL"),
                        help="an empty, disposable database (default: a fresh SQLite file)")
    parser.add_argument("--clients", type=int, default=20, help="concurrent connections")
    parser.add_argument("--requests", type=int, default=1000, help="requests per scenario, at most")
    parser.add_argument("--seconds", type=int, default=20, help="seconds per scenario, at most")
    parser.add_argument("--tool", choices=("auto", "wrk", "httpx"), default="auto")
    parser.add_argument("--warmup-seconds", type=int, default=2,
                        help="seconds of load on other paths before each scenario (0: none; wrk only)")
    parser.add_argument("--baseline-requests", type=int, default=200,
                        help="requests per scenario from a single client, the baseline (0: skip)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="soraq serve --workers N (gunicorn processes; default: one per core); "
                             "0: the single threaded process")
    parser.add_argument("--threads", type=int, default=4, help="soraq serve --threads T (with --workers)")
    parser.add_argument("--only", metavar="NAMES",
                        help="comma-separated scenarios to measure (e.g. 'search page,person page'); default all")
    parser.add_argument("--no-exports", dest="exports", action="store_false",
                        help="skip timing the exports (full and public, every format)")
    parser.add_argument("--json", metavar="FILE", help="write the figures as JSON")
    parser.add_argument("--var-dir", metavar="DIR",
                        help="keep the SQLite database (and the server's var dir) here instead of a "
                             "temporary folder that is deleted at the end")
    parser.add_argument("--load-only", action="store_true",
                        help="load the database (with --var-dir) and stop; measure later with --reuse")
    parser.add_argument("--reuse", action="store_true",
                        help="with --var-dir: reuse the persons a "
                             "previous run loaded (its database and samples) instead of refusing a non-empty database")
    parser.add_argument("--keep-log", metavar="FILE", help="copy the server's log here at the end")
    args = parser.parse_args()

    keep = bool(args.var_dir)
    var_dir = Path(args.var_dir) if keep else Path(tempfile.mkdtemp(prefix="soraq-bench-"))
    var_dir.mkdir(parents=True, exist_ok=True)
    try:
        prepared = prepare_database(args, var_dir)
        if args.load_only:
            print(f"loaded in {prepared['load_seconds']:.1f} s; run again with --var-dir {var_dir} --reuse")
            return 0
        port = free_port()
        server = start_server(port, var_dir, workers=args.workers, threads=args.threads)
        base = f"http://127.0.0.1:{port}"
        tool = args.tool if args.tool != "auto" else ("wrk" if shutil.which("wrk") else "httpx")
        results: dict[str, dict] = {}
        try:
            import httpx

            # first statistics request computes and caches the tables: measured apart
            for path, headers in (("/statistics/", {"Cookie": f"sessionid={prepared['session']}"}),
                                  ("/api/statistics", {"Authorization": f"Bearer {prepared['token']}"})):
                started = time.perf_counter()
                response = httpx.get(base + path, headers=headers, timeout=120)
                results[f"cold {path}"] = {"ms": round((time.perf_counter() - started) * 1000, 1),
                                           "status": response.status_code}
            single = argparse.Namespace(**{**vars(args), "clients": 1, "requests": args.baseline_requests})
            warm = argparse.Namespace(**{**vars(args), "seconds": args.warmup_seconds, "requests": 10**6})
            warmups = scenarios(prepared, seed=4)
            chosen = {n.strip() for n in args.only.split(",")} if args.only else None
            for name, (paths, headers) in scenarios(prepared).items():
                if chosen is not None and name not in chosen:
                    continue
                if args.warmup_seconds and tool == "wrk":
                    # every worker process and thread connects to the database, compiles templates and
                    # loads the name tables once: done here, on *other* paths than the measured ones, so
                    # that the measured requests find nothing of theirs cached by the warm-up
                    measured = set(paths)
                    others = [p for p in warmups[name][0] if p not in measured] or paths
                    run_wrk(base, others, headers, warm, var_dir)
                if tool == "wrk":
                    figures = run_wrk(base, paths, headers, args, var_dir)
                else:
                    figures = asyncio.run(_httpx_scenario(base, paths, headers, args))
                if args.baseline_requests:
                    # baseline in the same run: one client, i.e. the time one request takes on its own
                    alone = (run_wrk(base, paths, headers, single, var_dir) if tool == "wrk"
                             else asyncio.run(_httpx_scenario(base, paths, headers, single)))
                    figures["single_client_p50_ms"] = alone["p50_ms"]
                    figures["single_client_p95_ms"] = alone["p95_ms"]
                    figures["p95_vs_single_p50"] = round(figures["p95_ms"] / max(alone["p50_ms"], 0.001), 1)
                figures["meets_target"] = figures["requests"] > 0 and figures["p95_ms"] <= TARGET_P95_MS
                figures["load_average"] = round(os.getloadavg()[0], 2)
                results[name] = figures
                print(f"{name:16s} p50 {figures['p50_ms']:7.1f} ms  p95 {figures['p95_ms']:7.1f} ms  "
                      f"p99 {figures['p99_ms']:7.1f} ms  {figures['requests']} requests "
                      f"({figures['non_2xx']} non-2xx, {figures['errors']} errors) in {figures['seconds']} s, "
                      f"load average {figures['load_average']}"
                      + (f"; alone p50 {figures['single_client_p50_ms']:.1f} ms" if 'single_client_p50_ms' in figures else ""),
                      flush=True)
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
        summary = {"workers": args.workers, "threads": args.threads, "warmup_seconds": args.warmup_seconds,
                   "n_persons": args.n, "n_documents": 3 * args.n, "database": prepared["vendor"],
                   "clients": args.clients, "tool": tool, "load_seconds": round(prepared["load_seconds"], 1),
                   "target_p95_ms": TARGET_P95_MS, "results": results, "exports": prepared["exports"]}
        print(json.dumps(summary, indent=1))
        if args.json:
            Path(args.json).write_text(json.dumps(summary, indent=1) + "\n")
        return 0
    finally:
        if args.keep_log and (var_dir / "server.log").exists():
            shutil.copy(var_dir / "server.log", args.keep_log)
        if not keep:
            shutil.rmtree(var_dir, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
