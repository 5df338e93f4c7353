"""Synthetic agency extracts for Bradford: the only record-level data the project ever holds.

Children are placed in real Bradford LSOAs in proportion to their child populations (IoD2019
File 6) and given invented identifiers, names, invented postcodes and service histories; then each
agency's copy is spoiled the way real extracts are (typos, transliteration variants, nicknames,
day and month swapped, missing values, house moves). The ground truth key is written apart, for
evaluating the linkage only. Vectorised with numpy: 90,000 children take a few seconds.

The rates of FSM, SEND, EAL, dental registration, absence, police contact and early help are
illustrative, loosely shaped by deprivation; they are not estimates of anything.
"""

import csv
import datetime
import string
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

from . import names as pools

DATA = Path(__file__).resolve().parents[2] / "places" / "data" / "bradford"
ACADEMIC_YEAR = 2025  # 2025/26
YEAR_GROUPS = 12  # Reception (0) to Year 11

# Illustrative share of children with South Asian-origin names by ward (Census 2021 shows
# Bradford's South Asian communities concentrated in these wards); elsewhere 12%.
SOUTH_ASIAN_SHARE = {
    "Manningham": 0.85,
    "Toller": 0.85,
    "Bradford Moor": 0.8,
    "City": 0.7,
    "Little Horton": 0.65,
    "Heaton": 0.7,
    "Bowling and Barkerend": 0.6,
    "Keighley Central": 0.6,
    "Great Horton": 0.45,
    "Thornton and Allerton": 0.3,
    "Clayton and Fairweather Green": 0.35,
    "Keighley West": 0.15,
    "Tong": 0.06,
}
# Invented postcode districts by ward (BD postcodes are real districts; the units are invented).
DISTRICT = {
    "Keighley Central": "BD21",
    "Keighley East": "BD21",
    "Keighley West": "BD22",
    "Worth Valley": "BD22",
    "Craven": "BD20",
    "Ilkley": "LS29",
    "Manningham": "BD8",
    "Toller": "BD9",
    "City": "BD1",
    "Tong": "BD4",
    "Bowling and Barkerend": "BD3",
    "Bradford Moor": "BD3",
    "Little Horton": "BD5",
    "Great Horton": "BD7",
    "Heaton": "BD9",
    "Shipley": "BD18",
    "Baildon": "BD17",
    "Bingley": "BD16",
    "Bingley Rural": "BD16",
    "Eccleshill": "BD2",
    "Idle and Thackley": "BD10",
    "Bolton and Undercliffe": "BD2",
    "Windhill and Wrose": "BD18",
    "Wibsey": "BD6",
    "Royds": "BD6",
    "Wyke": "BD12",
    "Queensbury": "BD13",
    "Thornton and Allerton": "BD13",
    "Clayton and Fairweather Green": "BD14",
    "Wharfedale": "LS21",
}
POSTCODES_PER_LSOA = 40
REASONS = ("illness", "medical", "dental", "other_authorised", "unauthorised")


@dataclass(frozen=True)
class Areas:
    lsoa: np.ndarray  # codes
    ward: np.ndarray  # names
    children: np.ndarray  # child population (weights)
    decile: np.ndarray  # IMD 2019 decile, 1 most deprived


