"""``soraq demo-account``: a demo login for trying the registry."""

from __future__ import annotations

import argparse
import sys

HELP = "create the 'demo' login (random password, shown once)"
DESCRIPTION = """\
Create a user "demo" with a random password so that the registry can be tried
right away (`make run` does this). The password is printed once, here, and is
not stored anywhere in clear; if the account already exists nothing changes and
no password is shown (use --reset to set and show a new one).

The demo account is an ordinary user: it can read the registry, it is not an
administrator. Do not keep it on a server with real data.

Examples:
  soraq demo-account            create it, or say that it exists
  soraq demo-account --reset    give it a new random password
"""

USERNAME = "demo"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--reset", action="store_true",
                        help="set a new random password on an existing demo account and show it")


def new_password() -> str:
    """A random password of 20 characters from letters and digits without look-alikes."""
    import secrets

    alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(20))


def run(args: argparse.Namespace) -> int:
    from soraq.site import bootstrap

    bootstrap.setup()
    bootstrap.migrate(out=sys.stderr)
    from django.contrib.auth import get_user_model

    users = get_user_model()
    user = users.objects.filter(username=USERNAME).first()
    if user is not None and not args.reset:
        print(f"The demo account already exists (user name: {USERNAME}); its password is not shown again. "
              "Use `soraq demo-account --reset` to set a new one.")
        return 0
    password = new_password()
    if user is None:
        users.objects.create_user(username=USERNAME, password=password)
        print("Created the demo account. Log in with:")
    else:
        user.set_password(password)
        user.save(update_fields=["password"])
        print("Reset the demo account's password. Log in with:")
    print(f"  user name: {USERNAME}")
    print(f"  password:  {password}")
    print("This password is shown only now.")
    return 0
