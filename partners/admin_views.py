"""The moderators' queue in the Wagtail admin, under «Partnere»: posts awaiting approval and reported posts.

A moderator approves, rejects with a reason or hides each; the organisation is
told by e-mail. Only moderators (permission `organisations.moderate_organisations`)
see the menu item or reach the views.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup

from innoplatform.organisations.models import Organisation
from innoplatform.organisations.public import is_moderator

from . import posts as services
from .forms import ModerationForm
from .models import CollaborationPost, PostReport
from .notices import notify_decision

QUEUE = "partnermoderering"


def moderation_queue():
    """Posts a moderator should look at: awaiting approval, or published with reports not yet handled."""
    open_reports = PostReport.objects.filter(post=OuterRef("pk"), handled_at__isnull=True)
    return (
        CollaborationPost.objects.annotate(has_reports=Exists(open_reports))
        .filter(Q(status=CollaborationPost.Status.AWAITING) | Q(has_reports=True))
        .select_related("organisation")
        .prefetch_related("reports")
        .annotate(report_count=Count("reports", filter=Q(reports__handled_at__isnull=True)))
        .order_by("updated_at", "pk")
    )


def unverified_organisations():
    """Organisations no moderator has verified yet, oldest first: their posts wait for approval until then."""
    return Organisation.objects.filter(verified=False).select_related("kommune").order_by("created_at", "pk")[:100]


class ModeratorMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return is_moderator(request.user)


class ModerationQueueView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "partners/admin/moderation_queue.html"
    page_title = gettext_lazy("Moderering av innlegg")
    header_icon = "warning"

    def dispatch(self, request, *args, **kwargs):
        if not is_moderator(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        posts = list(moderation_queue())
        return {
            **super().get_context_data(**kwargs),
            "items": [(post, ModerationForm(prefix=f"p{post.pk}")) for post in posts],
            "unverified": list(unverified_organisations()),
        }


def moderate_post(request: HttpRequest, post_id: int) -> HttpResponse:
    if request.method != "POST":
        return redirect(f"{QUEUE}:index")
    if not is_moderator(request.user):
        raise PermissionDenied
    post = get_object_or_404(CollaborationPost.objects.select_related("organisation"), pk=post_id)
    form = ModerationForm(request.POST, prefix=f"p{post.pk}")
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, f"{post.title}: {error}")
        return redirect(reverse(f"{QUEUE}:index") + f"#innlegg-{post.pk}")
    with transaction.atomic():
        services.moderate(request.user, post, form.cleaned_data["decision"], form.cleaned_data["reason"])
        notify_decision(post)
    messages.success(
        request, _("«%(title)s»: %(status)s.") % {"title": post.title, "status": post.get_status_display()}
    )
    return redirect(f"{QUEUE}:index")


class ModerationViewSet(ViewSet):
    name = QUEUE
    icon = "warning"
    menu_label = gettext_lazy("Moderering")

    @cached_property
    def menu_item_class(self):
        return ModeratorMenuItem

    def get_urlpatterns(self):
        return [
            path("", ModerationQueueView.as_view(), name="index"),
            path("<id:post_id>/", moderate_post, name="moderate"),
        ]


class PartnerAdminGroup(ViewSetGroup):
    menu_label = gettext_lazy("Partnere")
    menu_icon = "group"
    menu_order = 260
    items = (ModerationViewSet,)