def _read(name: str) -> list[dict]:
    with open(DATA / name, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def load_areas() -> Areas:
    wards = {r["LSOA11CD"]: r["WD19NM"] for r in _read("LSOA11_WD19_LAD19_EW_LU.csv")}
    deciles = {
        r["LSOA code (2011)"]: int(r["Index of Multiple Deprivation (IMD) Decile"])
        for r in _read("File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv")
    }
    rows = [
        r
        for r in _read("File_6_-_IoD2019_Population_Denominators.csv")
        if r["LSOA code (2011)"] in wards
    ]
    code = "LSOA code (2011)"
    kids = "Dependent Children aged 0-15: mid 2015 (excluding prisoners)"
    return Areas(
        lsoa=np.array([r[code] for r in rows]),
        ward=np.array([wards[r[code]] for r in rows]),
        children=np.array([int(r[kids].replace(",", "")) for r in rows], dtype=float),
        decile=np.array([deciles.get(r[code], 5) for r in rows]),
    )


def _postcodes(areas: Areas, rng: np.random.Generator) -> np.ndarray:
    """An invented postcode book: POSTCODES_PER_LSOA units per LSOA, shape (lsoas, units)."""
    n = len(areas.lsoa)
    letters = np.array(list("ABDEFGHJLNPQRSTUWXYZ"))
    sector = rng.integers(1, 10, size=(n, 1)).repeat(POSTCODES_PER_LSOA, axis=1)
    l1 = letters[rng.integers(0, len(letters), size=(n, POSTCODES_PER_LSOA))]
    l2 = letters[rng.integers(0, len(letters), size=(n, POSTCODES_PER_LSOA))]
    district = np.array([DISTRICT.get(w, "BD1") for w in areas.ward])[:, None]
    return np.char.add(
        np.char.add(np.char.add(district, " "), sector.astype(str)), np.char.add(l1, l2)
    )


def _nhs_numbers(rng: np.random.Generator, n: int) -> np.ndarray:
    """Ten-digit numbers with a valid modulus-11 check digit, from the 999 range the NHS keeps
    for test data, so they can never be a real person's."""
    while True:
        body = rng.integers(0, 10, size=(n * 2, 9))
        body[:, 0:3] = 9
        total = (body * np.arange(10, 1, -1)).sum(axis=1)
        check = 11 - total % 11
        check[check == 11] = 0
        body = body[check != 10]
        check = check[check != 10]
        if len(body) >= n:
            digits = np.concatenate([body[:n], check[:n, None]], axis=1)
            return np.array(["".join(map(str, d)) for d in digits])


def _pool_arrays(pool):
    formal = np.array([p[0] for p in pool], dtype=object)
    # A variant another agency may write: a random other spelling, or the same one.
    variants = [p[1:] or (p[0],) for p in pool]
    return formal, variants


def _pick_names(rng, is_sa, sex, n):
    first = np.empty(n, dtype=object)
    first_idx = np.empty(n, dtype=int)
    first_pool = np.empty(n, dtype=int)  # 0..3: SA male, SA female, other male, other female
    for k, pool in enumerate(
        [
            pools.SOUTH_ASIAN_MALE,
            pools.SOUTH_ASIAN_FEMALE,
            pools.OTHER_MALE,
            pools.OTHER_FEMALE,
        ]
    ):
        sel = ((~is_sa) * 2 + (sex == "F")) == k
        # Popularity falls with rank (Zipf-like), as real name lists do.
        w = 1 / np.arange(1, len(pool) + 1) ** 0.3
        idx = rng.choice(len(pool), size=sel.sum(), p=w / w.sum())
        first[sel] = np.array([p[0] for p in pool], dtype=object)[idx]
        first_idx[sel] = idx
        first_pool[sel] = k
    return first, first_idx, first_pool


POOLS = [pools.SOUTH_ASIAN_MALE, pools.SOUTH_ASIAN_FEMALE, pools.OTHER_MALE, pools.OTHER_FEMALE]
SURNAME_POOLS = [pools.SOUTH_ASIAN_SURNAMES, pools.OTHER_SURNAMES]


def _typo(rng: np.random.Generator, s: str) -> str:
    if len(s) < 3:
        return s
    i = int(rng.integers(1, len(s) - 1))
    kind = rng.integers(0, 3)
    if kind == 0:  # a letter dropped
        return s[:i] + s[i + 1 :]
    if kind == 1:  # two letters swapped
        return s[: i - 1] + s[i] + s[i - 1] + s[i + 1 :]
    return s[:i] + rng.choice(list(string.ascii_lowercase)) + s[i + 1 :]  # a letter mistyped


def generate(children: int, seed: int) -> dict[str, pa.Table]:
    """Every extract and the truth key, as pyarrow tables named by file."""
    rng = np.random.default_rng(seed)
    areas = load_areas()
    n = children
    book = _postcodes(areas, rng)

    area = rng.choice(len(areas.lsoa), size=n, p=areas.children / areas.children.sum())
    ward = areas.ward[area]
    decile = areas.decile[area]
    deprived = (10 - decile) / 9  # 1 in the most deprived decile, 0 in the least
    sa_share = np.array([SOUTH_ASIAN_SHARE.get(w, 0.12) for w in ward])
    is_sa = rng.random(n) < sa_share
    sex = np.where(rng.random(n) < 0.51, "M", "F")
    year_group = rng.integers(0, YEAR_GROUPS, size=n)
    # Born between 1 September and 31 August of the year group's cohort.
    start = np.array(
        [datetime.date(ACADEMIC_YEAR - 5 - y, 9, 1).toordinal() for y in range(YEAR_GROUPS)]
    )
    dob_ord = start[year_group] + rng.integers(0, 365, size=n)
    dob = np.array([datetime.date.fromordinal(int(d)) for d in dob_ord])

    first, first_idx, first_pool = _pick_names(rng, is_sa, sex, n)
    last_pool = (~is_sa).astype(int)
    last_idx = np.empty(n, dtype=int)
    last = np.empty(n, dtype=object)
    for k, pool in enumerate(SURNAME_POOLS):
        sel = last_pool == k
        w = 1 / np.arange(1, len(pool) + 1) ** 0.4
        idx = rng.choice(len(pool), size=sel.sum(), p=w / w.sum())
        last_idx[sel] = idx
        last[sel] = np.array([p[0] for p in pool], dtype=object)[idx]
    postcode = book[area, rng.integers(0, POSTCODES_PER_LSOA, size=n)]

    child_id = np.array([f"C{i:07d}" for i in range(n)])
    upn = np.array([f"Z{v:012d}" for v in rng.choice(10**12, size=n, replace=False)])
    nhs = _nhs_numbers(rng, n)

    fsm = rng.random(n) < 0.1 + 0.35 * deprived
    send = rng.random(n) < 0.1 + 0.08 * deprived
    eal = rng.random(n) < np.where(is_sa, 0.55, 0.06)
    keighley = np.char.startswith(ward.astype(str), "Keighley")
    dental_registered = rng.random(n) < 0.78 - 0.25 * deprived - 0.08 * keighley
    primary = year_group <= 6
    # A stable, seed-independent URN per ward and phase (two primaries, one secondary).
    urn_of = {}
    for w in sorted(set(ward.tolist())):
        for phase in ("P1", "P2", "S"):
            urn_of[(w, phase)] = f"9{len(urn_of) + 10001:05d}"
    phase = np.where(primary, np.where(rng.random(n) < 0.5, "P1", "P2"), "S")
    school_urn = np.array([urn_of[(w, p)] for w, p in zip(ward, phase, strict=True)])
    school_name = np.array(
        [
            f"{w} {'Primary' if p != 'S' else 'Academy'}{' ' + p[1] if p != 'S' else ''}"
            for w, p in zip(ward, phase, strict=True)
        ]
    )

    census = {
        "upn": upn,
        "first_name": first,
        "last_name": last,
        "date_of_birth": dob,
        "sex": sex,
        "postcode": postcode,
        "lsoa": areas.lsoa[area],
        "school_urn": school_urn,
        "school_name": school_name,
        "year_group": year_group,
        "fsm": fsm,
        "send": send,
        "eal": eal,
    }

    # Attendance for the autumn and spring terms: sessions possible, and missed by reason.
    possible = rng.integers(240, 256, size=n)
    rates = {
        "illness": 0.03 + 0.015 * deprived,
        "medical": 0.004 + 0.002 * send,
        "dental": np.where(dental_registered, 0.0015, 0.004) * (1 + 0.6 * keighley),
        "other_authorised": np.full(n, 0.006),
        "unauthorised": 0.01 + 0.03 * deprived,
    }
    attendance = {
        "upn": upn,
        "academic_year": np.full(n, f"{ACADEMIC_YEAR}/{(ACADEMIC_YEAR + 1) % 100:02d}"),
        "sessions_possible": possible,
    }
    for reason in REASONS:
        attendance[f"missed_{reason}"] = rng.poisson(possible * rates[reason])

    # Health: everyone is registered with a GP; some moved house since the school census.
    in_health = np.ones(n, dtype=bool)
    mh_referred = rng.random(n) < 0.04 + 0.04 * (year_group >= 7)
    mh_took_up = mh_referred & (rng.random(n) < np.where(is_sa, 0.55, 0.7))
    health = {
        "nhs_number": nhs,
        "dental_registered": dental_registered,
        "mh_support_referred": mh_referred,
        "mh_support_attended": mh_took_up,
    }
    # Police and youth-justice contacts: about 30% of children, older and more deprived more.
    p_police = 0.12 + 0.3 * (year_group / 11) + 0.15 * deprived
    in_police = rng.random(n) < p_police * 0.3 / p_police.mean()
    police = {
        "contact_count": rng.integers(1, 5, size=n),
        "youth_justice_outcome": rng.choice(
            ["none", "community resolution", "youth caution", "referral order"],
            size=n,
            p=[0.7, 0.18, 0.08, 0.04],
        ),
    }
    in_early_help = rng.random(n) < 0.04 + 0.12 * deprived
    early_help = {
        "lead_agency": rng.choice(["school", "family hub", "health visitor", "VCSE"], size=n),
        "episode_weeks": rng.integers(4, 40, size=n),
    }

    tables = {"school_census.csv": _table(census), "attendance.csv": _table(attendance)}
    truth = [("school_census", upn, child_id)]
    for source, sel, ident, extra in [
        ("health", in_health, ("nhs_number", nhs), health),
        ("police", in_police, None, police),
        ("early_help", in_early_help, None, early_help),
    ]:
        rows = np.flatnonzero(sel)
        rows = rows[rng.permutation(len(rows))]
        record_id = np.array([f"{source[:2].upper()}{i:07d}" for i in range(len(rows))])
        spoiled = _spoil(
            rng,
            rows,
            first=first,
            first_idx=first_idx,
            first_pool=first_pool,
            last=last,
            last_idx=last_idx,
            last_pool=last_pool,
            dob=dob,
            sex=sex,
            postcode=postcode,
            book=book,
        )
        cols = {"record_id": record_id}
        if ident:
            value = ident[1][rows].astype(object)
            value[rng.random(len(rows)) < 0.02] = ""  # missing identifiers
            cols[ident[0]] = value
        cols |= spoiled
        cols |= {k: v[rows] for k, v in extra.items()}
        tables[f"{source}.csv"] = _table(cols)
        truth.append((source, record_id, child_id[rows]))

    truth_cols = {
        "source": np.concatenate([np.full(len(t[1]), t[0]) for t in truth]),
        "record_id": np.concatenate([t[1] for t in truth]),
        "child_id": np.concatenate([t[2] for t in truth]),
    }
    name_group = np.where(is_sa, "south_asian", "other")
    index = {c: i for i, c in enumerate(child_id)}
    truth_cols["name_group"] = name_group[[index[c] for c in truth_cols["child_id"]]]
    tables["truth/ground_truth.csv"] = _table(truth_cols)
    return tables


def _spoil(rng, rows, *, first, first_idx, first_pool, last, last_idx, last_pool, dob, sex,
           postcode, book) -> dict:  # fmt: skip
    """Another agency's copy of the children `rows`: the errors real extracts carry."""
    m = len(rows)
    f = first[rows].copy()
    surname = last[rows].copy()
    # Transliteration variants and nicknames: another spelling from the same entry.
    change = rng.random(m) < 0.22
    for j in np.flatnonzero(change):
        entry = POOLS[first_pool[rows[j]]][first_idx[rows[j]]]
        if len(entry) > 1:
            f[j] = entry[1 + int(rng.integers(0, len(entry) - 1))]
    change = rng.random(m) < 0.15
    for j in np.flatnonzero(change):
        entry = SURNAME_POOLS[last_pool[rows[j]]][last_idx[rows[j]]]
        if len(entry) > 1:
            surname[j] = entry[1 + int(rng.integers(0, len(entry) - 1))]
    for arr in (f, surname):
        for j in np.flatnonzero(rng.random(m) < 0.03):
            arr[j] = _typo(rng, arr[j].lower()).capitalize()
    # Case and spacing differ between systems.
    upper = rng.random(m) < 0.2
    f[upper] = [x.upper() for x in f[upper]]
    surname[upper] = [x.upper() for x in surname[upper]]

    d = dob[rows].copy()
    swappable = np.array([x.day <= 12 and x.day != x.month for x in d], dtype=bool)
    swap = (rng.random(m) < 0.02) & swappable
    d[swap] = [x.replace(day=x.month, month=x.day) for x in d[swap]]
    typo_day = rng.random(m) < 0.01
    d[typo_day] = [x + datetime.timedelta(days=1) for x in d[typo_day]]
    date_text = np.array([x.isoformat() for x in d], dtype=object)
    date_text[rng.random(m) < 0.01] = ""

    pc = postcode[rows].astype(object)
    moved = rng.random(m) < 0.08
    pc[moved] = book[
        rng.integers(0, book.shape[0], size=moved.sum()),
        rng.integers(0, book.shape[1], size=moved.sum()),
    ]
    nospace = rng.random(m) < 0.1
    pc[nospace] = [p.replace(" ", "") for p in pc[nospace]]
    pc[rng.random(m) < 0.03] = ""
    s = sex[rows].astype(object)
    s[rng.random(m) < 0.02] = ""
    return {
        "first_name": f,
        "last_name": surname,
        "date_of_birth": date_text,
        "sex": s,
        "postcode": pc,
    }


def _table(cols: dict) -> pa.Table:
    out = {}
    for k, v in cols.items():
        v = np.asarray(v)
        if v.dtype == bool:
            out[k] = pa.array(np.where(v, "Y", "N"))
        elif v.dtype.kind in "iu":
            out[k] = pa.array(v)
        else:
            out[k] = pa.array([x if isinstance(x, str) else str(x) for x in v.tolist()])
    return pa.table(out)


def write(tables: dict[str, pa.Table], out: Path) -> list[Path]:
    written = []
    for name, table in tables.items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        pacsv.write_csv(table, path, pacsv.WriteOptions(quoting_style="needed"))
        written.append(path)
    return written
