"""Create, list and revoke API tokens.

    python -m django soraq_token create USERNAME --name "consulate script"
    python -m django soraq_token list [USERNAME]
    python -m django soraq_token revoke PREFIX

(with DJANGO_SETTINGS_MODULE=soraq.site.settings). The token is printed once.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from soraq.sharing.models import ApiToken


class Command(BaseCommand):
    help = "Create, list or revoke API tokens for the REST API"

    def add_arguments(self, parser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="create a token for a user (printed once)")
        create.add_argument("username")
        create.add_argument("--name", default="api", help="what the token is for")
        listing = sub.add_parser("list", help="list tokens (prefixes only)")
        listing.add_argument("username", nargs="?")
        revoke = sub.add_parser("revoke", help="revoke the token(s) with PREFIX as `list` shows it")
        revoke.add_argument("prefix")

    def handle(self, *args, **options) -> None:
        action = options["action"]
        if action == "create":
            user = get_user_model().objects.filter(username=options["username"]).first()
            if user is None:
                raise CommandError(f"no user {options['username']!r}")
            _row, token = ApiToken.issue(user, options["name"])
            self.stdout.write(token)
        elif action == "list":
            tokens = ApiToken.objects.select_related("user")
            if options.get("username"):
                tokens = tokens.filter(user__username=options["username"])
            for row in tokens:
                state = "revoked" if row.revoked_at else "active"
                used = row.last_used_at.isoformat() if row.last_used_at else "never"
                self.stdout.write(f"{row.prefix}…\t{row.user.username}\t{row.name}\t{state}\tlast used {used}")
        elif action == "revoke":
            prefix = options["prefix"].rstrip("…")
            rows = list(ApiToken.objects.filter(revoked_at__isnull=True, prefix=prefix))
            if not rows:
                raise CommandError(f"no active token starts with {prefix!r}")
            for row in rows:
                row.revoke(by="cli")
            self.stdout.write(f"revoked {len(rows)} token(s)")
