"""Sign-up is by invitation only: a partnership's co-ordinator invites people by email.

The invitation's token rides in the session from the moment its link is opened, through sign-up,
email confirmation or sign-in, and the person joins the partnership as they sign in.
"""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

PENDING_INVITATION_SESSION_KEY = "pending_invitation_token"


def pending_invitation(request):
    """The invitation this browser opened, if it can still be accepted (not used, expired or
    replaced); checked afresh each time, since it may have been used since it was opened."""
    from actlocally.partnerships.services import find_invitation

    token = request.session.get(PENDING_INVITATION_SESSION_KEY) if request else None
    if not token:
        return None
    invitation = find_invitation(token)
    return invitation if invitation is not None and invitation.is_pending else None


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        if settings.ACTLOCALLY_OPEN_SIGNUP:
            return True
        return pending_invitation(request) is not None

    def clean_email(self, email):
        email = super().clean_email(email)
        request = context.request
        if settings.ACTLOCALLY_OPEN_SIGNUP or request is None or request.user.is_authenticated:
            return email
        invitation = pending_invitation(request)
        # The account exists to accept the invitation, which only its own address can do.
        if invitation is not None and email.lower() != invitation.email.lower():
            raise ValidationError(
                _("Use the email address the invitation was sent to: %(email)s")
                % {"email": invitation.email}
            )
        return email

    def get_login_redirect_url(self, request):
        invitation = pending_invitation(request)
        if invitation is not None:
            return reverse(
                "invitation", kwargs={"token": request.session[PENDING_INVITATION_SESSION_KEY]}
            )
        return super().get_login_redirect_url(request)

    def get_signup_redirect_url(self, request):
        return self.get_login_redirect_url(request)

    def add_message(self, request, level, message_template=None, *args, **kwargs):
        # Joining says "You have joined …"; "Successfully signed in" on top of it is noise.
        if message_template == "account/messages/logged_in.txt" and pending_invitation(request):
            return
        super().add_message(request, level, message_template, *args, **kwargs)

    def post_login(self, request, user, **kwargs):
        response = super().post_login(request, user, **kwargs)
        invitation = pending_invitation(request)
        if invitation is None or invitation.email.lower() != user.email.lower():
            # A different address signed in: the invitation page says whose it is.
            return response
        from actlocally.partnerships.services import accept_invitation

        try:
            accept_invitation(invitation=invitation, by=user)
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return response
        request.session.pop(PENDING_INVITATION_SESSION_KEY, None)
        messages.success(
            request,
            _("You have joined %(name)s as %(role)s.")
            % {"name": invitation.partnership, "role": invitation.get_role_display().lower()},
        )
        return HttpResponseRedirect(invitation.partnership.get_absolute_url())
