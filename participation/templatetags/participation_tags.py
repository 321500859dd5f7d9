"""Template tags of the participation plugin: user text with clickable links,
the name the town answers under, breadcrumbs to a host page, and fields."""

import re

from django import template
from django.template.loader import get_template
from django.utils import timezone
from django.utils.html import (
    conditional_escape,
    escape,
    format_html,
    linebreaks,
    urlize,
)
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from ..listings import authority_name, site_root_depth

register = template.Library()

URL_DISPLAY_LIMIT = 60


# Text without any of these cannot contain a link or an address for urlize.
LINK_HINT = re.compile(r"://|www\.|@|\.[a-z]{2,}", re.IGNORECASE)


@register.filter(is_safe=True)
def user_text(value):
    """Plain text written by a citizen: escaped, paragraphs and line breaks kept,
    links made clickable with rel="nofollow ugc"."""
    text = str(value or "")
    if not LINK_HINT.search(text):
        return mark_safe(linebreaks(escape(text)))
    html = urlize(text, URL_DISPLAY_LIMIT, nofollow=True, autoescape=True)
    # The text itself is escaped, so this attribute can only come from urlize.
    html = html.replace('rel="nofollow"', 'rel="nofollow ugc"')
    return mark_safe(linebreaks(html))


@register.simple_tag(takes_context=True)
def participation_authority(context):
    """The name under which the town answers (see listings.authority_name)."""
    return authority_name(context.get("request"))


@register.inclusion_tag("participation/includes/breadcrumbs.html", takes_context=True)
def participation_breadcrumbs(context, page, current_title):
    """Home → … → the host page → the current item (one query)."""
    request = context.get("request")
    ancestors = []
    if page is not None:
        depth = site_root_depth(request)
        ancestors = list(page.get_ancestors().filter(depth__gte=depth))
        ancestors.append(page)
    return {
        "request": request,
        "home": ancestors[0] if ancestors else None,
        "trail": ancestors[1:],
        "current_title": current_title,
    }


@register.filter
def field_errors_id(bound_field):
    return f"{bound_field.auto_id}_error"


@register.filter
def space_state(space):
    """'open', 'upcoming' (opens later), 'ended' (its end passed) or 'closed'."""
    now = timezone.now()
    if not space.is_open:
        return "closed"
    if space.open_from and now < space.open_from:
        return "upcoming"
    if space.open_until and now >= space.open_until:
        return "ended"
    return "open"


REPLY_ID_PLACEHOLDER = "0REPLY0TO0ID0"
REPLY_NAME_PLACEHOLDER = "0REPLY0TO0NAME0"


@register.simple_tag(takes_context=True)
def participation_reply_form(context, comment):
    """The reply form under a comment. It is rendered once per stream and page
    with placeholders, then filled in for each comment: twenty reply forms cost
    about as much as one."""
    stream = context["stream"]
    fragment = getattr(stream, "_reply_form_fragment", None)
    if fragment is None:
        placeholder = {
            "pk": REPLY_ID_PLACEHOLDER,
            "display_name": REPLY_NAME_PLACEHOLDER,
        }
        with context.push(comment=placeholder):
            template = get_template("participation/includes/reply_form.html")
            fragment = template.template.render(context)
        stream._reply_form_fragment = fragment
    name = comment.display_name or gettext("anonymous")
    return mark_safe(
        fragment.replace(REPLY_ID_PLACEHOLDER, str(comment.pk)).replace(
            REPLY_NAME_PLACEHOLDER, str(conditional_escape(name))
        )
    )


@register.simple_tag
def comment_body(comment, labels):
    """The body of one comment or reply: author, date, text and report link, or
    the moderation's notice in place of a hidden comment.

    Written in Python rather than as a template because every page of a stream
    shows up to eighty of them; `comment` is prepared by
    listings.prepare_comments and `labels` by listings.comment_labels.
    """
    if comment.visibility == "hidden":
        if comment.moderation_reason:
            notice = format_html("{} {}", labels["hidden"], comment.moderation_reason)
        else:
            notice = labels["hidden_reports"]
        return format_html(
            '<article class="comment__body"><p class="comment__hidden">{}</p>'
            "</article>",
            notice,
        )
    if comment.is_official:
        author = format_html(
            '<strong class="official-badge">{}</strong> '
            '<span class="comment__author">{}</span>',
            labels["official"],
            labels["authority"],
        )
        actions = ""
    else:
        author = format_html(
            '<span class="comment__author">{}</span>',
            comment.display_name or labels["anonymous"],
        )
        actions = format_html(
            '<p class="comment__actions"><a href="{}" rel="nofollow">{}'
            '<span class="visually-hidden"> {}</span></a></p>',
            comment.report_url,
            labels["report"],
            labels["this_comment"],
        )
    edited = format_html(" · {}", labels["edited"]) if comment.edited_at else ""
    return format_html(
        '<article class="comment__body"><p class="comment__meta">{} · '
        '<time datetime="{}">{}</time>{}</p>'
        '<div class="comment__text" lang="{}">{}</div>{}</article>',
        author,
        comment.iso_date,
        comment.display_date,
        edited,
        comment.language,
        user_text(comment.text),
        actions,
    )
