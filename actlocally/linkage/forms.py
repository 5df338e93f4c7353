"""Forms of the linkage pages: a project, a member, an extract, a linkage run, an analysis, a query."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from actlocally.core.forms import GovUKForm

from .analyses import AREAS, DIMENSIONS
from .ingest import TRUTH
from .models import ProjectMember
from .schemas import DATASETS

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MAX_UPLOAD_BYTES = 200 * 1024 * 1024


class ProjectForm(GovUKForm):
    partnership = forms.ChoiceField(label=_("Partnership the research serves"))
    title = forms.CharField(label=_("Title"), max_length=200)
    purpose = forms.CharField(
        label=_("Approved purpose"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What the linked data may be used for, as approved."),
    )
    data_sharing_basis = forms.CharField(
        label=_("Data-sharing basis"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The data-sharing agreement and the lawful basis under UK GDPR."),
    )
    end_date = forms.DateField(label=_("End date"), widget=DATE_WIDGET)

    def __init__(self, *args, partnerships, **kwargs):
        super().__init__(*args, **kwargs)
        self.partnerships = {str(p.pk): p for p in partnerships}
        self.fields["partnership"].choices = [(k, p.name) for k, p in self.partnerships.items()]

    def values(self) -> dict:
        data = dict(self.cleaned_data)
        data["partnership"] = self.partnerships[data["partnership"]]
        return data


class MemberForm(GovUKForm):
    email = forms.EmailField(label=_("Their email address"), help_text=_("They need an account."))
    role = forms.ChoiceField(
        label=_("Role"), choices=ProjectMember.Role.choices, widget=forms.RadioSelect
    )

    def clean_email(self):
        email = self.cleaned_data["email"]
        user = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            raise forms.ValidationError(_("No one has an account with that email address."))
        self.user = user
        return email


class ExtractForm(GovUKForm):
    dataset = forms.ChoiceField(
        label=_("Which extract is it?"),
        choices=[
            *[(k, d.label) for k, d in DATASETS.items()],
            (TRUTH, _("Ground-truth key (synthetic data only, for the quality report)")),
        ],
    )
    file = forms.FileField(label=_("CSV file"))

    def clean_file(self):
        f = self.cleaned_data["file"]
        if f.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 200 MB."))
        return f


class LinkForm(GovUKForm):
    threshold = forms.FloatField(
        label=_("Match probability threshold"),
        min_value=0.5,
        max_value=0.999,
        initial=0.9,
        help_text=_("Two records at or above it are taken to be the same child (0.5 to 0.999)."),
    )


class AnalysisForm(GovUKForm):
    by = forms.ChoiceField(label=_("Group by"), choices=list(DIMENSIONS.items()))
    area = forms.ChoiceField(label=_("Area"), choices=[(k, v[0]) for k, v in AREAS.items()])


class QueryForm(GovUKForm):
    sql = forms.CharField(
        label=_("SQL (DuckDB)"),
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "false"}),
        max_length=5000,
        help_text=_(
            "One SELECT over the views children, attendance, health, police and early_help, "
            "with a count column n."
        ),
    )
