"""Template tags for the site's navigation: main menu, breadcrumbs, overview links
and pagination. Each tag costs at most one query, whatever the size of the tree."""

from django import template
from django.apps import apps
from django.utils.translation import get_language
from wagtail.models import Page, Site

from cms.core import tree
from cms.core.queries import not_restricted

register = template.Library()


class MenuRoot:
    """The home page of the current site in the language being shown, as a tree
    position: `path` (tree path) or, when only its URL path is known, `url_path`."""

    def __init__(self, depth, path=None, url_path=None):
        self.depth = depth
        self.path = path
        self.url_path = url_path

    def descendants(self, queryset):
        if self.path is not None:
            return queryset.filter(path__startswith=self.path)
        return queryset.filter(url_path__startswith=self.url_path)


def get_menu_root(context):
    """Find the site's home page in the shown language without a query.

    Translations of the site's root page are its siblings in the tree, so the
    ancestor of the current page at the root's depth is the home page in the
    page's language. Pages without a page object (search, errors) fall back to
    Wagtail's cached site root paths for the active language.
    """
    request = context.get("request")
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    page = context.get("page")
    if isinstance(page, Page) and page.path and (page.depth or 0) >= root.depth:
        return MenuRoot(root.depth, path=page.path[: root.depth * Page.steplen])
    language = get_language()
    for root_path in root._get_site_root_paths(request):
        if (
            root_path.site_id == site.pk
            and root_path.language_code == language
            and root_path.root_path != root.url_path
        ):
            return MenuRoot(root.depth, url_path=root_path.root_path)
    return MenuRoot(root.depth, path=root.path)


def menu_pages(menu_root):
    """The live, public pages marked 'show in menus' directly below the home
    page; cached until the page tree changes."""

    def compute():
        pages = Page.objects.filter(depth=menu_root.depth + 1).live().in_menu()
        return list(not_restricted(menu_root.descendants(pages)).order_by("path"))

    position = menu_root.path or menu_root.url_path
    return tree.cached(f"menu:{menu_root.depth}:{position}", compute)


@register.inclusion_tag("tags/main_menu.html", takes_context=True)
def main_menu(context):
    """The main navigation; the section of the current page is marked."""
    menu_root = get_menu_root(context)
    page = context.get("page")
    current_path = page.path if isinstance(page, Page) else ""
    items = []
    if menu_root is not None:
        for item in menu_pages(menu_root):
            if current_path == item.path:
                current = "page"
            elif current_path.startswith(item.path):
                current = "true"
            else:
                current = ""
            items.append({"page": item, "current": current})
    return {"request": context.get("request"), "items": items}


@register.inclusion_tag("tags/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The trail from the home page to the current page; empty on the home page."""
    page = context.get("page")
    menu_root = get_menu_root(context)
    show = bool(
        isinstance(page, Page)
        and menu_root
        and page.path
        and (page.depth or 0) > menu_root.depth
    )
    ancestors = []
    if show:
        # Routing found the pages on the way already (cms.core.tree).
        walked = getattr(page, "_route_ancestors", None)
        if walked is not None:
            ancestors = [p for p in walked if p.depth > menu_root.depth]
        else:
            ancestors = list(page.get_ancestors().filter(depth__gt=menu_root.depth))
    return {
        "request": context.get("request"),
        "page": page,
        "ancestors": ancestors,
        "show": show,
    }


@register.simple_tag(takes_context=True)
def overview_page(context, model_label):
    """The first live page of a type, e.g. "cms_events.EventIndexPage", in the
    current site and language (one query), or None: for "all events" links."""
    menu_root = get_menu_root(context)
    if menu_root is None:
        return None
    model = apps.get_model(model_label)
    pages = menu_root.descendants(model.objects.live())
    return not_restricted(pages).order_by("path").first()


@register.simple_tag
def page_range(page_obj, on_each_side=1, on_ends=1):
    """Page numbers around the current one, with the paginator's ellipsis between."""
    return list(
        page_obj.paginator.get_elided_page_range(
            page_obj.number, on_each_side=on_each_side, on_ends=on_ends
        )
    )


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """The URL with scheme and host of the current request, for link previews."""
    request = context.get("request")
    if request is None or not url:
        return url
    return request.build_absolute_uri(url)
