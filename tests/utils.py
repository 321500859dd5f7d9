"""Helpers for driving the Wagtail admin from tests the way an editor's browser does."""

from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data

PUBLISH = {"action-publish": "action-publish"}
SUBMIT = {"action-submit": "action-submit"}


def add_page_url(model, parent):
    """The admin URL that creates a `model` page below `parent`."""
    return reverse(
        "wagtailadmin_pages:add",
        args=[model._meta.app_label, model._meta.model_name, parent.pk],
    )


def edit_page_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def list_block(items):
    """Form data of a ListBlock (use inside `nested_form_data`, like `streamfield`)."""
    data = {
        str(index): {"value": value, "deleted": "", "order": str(index)}
        for index, value in enumerate(items)
    }
    data["count"] = str(len(items))
    return data


def post_page_form(client, url, fields, action=PUBLISH):
    """POST the page form with nested `fields` plus an action button."""
    return client.post(url, {**nested_form_data(fields), **action})


def form_errors(response):
    """The form and formset errors of an admin page form that was re-displayed."""
    if response.context is None or "form" not in response.context:
        return None
    form = response.context["form"]
    return {
        "form": form.errors,
        **{name: formset.errors for name, formset in form.formsets.items()},
    }


def create_page_in_admin(client, model, parent, fields, action=PUBLISH):
    """Create a page through the admin and return it; fails with the form's errors."""
    response = post_page_form(client, add_page_url(model, parent), fields, action)
    assert response.status_code == 302, form_errors(response)
    return model.objects.child_of(parent).get(slug=fields["slug"])
