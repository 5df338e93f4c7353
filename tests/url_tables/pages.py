"""Access rules of the public pages (accessibility, privacy, cookies, help, contact, glossary,
feedback): everyone, signed in or not."""

URLS = {
    name: (lambda w: {}, "public")
    for name in [
        "accessibility",
        "privacy",
        "cookies",
        "help",
        "contact",
        "glossary",
        "feedback",
        "feedback_done",
    ]
}
