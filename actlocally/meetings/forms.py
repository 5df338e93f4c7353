"""Forms for meetings: checks what a person typed; the rules live in services."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from actlocally.core.forms import GovUKForm, style_widgets
from actlocally.partnerships.forms import DATE_WIDGET

from .models import Attendance, Meeting
from .services import at

TIME_WIDGET = forms.TimeInput(
    attrs={"type": "time", "data-extra-class": "govuk-input--width-5"}, format="%H:%M"
)


class MeetingTimesMixin:
    def clean(self):
        data = super().clean()
        day, start, end = data.get("date"), data.get("start"), data.get("end")
        if day and start and end:
            if end <= start:
                self.add_error("end", _("The meeting must end after it starts."))
            else:
                data["starts_at"], data["ends_at"] = at(day, start), at(day, end)
        return data


class MeetingForm(MeetingTimesMixin, GovUKForm):
    kind = forms.ChoiceField(
        label=_("Kind of meeting"),
        choices=Meeting.Kind.choices,
        initial=Meeting.Kind.PARTNERSHIP,
        widget=forms.RadioSelect,
    )
    title = forms.CharField(
        label=_("Title (optional)"),
        max_length=200,
        required=False,
        help_text=_("Leave blank to use the kind of meeting."),
    )
    focus = forms.CharField(
        label=_("Focus (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "For example: supervised tooth brushing and recording absences for dental reasons."
        ),
    )
    date = forms.DateField(label=_("Date"), widget=DATE_WIDGET)
    start = forms.TimeField(
        label=_("Starts at"), widget=TIME_WIDGET, help_text=_("For example, 10:00.")
    )
    end = forms.TimeField(
        label=_("Ends at"), widget=TIME_WIDGET, help_text=_("For example, 12:00.")
    )
    location = forms.CharField(
        label=_("Place (optional)"),
        max_length=300,
        required=False,
        help_text=_("The venue and room, as people would look for it."),
    )
    online_link = forms.URLField(
        label=_("Online meeting link (optional)"),
        required=False,
        assume_scheme="https",
        help_text=_("For people joining by video call."),
    )

    def service_fields(self) -> dict:
        d = self.cleaned_data
        return {
            "kind": d["kind"],
            "title": d["title"] or str(Meeting.Kind(d["kind"]).label),
            "focus": d["focus"],
            "starts_at": d["starts_at"],
            "ends_at": d["ends_at"],
            "location": d["location"],
            "online_link": d["online_link"],
        }


class TermlyForm(GovUKForm):
    date_1 = forms.DateField(label=_("First meeting"), widget=DATE_WIDGET, required=False)
    date_2 = forms.DateField(label=_("Second meeting"), widget=DATE_WIDGET, required=False)
    date_3 = forms.DateField(label=_("Third meeting"), widget=DATE_WIDGET, required=False)
    start = forms.TimeField(label=_("Starts at"), widget=TIME_WIDGET)
    end = forms.TimeField(label=_("Ends at"), widget=TIME_WIDGET)
    location = forms.CharField(label=_("Place (optional)"), max_length=300, required=False)
    online_link = forms.URLField(
        label=_("Online meeting link (optional)"), required=False, assume_scheme="https"
    )

    def clean(self):
        data = super().clean()
        dates = [data.get(f"date_{n}") for n in (1, 2, 3)]
        data["dates"] = [d for d in dates if d]
        if not data["dates"] and not self.has_error("date_1"):
            self.add_error("date_1", _("Enter at least one date, or go back."))
        if data.get("start") and data.get("end") and data["end"] <= data["start"]:
            self.add_error("end", _("The meetings must end after they start."))
        today = timezone.localdate()
        for n, d in enumerate(dates, start=1):
            if d and d < today:
                self.add_error(
                    f"date_{n}", _("Choose a date from today on: this is for meetings to come.")
                )
        return data


class InlineRadioSelect(forms.RadioSelect):
    """Radios side by side: one short row per member keeps a long attendance list scannable."""

    template_name = "meetings/widgets/inline_radio.html"


class AttendanceForm(GovUKForm):
    """One question per member: did they come?"""

    def __init__(self, *args, rows, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("Not recorded")), *Attendance.Status.choices]
        for row in rows:
            m = row["membership"]
            label = m.person.full_name + (f" ({m.organisation})" if m.organisation else "")
            self.fields[f"person_{m.person_id}"] = forms.ChoiceField(
                label=label,
                choices=choices,
                required=False,
                initial=row["status"],
                widget=InlineRadioSelect,
            )
        style_widgets(self)

    def statuses(self) -> dict[int, str]:
        return {
            int(name.removeprefix("person_")): value for name, value in self.cleaned_data.items()
        }


class AgendaItemForm(GovUKForm):
    title = forms.CharField(
        label=_("Add an item"),
        max_length=300,
        help_text=_("For example: feedback from the Keighley Food Conversation."),
    )


class MinutesForm(GovUKForm):
    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        for item in items:
            self.fields[f"minutes_{item.pk}"] = forms.CharField(
                label=_("Minutes"),
                required=False,
                initial=item.minutes,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
            self.fields[f"decisions_{item.pk}"] = forms.CharField(
                label=_("Decisions (optional)"),
                required=False,
                initial="\n".join(d.text for d in item.decisions.all()),
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text=_("One decision per line."),
            )
        style_widgets(self)

    def minutes(self) -> dict[int, tuple[str, list[str]]]:
        result = {}
        for name, value in self.cleaned_data.items():
            if name.startswith("minutes_"):
                pk = int(name.removeprefix("minutes_"))
                decisions = self.cleaned_data.get(f"decisions_{pk}", "")
                result[pk] = (
                    value,
                    [line.strip(" -•") for line in decisions.splitlines() if line.strip(" -•")],
                )
        return result
