#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the corpus of bundles that tests/test-bundles.c imports.

good.iasmn is a valid bundle from a made-up "Test Field Office": a new
organization and an action of the 27th session owned by it and by UNHCR
(records of the default data, which every database holds).  Each file in
bad/ is that bundle with one fault of SPEC section 5; bad/EXPECTED.tsv says
what the refusal must name.  Faults in the revisions keep a matching
checksum, so that the importer has to find them for what they are.

Run from anywhere: python3 tests/bundles/make-corpus.py
"""

import copy
import hashlib
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
BAD = os.path.join(HERE, "bad")

NETWORK_ID = "39027447-14a4-5783-8f3d-b7def0249000"
OFFICE = "7e57f1e1-d0ff-4ce0-9a11-000000000001"
OTHER_OFFICE = "7e57f1e1-d0ff-4ce0-9a11-000000000002"
ORGANIZATION = "7e57f1e1-0000-4000-8000-00000000000a"
ACTION = "7e57f1e1-0000-4000-8000-00000000000b"
SESSION_27 = "b1e196ba-df5c-5490-8696-39596bc8d978"   # default data: 27th session
UNHCR = "463fea90-6796-5675-addf-40ebaeb52bdb"        # default data: UNHCR
MISSING = "7e57f1e1-0000-4000-8000-0000000000ff"
HLC_BASE = (1780272000000 << 16)                      # 2026-06-01 00:00 UTC


def hlc(n):
    return f"{HLC_BASE + n:016x}"


def revision(record, rtype, n, fields, parents=(), deleted=False, office=OFFICE):
    return {
        "record": record,
        "type": rtype,
        "rev": f"{hlc(n)}-{office}",
        "parents": list(parents),
        "hlc": hlc(n),
        "office": office,
        "deleted": deleted,
        "fields": fields,
    }


def good_revisions():
    return [
        revision(ORGANIZATION, "organization", 1, {
            "acronym": "TFO", "name": "Test Field Organization", "category": "mou",
            "parent": None, "aliases": []}),
        revision(ACTION, "action", 2, {
            "meeting": SESSION_27, "reference": "27/99", "paragraph": 99,
            "topic": "Exchange", "text": "Test the exchange of bundles between offices.",
            "kind": "decision", "owners": [ORGANIZATION, UNHCR], "due_date": "2026-12",
            "due_meeting": None, "status": "open", "ordinal": 99}),
    ]


def envelope(seq=1, bundle_id="7e57f1e1-b000-4000-8000-000000000001"):
    return {
        "format": "iasmn-desk-bundle",
        "format_version": 1,
        "network_id": NETWORK_ID,
        "bundle_id": bundle_id,
        "origin": {"office": OFFICE, "name": "Test Field Office", "organization": "TFO"},
        "seq": seq,
        "since": 0,
        "created_at": "2026-06-01T00:00:00Z",
        "acks": {},
    }


def dump(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def render(env, revisions_text, checksum=None):
    """A bundle whose revisions are given as text, so faults can be raw."""
    digest = checksum or hashlib.sha256(revisions_text.encode("utf-8", "surrogatepass")).hexdigest()
    head = "{\n" + "".join(f'"{k}":{dump(v)},\n' for k, v in env.items())
    return head + f'"revisions":{revisions_text},\n"revisions_sha256":"{digest}"\n}}\n'


def revisions_text(revisions):
    return "[\n" + ",\n".join(dump(r) for r in revisions) + "\n]"


def good():
    return render(envelope(), revisions_text(good_revisions()))


def with_revisions(change):
    revisions = good_revisions()
    change(revisions)
    return render(envelope(), revisions_text(revisions))


def with_envelope(change):
    env = envelope()
    change(env)
    return render(env, revisions_text(good_revisions()))


def replace_in_revisions(old, new):
    text = revisions_text(good_revisions())
    assert old in text, old
    return render(envelope(), text.replace(old, new, 1))


def cases():
    text = good()
    yield "not-json", "this is not JSON\n", "Not a bundle"
    yield "empty", "", "The file is empty"
    yield "truncated", text[: len(text) // 2], "truncated"
    yield "trailing-data", text + "{}\n", "Trailing data"
    yield "invalid-utf8", replace_in_revisions("Test Field Organization", "Test Field \udcffOrganization"), \
        "Invalid UTF-8"
    yield "nul-escape", replace_in_revisions("Test Field Organization", "Test Field\\u0000 Organization"), \
        "\\u0000"
    yield "deep-nesting", replace_in_revisions('"aliases":[]', '"aliases":' + "[" * 100000 + "]" * 100000), \
        "Nesting deeper than 64 levels"
    yield "duplicate-key", replace_in_revisions('"type":"organization",', '"type":"organization","type":"action",'), \
        "Duplicate key “type”"
    yield "duplicate-key-escaped", replace_in_revisions('"name":"Test', '"n\\u0061me":"x","name":"Test'), \
        "Duplicate key “name”"
    yield "integer-2-63", replace_in_revisions('"paragraph":99', '"paragraph":9223372036854775808'), \
        "beyond ±2^53"
    yield "integer-2-53-plus-1", replace_in_revisions('"paragraph":99', '"paragraph":-9007199254740993'), \
        "beyond ±2^53"
    yield "number-out-of-range", replace_in_revisions('"paragraph":99', '"paragraph":1e400'), "out of range"
    yield "bad-number", replace_in_revisions('"paragraph":99', '"paragraph":99.'), "Invalid number"
    yield "control-character", replace_in_revisions("Test Field Organization", "Test Field\tOrganization"), \
        "control character"
    yield "lone-surrogate", replace_in_revisions("Test Field Organization", "Test Field \\ud800 Organization"), \
        "lone high surrogate"
    yield "bad-escape", replace_in_revisions("Test Field Organization", "Test Field \\x41 Organization"), \
        "Invalid escape"
    yield "byte-order-mark", "\ufeff" + text, "byte order mark"
    yield "wrong-format", with_envelope(lambda e: e.update(format="some-other-format")), \
        "Not an IASMN Desk bundle"
    yield "wrong-version", with_envelope(lambda e: e.update(format_version=2)), \
        "format version 2 is not supported"
    yield "missing-member", with_envelope(lambda e: e.pop("bundle_id")), "“bundle_id”"
    yield "wrongly-typed-member", with_envelope(lambda e: e.update(seq="1")), "“seq” must be a positive integer"
    yield "unknown-member", with_envelope(lambda e: e.update(signature="none")), \
        "Unknown envelope member “signature”"
    yield "other-network", with_envelope(lambda e: e.update(network_id=OTHER_OFFICE)), "another network"
    yield "since-not-below-seq", with_envelope(lambda e: e.update(since=1)), "“since”"
    yield "negative-ack", with_envelope(lambda e: e.update(acks={OTHER_OFFICE: -1})), "non-negative"
    yield "bad-checksum", render(envelope(), revisions_text(good_revisions()), "0" * 64), "SHA-256"
    yield "revisions-not-array", render(envelope(), "{}"), "“revisions” is missing or not an array"
    yield "unknown-record-type", with_revisions(lambda r: r[0].update(type="spaceship")), \
        "unknown record type “spaceship”"
    yield "missing-field", with_revisions(lambda r: r[1]["fields"].pop("text")), "field “text”: This is needed."
    yield "wrongly-typed-deleted", with_revisions(lambda r: r[0].update(deleted="no")), \
        "“deleted” must be true or false"
    yield "wrongly-typed-field", with_revisions(lambda r: r[1]["fields"].update(paragraph="99")), \
        "field “paragraph”: This must be a whole number."
    yield "unknown-enum-value", with_revisions(lambda r: r[1]["fields"].update(status="maybe")), \
        "field “status”: Unknown value “maybe”"
    yield "bad-date", with_revisions(lambda r: r[1]["fields"].update(due_date="next week")), \
        "field “due_date”: Give a date as"
    yield "unknown-field", with_revisions(lambda r: r[0]["fields"].update(colour="blue")), \
        "field “colour”: Not a field of organization."
    yield "dangling-reference", with_revisions(lambda r: r[1]["fields"].update(meeting=MISSING)), \
        "field “meeting”: refers to " + MISSING + ", which is neither in the bundle nor in this database"
    yield "wrong-reference-type", with_revisions(lambda r: r[1]["fields"].update(meeting=UNHCR)), \
        "field “meeting”: refers to " + UNHCR + ", which is of type organization, not meeting"
    yield "duplicate-revision", with_revisions(lambda r: r.append(copy.deepcopy(r[0]))), \
        "Revisions 1 and 3 of the bundle (organization " + ORGANIZATION + ") have the same id"
    yield "record-of-two-types", with_revisions(
        lambda r: r.append(revision(ORGANIZATION, "action", 3, copy.deepcopy(r[1]["fields"])))), \
        "appears in the bundle as organization (revision 1) and as action (revision 3)"
    yield "record-type-differs", with_revisions(
        lambda r: r.append(revision(UNHCR, "action", 3, copy.deepcopy(r[1]["fields"])))), \
        "this database holds it as organization"
    yield "bad-revision-id", with_revisions(lambda r: r[0].update(rev="not-a-revision-id")), "member “rev”"
    yield "office-not-of-rev", with_revisions(lambda r: r[0].update(office=OTHER_OFFICE)), \
        "“office” must be the office of “rev”"
    yield "upper-case-uuid", with_revisions(lambda r: r[0].update(record=ORGANIZATION.upper())), "lower case"
    yield "parent-not-older", with_revisions(
        lambda r: r.append(revision(ORGANIZATION, "organization", 0, r[0]["fields"], parents=[r[0]["rev"]]))), \
        "is not older than the revision"
    yield "own-parent", with_revisions(lambda r: r[0].update(parents=[r[0]["rev"]])), "its own parent"
    # A parent of another record is not a fault: it is ignored (see
    # /attacks/parent-poisoning in test-import-attacks.c).
    yield "clock-from-the-future", with_revisions(
        lambda r: r.append(revision(ORGANIZATION, "organization", (4102444800000 << 16) - HLC_BASE,
                                    r[0]["fields"], parents=[r[0]["rev"]]))), \
        "more than a day ahead"
    # Checked against what good.iasmn left in the database.
    forged = good_revisions()
    forged[0]["fields"]["name"] = "Forged Organization"
    yield "same-origin-and-seq-other-content", render(envelope(), revisions_text(forged)), \
        "already sent its bundle number 1 with other content", "after-good"
    yield "altered-revision", render(envelope(seq=2, bundle_id="7e57f1e1-b000-4000-8000-000000000002"),
                                     revisions_text(forged)), \
        "differs from the revision this database holds", "after-good"
    # The limits of the record description hold for imports as for local edits.
    yield "over-long-name", with_revisions(lambda r: r[0]["fields"].update(name="N" * 201)), \
        "field “name”: At most 200 characters; this text has 201."
    yield "year-out-of-range", with_revisions(lambda r: r[1]["fields"].update(due_date="1900-06-30")), \
        "field “due_date”: The year 1900 is outside 1945–2100"


def main():
    os.makedirs(BAD, exist_ok=True)
    with open(os.path.join(HERE, "good.iasmn"), "w", encoding="utf-8") as f:
        f.write(good())

    names = set()
    rows = []
    for number, case in enumerate(cases(), start=1):
        name, content, expected = case[:3]
        when = case[3] if len(case) > 3 else "fresh"
        assert name not in names
        names.add(name)
        filename = f"{number:02d}-{name}.iasmn"
        with open(os.path.join(BAD, filename), "wb") as f:
            f.write(content.encode("utf-8", "surrogateescape"))
        rows.append(f"{filename}\t{when}\t{expected}\n")

    with open(os.path.join(BAD, "EXPECTED.tsv"), "w", encoding="utf-8") as f:
        f.write("# file\tdatabase\twhat the refusal must say (written by make-corpus.py)\n")
        f.writelines(rows)
    print(f"wrote good.iasmn and {len(rows)} malformed bundles")


if __name__ == "__main__":
    main()
