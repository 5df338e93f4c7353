"""Forms for what surrounds an application and an award: documents, clarification requests,
grant agreements, payments and the grantee's report."""

from django import forms
from django.utils.translation import gettext_lazy as _

from actlocally.core.forms import GovUKForm

from .forms import DATE_WIDGET, PoundsField


class AttachmentForm(GovUKForm):
    file = forms.FileField(
        label=_("Attach a document"),
        help_text=_("A PDF, Word (.docx), Excel (.xlsx), PNG or JPEG file, up to 10 MB."),
    )


class ClarificationForm(GovUKForm):
    questions = forms.TypedMultipleChoiceField(
        label=_("Which answers should the applicant clarify?"),
        help_text=_("Only these reopen; the others stay as submitted."),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )
    message = forms.CharField(
        label=_("What should they clarify?"),
        help_text=_("The applicant reads this: say it in plain English."),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["questions"].choices = [(q.pk, q.text) for q in questions]


class AgreementForm(GovUKForm):
    starts_on = forms.DateField(label=_("The work starts on"), widget=DATE_WIDGET)
    ends_on = forms.DateField(label=_("The work ends on"), widget=DATE_WIDGET)
    signed_on = forms.DateField(label=_("Signed on"), widget=DATE_WIDGET)
    conditions = forms.CharField(
        label=_("Conditions of the grant"),
        help_text=_("What the money is for, what the grantee reports and when."),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class PaymentForm(GovUKForm):
    amount_pence = PoundsField(label=_("Amount of the payment"))
    due_on = forms.DateField(label=_("Due on"), widget=DATE_WIDGET)


class PaidForm(GovUKForm):
    paid_on = forms.DateField(label=_("Paid on"), widget=DATE_WIDGET)


class ReportForm(GovUKForm):
    period_end = forms.DateField(label=_("The report covers the work up to"), widget=DATE_WIDGET)
    spend_pence = PoundsField(label=_("How much of the grant you have spent"), min_value=0)
    people_reached = forms.IntegerField(
        label=_("How many children, young people and adults the work reached"),
        min_value=0,
        max_value=1_000_000,
    )
    narrative = forms.CharField(
        label=_("What happened"),
        help_text=_("In a few sentences: what you did and what changed."),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    case_study = forms.CharField(
        label=_("A case study"),
        help_text=_("One example of the difference it made. Do not name children or families."),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    outcome_ids = forms.TypedMultipleChoiceField(
        label=_("Which of the partnership's intended outcomes did the work serve?"),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, outcomes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outcome_ids"].choices = [(o.pk, o.text) for o in outcomes]
