"""Forms for the action plan: checks what a person typed; the rules live in services."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from actlocally.core.forms import GovUKForm, style_widgets
from actlocally.organisations.models import Organisation
from actlocally.partnerships.forms import DATE_WIDGET
from actlocally.partnerships.models import IntendedOutcome

from .models import Status

# The largest primary key the database holds (a BigAutoField).
MAX_ID = 2**63 - 1


class IdOrNoneField(forms.CharField):
    """A filter by id from the query string: a positive id, or "none" for "not set"."""

    def to_python(self, value):
        value = super().to_python(value)
        if value in ("", "none"):
            return value
        if not value.isascii() or not value.isdigit() or not 1 <= int(value[:20]) <= MAX_ID:
            raise forms.ValidationError(_("Choose from the list."), code="invalid_choice")
        return str(int(value))


class PlanFilterForm(forms.Form):
    """The action plan's filters, read from the query string (the page and its CSV). A value the
    page never offers is dropped, so the plan shows unfiltered rather than failing."""

    focus = IdOrNoneField(required=False, max_length=20)
    status = forms.ChoiceField(required=False)
    owner = IdOrNoneField(required=False, max_length=20)
    outcome = IdOrNoneField(required=False, max_length=20)

    def __init__(self, *args, statuses=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", ""), *statuses]

    @classmethod
    def read(cls, params, *, statuses) -> dict[str, str]:
        """The filters that could be read, as the strings the page's options carry."""
        form = cls(params, statuses=statuses)
        form.is_valid()
        return {name: form.cleaned_data.get(name) or "" for name in form.fields}


class OwnerField(forms.ModelChoiceField):
    def __init__(self, memberships, **kwargs):
        self.organisations = {m.person_id: m.organisation for m in memberships}
        super().__init__(
            queryset=get_user_model().objects.filter(pk__in=[m.person_id for m in memberships]),
            **kwargs,
        )

    def label_from_instance(self, obj):
        org = self.organisations.get(obj.pk)
        return f"{obj.full_name} ({org})" if org else obj.full_name


class OutcomeField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return _("Outcome %(n)s: %(text)s") % {"n": obj.order, "text": obj.text}


class ActionForm(GovUKForm):
    title = forms.CharField(
        label=_("Action"),
        max_length=300,
        help_text=_(
            "What will be done, in a few words. For example: schools record absences for dental reasons."
        ),
    )
    description = forms.CharField(
        label=_("What it involves (optional)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    owner = None  # set in __init__: the partnership's members
    owner_organisation = forms.ModelChoiceField(
        label=_("Organisation (optional)"),
        queryset=Organisation.objects.all(),
        required=False,
        empty_label=_("The organisation the owner represents"),
    )
    due_on = forms.DateField(label=_("Due by (optional)"), widget=DATE_WIDGET, required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        choices=Status.choices,
        initial=Status.NOT_STARTED,
        widget=forms.RadioSelect,
    )
    outcome = None  # set in __init__: the focus issue's intended outcomes

    def __init__(self, *args, memberships, outcomes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"] = OwnerField(
            memberships,
            label=_("Owner"),
            required=False,
            empty_label=_("Nobody yet"),
            help_text=_("A member of the partnership who will say how it is going."),
        )
        self.fields["outcome"] = OutcomeField(
            queryset=IntendedOutcome.objects.filter(pk__in=[o.pk for o in outcomes]),
            label=_("Intended outcome it works towards (optional)"),
            required=False,
            empty_label=_("Not linked to an outcome"),
        )
        self.order_fields(
            ["title", "description", "owner", "owner_organisation", "due_on", "status", "outcome"]
        )
        style_widgets(self)  # the fields added here need their GOV.UK classes too


class ProgressForm(GovUKForm):
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices, widget=forms.RadioSelect)
    note = forms.CharField(
        label=_("Progress note"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_(
            "What has happened since the last update. It is added to the log with today's date "
            "and your name. Do not name children or families."
        ),
    )


def action_form_for(partnership, data=None, initial=None, focus_issue=None) -> ActionForm:
    """The action form with the partnership's members as owners and the focus issue's outcomes."""
    from .selectors import owner_choices

    focus = focus_issue or partnership.focus_issues.filter(status="active").first()
    return ActionForm(
        data,
        initial=initial,
        memberships=list(owner_choices(partnership)),
        outcomes=list(focus.outcomes.all()) if focus else [],
    )
