"""Settings shared by every environment.

Every value that differs between machines is read from the environment through
the typed schema below; the README lists each variable. Nothing here is secret
and nothing here turns debugging on.
"""

from pathlib import Path

import environ

from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

env = environ.Env(
    DEBUG=(bool, False),
    SECRET_KEY=(str, ""),
    ALLOWED_HOSTS=(list, ["localhost", "127.0.0.1", "[::1]"]),
    CSRF_TRUSTED_ORIGINS=(list, []),
    DATABASE_URL=(str, f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
    REDIS_URL=(str, ""),
    EMAIL_URL=(str, "consolemail://"),
    DEFAULT_FROM_EMAIL=(str, "Innovasjonsplattformen <ikke-svar@innovasjonsplattformen.no>"),
    MEDIA_ROOT=(str, str(BASE_DIR / "media")),
    MEDIA_URL=(str, "/media/"),
    STATIC_ROOT=(str, str(BASE_DIR / "staticfiles")),
    SITE_URL=(str, "http://127.0.0.1:8000"),
    TASKS_BACKEND=(str, "immediate"),
    OIDC_PROVIDER_ID=(str, "idporten"),
    OIDC_PROVIDER_NAME=(str, "ID-porten"),
    OIDC_SERVER_URL=(str, ""),
    OIDC_CLIENT_ID=(str, ""),
    OIDC_CLIENT_SECRET=(str, ""),
    OIDC_SCOPES=(list, ["openid", "profile"]),
    OIDC_TOKEN_AUTH_METHOD=(str, "client_secret_post"),
    LOG_LEVEL=(str, "INFO"),
    ELASTICSEARCH_URL=(str, ""),
    ELASTICSEARCH_INDEX_PREFIX=(str, "innoplatform"),
    ELASTICSEARCH_TIMEOUT=(float, 2.0),
    SEARCH_SYNC=(str, "immediate"),
)

DEBUG = env("DEBUG")
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env("CSRF_TRUSTED_ORIGINS")
SITE_URL = env("SITE_URL").rstrip("/")

INSTALLED_APPS = [
    "innoplatform.core",
    "innoplatform.accounts",
    "innoplatform.municipalities",
    "innoplatform.organisations",
    "cases",
    "courses",
    "partners",
    "funding",
    "search",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sites",
    "django.forms",
]
SITE_ID = 1
# Widgets render with the project's templates too (templates/includes/kommune_picker.html).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "innoplatform.core.maintenance.MaintenanceMiddleware",
    "innoplatform.core.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "innoplatform.core.middleware.SiteLanguageMiddleware",
    "innoplatform.core.middleware.RejectNulMiddleware",
    "innoplatform.core.middleware.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "innoplatform.accounts.mfa_required.MfaRequiredMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "innoplatform.urls"
WSGI_APPLICATION = "innoplatform.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "csp.context_processors.nonce",
            ],
        },
    },
]

# Database: SQLite by default, in WAL mode with a busy timeout and immediate
# transactions so that concurrent gunicorn workers wait instead of failing with
# "database is locked".
DATABASES = {"default": env.db("DATABASE_URL")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
else:
    DATABASES["default"].setdefault("CONN_MAX_AGE", 60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

# Cache: Redis when configured (needed for shared rate limits across workers).
if env("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": env("REDIS_URL"),
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "innoplatform",
        }
    }

# Whole pages for anonymous visitors are kept this many seconds at most on the shared cache, and
# dropped as soon as the content changes (innoplatform/core/page_cache.py, docs/caching.md); 0 turns it off.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=300)
# Data derived from many rows (listing ids, facet counts, related cases) lives at most this long on the
# shared cache, and is computed again when the apps it comes from change (innoplatform/core/derived.py).
DERIVED_CACHE_SECONDS = env.int("DERIVED_CACHE_SECONDS", default=3600)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# Internationalisation: bokmål first, nynorsk and English as further UI languages.
LANGUAGE_CODE = "nb"
LANGUAGES = [("nb", _("Norsk bokmål")), ("nn", _("Norsk nynorsk")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True
WAGTAIL_CONTENT_LANGUAGES = [("nb", "Norsk bokmål")]

# Static and media files; every asset is served by the site itself.
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env("STATIC_ROOT")
STATIC_URL = "/static/"
MEDIA_ROOT = env("MEDIA_ROOT")
MEDIA_URL = env("MEDIA_URL")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# E-mail: every message is queued as a task after commit (innoplatform.core.mail) and
# sent by the backend EMAIL_URL names (smtp+tls://user:password@host:587, consolemail://),
# which also sets EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD and EMAIL_USE_TLS/SSL.
_email = env.email_url("EMAIL_URL")
EMAIL_DELIVERY_BACKEND = _email.pop("EMAIL_BACKEND")
globals().update(_email)
EMAIL_BACKEND = "innoplatform.core.mail.QueuedEmailBackend"
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background tasks: immediate by default; "database" needs `manage.py db_worker`.
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
        }[env("TASKS_BACKEND")]
    }
}

