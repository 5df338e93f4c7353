"""Post what the rendered page offers: read a form's fields from the HTML, as a browser would.

Tests that hand-build POST data pass even when the page shows no checkbox to tick; these helpers
fail then, because the value a test wants to choose is not among the inputs the page rendered.
"""

from dataclasses import dataclass, field

from bs4 import BeautifulSoup


@dataclass
class PageForm:
    action: str
    method: str
    # name -> the values the page would send as it stands (checked boxes, selected options, text).
    values: dict[str, list[str]] = field(default_factory=dict)
    # name -> every value the page offers for a choice (checkboxes, radios, select options).
    options: dict[str, list[str]] = field(default_factory=dict)
    # value -> its visible label, for choosing by what a person reads.
    labels: dict[tuple[str, str], str] = field(default_factory=dict)
    checkbox_names: set[str] = field(default_factory=set)
    file_names: set[str] = field(default_factory=set)
    # name -> files chosen for a file input the page rendered (see `attach`).
    files: dict[str, list] = field(default_factory=dict)

    def set(self, name: str, value: str) -> "PageForm":
        """Type into a text field, or choose one radio or select option the page offers."""
        if name in self.options and value not in self.options[name]:
            raise AssertionError(
                f"{name}={value!r} is not offered; the page offers {self.options[name]}"
            )
        if name not in self.values and name not in self.options:
            raise AssertionError(f"the page has no field {name!r}; it has {sorted(self.fields)}")
        self.values[name] = [value]
        return self

    def tick(self, name: str, *values: str) -> "PageForm":
        """Tick checkboxes the page rendered (adds to those already ticked)."""
        offered = self.options.get(name, [])
        for value in values:
            if value not in offered:
                raise AssertionError(f"{name}={value!r} is not offered; the page offers {offered}")
            self.values.setdefault(name, [])
            if value not in self.values[name]:
                self.values[name].append(value)
        return self

    def choose(self, name: str, label: str) -> "PageForm":
        """Choose the option whose visible label contains `label`."""
        for (field_name, value), text in self.labels.items():
            if field_name == name and label in text:
                if name in self.checkbox_names:
                    return self.tick(name, value)
                return self.set(name, value)
        raise AssertionError(f"no option labelled {label!r} for {name}; labels: {self.labels}")

    def attach(self, name: str, *files) -> "PageForm":
        """Choose files (Django `SimpleUploadedFile`s) for a file input the page rendered."""
        if name not in self.file_names:
            raise AssertionError(f"the page has no file input {name!r}; it has {self.file_names}")
        self.files.setdefault(name, []).extend(files)
        return self

    @property
    def fields(self):
        return set(self.values) | set(self.options) | self.file_names

    def data(self) -> dict[str, list]:
        data = {name: values for name, values in self.values.items() if values}
        return {**data, **{name: chosen for name, chosen in self.files.items() if chosen}}


def _label_for(soup, element):
    if element.get("id"):
        label = soup.find("label", attrs={"for": element["id"]})
        if label:
            return " ".join(label.get_text().split())
    return ""


def read_forms(html: str | bytes) -> list[PageForm]:
    soup = BeautifulSoup(html, "html.parser")
    forms = []
    for form in soup.find_all("form"):
        page_form = PageForm(
            action=form.get("action", ""), method=form.get("method", "get").lower()
        )
        for element in form.find_all(["input", "textarea", "select", "button"]):
            name = element.get("name")
            if not name or element.has_attr("disabled"):
                continue
            if element.name == "textarea":
                page_form.values[name] = [element.get_text()]
            elif element.name == "select":
                options = element.find_all("option")
                page_form.options[name] = [o.get("value", o.get_text()) for o in options]
                for option in options:
                    page_form.labels[(name, option.get("value", option.get_text()))] = " ".join(
                        option.get_text().split()
                    )
                chosen = [o.get("value", o.get_text()) for o in options if o.has_attr("selected")]
                if not chosen and options and not element.has_attr("multiple"):
                    chosen = [options[0].get("value", options[0].get_text())]
                page_form.values[name] = chosen
            elif element.name == "button":
                continue  # a button's value is sent only when it is the one pressed
            else:
                kind = element.get("type", "text").lower()
                value = element.get("value", "on" if kind in ("checkbox", "radio") else "")
                if kind == "file":
                    page_form.file_names.add(name)
                    continue
                if kind in ("submit", "image", "reset", "button"):
                    continue
                if kind in ("checkbox", "radio"):
                    if kind == "checkbox":
                        page_form.checkbox_names.add(name)
                    page_form.options.setdefault(name, []).append(value)
                    page_form.labels[(name, value)] = _label_for(soup, element)
                    page_form.values.setdefault(name, [])
                    if element.has_attr("checked"):
                        page_form.values[name].append(value)
                else:
                    page_form.values[name] = [value]
        forms.append(page_form)
    return forms


def page_form(response, *, with_field: str | None = None, index: int | None = None) -> PageForm:
    """The form on a test client's response: the one with `with_field`, or the only POST form."""
    assert response.status_code == 200, f"the page answered {response.status_code}"
    forms = [f for f in read_forms(response.content) if f.method == "post"]
    if with_field is not None:
        forms = [f for f in forms if with_field in f.fields]
        assert forms, f"no form on the page has a field {with_field!r}"
    if index is not None:
        return forms[index]
    assert len(forms) == 1, f"{len(forms)} POST forms on the page; say which with with_field"
    return forms[0]


def submit(client, response, form: PageForm, *, button: tuple[str, str] | None = None, **headers):
    """Post the form to where the page says, with the button's name and value if it has one."""
    data = form.data()
    if button:
        data[button[0]] = [button[1]]
    url = form.action or response.request["PATH_INFO"]
    return client.post(url, data, **headers)
