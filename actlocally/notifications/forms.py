"""The profile page's notification settings: one choice per kind."""

from django import forms

from actlocally.core.forms import GovUKForm, prepare_fields, style_widgets

from .models import CHOOSABLE, Frequency


class PreferencesForm(GovUKForm):
    def __init__(self, *args, current: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        for kind in CHOOSABLE:
            self.fields[f"kind_{kind.value}"] = forms.ChoiceField(
                label=kind.label,
                choices=Frequency.choices,
                widget=forms.RadioSelect,
                initial=current.get(kind.value, Frequency.IMMEDIATE),
            )
        # GovUKForm prepared the fields in its __init__, before these were added.
        prepare_fields(self)
        style_widgets(self)

    def frequencies(self) -> dict[str, str]:
        return {kind.value: self.cleaned_data[f"kind_{kind.value}"] for kind in CHOOSABLE}
