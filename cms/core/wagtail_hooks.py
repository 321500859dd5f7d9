"""Admin and serving hooks of the website basics: pages in the language asked
for, and translators who translate and do nothing else."""

from wagtail import hooks

from .i18n import serve_in_page_language
from .translators import forbid_source_page_edit, forbid_source_snippet_edit

hooks.register("on_serve_page", serve_in_page_language)
hooks.register("before_edit_page", forbid_source_page_edit)
hooks.register("before_edit_snippet", forbid_source_snippet_edit)