# Wagtail
WAGTAIL_SITE_NAME = "Innovasjonsplattformen"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAIL_I18N_ENABLED = False
# Wagtail has no nynorsk: the admin is bokmål (or English by the editor's choice), never a mix.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nb", "Norsk bokmål"), ("en", "English")]
# Uploads (docs/uploads.md): images by Wagtail's own checks, documents also by their content.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "innoplatform.core.document_forms.DocumentForm"
# Through Django whatever the storage, so only PDF opens in the browser and the rest downloads.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILEMBEDS_FINDERS = [{"class": "innoplatform.core.embeds"}]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False

# JSON API: Django REST framework, documented by an OpenAPI 3 schema (drf-spectacular)
# at /api/schema/ and in Norwegian at /api/. Public endpoints are read-only; endpoints
# that act for a user use the session, with CSRF.
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "EXCEPTION_HANDLER": "innoplatform.core.api.exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "UNICODE_JSON": True,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Innovasjonsplattformen API",
    "DESCRIPTION": (
        "Åpne data fra Innovasjonsplattformen: eksempelbiblioteket og kommunenes demografiske profiler. "
        "Alle svar er JSON i UTF-8; feil har feltet «detail» og, for ugyldige parametere, «errors»."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "PREPROCESSING_HOOKS": ["innoplatform.core.api.public_endpoints_only"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "cases.api.add_registry_numbers",
        "innoplatform.municipalities.api_views.add_alternatives",
    ],
    "ENUM_NAME_OVERRIDES": {
        "SectorEnum": "innoplatform.core.vocabularies.Sector",
        "ServiceAreaEnum": "innoplatform.core.vocabularies.ServiceArea",
        "ChallengeEnum": "innoplatform.core.vocabularies.Challenge",
        "PhaseEnum": "innoplatform.core.vocabularies.Phase",
    },
}

# Accounts (django-allauth): e-mail login, mandatory verification, rate limits on.
LOGIN_URL = "account_login"
# The admin and private pages sign in through allauth too (MFA, rate limits); see innoplatform/urls.py.
WAGTAILADMIN_LOGIN_URL = "/konto/login/"
WAGTAIL_FRONTEND_LOGIN_URL = "/konto/login/"
LOGIN_REDIRECT_URL = "accounts:profile"
ACCOUNT_ADAPTER = "innoplatform.accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {"signup": "innoplatform.accounts.forms.PlatformSignupForm"}
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Innovasjonsplattformen] "
ACCOUNT_PRESERVE_USERNAME_CASING = False
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    # The platform's own views (innoplatform.core.ratelimit):
    "export_data": "10/h/user",
    "search": "120/m/ip",
    "search_suggest": "300/m/ip",
    "delete_account": "10/h/user",
    "edit_profile": "30/h/user",
    "suggest_case": "5/h/user",
    "mark_case_reuse": "30/h/user",
    "course_action": "300/h/user",
    "quiz_attempt": "60/h/user",
    "cohort_action": "20/h/user",
    "write_post": "30/h/user",
    "report_post": "10/h/user",
    "send_interest": "10/h/user",
    "reply_interest": "60/h/user",
    "organisation_action": "30/h/user",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
SOCIALACCOUNT_ONLY = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_PROVIDERS: dict = {}

# Optional OpenID Connect login (ID-porten, Feide): off until a server URL is set.
# Search (search/): the database index is always kept; a cluster answers searches when configured.
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL")
ELASTICSEARCH_INDEX_PREFIX = env("ELASTICSEARCH_INDEX_PREFIX")
ELASTICSEARCH_TIMEOUT = env("ELASTICSEARCH_TIMEOUT")
SEARCH_SYNC = env("SEARCH_SYNC")
"""«immediate»: documents are written during the save; «task»: by a django-tasks task after commit."""

OIDC_ENABLED = bool(env("OIDC_SERVER_URL") and env("OIDC_CLIENT_ID"))
if OIDC_ENABLED:
    INSTALLED_APPS.append("allauth.socialaccount.providers.openid_connect")
    SOCIALACCOUNT_PROVIDERS["openid_connect"] = {
        "OAUTH_PKCE_ENABLED": True,
        "APPS": [
            {
                "provider_id": env("OIDC_PROVIDER_ID"),
                "name": env("OIDC_PROVIDER_NAME"),
                "client_id": env("OIDC_CLIENT_ID"),
                "secret": env("OIDC_CLIENT_SECRET"),
                "settings": {
                    "server_url": env("OIDC_SERVER_URL"),
                    "token_auth_method": env("OIDC_TOKEN_AUTH_METHOD"),
                    "scope": env("OIDC_SCOPES"),
                },
            }
        ],
    }

# Security headers that hold everywhere; production.py adds the TLS ones.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL")},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}
