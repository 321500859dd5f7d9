"""Public pages of registrations, subscriptions and follows.

The registration form sits on the event page (RegistrationPageMixin) and posts
here; an invalid post is shown again on a page of its own with the errors.
Links from e-mails confirm, open a registrant's own page (with the details for
registrants and the cancel button), change or end a subscription, or stop
following ideas. Nothing is stored unless everything is valid.
"""

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from wagtail.models import Page

from . import registrations as reg
from . import subscriptions as subs
from .forms_registrations import (
    RegistrationForm,
    SubscriptionForm,
    SubscriptionManageForm,
)
from .listings import active_language, current_participant
from .models import Idea, Registration, RegistrationList
from .tokens import LinkError
from .views import link_error_page, render_page

# Registrations


def event_page_for(registration_list, page_id):
    """The live language version of the event page the form was posted from."""
    page = get_object_or_404(Page.objects.live(), pk=page_id).specific
    if reg.default_locale_page(page).pk != registration_list.page_id:
        raise Http404
    return page


@require_http_methods(["POST"])
def register(request, list_id, page_id):
    """Register for an event from the form on its page."""
    registration_list = get_object_or_404(RegistrationList, pk=list_id)
    page = event_page_for(registration_list, page_id)
    back = page.get_url(request) or "/"
    if not registration_list.is_enabled or not registration_list.is_open():
        return render_page(
            request,
            "participation/registrations/closed.html",
            {
                "title": _("Registration is closed"),
                "event": registration_list,
                "page": page,
                "back_url": back,
            },
            status=403,
        )
    groups = page.registration_group_choices()
    form = RegistrationForm(
        request.POST,
        groups=groups,
        ask_accessibility=page.registration_ask_accessibility,
        request=request,
        id_prefix="reg",
    )
    if not form.is_valid():
        return render_page(
            request,
            "participation/registrations/form_page.html",
            {
                "title": _("Register for %(event)s") % {"event": page.title},
                "registration": reg.RegistrationPanel(
                    registration_list=registration_list,
                    state="open",
                    form=form,
                    action_url=request.path,
                ),
                "page": page,
                "back_url": back,
            },
        )
    data = form.cleaned_data
    # groups are stored in the default language, so that counts do not split
    with translation.override(settings.LANGUAGE_CODE):
        default_page = reg.default_locale_page(page).specific
        default_groups = default_page.registration_group_choices()
    index = data["group"]
    group = default_groups[index] if len(default_groups) == len(groups) else None
    reg.register(
        registration_list,
        name=data["name"],
        email=data["email"],
        language=active_language(),
        group=group or groups[index],
        accessibility_needs=data.get("accessibility_needs", ""),
    )
    form.count_attempt()
    messages.success(
        request,
        _(
            "Thank you! We have sent you an e-mail. Please open the link in it to "
            "confirm your registration; only then does it count."
        ),
    )
    return HttpResponseRedirect(f"{back}#registration")


def registration_confirm(request, token):
    """Open the link from the confirmation mail."""
    try:
        registration = reg.confirm_registration(token)
    except LinkError as error:
        return link_error_page(request, error)
    if registration.status == Registration.Status.CONFIRMED:
        messages.success(
            request,
            _("Your registration is confirmed. We have sent you the details."),
        )
    else:
        messages.info(
            request,
            _(
                "The event is fully booked; you are on the waiting list. We tell "
                "you by e-mail as soon as a seat becomes free."
            ),
        )
    return redirect(reg.manage_path(registration))


@require_http_methods(["GET", "POST"])
def registration_manage(request, token):
    """A registrant's own page, reached only through their personal link: the
    state of the registration, the details for registrants and cancelling."""
    try:
        registration = reg.read_token(token, reg.MANAGE)
    except LinkError as error:
        return link_error_page(request, error)
    if request.method == "POST":
        if request.POST.get("action") != "cancel":
            raise Http404
        if registration.status != Registration.Status.CANCELLED:
            reg.cancel_registration(registration)
            messages.success(request, _("Your registration has been cancelled."))
        return redirect(request.path)
    registration_list = registration.registration_list
    event_page = registration_list.page
    return render_page(
        request,
        "participation/registrations/manage.html",
        {
            "title": _("Your registration"),
            "registration": registration,
            "event": registration_list,
            "event_url": reg.page_url(event_page, active_language(), request),
            "waiting_place": reg.waiting_place(registration),
            "show_details": registration.status == Registration.Status.CONFIRMED,
            "no_index": True,
        },
    )


# Subscriptions


