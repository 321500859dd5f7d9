"""Cheaper page serving: routing in two queries whatever the depth, view
restrictions and the main menu from the cache.

Wagtail routes a URL one tree level at a time (two queries a level) and looks up
the view restrictions of the page and its ancestors on every request. Here the
pages on the URL's path are fetched in one query by their `url_path`, and the
few view restrictions of a site are kept in the cache. Every change to the tree
(a page saved, published, unpublished, moved or deleted, a restriction or a site
changed) bumps one version number, so no cached answer outlives the tree it was
computed from.
"""

import uuid

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http import Http404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

TREE_VERSION_KEY = "cms:tree-version"
CACHE_SECONDS = 60 * 60 * 24


def tree_version():
    """The current version of the page tree; changes whenever the tree does."""
    version = cache.get(TREE_VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.add(TREE_VERSION_KEY, version, CACHE_SECONDS)
        version = cache.get(TREE_VERSION_KEY, version)
    return version


def bump_tree_version(**kwargs):
    cache.set(TREE_VERSION_KEY, uuid.uuid4().hex, CACHE_SECONDS)


def cached(name, compute):
    """`compute()`'s result, cached until the tree changes."""
    key = f"cms:tree:{tree_version()}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, CACHE_SECONDS)
    return value


def restriction_paths():
    """(tree path, restriction id) of every view restriction of every site."""
    return cached(
        "restrictions",
        lambda: list(PageViewRestriction.objects.values_list("page__path", "pk")),
    )


def view_restriction_ids(page):
    """The ids of the restrictions that apply to `page`: its own and its
    ancestors', found by tree path without a query."""
    return [pk for path, pk in restriction_paths() if page.path.startswith(path)]


def route_through_tree(page, request, path_components):
    """Route `path_components` below `page` as Wagtail's Page.route does, with
    the pages on the way fetched in one query.

    The walk stops early at a page with a route of its own for the rest of the
    path (RoutablePageMixin), which then answers, as it would in Wagtail. The
    pages passed on the way are kept on the found page for the breadcrumbs.
    """
    prefixes = []
    url_path = page.url_path
    for component in path_components:
        url_path += component + "/"
        prefixes.append(url_path)
    found = {
        candidate.url_path: candidate
        for candidate in Page.objects.filter(
            url_path__in=prefixes, path__startswith=page.path, depth__gt=page.depth
        )
    }
    chain = []
    for prefix in prefixes:
        candidate = found.get(prefix)
        if candidate is None or candidate.depth != page.depth + len(chain) + 1:
            break
        chain.append(candidate)
        if claims_rest(candidate, path_components[len(chain) :]):
            break
    if not chain:
        raise Http404
    target = chain[-1].specific
    target._cached_parent_obj = chain[-2] if len(chain) > 1 else page
    walked_before = getattr(page, "_route_ancestors", [])
    target._route_ancestors = [*walked_before, page, *chain[:-1]]
    return target.route(request, path_components[len(chain) :])


def claims_rest(page, rest):
    """Whether `page` has a route of its own (RoutablePageMixin) for the rest of
    the path: then it answers, as in Wagtail, even if a child has that slug."""
    page_class = page.specific_class
    if not rest or not page.live or page_class is None:
        return False
    if not issubclass(page_class, RoutablePageMixin):
        return False
    try:
        page_class.get_resolver().resolve("/" + "/".join(rest) + "/")
    except Http404:
        return False
    return True


def connect_signals():
    """Bump the tree version on every change that can alter a route, a menu or
    a restriction. Page saves are watched per page model, not on every model."""
    from wagtail.models import get_page_models

    for signal in (post_save, post_delete):
        for model in (*get_page_models(), PageViewRestriction, Site):
            signal.connect(
                bump_tree_version,
                sender=model,
                dispatch_uid=f"cms-tree-{model._meta.label}-{id(signal)}",
            )
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(bump_tree_version, dispatch_uid=f"cms-tree-{id(signal)}")
