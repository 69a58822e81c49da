"""ASGI entry point: ``soraq.site.asgi:application`` for any ASGI server."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "soraq.site.settings")
application = get_asgi_application()
