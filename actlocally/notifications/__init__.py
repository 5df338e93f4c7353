"""Notifications: emails and an in-platform list, sent after commit, as each person prefers."""
