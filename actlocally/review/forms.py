"""Forms of Review & Learn: what a person typed is checked here; the rules live in services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from actlocally.core.forms import GovUKForm, GovUKModelForm, prepare_fields, style_widgets

from .models import CaseStudy, EvaluationArea, FeedbackLink, Lesson, Rag, validate_academic_year

DATE_WIDGET = forms.DateInput(
    attrs={"type": "date", "data-extra-class": "govuk-input--width-10"}, format="%Y-%m-%d"
)


class YearField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Academic year"))
        kwargs.setdefault("help_text", _("For example, 2023/24."))
        super().__init__(max_length=7, validators=[validate_academic_year], **kwargs)
        self.widget.attrs["data-extra-class"] = "govuk-input--width-5"


class OpenReviewForm(GovUKForm):
    academic_year = YearField()


class RatingForm(GovUKForm):
    """A member rates every area on one page: red, amber or green, and why."""

    def __init__(self, *args, areas, initial_ratings=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.areas = areas
        initial_ratings = initial_ratings or {}
        for area in areas:
            given = initial_ratings.get(area.pk)
            self.fields[f"rating_{area.pk}"] = forms.ChoiceField(
                label=area.name,
                help_text=area.description,
                choices=Rag.choices,
                widget=forms.RadioSelect,
                initial=given.rating if given else None,
                error_messages={
                    "required": _("Choose red, amber or green for %(area)s") % {"area": area.name}
                },
            )
            self.fields[f"comment_{area.pk}"] = forms.CharField(
                label=_("Why you gave %(area)s this rating (optional)") % {"area": area.name},
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=given.comment if given else "",
            )
        prepare_fields(self)
        style_widgets(self)

    def ratings(self) -> dict[int, tuple[str, str]]:
        return {
            a.pk: (self.cleaned_data[f"rating_{a.pk}"], self.cleaned_data[f"comment_{a.pk}"])
            for a in self.areas
        }


class AgreeForm(GovUKForm):
    """The co-ordinator agrees the partnership's rating of every area, with the reason."""

    def __init__(self, *args, areas, suggestions=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.areas = areas
        suggestions = suggestions or {}
        for area in areas:
            self.fields[f"rating_{area.pk}"] = forms.ChoiceField(
                label=area.name,
                help_text=suggestions.get(area.pk, ""),
                choices=Rag.choices,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Choose red, amber or green for %(area)s") % {"area": area.name}
                },
            )
            self.fields[f"reason_{area.pk}"] = forms.CharField(
                label=_("The reason for the rating of %(area)s") % {"area": area.name},
                max_length=2000,
                error_messages={
                    "required": _("Give the reason for the rating of %(area)s")
                    % {"area": area.name}
                },
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        prepare_fields(self)
        style_widgets(self)

    def agreed(self) -> dict[int, tuple[str, str]]:
        return {
            a.pk: (self.cleaned_data[f"rating_{a.pk}"], self.cleaned_data[f"reason_{a.pk}"])
            for a in self.areas
        }


class EvaluationAreaForm(GovUKModelForm):
    class Meta:
        model = EvaluationArea
        fields = ["name", "description", "order"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def validate_unique(self):
        # The local authority is set by the service, which refuses a duplicate name.
        pass


class CaseStudyForm(GovUKModelForm):
    academic_year = YearField()

    class Meta:
        model = CaseStudy
        fields = [
            "title",
            "academic_year",
            "story",
            "outcome",
            "consent_by",
            "consent_on",
            "consent_how",
            "publishable",
        ]
        widgets = {
            "story": forms.Textarea(attrs={"rows": 8}),
            "consent_on": DATE_WIDGET,
            "consent_how": forms.RadioSelect,
        }

    def __init__(self, *args, outcomes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outcome"].queryset = outcomes
        self.fields["consent_how"].choices = [c for c in self.fields["consent_how"].choices if c[0]]
        self.fields["consent_how"].required = False


class FeedbackLinkForm(GovUKModelForm):
    days = forms.IntegerField(
        label=_("How many days the link works"), min_value=1, max_value=180, initial=28
    )

    class Meta:
        model = FeedbackLink
        fields = ["audience", "question"]
        widgets = {"audience": forms.RadioSelect}


class FeedbackForm(GovUKForm):
    """What a commissioner or budget recipient tells the partnership, without an account."""

    what_worked = forms.CharField(
        label=_("What worked well?"), max_length=3000, widget=forms.Textarea(attrs={"rows": 4})
    )
    could_be_better = forms.CharField(
        label=_("What could have worked better?"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    name = forms.CharField(
        label=_("Your name (optional)"),
        required=False,
        max_length=80,
        help_text=_("Leave it blank to answer anonymously."),
    )


class LessonForm(GovUKModelForm):
    academic_year = YearField()

    class Meta:
        model = Lesson
        fields = ["title", "academic_year", "what_worked", "could_be_better", "shared_with_board"]
        widgets = {
            "what_worked": forms.Textarea(attrs={"rows": 3}),
            "could_be_better": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self):
        data = super().clean()
        if not (data.get("what_worked", "").strip() or data.get("could_be_better", "").strip()):
            raise forms.ValidationError(
                _("Say what worked well, what could have worked better, or both.")
            )
        return data


class ReportForm(GovUKForm):
    academic_year = YearField()
    introduction = forms.CharField(
        label=_("Introduction (optional)"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
