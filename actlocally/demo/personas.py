"""One fictional person per role, for demo logins: read from the default demo's people.yaml."""

from .loader import DEMO_PASSWORD, read_people

__all__ = ["DEMO_PASSWORD", "PERSONAS"]

# key, email, full name, job title, what they see (shown on the sign-in page in demo mode)
PERSONAS = [
    (p["key"], p["email"], p["name"], p.get("job_title", ""), p.get("sees", ""))
    for p in read_people()
]
