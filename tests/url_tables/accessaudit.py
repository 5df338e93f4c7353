"""Access rules and URLs of the access audit: data guardians only (not site staff)."""

ACCESS = {
    "data_guardian": lambda role: (
        302 if role == "anonymous" else 200 if role == "data_guardian" else 403
    ),
}

URLS = {
    "access_audit": (lambda w: {}, "data_guardian"),
    "access_audit_csv": (lambda w: {}, "data_guardian"),
}
