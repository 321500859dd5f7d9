"""Registrations and subscriptions in the Wagtail admin: registrants per event
with counts per group, CSV and XLSX export, a message to all confirmed
registrants, and subscriber counts per choice (never a list of addresses)."""

import csv
import io

from django import forms
from django.contrib import messages
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from .. import registrations as reg
from ..models import OutboxMail, Registration, RegistrationList
from ..subscriptions import subscriber_counts

URL_NAMESPACE = "participation_registrations"
VIEW_PERMISSION = "participation.view_registrationlist"
MESSAGE_PERMISSION = "participation.change_registrationlist"
SUBSCRIBERS_PERMISSION = "participation.view_subscription"

EXPORT_FIELDS = [
    ("name", gettext_lazy("Name")),
    ("email", gettext_lazy("E-mail address")),
    ("group", gettext_lazy("Group")),
    ("accessibility_needs", gettext_lazy("Accessibility needs")),
    ("status", gettext_lazy("Status")),
    ("position", gettext_lazy("Place on the waiting list")),
    ("language", gettext_lazy("Language")),
    ("created_at", gettext_lazy("Registered")),
    ("confirmed_at", gettext_lazy("E-mail confirmed")),
]


def can_view_registrations(user):
    return bool(user and user.is_active and user.has_perm(VIEW_PERMISSION))


class PermissionRequiredMixin:
    permission = VIEW_PERMISSION

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def group_counts(registration_list):
    """(group, confirmed, waiting) per group of an event's registrants."""
    rows = (
        registration_list.registrations.filter(
            status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITING]
        )
        .values("group")
        .annotate(
            confirmed=Count("pk", filter=Q(status=Registration.Status.CONFIRMED)),
            waiting=Count("pk", filter=Q(status=Registration.Status.WAITING)),
        )
        .order_by("group")
    )
    return [(row["group"] or "–", row["confirmed"], row["waiting"]) for row in rows]


def registrants(registration_list):
    """Confirmed registrants first, then the waiting list in order, then those
    still to confirm and those who cancelled."""
    order = {
        Registration.Status.CONFIRMED: 0,
        Registration.Status.WAITING: 1,
        Registration.Status.PENDING: 2,
        Registration.Status.CANCELLED: 3,
    }
    rows = list(registration_list.registrations.all())
    rows.sort(key=lambda r: (order[r.status], r.position or 0, r.created_at, r.pk))
    return rows


def export_rows(registration_list):
    """The header and one row per registrant, as exported (not cancelled ones)."""
    yield [str(label) for _name, label in EXPORT_FIELDS]
    for registration in registrants(registration_list):
        if registration.status == Registration.Status.CANCELLED:
            continue
        row = []
        for name, _label in EXPORT_FIELDS:
            value = getattr(registration, name)
            if name == "status":
                value = registration.get_status_display()
            elif hasattr(value, "astimezone"):
                value = timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
            row.append("" if value is None else str(value))
        yield row


def safe_cell(value):
    """Cells that spreadsheet programs would run as formulas are quoted."""
    if value and value[0] in "=+-@\t\r":
        return "'" + value
    return value


