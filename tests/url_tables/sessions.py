"""Access rules and URLs of issue 14's browser and session pieces: signing out of every other
device (a button on the profile page) and the Content-Security-Policy report endpoint."""

ACCESS = {
    # A button's target: GET is refused once signed in; signed out, it asks you to sign in.
    "signed_in_post_only": lambda role: 302 if role == "anonymous" else 405,
    # Browsers POST reports without signing in; nothing answers GET.
    "post_only": lambda role: 405,
}

URLS = {
    "sign_out_everywhere": (lambda w: {}, "signed_in_post_only"),
    "csp_report": (lambda w: {}, "post_only"),
}
