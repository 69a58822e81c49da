"""``django-admin check_silence``: alert followers of cases without news past their threshold.

Run it daily (cron or a systemd timer): ``soraq`` sets up Django the same way.
"""

from django.core.management.base import BaseCommand

from soraq.casework.services.alerts import check_silence


class Command(BaseCommand):
    help = "Alert the followers of every case that has had no news for longer than its threshold."

    def handle(self, *args, **options):
        sent = check_silence()
        self.stdout.write(f"{sent} alert(s) sent")
