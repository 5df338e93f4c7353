"""Sign-up is by invitation only: a partnership's co-ordinator invites people by email."""

from allauth.account.adapter import DefaultAccountAdapter

PENDING_INVITATION_SESSION_KEY = "pending_invitation_token"


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        return bool(request.session.get(PENDING_INVITATION_SESSION_KEY))

    def get_login_redirect_url(self, request):
        if request.session.get(PENDING_INVITATION_SESSION_KEY):
            from django.urls import reverse

            return reverse(
                "invitation", kwargs={"token": request.session[PENDING_INVITATION_SESSION_KEY]}
            )
        return super().get_login_redirect_url(request)
