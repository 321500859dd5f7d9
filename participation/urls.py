"""Public URLs of the plugin; the host project includes them inside
i18n_patterns, e.g. under "beteiligung/"."""

from django.urls import path

from . import views, views_measures, views_registrations

app_name = "participation"

views_registrations_urls = [
    path(
        "anmeldung/<int:list_id>/seite/<int:page_id>/",
        views_registrations.register,
        name="register",
    ),
    path(
        "anmeldung/bestaetigen/<str:token>/",
        views_registrations.registration_confirm,
        name="registration_confirm",
    ),
    path(
        "anmeldung/<str:token>/",
        views_registrations.registration_manage,
        name="registration_manage",
    ),
    path("abonnieren/", views_registrations.subscribe, name="subscribe"),
    path(
        "abonnieren/bestaetigen/<str:token>/",
        views_registrations.subscription_confirm,
        name="subscription_confirm",
    ),
    path(
        "abonnieren/<str:token>/",
        views_registrations.subscription_manage,
        name="subscription_manage",
    ),
    path("abmelden/<str:token>/", views_registrations.unsubscribe, name="unsubscribe"),
    path("ideen/<int:pk>/folgen/", views_registrations.follow, name="follow"),
    path(
        "nicht-mehr-folgen/<str:token>/",
        views_registrations.unfollow,
        name="unfollow",
    ),
]

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
    path("massnahmen/", views_measures.catalogue, name="catalogue"),
    path("massnahmen/katalog.csv", views_measures.catalogue_csv, name="catalogue_csv"),
    path(
        "massnahmen/katalog.xlsx", views_measures.catalogue_xlsx, name="catalogue_xlsx"
    ),
    path("massnahmen/drucken/", views_measures.catalogue_print, name="catalogue_print"),
    path(
        "massnahmen/<uuid:key>/", views_measures.measure_detail, name="measure_detail"
    ),
    path(
        "offene-daten/<str:dataset>.<str:fmt>",
        views_measures.open_data_view,
        name="open_data",
    ),
    *views_registrations_urls,
]
