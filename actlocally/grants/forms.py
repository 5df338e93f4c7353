"""Forms of the community budget: what a person typed is checked here; the rules live in services."""

import datetime
from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from actlocally.core.forms import GovUKForm, prepare_fields, style_widgets
from actlocally.places.models import Ward

from .models import FundingRound, OrganisationType

DATE_WIDGET = forms.DateInput(
    attrs={"type": "date", "data-extra-class": "govuk-input--width-10"}, format="%Y-%m-%d"
)
TIME_WIDGET = forms.TimeInput(
    attrs={"type": "time", "data-extra-class": "govuk-input--width-5"}, format="%H:%M"
)


class PoundsField(forms.DecimalField):
    """An amount typed in pounds (1250 or 1250.50), held in whole pence."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", _("In pounds, for example 1250 or 1250.50."))
        kwargs.setdefault("min_value", Decimal("0.01"))
        super().__init__(max_digits=12, decimal_places=2, **kwargs)
        self.widget.attrs["data-extra-class"] = "govuk-input--width-10"
        self.widget.attrs["inputmode"] = "decimal"

    def clean(self, value):
        if isinstance(value, str):
            value = value.strip().removeprefix("£").replace(",", "")
        amount = super().clean(value)
        return None if amount is None else int(amount * 100)

    def prepare_value(self, value):
        if isinstance(value, int):
            return f"{Decimal(value) / 100:.2f}".removesuffix(".00")
        return value


class RoundForm(GovUKForm):
    title = forms.CharField(label=_("Name of the round"), max_length=200)
    summary = forms.CharField(
        label=_("What the round is for"),
        help_text=_("In plain English: what the money should change, and for whom."),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
    )
    focus_issue = forms.ModelChoiceField(label=_("Focus issue"), queryset=None, empty_label=None)
    budget_pence = PoundsField(label=_("Budget"))
    min_grant_pence = PoundsField(label=_("Smallest grant"))
    max_grant_pence = PoundsField(label=_("Largest grant"))
    partial_awards = forms.TypedChoiceField(
        label=_("May the panel fund part of what an organisation asks for?"),
        choices=[("yes", _("Yes, partial awards are allowed")), ("no", _("No, all or nothing"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    eligible_types = forms.MultipleChoiceField(
        label=_("Who may apply"),
        help_text=_("Choose every kind of organisation working in the area that may apply."),
        choices=OrganisationType.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    opens_on = forms.DateField(label=_("Opens on"), widget=DATE_WIDGET)
    closes_on = forms.DateField(label=_("Deadline: day"), widget=DATE_WIDGET)
    closes_time = forms.TimeField(
        label=_("Deadline: time"),
        help_text=_("UK time, for example 12:00. Later applications are refused."),
        widget=TIME_WIDGET,
        initial=datetime.time(12, 0),
    )
    panel_meeting_on = forms.DateField(label=_("Panel meeting"), widget=DATE_WIDGET)
    decision_on = forms.DateField(label=_("Decision by"), widget=DATE_WIDGET)

    def __init__(self, *args, partnership, funding_round: FundingRound | None = None, **kwargs):
        if funding_round is not None:
            closes = timezone.localtime(funding_round.closes_at)
            kwargs.setdefault(
                "initial",
                {
                    **{
                        name: getattr(funding_round, name)
                        for name in (
                            "title",
                            "summary",
                            "budget_pence",
                            "min_grant_pence",
                            "max_grant_pence",
                            "eligible_types",
                            "opens_on",
                            "panel_meeting_on",
                            "decision_on",
                        )
                    },
                    "focus_issue": funding_round.focus_issue_id,
                    "partial_awards": "yes" if funding_round.partial_awards else "no",
                    "closes_on": closes.date(),
                    "closes_time": closes.time().replace(second=0, microsecond=0),
                },
            )
        super().__init__(*args, **kwargs)
        self.fields["focus_issue"].queryset = partnership.focus_issues.order_by(
            "status", "-started_on"
        )

    def values(self) -> dict:
        """The round's terms, as services.save_round takes them."""
        data = dict(self.cleaned_data)
        closes_at = timezone.make_aware(
            datetime.datetime.combine(data.pop("closes_on"), data.pop("closes_time"))
        )
        return {**data, "closes_at": closes_at}