@require_http_methods(["GET", "POST"])
def subscribe(request):
    """Subscribe to announcements of new events and news."""
    topics = subs.topic_choices(active_language())
    form = SubscriptionForm(
        request.POST if request.method == "POST" else None,
        topics=topics,
        request=request,
        id_prefix="sub",
    )
    if request.method == "POST" and form.is_valid():
        subs.subscribe(
            email=form.cleaned_data["email"],
            language=active_language(),
            **form.choices(),
        )
        form.count_attempt()
        messages.success(
            request,
            _(
                "Thank you! We have sent you an e-mail. Please open the link in it "
                "to confirm your subscription."
            ),
        )
        return redirect("participation:subscribe")
    return render_page(
        request,
        "participation/subscriptions/subscribe.html",
        {"title": _("Subscribe to e-mails"), "form": form},
    )


def subscription_confirm(request, token):
    try:
        subscription = subs.confirm_subscription(token)
    except LinkError as error:
        return link_error_page(request, error)
    messages.success(
        request,
        _("Your subscription is confirmed. You can change your choices here."),
    )
    return redirect(
        "participation:subscription_manage",
        subs.make_token(subscription, subs.MANAGE),
    )


def initial_choices(subscription):
    kinds = [
        kind
        for kind, wanted in (
            ("events", subscription.wants_events),
            ("news", subscription.wants_news),
        )
        if wanted
    ]
    return {
        "kinds": kinds,
        "scope": "all" if subscription.all_topics else "chosen",
        "topics": [str(t.topic_key) for t in subscription.topics.all()],
    }


@require_http_methods(["GET", "POST"])
def subscription_manage(request, token):
    """Change what one receives, through the link in every mailing."""
    try:
        subscription = subs.read_token(token, subs.MANAGE)
    except LinkError as error:
        return link_error_page(request, error)
    topics = subs.topic_choices(active_language())
    if request.method == "POST":
        form = SubscriptionManageForm(request.POST, topics=topics, auto_id="id_sub_%s")
        if form.is_valid():
            subs.update_subscription(subscription, **form.choices())
            messages.success(request, _("Your choices have been saved."))
            return redirect(request.path)
    else:
        form = SubscriptionManageForm(
            initial=initial_choices(subscription), topics=topics, auto_id="id_sub_%s"
        )
    return render_page(
        request,
        "participation/subscriptions/manage.html",
        {
            "title": _("Your subscription"),
            "form": form,
            "subscription": subscription,
            "unsubscribe_url": reverse("participation:unsubscribe", args=[token]),
            "no_index": True,
        },
    )


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """One-click unsubscribe: a POST (the button here, or a mail program using
    List-Unsubscribe-Post) ends the subscription; a GET only asks. The signed
    token in the address is the authorisation, so no CSRF token is needed."""
    try:
        subscription = subs.read_token(token, subs.MANAGE)
    except LinkError as error:
        if request.method == "POST" and error.code == "gone":
            return render_page(
                request,
                "participation/subscriptions/unsubscribed.html",
                {"title": _("Unsubscribed"), "no_index": True},
            )
        return link_error_page(request, error)
    if request.method == "POST":
        subs.unsubscribe(subscription)
        return render_page(
            request,
            "participation/subscriptions/unsubscribed.html",
            {"title": _("Unsubscribed"), "no_index": True},
        )
    return render_page(
        request,
        "participation/subscriptions/unsubscribe.html",
        {
            "title": _("Unsubscribe"),
            "manage_url": reverse("participation:subscription_manage", args=[token]),
            "no_index": True,
        },
    )


# Follows


@require_http_methods(["POST"])
def follow(request, pk):
    """Follow an idea, or stop following it (authors and supporters only)."""
    idea = get_object_or_404(Idea.objects.visible(), pk=pk)
    back = reverse("participation:idea_detail", args=[idea.pk]) + "#follow"
    participant = current_participant(request)
    if request.POST.get("action") == "unfollow":
        if participant is not None and subs.unfollow(participant, idea):
            messages.success(request, _("You no longer follow this idea."))
        return HttpResponseRedirect(back)
    if subs.follow(participant, idea):
        messages.success(
            request,
            _(
                "You follow this idea. We write to you at most once a day when "
                "its status changes or the town answers it."
            ),
        )
    elif not subs.may_follow(participant, idea):
        messages.error(
            request,
            _("Only the author and the supporters of an idea can follow it."),
        )
    else:
        messages.info(request, _("You already follow this idea."))
    return HttpResponseRedirect(back)


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unfollow(request, token):
    """Stop following all ideas, from the link in the daily digest (one click,
    like unsubscribing)."""
    try:
        participant = subs.read_follow_token(token)
    except LinkError as error:
        return link_error_page(request, error)
    if request.method == "POST":
        subs.unfollow(participant)
        return render_page(
            request,
            "participation/subscriptions/unsubscribed.html",
            {"title": _("You follow no ideas any more"), "no_index": True},
        )
    return render_page(
        request,
        "participation/subscriptions/unfollow.html",
        {"title": _("Stop following ideas"), "no_index": True},
    )
