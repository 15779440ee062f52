"""Root URL configuration: apps first, Wagtail's page tree last."""

from drf_spectacular.views import SpectacularAPIView

from django.conf import settings
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import RedirectView
from django.views.i18n import set_language

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from innoplatform.core import views as core_views
from innoplatform.core.api_docs import api_documentation
from partners import api as partner_api

# Wagtail's own sign-in forms would take a password without the second factor or allauth's rate
# limits: both send the visitor to the one sign-in page, with where they were going.
to_sign_in = RedirectView.as_view(pattern_name="account_login", query_string=True)

# The language choice changes nothing but how the site is shown, so it takes no CSRF token: with a
# token, every page would set a cookie and no public page could be served from the cache.
choose_language = csrf_exempt(set_language)

urlpatterns = [
    path("favicon.ico", core_views.favicon),
    path("admin/login/", to_sign_in, name="admin_sign_in"),
    path("_util/login/", to_sign_in, name="page_sign_in"),
    path("admin/", include(wagtailadmin_urls)),
    path("dokumenter/", include(wagtaildocs_urls)),
    path("i18n/setlang/", choose_language, name="set_language"),
    path("konto/", include("innoplatform.accounts.urls")),
    path("konto/", include("allauth.urls")),
    path("kommuner/", include("innoplatform.municipalities.urls")),
    path("api/", api_documentation, name="api-docs"),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/kommuner/", include("innoplatform.municipalities.api_urls")),
    path("casebibliotek/", include("cases.urls")),
    path("kurs/", include("courses.urls")),
    path("partnere/", include("partners.urls")),
    path("tilskudd/", include("funding.urls")),
    path("organisasjoner/", include("innoplatform.organisations.urls")),
    path("api/cases/", include("cases.api_urls")),
    path("api/kurs/", include("courses.api_urls")),
    path("api/posts/", include("partners.api_urls")),
    path("api/grants/", include("funding.api_urls")),
    path("api/search/", include("search.api_urls")),
    path("sok/", include("search.urls")),
    path("api/organisations/<str:orgnr>/", partner_api.OrganisationDetailView.as_view(), name="organisation-api"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

handler400 = core_views.bad_request
handler404 = core_views.page_not_found
handler500 = core_views.server_error
