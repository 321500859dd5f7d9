"""The participation plugin in the Wagtail admin: the "Participation" menu, the
moderation queue, snippets and listings of ideas and comments."""