class QuestionForm(GovUKForm):
    text = forms.CharField(label=_("Question"), max_length=300)
    help_text = forms.CharField(
        label=_("Help for applicants (optional)"),
        help_text=_("What a good answer covers, in plain English."),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    word_limit = forms.IntegerField(label=_("Word limit"), min_value=1, max_value=5000, initial=250)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["word_limit"].widget.attrs["data-extra-class"] = "govuk-input--width-5"


class CriterionForm(GovUKForm):
    name = forms.CharField(label=_("Criterion"), max_length=200)
    description = forms.CharField(
        label=_("What a high score looks like (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    weight = forms.IntegerField(
        label=_("Weight"),
        help_text=_("How much it counts against the others: a whole number, 1 to 10."),
        min_value=1,
        max_value=10,
        initial=1,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["weight"].widget.attrs["data-extra-class"] = "govuk-input--width-3"


class ApplicationForm(GovUKForm):
    """About the organisation and what it asks for: the first page of an application."""

    organisation_name = forms.CharField(label=_("Name of your organisation"), max_length=200)
    organisation_type = forms.ChoiceField(
        label=_("Type of organisation"), choices=(), widget=forms.RadioSelect
    )
    charity_number = forms.CharField(
        label=_("Charity number (if you have one)"),
        help_text=_("Registered with the Charity Commission for England and Wales."),
        required=False,
        max_length=10,
    )
    company_number = forms.CharField(
        label=_("Companies House number (if you have one)"), required=False, max_length=8
    )
    project_title = forms.CharField(label=_("Name of your project"), max_length=200)
    ward = forms.ModelChoiceField(
        label=_("Ward where the work happens (optional)"),
        help_text=_("Where most of the children and families it helps live."),
        queryset=Ward.objects.none(),
        required=False,
    )
    amount_requested_pence = PoundsField(label=_("How much are you asking for?"))

    def __init__(self, *args, funding_round: FundingRound, application=None, **kwargs):
        if application is not None:
            kwargs.setdefault(
                "initial",
                {
                    name: getattr(application, name)
                    for name in (
                        "organisation_name",
                        "organisation_type",
                        "charity_number",
                        "company_number",
                        "project_title",
                        "amount_requested_pence",
                    )
                },
            )
            kwargs["initial"]["ward"] = application.ward_id
        super().__init__(*args, **kwargs)
        self.fields["ward"].queryset = Ward.objects.filter(
            la_code=funding_round.partnership.local_authority.code
        ).order_by("name")
        # Every type is offered, so an organisation of another type is told why it cannot apply.
        self.fields["organisation_type"].choices = OrganisationType.choices
        self.fields["amount_requested_pence"].help_text = _(
            "In pounds: between %(low)s and %(high)s."
        ) % {"low": funding_round.min_grant, "high": funding_round.max_grant}
        for name in ("charity_number", "company_number"):
            self.fields[name].widget.attrs["data-extra-class"] = "govuk-input--width-10"

    def clean_charity_number(self):
        return self.cleaned_data["charity_number"].strip()

    def clean_company_number(self):
        return self.cleaned_data["company_number"].strip().upper()


class AnswerForm(GovUKForm):
    """One question of the round, on its own page."""

    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 8}), max_length=40000)

    def __init__(self, *args, question, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["text"]
        field.label = _("Your answer")
        limit = _("Up to %(n)s words.") % {"n": question.word_limit}
        field.help_text = f"{question.help_text} {limit}".strip()
        field.error_messages["required"] = _("Enter your answer")


class EligibilityForm(GovUKForm):
    eligible = forms.TypedChoiceField(
        label=_("Is this application eligible?"),
        choices=[("yes", _("Yes, it is eligible")), ("no", _("No, it is not eligible"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason"),
        help_text=_("The applicant reads this: say it in plain English."),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class PanellistForm(GovUKForm):
    email = forms.EmailField(
        label=_("Their email address"),
        help_text=_("They need an account on the platform already."),
    )


class DeclarationForm(GovUKForm):
    conflicted = forms.TypedChoiceField(
        label=_("Do you have a conflict of interest with this application?"),
        help_text=_(
            "For example: you work or volunteer for the organisation, or someone in your family "
            "does, or you would gain from it."
        ),
        choices=[("no", _("No")), ("yes", _("Yes"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("If yes, what is the conflict?"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


SCORE_CHOICES = [
    (str(n), label)
    for n, label in enumerate(
        [
            _("0: does not meet it"),
            _("1: hardly"),
            _("2: partly"),
            _("3: mostly"),
            _("4: well"),
            _("5: very well"),
        ]
    )
]


class ScoreForm(GovUKForm):
    """A panellist scores one application against every criterion, 0 to 5."""

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for c in self.criteria:
            self.fields[f"score_{c.pk}"] = forms.TypedChoiceField(
                label=c.name,
                help_text=c.description,
                choices=SCORE_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Score %(name)s") % {"name": c.name}},
            )
        self.fields["comment"] = forms.CharField(
            label=_("Comment (optional)"),
            required=False,
            max_length=2000,
            widget=forms.Textarea(attrs={"rows": 3}),
        )
        prepare_fields(self)
        style_widgets(self)

    def values(self) -> dict[int, int]:
        return {c.pk: self.cleaned_data[f"score_{c.pk}"] for c in self.criteria}


class AllocationForm(GovUKForm):
    """The allocation the panel agreed: an amount (0 for none) and feedback for each eligible
    application, starting from the proposal, and how the panel decided."""

    def __init__(self, *args, rows, **kwargs):
        super().__init__(*args, **kwargs)
        self.keys = []
        for item in rows:
            a, row = item["application"], item["row"]
            self.keys.append(a.pk)
            self.fields[f"amount_{a.pk}"] = PoundsField(
                label=_("Award to %(project)s") % {"project": a.project_title},
                help_text=_("Asked for %(asked)s. Enter 0 to not fund it.")
                % {"asked": a.amount_requested},
                initial=row.proposed,
                min_value=Decimal("0"),
            )
            self.fields[f"feedback_{a.pk}"] = forms.CharField(
                label=_("Feedback to %(project)s if it is not funded")
                % {"project": a.project_title},
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        self.fields["reason"] = forms.CharField(
            label=_("How the panel decided"),
            help_text=_("Who was there, how ties and divergent scores were settled."),
            max_length=4000,
            widget=forms.Textarea(attrs={"rows": 4}),
        )
        prepare_fields(self)
        style_widgets(self)

    def amounts(self) -> dict[int, int]:
        return {
            k: self.cleaned_data[f"amount_{k}"]
            for k in self.keys
            if self.cleaned_data[f"amount_{k}"]
        }

    def feedback(self) -> dict[int, str]:
        return {k: self.cleaned_data[f"feedback_{k}"] for k in self.keys}
