"""WSGI entry point: ``soraq.site.wsgi:application`` for any WSGI server."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "soraq.site.settings")
application = get_wsgi_application()
