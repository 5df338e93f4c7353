"""Access rules and URLs of the privacy pages: a person's own export, and site staff's subject
access and erasure (404 for everyone else, so the pages say nothing to them)."""

ACCESS = {
    "privacy_staff": lambda role: 302 if role == "anonymous" else 200 if role == "staff" else 404,
    # The export button posts; a GET is refused once the person may use it.
    "privacy_staff_post": lambda role: (
        302 if role == "anonymous" else 405 if role == "staff" else 404
    ),
}


def someone(w):
    return {"pk": w.people["member"].pk}


URLS = {
    "privacy_my_data": (lambda w: {}, "signed_in"),
    "privacy_people": (lambda w: {}, "privacy_staff"),
    "privacy_person": (someone, "privacy_staff"),
    "privacy_person_export": (someone, "privacy_staff_post"),
    "privacy_person_erase": (someone, "privacy_staff"),
}
