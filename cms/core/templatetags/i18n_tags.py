"""Template tags for the site's languages: the language switcher, hreflang
links and the notice on pages shown in German because they are not translated.

On a page, only the languages the page is live in are offered; elsewhere
(search, participation pages) every language of the site. No query once the
page's versions are cached (cms.core.i18n.page_versions).
"""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.http import urlencode
from wagtail.models import Page

from cms.core.i18n import (
    active_language,
    is_bidi,
    language_name,
    page_versions,
)

register = template.Library()


def language_links(context):
    """[{code, name, url, full_url, current, bidi}] for the shown page or view."""
    request = context.get("request")
    cached = getattr(request, "_language_links", None)
    if cached is not None:
        return cached
    page = context.get("page")
    shown = active_language()
    links = []
    if isinstance(page, Page) and page.pk:
        for code, version in page_versions(page):
            links.append(
                {
                    "code": code,
                    "url": version.get_url(request),
                    "full_url": version.get_full_url(request),
                }
            )
    elif request is not None and getattr(request, "resolver_match", None):
        # The same view in another language; of the query only a search term
        # is kept (others may hold state, e.g. which contribution is edited).
        query = ""
        if request.GET.get("q"):
            query = "?" + urlencode({"q": request.GET["q"]})
        for code, _name in settings.LANGUAGES:
            url = translate_url(request.path, code) + query
            links.append(
                {"code": code, "url": url, "full_url": request.build_absolute_uri(url)}
            )
    for link in links:
        link["name"] = language_name(link["code"])
        link["bidi"] = is_bidi(link["code"])
        link["current"] = link["code"] == shown
    if request is not None:
        request._language_links = links
    return links


@register.inclusion_tag("tags/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the other language versions, each named in its own language;
    left out when the page exists in one language only."""
    links = language_links(context)
    return {"links": links if len(links) > 1 else []}


@register.inclusion_tag("tags/hreflang.html", takes_context=True)
def hreflang_links(context):
    """<link rel="alternate" hreflang> for every language version of a page,
    and the default-language version as x-default."""
    if not isinstance(context.get("page"), Page):
        return {"links": [], "default": None}  # only pages are for search engines
    links = language_links(context)
    default = next((li for li in links if li["code"] == settings.LANGUAGE_CODE), None)
    return {"links": links, "default": default}


@register.inclusion_tag("tags/language_fallback.html", takes_context=True)
def language_fallback_notice(context):
    """The notice on a page shown in German because it is not translated into
    the language asked for; written in that language."""
    request = context.get("request")
    code = getattr(request, "language_fallback", None)
    return {"code": code, "bidi": is_bidi(code) if code else False}


@register.filter
def in_shown_language(page):
    """The live version of `page` in the language being shown, or `page` itself
    (e.g. for footer links chosen in German); no query once cached."""
    if not isinstance(page, Page):
        return page
    shown = active_language()
    for code, version in page_versions(page):
        if code == shown:
            return version
    return page
