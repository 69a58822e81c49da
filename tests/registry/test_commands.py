"""The command-line contract of ingest, demo-account and serve, through soraq.cli.main."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
import threading
import urllib.request

import pytest

from soraq.cli import main
from soraq.registry.models import Document


@pytest.mark.django_db
def test_ingest_command_summary_failures_and_exit_codes(fixtures_dir, capsys):
    batch = str(fixtures_dir / "batch")
    assert main(["ingest", "--no-progress", batch]) == 3  # stored, but some items failed
    out, err = capsys.readouterr()
    assert "ingested: 2 new, 0 unchanged, 3 failed" in out
    assert "new persons" in out and "sent to review" in out
    assert "failed: " in err and "empty.txt" in err and "mixed.jsonl:2" in err

    assert main(["ingest", batch]) == 3
    out, _ = capsys.readouterr()
    assert "ingested: 0 new, 2 unchanged, 3 failed" in out
    assert Document.objects.count() == 2


@pytest.mark.django_db
def test_ingest_command_dry_run_and_usage(fixtures_dir, capsys):
    assert main(["ingest", "--dry-run", str(fixtures_dir / "two-scripts.jsonl")]) == 0
    out, _ = capsys.readouterr()
    assert "would ingest (dry run, nothing stored): 2 new" in out
    assert Document.objects.count() == 0
    assert main(["ingest"]) == 2
    assert main(["ingest", str(fixtures_dir / "does-not-exist")]) == 1
    _, err = capsys.readouterr()
    assert "no such file or folder" in err


@pytest.mark.django_db
def test_ingest_command_relink(fixtures_dir, capsys):
    assert main(["ingest", "--no-link", str(fixtures_dir / "two-scripts.jsonl")]) == 0
    assert main(["ingest", "--relink"]) == 0
    out, _ = capsys.readouterr()
    assert "re-linked" in out
    assert not Document.objects.get(doc_id="invented-en-nasibov").mentions.filter(person__isnull=True).exists()


@pytest.mark.django_db
def test_demo_account_is_created_once_and_its_password_shown_once(client, capsys):
    assert main(["demo-account"]) == 0
    out, _ = capsys.readouterr()
    assert "user name: demo" in out
    password = out.split("password:", 1)[1].split()[0]
    assert len(password) == 20
    assert client.login(username="demo", password=password)

    assert main(["demo-account"]) == 0
    again, _ = capsys.readouterr()
    assert "already exists" in again and password not in again and "password:" not in again

    assert main(["demo-account", "--reset"]) == 0
    reset, _ = capsys.readouterr()
    new_password = reset.split("password:", 1)[1].split()[0]
    assert new_password != password
    assert client.login(username="demo", password=new_password)


@pytest.mark.django_db(transaction=True)
def test_serve_applies_pending_migrations():
    from django.core.management import call_command

    from soraq.site import bootstrap

    call_command("migrate", "registry", "0001", verbosity=0)
    assert bootstrap.pending_migrations()
    assert bootstrap.migrate() >= 1
    assert bootstrap.pending_migrations() == []
    assert bootstrap.migrate() == 0


@pytest.mark.django_db
def test_serve_answers_pages_and_static_files_without_debug(settings):
    from django.conf import settings as live

    from soraq.commands.serve import make_server

    assert live.DEBUG is False
    httpd = make_server("127.0.0.1", 0)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{httpd.server_port}"
        with urllib.request.urlopen(f"{base}/accounts/login/", timeout=10) as response:
            assert response.status == 200
            assert b'name="password"' in response.read()
        with urllib.request.urlopen(f"{base}/static/registry/soraq.css", timeout=10) as response:
            assert response.status == 200 and b"--accent" in response.read()
        # a registry page without login goes to the login page
        with urllib.request.urlopen(f"{base}/persons/", timeout=10) as response:
            assert response.url.startswith(f"{base}/accounts/login/")
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def test_server_log_lines_carry_no_query_strings():
    from soraq.site.logfilters import RedactQueryStrings

    record = logging.LogRecord("django.server", logging.INFO, __file__, 1, '"%s" %s %s',
                               ("GET /persons/?q=Nasibov HTTP/1.1", "200", "512"), None)
    assert RedactQueryStrings().filter(record)
    assert "Nasibov" not in record.getMessage()
    assert "/persons/?…" in record.getMessage()


def test_secret_key_is_generated_once_with_private_mode(tmp_path, monkeypatch):
    from soraq.site import settings as site_settings

    monkeypatch.delenv("SORAQ_SECRET_KEY", raising=False)
    key = site_settings._secret_key(tmp_path)
    path = tmp_path / "secret_key"
    assert len(key) >= 50 and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert site_settings._secret_key(tmp_path) == key
    monkeypatch.setenv("SORAQ_SECRET_KEY", "from-the-environment")
    assert site_settings._secret_key(tmp_path) == "from-the-environment"


def test_require_postgres_refuses_another_database(tmp_path):
    env = {**os.environ, "SORAQ_REQUIRE_POSTGRES": "1", "DATABASE_URL": f"sqlite:///{tmp_path}/x.sqlite3",
           "SORAQ_VAR_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", "import soraq.site.settings"], env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    assert "SORAQ_REQUIRE_POSTGRES" in done.stderr


@pytest.mark.django_db(transaction=True)
def test_serve_command_migrates_then_serves_until_stopped(monkeypatch, capsys):
    """`soraq serve` on a free port, in a thread: pending migrations applied, a page served, stopped."""
    from django.core.management import call_command

    from soraq.commands import serve
    from soraq.site import bootstrap

    call_command("migrate", "registry", "0001", verbosity=0)
    servers = []
    real_make_server = serve.make_server

    def recording_make_server(host, port):
        httpd = real_make_server(host, port)
        servers.append(httpd)
        return httpd

    monkeypatch.setattr(serve, "make_server", recording_make_server)
    result = []
    thread = threading.Thread(target=lambda: result.append(main(["serve", "--port", "0"])), daemon=True)
    thread.start()
    for _ in range(200):
        if servers:
            break
        thread.join(timeout=0.05)
    assert servers, "the server did not start"
    httpd = servers[0]
    try:
        assert bootstrap.pending_migrations() == []
        with urllib.request.urlopen(f"http://127.0.0.1:{httpd.server_port}/accounts/login/", timeout=10) as page:
            assert page.status == 200
    finally:
        httpd.shutdown()
        thread.join(timeout=10)
    assert result == [0]
    out, err = capsys.readouterr()
    assert f"http://127.0.0.1:{httpd.server_port}/" in out
    assert "database: applying" in err and "pending migration" in err


@pytest.mark.django_db
def test_demo_account_roles(capsys, django_user_model):
    from django.contrib.auth.models import Group

    Group.objects.get_or_create(name="invented-role")
    assert main(["demo-account", "--role", "invented-role"]) == 0
    out, _ = capsys.readouterr()
    assert "password:" in out and "Roles:" in out and "invented-role" in out
    user = django_user_model.objects.get(username="demo")
    assert list(user.groups.values_list("name", flat=True)) == ["invented-role"]
    assert main(["demo-account", "--role", "no-such-role"]) == 2
    _, err = capsys.readouterr()
    assert "no role 'no-such-role'" in err


def test_serve_sets_tcp_nodelay_on_accepted_sockets():
    import socket

    from soraq.commands.serve import make_server

    httpd = make_server("127.0.0.1", 0)
    client = socket.create_connection(("127.0.0.1", httpd.server_port), timeout=5)
    try:
        conn, _address = httpd.get_request()
        try:
            assert conn.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
        finally:
            conn.close()
    finally:
        client.close()
        httpd.server_close()


def _settings_in_subprocess(tmp_path, code: str, **env: str) -> str:
    environment = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SORAQ_DB_CONN_MAX_AGE", "SORAQ_REQUIRE_POSTGRES"}}
    environment.update({"SORAQ_VAR_DIR": str(tmp_path), **env})
    done = subprocess.run([sys.executable, "-c", f"from soraq.site import settings as s; {code}"],
                          env=environment, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_database_connections_are_persistent_and_health_checked(tmp_path):
    show = 'd = s.DATABASES["default"]; print(d["CONN_MAX_AGE"], d.get("CONN_HEALTH_CHECKS", False))'
    assert _settings_in_subprocess(tmp_path, show, DATABASE_URL="postgres://u@localhost/x") == "60 True"
    assert _settings_in_subprocess(tmp_path, show, DATABASE_URL="postgres://u@localhost/x",
                                   SORAQ_DB_CONN_MAX_AGE="5") == "5 True"
    assert _settings_in_subprocess(tmp_path, show, DATABASE_URL=f"sqlite:///{tmp_path}/x.sqlite3") == "60 True"


def test_public_id_key_is_generated_once_apart_from_the_secret_key(tmp_path, monkeypatch):
    from soraq.site import settings as site_settings

    monkeypatch.delenv("SORAQ_PUBLIC_ID_KEY", raising=False)
    monkeypatch.delenv("SORAQ_SECRET_KEY", raising=False)
    key = site_settings._public_id_key(tmp_path)
    path = tmp_path / "public_id_key"
    assert len(key) >= 50 and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert site_settings._public_id_key(tmp_path) == key != site_settings._secret_key(tmp_path)
    monkeypatch.setenv("SORAQ_PUBLIC_ID_KEY", "from-the-environment")
    assert site_settings._public_id_key(tmp_path) == "from-the-environment"


def test_publication_settings_come_from_the_environment(tmp_path):
    show = "print(s.SORAQ_PUBLISH_PUBLIC, s.SORAQ_PFIF_DOMAIN, s.SORAQ_PUBLIC_ID_KEY == open(s.VAR_DIR / 'public_id_key').read().strip())"
    clean = {"SORAQ_PUBLISH_PUBLIC": "", "SORAQ_PFIF_DOMAIN": "", "SORAQ_PUBLIC_ID_KEY": ""}
    assert _settings_in_subprocess(tmp_path, show, **clean) == "False soraq.example.org True"
    show_env = "print(s.SORAQ_PUBLISH_PUBLIC, s.SORAQ_PFIF_DOMAIN, s.SORAQ_PUBLIC_ID_KEY)"
    assert _settings_in_subprocess(tmp_path, show_env, SORAQ_PUBLISH_PUBLIC="1", SORAQ_PFIF_DOMAIN="tracing.example.net",
                                   SORAQ_PUBLIC_ID_KEY="an-invented-key") == "True tracing.example.net an-invented-key"


def test_serve_with_worker_processes(tmp_path):
    """`soraq serve --workers 2`: gunicorn processes answer pages and static files, and stop on SIGTERM."""
    import signal
    import socket
    import time

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SORAQ_REQUIRE_POSTGRES"}}
    env["SORAQ_VAR_DIR"] = str(tmp_path)
    server = subprocess.Popen([sys.executable, "-m", "soraq", "serve", "--workers", "2", "--port", str(port)],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/accounts/login/", timeout=5) as page:
                    assert page.status == 200
                    html = page.read().decode()
                break
            except OSError:
                assert server.poll() is None, server.stderr.read().decode()[-2000:]
                assert time.monotonic() < deadline, "the workers did not start within 60 s"
                time.sleep(0.3)
        stylesheet = html.split('rel="stylesheet" href="', 1)[1].split('"', 1)[0]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{stylesheet}", timeout=5) as css:
            assert css.status == 200
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
