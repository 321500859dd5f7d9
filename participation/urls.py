"""Public URLs of the plugin; the host project includes them inside
i18n_patterns, e.g. under "beteiligung/"."""

from django.urls import path

from . import views

app_name = "participation"

urlpatterns = [
    path("ideen/<int:pk>/", views.idea_detail, name="idea_detail"),
    path("ideen/<int:pk>/unterstuetzen/", views.support, name="support"),
    path(
        "sammlungen/<int:collection_id>/idee/",
        views.submit_idea,
        name="submit_idea",
    ),
    path(
        "diskussionen/<int:stream_id>/kommentar/",
        views.submit_comment,
        name="submit_comment",
    ),
    path("kommentare/<int:pk>/", views.comment_detail, name="comment_detail"),
    path("melden/<str:kind>/<int:pk>/", views.report, name="report"),
    path("bestaetigen/<str:token>/", views.confirm, name="confirm"),
    path("meine-beitraege/", views.request_manage_link, name="request_manage_link"),
    path("meine-beitraege/<str:token>/", views.manage, name="manage"),
]
