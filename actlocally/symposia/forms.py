"""Forms for symposium pages and the phone flow; what a person typed is checked here."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from actlocally.core.fields import LimitedCharField
from actlocally.core.forms import GovUKForm
from actlocally.organisations.models import Organisation
from actlocally.participation.models import NAME_LIMIT

from .models import (
    CONTRIBUTION_LIMIT,
    DESCRIPTION_LIMIT,
    PURPOSE_LIMIT,
    REASON_LIMIT,
    TITLE_LIMIT,
    Contribution,
    GuestRole,
    InviteeGroup,
)

DATETIME_WIDGET = forms.DateTimeInput(
    attrs={"type": "datetime-local", "data-extra-class": "govuk-input--width-20"},
    format="%Y-%m-%dT%H:%M",
)
DATE_WIDGET = forms.DateInput(
    attrs={"type": "date", "data-extra-class": "govuk-input--width-10"}, format="%Y-%m-%d"
)


class SymposiumForm(GovUKForm):
    title = LimitedCharField(
        label=_("Title"),
        max_length=TITLE_LIMIT,
        help_text=_("For example: Keighley learning symposium."),
    )
    starts_at = forms.DateTimeField(label=_("Date and time"), widget=DATETIME_WIDGET)
    venue = LimitedCharField(label=_("Venue"), max_length=300)
    purpose = LimitedCharField(
        label=_("Purpose"),
        required=False,
        max_length=PURPOSE_LIMIT,
        rows=4,
        help_text=_("What the symposium is for, as you would say it in the invitation."),
    )
    invited_groups = forms.MultipleChoiceField(
        label=_("Who is invited"),
        choices=InviteeGroup.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Select all that apply."),
    )
    invited_people = forms.ModelMultipleChoiceField(
        label=_("Invited members of the partnership"),
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    invited_organisations = forms.ModelMultipleChoiceField(
        label=_("Invited organisations"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["invited_people"].queryset = (
            get_user_model()
            .objects.filter(memberships__partnership=partnership)
            .order_by("full_name")
        )


class JoinCodeForm(GovUKForm):
    expires_at = forms.DateTimeField(
        label=_("The code stops working at"),
        widget=DATETIME_WIDGET,
        help_text=_("By default, at the end of the symposium's day."),
    )


class ContributionForm(GovUKForm):
    kind = forms.ChoiceField(
        label=_("What are you adding?"),
        choices=Contribution.Kind.choices,
        widget=forms.RadioSelect,
    )
    text = LimitedCharField(label=_("Your contribution"), max_length=CONTRIBUTION_LIMIT, rows=4)


class MergeForm(GovUKForm):
    challenges = forms.ModelMultipleChoiceField(
        label=_("Challenges to merge"),
        queryset=Contribution.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Select at least one challenge.")},
        help_text=_(
            "Select the challenges that say the same thing. A challenge already in a "
            "candidate moves to the new one."
        ),
    )
    title = LimitedCharField(label=_("Title of the candidate priority"), max_length=TITLE_LIMIT)
    description = LimitedCharField(
        label=_("Description (optional)"),
        what=_("The description"),
        required=False,
        max_length=DESCRIPTION_LIMIT,
        rows=3,
    )

    def __init__(self, *args, symposium, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["challenges"].queryset = symposium.contributions.filter(
            kind=Contribution.Kind.CHALLENGE
        ).select_related("candidate")
        self.fields["challenges"].label_from_instance = lambda c: (
            f"{c.text} ({c.candidate})" if c.candidate_id else c.text
        )


class CandidateForm(GovUKForm):
    title = LimitedCharField(label=_("Title"), max_length=TITLE_LIMIT)
    description = LimitedCharField(
        label=_("Description (optional)"),
        what=_("The description"),
        required=False,
        max_length=DESCRIPTION_LIMIT,
        rows=3,
    )


class SplitForm(GovUKForm):
    challenges = forms.ModelMultipleChoiceField(
        label=_("Challenges to move into a new candidate"),
        queryset=Contribution.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Select at least one challenge to move.")},
    )
    title = LimitedCharField(label=_("Title of the new candidate priority"), max_length=TITLE_LIMIT)

    def __init__(self, *args, candidate, **kwargs):
        super().__init__(*args, prefix="split", **kwargs)
        self.fields["challenges"].queryset = candidate.challenges.all()
        self.fields["challenges"].label_from_instance = lambda c: c.text


class BallotForm(GovUKForm):
    """One number per candidate priority: 1 for the most urgent. Works without JavaScript."""

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.candidates = list(candidates)
        numbers = [(str(n), str(n)) for n in range(1, len(self.candidates) + 1)]
        for c in self.candidates:
            self.fields[f"c{c.pk}"] = forms.ChoiceField(
                label=c.title,
                choices=[("", _("Not ranked")), *numbers],
                required=False,
                help_text=c.description,
            )

    def clean(self):
        data = super().clean()
        places: dict[int, list] = {}
        for c in self.candidates:
            value = data.get(f"c{c.pk}")
            if value:
                places.setdefault(int(value), []).append(c)
        if not places:
            raise forms.ValidationError(
                _("Give at least one priority a number: 1 for the most urgent.")
            )
        for number, shared in sorted(places.items()):
            if len(shared) > 1:
                self.add_error(
                    f"c{shared[1].pk}",
                    _(
                        "You gave %(number)s to both “%(a)s” and “%(b)s”. Give each priority a "
                        "different number."
                    )
                    % {"number": number, "a": shared[0].title, "b": shared[1].title},
                )
        expected = list(range(1, len(places) + 1))
        if sorted(places) != expected:
            missing = next(n for n in expected if n not in places)
            after = min(n for n in places if n > missing)
            self.add_error(
                f"c{places[after][0].pk}",
                _(
                    "You used %(after)s but not %(missing)s. Number your choices 1, 2, 3 and so on, "
                    "with no gaps."
                )
                % {"after": after, "missing": missing},
            )
        if not self.errors:
            data["ranking"] = [places[n][0] for n in sorted(places)]
        return data

    @classmethod
    def initial_for(cls, ranking) -> dict:
        return {f"c{c.pk}": str(n) for n, c in enumerate(ranking, start=1)}


class AgreeForm(GovUKForm):
    first = forms.ModelChoiceField(
        label=_("Most urgent: becomes the focus issue"),
        queryset=None,
        empty_label=_("Choose a priority"),
        error_messages={"required": _("Choose the most urgent priority.")},
    )
    second = forms.ModelChoiceField(
        label=_("Second most urgent"), queryset=None, required=False, empty_label=_("None")
    )
    third = forms.ModelChoiceField(
        label=_("Third most urgent"), queryset=None, required=False, empty_label=_("None")
    )
    reason = LimitedCharField(
        label=_("Reason for this order"),
        what=_("The reason"),
        required=False,
        max_length=REASON_LIMIT,
        rows=3,
        help_text=_("Needed if the order differs from the count, or the count has a tie."),
    )
    focus_starts_on = forms.DateField(
        label=_("The new focus issue starts on"),
        widget=DATE_WIDGET,
        required=False,
        help_text=_(
            "Leave empty for today. Not used if the first priority is already the focus issue."
        ),
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("first", "second", "third"):
            self.fields[name].queryset = candidates

    def clean(self):
        data = super().clean()
        if data.get("third") and not data.get("second"):
            self.add_error("second", _("Choose the second priority before the third."))
        chosen = [data.get(n) for n in ("first", "second", "third") if data.get(n)]
        if len({c.pk for c in chosen}) != len(chosen):
            self.add_error(None, _("Choose a different priority for each place."))
        data["priorities"] = chosen
        data["focus_starts_on"] = data.get("focus_starts_on") or timezone.localdate()
        return data


# The phone flow ---------------------------------------------------------------------------------


class CodeForm(GovUKForm):
    code = forms.CharField(
        label=_("Enter the code shown at the event"),
        max_length=12,
        help_text=_("6 letters and numbers, for example K7PM3X."),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "characters",
                "spellcheck": "false",
                "data-extra-class": "govuk-input--width-10 govuk-input--extra-letter-spacing",
            }
        ),
        error_messages={"required": _("Enter the code shown at the event.")},
    )


class GuestNameForm(GovUKForm):
    display_name = LimitedCharField(
        label=_("What should we call you? (optional)"),
        what=_("Your name"),
        max_length=NAME_LIMIT,
        required=False,
        help_text=_(
            "Only the co-ordinator sees it, and it is deleted 30 days after the event. "
            "You can leave it empty."
        ),
    )


class GuestRoleForm(GovUKForm):
    role_type = forms.ChoiceField(
        label=_("Which best describes you?"),
        choices=GuestRole.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select which best describes you.")},
    )


class KindForm(GovUKForm):
    kind = forms.ChoiceField(
        label=_("What would you like to add?"),
        choices=Contribution.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select what you would like to add.")},
    )


class TextForm(GovUKForm):
    text = LimitedCharField(
        label=_("Your contribution"),
        what=_("Your contribution"),
        max_length=CONTRIBUTION_LIMIT,
        rows=5,
        error_messages={"required": _("Write your contribution.")},
        help_text=_("Please do not name children or families."),
    )
