"""The words of the blueprint and of deprivation data, in plain English, for the glossary page
and the `{% term %}` hints. Definitions follow EALC's public material (shared/seeds) and the
English Indices of Deprivation."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Term:
    anchor: str
    term: str | Promise
    # What an abbreviation stands for; empty for words that are not abbreviations.
    expansion: str | Promise
    # One sentence: the hover hint and the glossary's first line.
    short: str | Promise
    more: tuple = ()


TERMS = [
    Term(
        "backbone-organisation",
        _("backbone organisation"),
        "",
        _("The organisation that convenes, facilitates and enables the partnerships of an area."),
        (
            _(
                "It gives the partnerships central co-ordination: it names a co-ordinator and a "
                "research partner, runs the learning symposium and facilitates the termly "
                "meetings. In Bradford this role is played for the schools by EALC."
            ),
        ),
    ),
    Term(
        "caer",
        "CAER",
        _("Centre for Applied Education Research"),
        _("Bradford's research and development partner for education, health and life chances."),
        (
            _(
                "CAER connects academic research with people working with children, and links "
                "data from schools, health and other services so that questions about children "
                "can be answered safely, sharing only statistics that cannot identify anyone."
            ),
        ),
    ),
    Term(
        "convening-partnership",
        _("convening partnership"),
        "",
        _(
            "A local group of schools, practitioners, researchers and community members that "
            "tackles one issue at one time, in one place."
        ),
        (
            _(
                "Schools are at its heart. It agrees its focus issue, writes a Statement of "
                "Intent, meets every term and oversees the actions it has agreed."
            ),
        ),
    ),
    Term(
        "decile",
        _("Decile and rank"),
        "",
        _(
            "Where a small area stands among all of England's: rank 1 is the most deprived, "
            "decile 1 is the most deprived tenth."
        ),
        (
            _(
                "The Indices of Deprivation put every LSOA in England in order. IoD2019 ranks "
                "32,844 LSOAs and IoD2025 ranks 33,755. Deciles cut that order into ten equal "
                "parts, so 10% of England's LSOAs are in each decile by definition."
            ),
            _(
                "An area's average rank is the mean of its LSOAs' ranks, weighted by how many "
                "people live in each."
            ),
        ),
    ),
    Term(
        "deprivation-score",
        _("Deprivation score and rate"),
        "",
        _(
            "The number behind each rank. For income and employment it is a rate: the share of "
            "people who are deprived. For the other domains, higher means more deprived."
        ),
        (
            _(
                "An income score of 0.23 means 23% of the people in the area are income-deprived. "
                "Scores of the other domains and of the Index of Multiple Deprivation have no "
                "unit: they only say that one area is more deprived than another."
            ),
            _(
                "The populations used to weight averages are the Indices' own population "
                "denominators: mid-2015 estimates for IoD2019."
            ),
        ),
    ),
    Term(
        "ealc",
        "EALC",
        _("Education Alliance for Life Chances"),
        _(
            "Bradford's partnership of the major organisations concerned with children's "
            "wellbeing, connected with the district's schools. It created Act Locally."
        ),
        (
            _(
                "It was set up after the Department for Education's Opportunity Area investment "
                "in Bradford (2017 to 2022) and works with CAER as its research partner."
            ),
        ),
    ),
    Term(
        "focus-issue",
        _("focus issue"),
        "",
        _(
            "The one issue a partnership works on at a time, such as families not having enough food, or children's oral health."
        ),
        (
            _(
                "At the learning symposium the partnership agrees 3 focus priorities ranked by "
                "urgency; the first becomes its focus issue, usually for 3 to 5 years, until "
                "enough is happening to move on to the next."
            ),
        ),
    ),
    Term(
        "idaci",
        "IDACI",
        _("Income Deprivation Affecting Children Index"),
        _("The share of children aged 0 to 15 in an area who live in income-deprived families."),
        (
            _(
                "It is part of the Indices of Deprivation. A score of 0.25 means that 25% of the "
                "children in the area live in families with a low income."
            ),
        ),
    ),
    Term(
        "imd",
        _("IMD and IoD"),
        _("Index of Multiple Deprivation and the English Indices of Deprivation"),
        _(
            "The government's official measure of how deprived each small area of England is, "
            "compared with every other."
        ),
        (
            _(
                "The Indices of Deprivation (IoD) measure seven domains: income; employment; "
                "education, skills and training; health and disability; crime; barriers to "
                "housing and services; and living environment. The Index of Multiple "
                "Deprivation (IMD) combines them into one rank, from 1 (the most deprived LSOA "
                "in England) upwards, and into deciles (tenths)."
            ),
            _(
                "The measure is relative: it says which areas are more deprived than others, "
                "not how poor an area is. Editions are named for their year, such as IoD2019 "
                "and IoD2025."
            ),
        ),
    ),
    Term(
        "lsoa",
        "LSOA",
        _("Lower layer Super Output Area"),
        _("A small area used for official statistics, home to about 1,500 people."),
        (
            _(
                "England has about 33,700 of them. They are smaller than wards, so deprivation "
                "data for LSOAs shows differences within a ward. Their codes start with E01."
            ),
        ),
    ),
    Term(
        "statement-of-intent",
        _("Statement of Intent"),
        "",
        _(
            "The partnership's agreed document on its focus issue: the problem locally, what it "
            "will do, the outcomes it wants and what it asks of commissioners."
        ),
        (
            _(
                "It sets out the issue with data and the lived experience of local people, the "
                "actions its organisations can take, the outcomes they want, and "
                "recommendations to commissioners for the permissions and resources needed."
            ),
        ),
    ),
    Term(
        "theory-of-change",
        _("theory of change"),
        "",
        _(
            "A picture of how the partnership expects its actions to lead to the outcomes it "
            "wants: if we do this, then that will change."
        ),
        (
            _(
                "Each partnership draws one for its focus issue, checks progress against it and "
                "refines it as it learns what works."
            ),
        ),
    ),
    Term(
        "vcse",
        "VCSE",
        _("voluntary, community and social enterprise"),
        _("Charities, community and faith groups, and social enterprises."),
        (
            _(
                "Local VCSE organisations are members of partnerships and can receive money "
                "from a community budget."
            ),
        ),
    ),
]

# `{% term %}` accepts a term, an abbreviation or an anchor, in any case.
BY_KEY: dict[str, Term] = {}
for _term in TERMS:
    for _key in (_term.anchor, str(_term.term), *str(_term.term).split(" and ")):
        BY_KEY[_key.lower()] = _term
