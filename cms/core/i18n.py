"""Languages of the site: a Wagtail locale for every configured language, the
language versions of a page, and the German fallback for untranslated pages.

German (LANGUAGE_CODE) is the source language. A page exists in another
language once its translation is live. A request for a page in a language it
is not (yet) translated into gets the page in the default language, rendered
entirely in that language, with a short notice in the requested language.
"""

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.http import Http404
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import get_language_info
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from . import tree


def ensure_locales(**kwargs):
    """post_migrate receiver: a Wagtail locale for every content language in the
    settings, so another town picks its languages with STADTDIALOG_LANGUAGES.
    It also runs after a flush (as in transactional tests), which empties the
    locale table that wagtailcore's migration filled."""
    existing = set(Locale.objects.values_list("language_code", flat=True))
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if code not in existing:
            Locale.objects.create(language_code=code)


def locale_languages():
    """{locale id: language code} of every locale; cached until a locale or the
    tree changes."""
    return tree.cached(
        "locales", lambda: dict(Locale.objects.values_list("pk", "language_code"))
    )


def active_language():
    """The content language being shown, e.g. 'de' for 'de-at'."""
    try:
        return get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return settings.LANGUAGE_CODE


def language_of(page):
    return locale_languages().get(page.locale_id, settings.LANGUAGE_CODE)


def language_name(code):
    """The language's name in the language itself, e.g. 'Türkçe'."""
    names = dict(settings.LANGUAGES)
    if code in names:
        return names[code]
    try:
        return get_language_info(code)["name_local"]
    except KeyError:
        return code


def is_bidi(code):
    try:
        return get_language_info(code)["bidi"]
    except KeyError:
        return False


def language_order():
    return {code: index for index, (code, _name) in enumerate(settings.LANGUAGES)}


def page_versions(page):
    """The live, public language versions of `page` (itself included if live),
    in the order of settings.LANGUAGES; cached until the tree changes."""
    from .queries import not_restricted

    def compute():
        pages = Page.objects.filter(translation_key=page.translation_key).live()
        return list(not_restricted(pages.filter(alias_of__isnull=True)))

    if not page.translation_key:
        return []
    order = language_order()
    languages = locale_languages()
    versions = [
        (languages.get(p.locale_id), p)
        for p in tree.cached(f"versions:{page.translation_key}", compute)
    ]
    versions = [(code, p) for code, p in versions if code in order]
    return sorted(versions, key=lambda item: order[item[0]])


def default_language_root(page, request):
    """The default-language version of the site's home page, if `page` is the
    home page in another language; else None."""
    site = Site.find_for_request(request)
    if site is None or site.root_page.translation_key != page.translation_key:
        return None
    if language_of(page) == settings.LANGUAGE_CODE:
        return None
    if site.root_page.pk == page.pk:
        return None
    return site.root_page.specific


def route_with_fallback(page, request, path_components, route):
    """Route as `route` does; if the path is not found below the home page of
    another language, look for it below the default-language home page."""
    try:
        return route(request, path_components)
    except Http404:
        fallback = default_language_root(page, request)
        if fallback is None:
            raise
        return fallback.route(request, path_components)


def serve_in_page_language(next_serve):
    """on_serve_page hook: a page found in another language than the one asked
    for (it is not translated yet) is served entirely in its own language with a
    notice; if a live translation exists under another address, go there."""

    def serve(page, request, args, kwargs):
        requested = active_language()
        if page.alias_of_id is not None:
            # wagtail-localize makes untranslated parents of a translated page
            # aliases of the German page: they show the German text.
            page = Page.objects.get(pk=page.alias_of_id).specific
        page_language = language_of(page)
        if page_language == requested:
            return next_serve(page, request, args, kwargs)
        for code, version in page_versions(page):
            if code == requested and version.pk != page.pk:
                return redirect(version.get_url(request))
        request.language_fallback = requested
        request.LANGUAGE_CODE = page_language
        with translation.override(page_language):
            response = next_serve(page, request, args, kwargs)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
        request.LANGUAGE_CODE = requested
        response.headers["Content-Language"] = page_language
        return response

    return serve


def connect_signals():
    for signal in (post_save, post_delete):
        signal.connect(
            tree.bump_tree_version,
            sender=Locale,
            dispatch_uid=f"cms-i18n-locale-{id(signal)}",
        )
