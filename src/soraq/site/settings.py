"""Django settings for Soraq, read from the environment.

Everything a deployment changes comes from environment variables, so that no
secret or site-specific value lives in the repository:

``SORAQ_VAR_DIR``        where the SQLite database and the generated secret key live (``./var``)
``DATABASE_URL``         any database dj-database-url understands (default: SQLite in the var dir)
``SORAQ_SECRET_KEY``     the secret key (default: generated once into ``$SORAQ_VAR_DIR/secret_key``)
``SORAQ_DEBUG``          ``1`` to turn Django's debug mode on (never in production)
``SORAQ_ALLOWED_HOSTS``  comma-separated host names (default: localhost, 127.0.0.1, [::1])
``SORAQ_HTTPS``          ``1`` when served behind HTTPS: cookies are then sent over HTTPS only
``SORAQ_REQUIRE_POSTGRES`` ``1`` to refuse any database but PostgreSQL (the suite's second pass)
``SORAQ_DB_CONN_MAX_AGE`` seconds a database connection is kept (default: 60)
``SORAQ_PUBLISH_PUBLIC`` ``1`` to let anonymous visitors see public statistics and the public dataset
``SORAQ_PFIF_DOMAIN``    domain of PFIF record ids (default ``soraq.example.org``)
``SORAQ_PUBLIC_ID_KEY``  key of public records' opaque ids (default: generated once into
                         ``$SORAQ_VAR_DIR/public_id_key``)
"""

from __future__ import annotations

import os
import secrets
import time
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _


def _flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _secret_key(var_dir: Path) -> str:
    """The secret key from the environment, else one generated once and kept (mode 600) in the var dir."""
    return _generated_key(var_dir, "SORAQ_SECRET_KEY", "secret_key")


def _public_id_key(var_dir: Path) -> str:
    """The key of public records' opaque ids: from the environment, else generated once like the secret key.

    Its own key, not one derived from SECRET_KEY, so that rotating the secret key
    (sessions, signatures) does not change every published id.
    """
    return _generated_key(var_dir, "SORAQ_PUBLIC_ID_KEY", "public_id_key")


def _generated_key(var_dir: Path, env_name: str, filename: str) -> str:
    """``env_name`` from the environment, else a key generated once into ``var_dir/filename`` (mode 600)."""
    from_env = os.environ.get(env_name)
    if from_env:
        return from_env
    path = var_dir / filename
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        for _attempt in range(50):  # another process may be writing it this very moment
            key = path.read_text(encoding="ascii").strip()
            if key:
                return key
            time.sleep(0.02)
        raise ImproperlyConfigured(f"{path} is empty: delete it to have a new key generated")
    key = secrets.token_urlsafe(50)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key + "\n")
    return key


VAR_DIR = Path(os.environ.get("SORAQ_VAR_DIR") or "var").resolve()
VAR_DIR.mkdir(parents=True, exist_ok=True)

SECRET_KEY = _secret_key(VAR_DIR)
DEBUG = _flag("SORAQ_DEBUG")
ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get("SORAQ_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",")
    if host.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "ninja",
    "soraq.registry",
    "soraq.casework",
    "soraq.sharing",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # attributes every change made while serving a request to its user in the audit log
    "soraq.casework.middleware.AuditActorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "soraq.site.urls"
WSGI_APPLICATION = "soraq.site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "soraq.site.navigation.navigation",
            ],
        },
    },
]

# --- database -------------------------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'soraq.sqlite3'}",
        # Persistent connections: a serving thread keeps its connection for the requests it serves
        # instead of connecting per request (PostgreSQL: a new backend process; SQLite: reopening the
        # file and reading its schema, 1-6 ms per request in the load benchmark). A connection that
        # broke meanwhile (database restart) is checked before reuse and replaced.
        conn_max_age=int(os.environ.get("SORAQ_DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web pages read while `soraq ingest` or `soraq watch` writes; IMMEDIATE
    # transactions make a second writer wait (busy timeout) instead of failing "database is locked";
    # synchronous=NORMAL is durable in WAL mode except for the last transactions on power loss.
    DATABASES["default"].setdefault("OPTIONS", {}).update({
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    })
if _flag("SORAQ_REQUIRE_POSTGRES") and "postgresql" not in DATABASES["default"]["ENGINE"]:
    raise ImproperlyConfigured(
        "SORAQ_REQUIRE_POSTGRES is set but DATABASE_URL is not a PostgreSQL URL "
        f"(engine {DATABASES['default']['ENGINE']!r}): refusing to run on another database"
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"



# --- caches -----------------------------------------------------------------------------------
# "default": in each process's memory, for rendered pages and API answers (keyed by the data version,
# see soraq.registry.dataversion, so no process serves an outdated entry; many small entries, evicted
# oldest first). "shared": files in the var dir, shared by the server's worker processes, for the few
# entries that are costly to compute (statistics) and for sessions (a logout must end the session in
# every worker at once). A file cache lists its folder on every write: keep it to few entries.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "soraq",
                "OPTIONS": {"MAX_ENTRIES": 3000}},
    "shared": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
               "LOCATION": str(VAR_DIR / "cache"), "OPTIONS": {"MAX_ENTRIES": 2000}},
}

# --- authentication --------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Django's model backend that also loads the user's roles with the user: one query per request
# instead of two (soraq.casework.auth). Sessions made by another backend log in again once.
AUTHENTICATION_BACKENDS = ["soraq.casework.auth.RoleLoadingBackend"]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "registry:home"  # the person list, or what a barred user may see
LOGOUT_REDIRECT_URL = "login"

# --- languages -------------------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("az", _("Azerbaijani")), ("ru", _("Russian")), ("en", _("English"))]
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

# --- static files: served by `soraq serve` itself (see soraq.commands.serve) ----------------------
STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"

# --- secure defaults ---------------------------------------------------------------------------
_HTTPS = _flag("SORAQ_HTTPS")
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = _HTTPS
SESSION_COOKIE_AGE = 60 * 60 * 12
# Sessions read from the shared cache (no query per request), written through to the database.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_CACHE_ALIAS = "shared"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = _HTTPS
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if _HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 60 * 60 * 24 * 30
CSRF_TRUSTED_ORIGINS = [
    origin.strip() for origin in os.environ.get("SORAQ_CSRF_TRUSTED_ORIGINS", "").split(",") if origin.strip()
]
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024

# --- sharing: publication (see docs/sharing.md) -----------------------------------------------------
#: anonymous visitors may see public statistics and download the public dataset (default: nobody may)
SORAQ_PUBLISH_PUBLIC = _flag("SORAQ_PUBLISH_PUBLIC")
#: domain of PFIF record ids ("DOMAIN/person.ID"): the deployment's own domain
SORAQ_PFIF_DOMAIN = os.environ.get("SORAQ_PFIF_DOMAIN", "").strip() or "soraq.example.org"
#: key of the opaque ids of public records (HMAC); generated once into the var dir when not set
SORAQ_PUBLIC_ID_KEY = _public_id_key(VAR_DIR)

# --- logging: messages only, never request bodies, and no query strings (they carry searched names) --
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "redact_query": {"()": "soraq.site.logfilters.RedactQueryStrings"},
    },
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["redact_query"],
        },
    },
    "loggers": {
        # Replaces Django's default handlers (incl. mail_admins, which would mail request data).
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "soraq": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