class MessageForm(forms.Form):
    subject = forms.CharField(
        label=gettext_lazy("Subject"),
        max_length=150,
        error_messages={"required": gettext_lazy("Please give a subject.")},
    )
    text = forms.CharField(
        label=gettext_lazy("Message"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=5000,
        error_messages={"required": gettext_lazy("Please write a message.")},
        help_text=gettext_lazy(
            "Plain text. Every confirmed registrant receives it with the details "
            "of the event and their personal link."
        ),
    )


class RegistrationListIndexView(
    PermissionRequiredMixin, WagtailAdminTemplateMixin, View
):
    template_name = "participation/admin/registrations/index.html"
    page_title = gettext_lazy("Registrations")
    header_icon = "group"

    def get(self, request):
        lists = RegistrationList.objects.annotate(
            pending=Count(
                "registrations",
                filter=Q(registrations__status=Registration.Status.PENDING),
            )
        ).order_by("-starts_at")
        failed = OutboxMail.objects.filter(status=OutboxMail.Status.FAILED).count()
        queued = OutboxMail.objects.filter(status=OutboxMail.Status.QUEUED).count()
        return TemplateResponse(
            request,
            self.template_name,
            self.get_context_data(
                lists=lists, failed_mails=failed, queued_mails=queued
            ),
        )


class RegistrationListView(PermissionRequiredMixin, WagtailAdminTemplateMixin, View):
    """The registrants of one event with counts per group, the exports and the
    message to all confirmed registrants."""

    template_name = "participation/admin/registrations/detail.html"
    header_icon = "group"

    def get_page_title(self):
        return self.registration_list.title

    def setup(self, request, *args, pk, **kwargs):
        super().setup(request, *args, pk=pk, **kwargs)
        self.registration_list = get_object_or_404(RegistrationList, pk=pk)

    def render(self, form, status=200):
        registration_list = self.registration_list
        return TemplateResponse(
            self.request,
            self.template_name,
            self.get_context_data(
                registration_list=registration_list,
                registrants=registrants(registration_list),
                group_counts=group_counts(registration_list),
                form=form,
                can_message=self.request.user.has_perm(MESSAGE_PERMISSION),
            ),
            status=status,
        )

    def get(self, request, pk):
        return self.render(MessageForm())

    def post(self, request, pk):
        if not request.user.has_perm(MESSAGE_PERMISSION):
            raise PermissionDenied
        form = MessageForm(request.POST)
        if not form.is_valid():
            return self.render(form, status=400)
        count = reg.message_registrants(
            self.registration_list,
            form.cleaned_data["subject"],
            form.cleaned_data["text"],
        )
        messages.success(
            request,
            _("The message is on its way to %(count)s confirmed registrants.")
            % {"count": count},
        )
        return redirect(f"{URL_NAMESPACE}:detail", pk=pk)


class RegistrationExportView(PermissionRequiredMixin, View):
    """The registrants of an event as CSV (UTF-8 with BOM, for Excel) or XLSX."""

    def get(self, request, pk, fmt):
        registration_list = get_object_or_404(RegistrationList, pk=pk)
        rows = [
            [safe_cell(cell) for cell in row] for row in export_rows(registration_list)
        ]
        stamp = timezone.localtime().strftime("%Y%m%d")
        filename = f"anmeldungen-{slugify(registration_list.title)[:50]}-{stamp}"
        if fmt == "csv":
            buffer = io.StringIO()
            buffer.write("\ufeff")
            csv.writer(buffer, delimiter=";").writerows(rows)
            response = HttpResponse(
                buffer.getvalue(), content_type="text/csv; charset=utf-8"
            )
            response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
            return response
        from openpyxl import Workbook

        workbook = Workbook()
        sheet = workbook.active
        sheet.title = _("Registrations")[:31]
        for row in rows:
            sheet.append(row)
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type=(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            ),
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
        return response


class SubscriberCountsView(PermissionRequiredMixin, WagtailAdminTemplateMixin, View):
    permission = SUBSCRIBERS_PERMISSION
    template_name = "participation/admin/registrations/subscribers.html"
    page_title = gettext_lazy("Subscribers")
    header_icon = "mail"

    def get(self, request):
        return TemplateResponse(
            request,
            self.template_name,
            self.get_context_data(counts=subscriber_counts()),
        )


class RegistrationsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_registrations(request.user)


class SubscribersMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(SUBSCRIBERS_PERMISSION)


class RegistrationViewSet(ViewSet):
    """Registrants per event, exports and messages."""

    name = URL_NAMESPACE
    url_prefix = "participation/registrations"
    icon = "group"
    menu_label = gettext_lazy("Registrations")
    menu_item_class = RegistrationsMenuItem

    def get_urlpatterns(self):
        return [
            path("", RegistrationListIndexView.as_view(), name="index"),
            path("<int:pk>/", RegistrationListView.as_view(), name="detail"),
            path(
                "<int:pk>/export/<str:fmt>/",
                RegistrationExportView.as_view(),
                name="export",
            ),
        ]

    def on_register(self):
        super().on_register()
        hooks.register("register_permissions", registration_permissions)


class SubscriberViewSet(ViewSet):
    """How many people subscribed to what."""

    name = "participation_subscribers"
    url_prefix = "participation/subscribers"
    icon = "mail"
    menu_label = gettext_lazy("Subscribers")
    menu_item_class = SubscribersMenuItem

    def get_urlpatterns(self):
        return [path("", SubscriberCountsView.as_view(), name="index")]


def registration_permissions():
    return Permission.objects.filter(
        content_type__app_label="participation",
        codename__in=[
            "view_registrationlist",
            "change_registrationlist",
            "view_subscription",
        ],
    )
