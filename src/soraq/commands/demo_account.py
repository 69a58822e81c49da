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
administrator. --role gives it a role of the case work (a user group: viewer,
caseworker, reviewer, ...) so that those pages can be tried too. Do not keep it on
a server with real data.

Examples:
  soraq demo-account                       create it, or say that it exists
  soraq demo-account --reset               give it a new random password
  soraq demo-account --role caseworker --role reviewer
"""

USERNAME = "demo"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--reset", action="store_true",
                        help="set a new random password on an existing demo account and show it")
    parser.add_argument("--role", action="append", default=[], metavar="ROLE",
                        help="also give it this role (a user group; repeatable)")


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

    from django.contrib.auth.models import Group

    groups = []
    for role in dict.fromkeys(args.role):
        group = Group.objects.filter(name=role).first()
        if group is None:
            known = ", ".join(Group.objects.order_by("name").values_list("name", flat=True)) or "none"
            print(f"soraq demo-account: no role {role!r} (roles: {known})", file=sys.stderr)
            return 2
        groups.append(group)

    users = get_user_model()
    user = users.objects.filter(username=USERNAME).first()
    if user is not None and not args.reset:
        user.groups.add(*groups)
        print(f"The demo account already exists (user name: {USERNAME}); its password is not shown again. "
              "Use `soraq demo-account --reset` to set a new one.")
        _say_roles(user, groups)
        return 0
    password = new_password()
    if user is None:
        user = users.objects.create_user(username=USERNAME, password=password)
        print("Created the demo account. Log in with:")
    else:
        user.set_password(password)
        user.save(update_fields=["password"])
        print("Reset the demo account's password. Log in with:")
    user.groups.add(*groups)
    print(f"  user name: {USERNAME}")
    print(f"  password:  {password}")
    print("This password is shown only now.")
    _say_roles(user, groups)
    return 0


def _say_roles(user, added) -> None:  # type: ignore[no-untyped-def]
    roles = sorted(user.groups.values_list("name", flat=True))
    if added:
        print(f"Roles: {', '.join(roles)}.")
    elif not roles:
        print("It can read the registry; to try case work too: soraq demo-account --role caseworker")
