"""The rendered idea-collection and comment-stream blocks, kept in the cache.

Rendering twenty idea cards and twenty comments with their reply forms is most
of the cost of a page with participation. Visitors the site does not know (no
remembered participant) all see the same HTML for the same address and
language, so it is rendered once and kept until anything in participation
changes; only the CSRF token and the forms' signed timestamps differ per
visitor, and they are filled into placeholders on the way out.

Every write to a participation model (contribution, support, report, category,
collection, stream, participant) moves one version number, right away and again
when the transaction commits, so no cached block outlives the data it shows.
Writes that bypass model signals (bulk updates in seeding and erasure) call
`bump_content_version()` themselves.
"""

import contextvars
import hashlib
import uuid

from django.core.cache import cache
from django.db import transaction
from django.middleware.csrf import get_token
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from . import tokens

VERSION_KEY = "participation:content-version"
CACHE_SECONDS = 60 * 60
CSRF_MARK = "0PARTICIPATION0CSRF0TOKEN0"
TIMESTAMP_MARK = "0PARTICIPATION0FORM0TIMESTAMP0"

rendering_for_cache = contextvars.ContextVar("rendering_for_cache", default=False)


def content_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(VERSION_KEY)
    return version


def bump_content_version(**kwargs):
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def content_changed(**kwargs):
    """Signal receiver: forget the cached blocks now and once more at commit,
    so that a page rendered between the write and the commit is not kept."""
    bump_content_version()
    transaction.on_commit(bump_content_version, robust=True)


def cache_key(kind, space, value, request, state):
    """The key under which a block is kept, or None when it must be rendered
    for this visitor alone (a remembered participant, a non-GET request)."""
    if request is None or request.method != "GET":
        return None
    if tokens.remembered_participant_id(request):
        return None
    parts = (
        kind,
        space.pk,
        get_language(),
        request.get_full_path(),
        value.get("heading"),
        value.get("intro"),
        state,
    )
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()
    return f"participation:block:{content_version()}:{digest}"


def fill(html, request):
    """The cached HTML with this visitor's CSRF token and fresh timestamps."""
    from .antispam import make_timestamp

    if CSRF_MARK in html:
        html = html.replace(CSRF_MARK, get_token(request))
    if TIMESTAMP_MARK in html:
        html = html.replace(TIMESTAMP_MARK, make_timestamp())
    return mark_safe(html)


def render_cached(key, request, render):
    """`render()` (given a context override) through the cache under `key`."""
    html = cache.get(key)
    if html is None:
        token = rendering_for_cache.set(True)
        try:
            html = str(render({"csrf_token": CSRF_MARK}))
        finally:
            rendering_for_cache.reset(token)
        cache.set(key, html, CACHE_SECONDS)
    return fill(html, request)
