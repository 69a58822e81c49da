"""`soraq audit rotate-keys` and `django-admin check_silence` from the command line."""

from __future__ import annotations

import argparse
import datetime as dt
import os

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command

from soraq.casework import crypto
from soraq.casework.models import AuditEntry, Case, Note
from soraq.commands import audit as audit_cmd


@pytest.mark.django_db
def test_rotate_keys_command(monkeypatch, capsys):
    case = Case.objects.create(name="Fictional Person")
    Note.objects.create(case=case, body="fictional confidential note")
    old = os.environ[crypto.ENV_KEYS]
    new = Fernet.generate_key().decode()
    monkeypatch.setenv(crypto.ENV_KEYS, f"{new},{old}")
    crypto.reset_key_cache()
    assert audit_cmd.run(argparse.Namespace(audit_command="rotate-keys")) == 0
    assert "casework.Note: 1 re-encrypted" in capsys.readouterr().out
    monkeypatch.setenv(crypto.ENV_KEYS, new)
    crypto.reset_key_cache()
    assert Note.objects.get().body == "fictional confidential note"
    assert AuditEntry.objects.filter(action="keys.rotate").exists()
    assert audit_cmd.run(argparse.Namespace(audit_command="verify", expect=[])) == 0


@pytest.mark.django_db
def test_check_silence_command(capsys, caseworker):
    case = Case.objects.create(name="Fictional Person", last_contact=dt.date.today() - dt.timedelta(days=90),
                               silence_days=30, status=Case.Status.OPEN)
    case.followers.add(caseworker)
    call_command("check_silence")
    assert "1 alert(s) sent" in capsys.readouterr().out
    assert caseworker.alerts.filter(kind="silence").count() == 1


def test_audit_help_is_cheap():
    parser = argparse.ArgumentParser()
    audit_cmd.add_arguments(parser)
    assert parser.parse_args(["verify"]).audit_command == "verify"


def test_soraq_audit_verify_sets_up_django_itself(tmp_path):
    """The real command line, in a fresh process on a fresh SQLite database."""
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env["SORAQ_VAR_DIR"] = str(tmp_path)
    env.pop("SORAQ_REQUIRE_POSTGRES", None)
    subprocess.run([sys.executable, "-m", "django", "migrate", "--settings", "soraq.site.settings", "-v", "0"],
                   env=env, check=True, timeout=300)
    ok = subprocess.run([sys.executable, "-m", "soraq", "audit", "verify"], env=env, capture_output=True,
                        text=True, timeout=120)
    assert ok.returncode == 0, ok.stderr
    assert "audit log intact" in ok.stdout


@pytest.mark.slow
def test_concurrent_appends_from_several_processes_on_sqlite(tmp_path):
    """SQLite: several processes, each with several threads, appending at once still make one chain."""
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env.pop("SORAQ_REQUIRE_POSTGRES", None)
    env.update(SORAQ_VAR_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="soraq.site.settings")
    subprocess.run([sys.executable, "-m", "django", "migrate", "-v", "0"], env=env, check=True, timeout=300)
    script = (
        "import sys, django; django.setup()\n"
        "from soraq.casework import audit\n"
        "import threading\n"
        "from django.db import connection\n"
        "def run(t):\n"
        "    for i in range(20): audit.record(f'user:p{sys.argv[1]}t{t}', 'test.race', ('thing', i), {})\n"
        "    connection.close()\n"
        "threads = [threading.Thread(target=run, args=(t,)) for t in range(2)]\n"
        "[t.start() for t in threads]; [t.join() for t in threads]\n"
    )
    procs = [subprocess.Popen([sys.executable, "-c", script, str(n)], env=env, stderr=subprocess.PIPE, text=True)
             for n in range(3)]
    for p in procs:
        _out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err[-2000:]
    check = subprocess.run([sys.executable, "-m", "soraq", "audit", "verify"], env=env, capture_output=True,
                           text=True, timeout=120)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "120 entries" in check.stdout
