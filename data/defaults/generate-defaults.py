#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Build the default dataset of IASMN Desk from the source documents.

The sources are the five texts in sources/ (copies of the project's seed
documents).  Lists that the texts state regularly (participants, agendas,
documents, the Framework for Accountability's responsibilities, the text of
each decision) are parsed from them; what needs judgement (which paragraphs
are decisions, who owns them, relationships between actors) is written
below, each with the paragraph it comes from.

The output is a bundle in the exchange format of IASMN Desk: every record
is one revision from the fixed "defaults" office, with hybrid logical clock
values derived from a fixed instant, so every office that loads it holds
byte-identical default data and later merges cleanly.

Run from anywhere:  python3 data/defaults/generate-defaults.py
It rewrites data/defaults/iasmn-defaults.iasmn; commit both.
"""

import hashlib
import json
import os
import re
import sys
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCES = os.path.join(HERE, "sources")
OUTPUT = os.path.join(HERE, "iasmn-defaults.iasmn")

LONDON = "hlcm-2009-iasmn-london-report.txt"
MANILA = "iasmn-21st-session-manila-2015.txt"
NEWYORK = "iasmn-27th-session-new-york-2018.txt"
TOR = "iasmn-tor-2017.txt"
OVERVIEW = "iasmn-hlcm-ceb-overview.txt"

NAMESPACE = uuid.UUID("5b0c6f5e-2f7a-4f43-9d0e-6a1c3e7b9a10")
DEFAULTS_OFFICE = str(uuid.uuid5(NAMESPACE, "office:defaults"))
NETWORK_ID = str(uuid.uuid5(NAMESPACE, "network:iasmn"))
# 2026-01-01T00:00:00Z: every default revision is older than any edit.
BASE_MS = 1767225600000


def read(name):
    with open(os.path.join(SOURCES, name), encoding="utf-8") as f:
        return f.read()


def uid(kind, key):
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{key}"))


def clean(text):
    """Join wrapped lines and tidy the artefacts of the PDF conversion."""
    text = text.replace("\uf0b7", "\u2022")
    text = re.sub(r"<sup>\d+</sup>", "", text)      # footnote markers
    text = re.sub(r"\*\*|<\/?b>|<\/?u>", "", text)
    text = re.sub(r"[ \t]*\n[ \t]*", " ", text)
    text = re.sub(r"\s{2,}", " ", text)
    return text.strip()


class Dataset:
    def __init__(self):
        self.revisions = []
        self.by_type = {}

    def add(self, rtype, key, fields):
        record = uid(rtype, key)
        if any(r["record"] == record for r in self.by_type.get(rtype, [])):
            raise SystemExit(f"duplicate {rtype} {key}")
        hlc = (BASE_MS << 16) | len(self.revisions)
        hlc_hex = f"{hlc:016x}"
        rev = {
            "record": record,
            "type": rtype,
            "rev": f"{hlc_hex}-{DEFAULTS_OFFICE}",
            "parents": [],
            "hlc": hlc_hex,
            "office": DEFAULTS_OFFICE,
            "deleted": False,
            "fields": fields,
        }
        self.revisions.append(rev)
        self.by_type.setdefault(rtype, []).append(rev)
        return record

    def count(self, rtype):
        return len(self.by_type.get(rtype, []))


D = Dataset()


def ref(kind, key):
    """The UUID of a record added (or to be added) under KEY."""
    if key is None:
        return None
    return uid(kind, key)


# ---------------------------------------------------------------------------
# Organizations
#
# Every organization of the two participant lists (London 2009, 27th session)
# and every other one the texts name.  The membership category follows the
# classes of the ToR, paragraph 3 (a: CEB member, b: MOU, c: specific
# mandate / Secretariat department, d: observer invited by the Chair, e:
# staff federation); the texts do not state it, so it is assigned from the
# organizations' public status.  Units of UNDSS appear as owners of actions.
# ---------------------------------------------------------------------------

ORGANIZATIONS = [
    # acronym, name, category, parent, aliases
    ("ADB", "Asian Development Bank", "mou", None, []),
    ("EBRD", "European Bank for Reconstruction and Development", "mou", None, []),
    ("FAO", "Food and Agriculture Organization", "ceb-member", None, []),
    ("ICAO", "International Civil Aviation Organization", "ceb-member", None, []),
    ("ICC", "International Criminal Court", "mou", None, []),
    ("IFAD", "International Fund for Agricultural Development", "ceb-member", None, []),
    ("ILO", "International Labour Organization", "ceb-member", None, []),
    ("IMF", "International Monetary Fund", "ceb-member", None, []),
    ("IOM", "International Organization for Migration", "ceb-member", None, []),
    ("IMO", "International Maritime Organization", "ceb-member", None, []),
    ("ITU", "International Telecommunication Union", "ceb-member", None, []),
    ("UNAIDS", "Joint United Nations Programme on HIV/AIDS", "ceb-member", None, []),
    ("UNDP", "United Nations Development Programme", "ceb-member", None, []),
    ("UNFPA", "United Nations Population Fund", "ceb-member", None, []),
    ("UNHCR", "United Nations High Commissioner for Refugees", "ceb-member", None, []),
    ("UNICEF", "United Nations Children\u2019s Fund", "ceb-member", None, []),
    ("UNIDO", "United Nations Industrial Development Organization", "ceb-member", None, []),
    ("UNEP", "United Nations Environment Programme", "ceb-member", None, []),
    ("UNOPS", "United Nations Office for Project Services", "ceb-member", None, []),
    ("UNRWA", "United Nations Relief and Works Agency for Palestine Refugees in the Near East", "ceb-member", None, []),
    ("UNV", "United Nations Volunteers", "mandate", None, []),
    ("UPU", "Universal Postal Union", "ceb-member", None, []),
    ("WFP", "World Food Programme", "ceb-member", None, []),
    ("WHO", "World Health Organization", "ceb-member", None, []),
    ("WIPO", "World Intellectual Property Organization", "ceb-member", None, ["WIPO Geneva"]),
    ("WB", "World Bank", "ceb-member", None, ["World Bank"]),
    ("DFS", "Department of Field Support", "mandate", None, []),
    ("DPA", "Department of Political Affairs", "mandate", None, []),
    ("DPKO", "Department of Peacekeeping Operations", "mandate", None, ["DPKO/DFS", "DPKO-DFS"]),
    ("DM", "Department of Management", "mandate", None, ["Department of Management Medical Services"]),
    ("UNDSS", "Department of Safety and Security", "mandate", None, ["DSS"]),
    ("ICTR", "International Criminal Tribunal for Rwanda", "mandate", None, []),
    ("OCHA", "Office for the Coordination of Humanitarian Affairs", "mandate", None, []),
    ("OHCHR", "Office of the High Commissioner for Human Rights", "mandate", None, []),
    ("OLA", "Office of Legal Affairs", "observer", None, []),
    ("CCISUA", "Coordinating Committee for International Staff Unions and Associations of the United Nations System", "staff-federation", None, ["CCIUSA"]),
    ("FICSA", "Federation of International Civil Servants' Associations", "staff-federation", None, []),
    # 27th session list (Annex B) adds:
    ("CTBTO", "Preparatory Commission for the Comprehensive Nuclear-Test-Ban Treaty Organization", "mou", None, []),
    ("DESA", "Department of Economic and Social Affairs", "mandate", None, []),
    ("IAEA", "International Atomic Energy Agency", "ceb-member", None, []),
    ("OPCW", "Organisation for the Prohibition of Chemical Weapons", "mou", None, []),
    ("PAHO", "Pan American Health Organization", "mou", None, []),
    ("UN Women", "United Nations Entity for Gender Equality and the Empowerment of Women", "ceb-member", None, []),
    ("UNESCO", "United Nations Educational, Scientific and Cultural Organization", "ceb-member", None, []),
    ("UNODC", "United Nations Office on Drugs and Crime", "ceb-member", None, []),
    ("UNISERV", "United Nations International Civil Servants' Federation", "staff-federation", None, []),
    ("UNMD", "United Nations Medical Directors", "observer", None, []),
    ("OICT", "Office of Information and Communications Technology", "mandate", None, []),
    # Named elsewhere in the texts.
    ("AIIB", "Asian Infrastructure Investment Bank", "non-member", None, []),
    ("IOC", "International Olympic Committee", "non-member", None, []),
    ("AfDB", "African Development Bank", "non-member", None, []),
    ("IsDB", "Islamic Development Bank", "non-member", None, []),
    ("OSCE", "Organization for Security and Co-operation in Europe", "non-member", None, []),
    ("JIU", "Joint Inspection Unit", "non-member", None, []),
    ("OHRM", "Office of Human Resources Management", "unit", "DM", []),
    ("Swedish transport authority", "Swedish transport authority", "non-member", None, []),
    # Units of UNDSS that own actions or present items.
    ("PPCU", "Policy, Planning and Coordination Unit", "unit", "UNDSS", ["UNDSS/PPCU", "IASMN Secretariat"]),
    ("FSS", "Field Support Service", "unit", "UNDSS", ["UNDSS/FSS", "Field Support Section"]),
    ("DRO", "Division of Regional Operations", "unit", "UNDSS", ["UNDSS/DRO"]),
    ("PCCS", "Policy, Compliance and Coordination Service", "unit", "UNDSS", []),
    ("TRAS", "Threat and Risk Assessment Service", "unit", "UNDSS", ["TRS"]),
    ("CEMS", "Compliance, Evaluation and Monitoring Section", "unit", "UNDSS", []),
    ("TDS", "Training and Development Section", "unit", "UNDSS", []),
    ("ARMO", "Aviation Risk Management Office", "unit", "FSS", []),
    ("EO", "Executive Office", "unit", "UNDSS", []),
    ("SSS", "Security and Safety Service", "unit", "UNDSS", []),
    ("PKOSS", "Peacekeeping Operations Support Section", "unit", "DRO", ["UNDSS/DRO/Peacekeeping Operations Support Section"]),
    ("PCCT", "Programme Criticality Coordination Team", "non-member", None, []),
    ("FPLT", "Field Procurement Liaison Team", "unit", "DFS", ["DFS/Office of the Director/Field Procurement Liaison Team"]),
    ("OCSS", "Office of Central Support Services, Procurement Division", "unit", "DM", ["DM/Office of Central Support Services/Procurement Division"]),
    ("UNDP/PSO", "Procurement Support Office", "unit", "UNDP", ["UNDP/Procurement Support Office"]),
]


def add_organizations():
    for i, (acr, name, cat, parent, aliases) in enumerate(ORGANIZATIONS):
        D.add("organization", acr, {
            "acronym": acr,
            "name": name,
            "category": cat,
            "parent": ref("organization", parent),
            "aliases": aliases,
        })


def org(acr):
    if not any(o[0] == acr for o in ORGANIZATIONS):
        raise SystemExit(f"unknown organization {acr}")
    return ref("organization", acr)


# ---------------------------------------------------------------------------
# Governance bodies and the rules of the ToR and session reports
# ---------------------------------------------------------------------------

BODIES = [
    # key, acronym, name, kind, parent, relation, description (source)
    ("CEB", "CEB", "United Nations System Chief Executives Board for Coordination", "board", None, None,
     "Brings together the executive heads of the organizations of the United Nations system under the "
     "chairmanship of the Secretary-General; approves policy statements on behalf of the system "
     "(HLCM/CEB overview)."),
    ("HLCM", "HLCM", "High-Level Committee on Management", "committee", "CEB", "reports-to",
     "Ensures coordination in administrative and management areas across the UN system; a comprehensive "
     "review of security policies and resources is a standing item on its agenda. Meets twice a year "
     "(HLCM/CEB overview)."),
    ("HLCP", "HLCP", "High-Level Committee on Programmes", "committee", "CEB", "reports-to",
     "One of the three high-level committees supporting the CEB (HLCM/CEB overview)."),
    ("UNDG", "UNDG", "United Nations Development Group", "committee", "CEB", "reports-to",
     "One of the three high-level committees supporting the CEB (HLCM/CEB overview)."),
    ("IASMN", "IASMN", "Inter-Agency Security Management Network", "network", "HLCM", "reports-to",
     "The senior managers who have oversight of the security function within each member organization; "
     "reviews existing and proposed policies, procedures and practices of the UNSMS and reports and makes "
     "recommendations on them to the HLCM (ToR, paragraphs 1-2)."),
    ("IASMN-SG", "SG", "IASMN Steering Group", "steering-group", "IASMN", "supports",
     "Advises, supports and facilitates the work of the IASMN; considers and proposes the agenda and the "
     "draft documents of its sessions (ToR paragraph 4; Steering Group ToR, June 2020)."),
    ("HRN", "HRN", "Human Resources Network", "network", "HLCM", "reports-to",
     "HLCM network of human resources directors (London report paragraphs 3 and 13; 21st session "
     "paragraph 38)."),
    ("FBN", "FBN", "Finance and Budget Network", "network", "HLCM", "reports-to",
     "HLCM network that, with the IASMN, reviews the security funding mechanisms (27th session "
     "paragraph 13)."),
    ("ICTN", "ICT Network", "HLCM Information and Communication Technology Network", "network", "HLCM",
     "reports-to", "21st session paragraph 94."),
    ("SMG", "SMG", "Senior Management Group", "committee", None, None,
     "Where discussions on programme criticality and footprint are escalated (27th session paragraphs 28-29)."),
    ("WEAPONS", None, "Weapons Committee", "committee", None, None,
     "Supports the USG UNDSS in authorizing the carriage of firearms (21st session paragraph 66)."),
    ("IASC", "IASC", "Inter-Agency Standing Committee", "committee", None, None,
     "Its Steering Group on Security (IASC SGS) works to maintain humanitarian operations in high-risk "
     "environments (London report paragraph 4)."),
    ("EDG", None, "Emergency Directors' Group", "committee", "IASC", "reports-to",
     "Leads the Operational Peer Review (27th session paragraph 49)."),
]

RULES = [
    # code, title, text, source, agreed on, parameter
    ("iasmn-meets-twice-a-year", "The IASMN meets twice a year",
     "It meets twice a year to review all existing and proposed policies, procedures and practices of the UNSMS.",
     "IASMN ToR, paragraph 2 (promulgated 21 October 2009)", "2009-10-21", 2),
    ("co-chair-term", "The co-chair's term is two years",
     "The IASMN will be chaired by the Under-Secretary-General for Safety and Security and a co-chair, who is "
     "elected among the members for a term of two years.",
     "IASMN ToR, paragraph 2 (promulgated 21 October 2009)", "2009-10-21", 2),
    ("sg-session-max-days", "Steering Group sessions last at most two days",
     "The IASMN agreed to limit IASMN Steering Group sessions to two days.",
     "21st session, paragraph 97 (February 2015)", "2015-02-05", 2),
    ("full-session-max-days", "IASMN sessions last at most three days",
     "The IASMN agreed to limit IASMN sessions to three days in length.",
     "21st session, paragraph 97 (February 2015)", "2015-02-05", 3),
    ("sg-member-in-working-group", "Every Steering Group member takes part in a working group",
     "The IASMN also agreed that all Steering Group members would be required to participate in at least one "
     "IASMN working group.",
     "21st session, paragraph 70 (February 2015)", "2015-02-05", 1),
    ("sg-meets-ahead-of-sessions", "The Steering Group meets at least twice a year, ahead of each full session",
     "The Steering Group meets at a minimum twice a year, ahead of each IASMN full session.",
     "Steering Group ToR, paragraph 4 (approved June 2020)", "2020-06", 2),
    ("sg-max-members", "The Steering Group has at most 15 member organizations",
     "Membership will not exceed 15 organizations.",
     "Steering Group ToR, paragraph 2 (approved June 2020)", "2020-06", 15),
    ("sg-composition-every-two-years", "The Steering Group's size and composition are set every two years",
     "The IASMN determines the size and composition of the Steering Group every two years.",
     "Steering Group ToR, paragraph 2 (approved June 2020)", "2020-06", 2),
    ("working-group-reports-endorsed", "Working-group reports go to the IASMN for review and endorsement",
     "The reports of the working groups will be provided to the IASMN for review and endorsement.",
     "IASMN ToR, paragraph 5 (promulgated 21 October 2009)", "2009-10-21", None),
]


def add_bodies_and_rules():
    for key, acr, name, kind, parent, relation, desc in BODIES:
        D.add("body", key, {
            "acronym": acr, "name": name, "kind": kind,
            "parent": ref("body", parent), "relation": relation,
            "description": desc,
        })
    for code, title, text, source, agreed, param in RULES:
        D.add("rule", code, {
            "code": code, "title": title, "text": text, "source": source,
            "agreed_on": agreed, "parameter": param,
        })


# ---------------------------------------------------------------------------
# Framework for Accountability (London report, Annex B and its Annex)
# ---------------------------------------------------------------------------

ACTORS = [
    # key, title, short title, FoA section (main text), collective
    ("SG", "Secretary-General", None, "A", False),
    ("USG", "Under-Secretary-General for Safety and Security", "USG UNDSS", "B", False),
    ("EGS", "Executive Group on Security", "EGS", "C", True),
    ("EH", "Executive Heads of United Nations system organizations", "Executive Heads", "D", False),
    ("SSM", "Senior Security Managers and Security Focal Points at Headquarters", "SSM / SFP", "E", False),
    ("DO", "Designated Official", "DO", "F", False),
    ("REP", "Representatives of organizations participating in the UNSMS", "Representatives", "G", False),
    ("SMT", "Security Management Team", "SMT", "H", True),
    ("ASC", "Area Security Coordinator", "ASC", "I", False),
    ("CSA", "Chief Security Adviser / Security Adviser", "CSA / SA", "J", False),
    ("CSO", "Chief Security Officer", "CSO", "K", False),
    ("CSFP", "Country Security Focal Point", "CSFP", "L", False),
    ("DSS", "Other personnel of the Department of Safety and Security", "UNDSS personnel", "M", False),
    ("FSCO", "Field Security Coordination Officer", "FSCO", "M", False),
    ("SASO", "Single-Agency Security Officer", "SASO", "N", False),
    ("LSA", "Local Security Assistant", "LSA", "O", False),
    ("WARDEN", "Warden", None, "P", False),
    ("PERS", "Personnel employed by organizations of the United Nations system", "Personnel", "Q", False),
]

# Which annex heading (letter) holds each actor's responsibilities; the annex
# letters differ from the main text's after J, and section L of the annex
# covers three kinds of UNDSS personnel under sub-headings.
ANNEX_SECTIONS = {
    "SG": ("A", None), "USG": ("B", None), "EGS": ("C", None), "EH": ("D", None),
    "SSM": ("E", None), "DO": ("F", None), "REP": ("G", None), "SMT": ("H", None),
    "ASC": ("I", None), "CSA": ("J", None), "CSFP": ("K", None),
    "DSS": ("L", (1, 10)), "CSO": ("L", (11, 21)), "FSCO": ("L", (22, 26)),
    "SASO": ("M", None), "LSA": ("N", None), "WARDEN": ("O", None), "PERS": ("P", None),
}

RELATIONSHIPS = [
    # actor, kind, target actor, target body, via, source note
    ("SG", "accountable-to", None, None, None, "the Member States (FoA paragraph 8)"),
    ("USG", "appointed-by", "SG", None, None, "FoA paragraph 9"),
    ("USG", "accountable-to", "SG", None, None, "FoA paragraph 9"),
    ("USG", "reports-to", "SG", None, None, "FoA paragraph 9"),
    ("USG", "advises", "SG", None, None, "FoA paragraph 9; Annex B.1"),
    ("USG", "chairs", None, "IASMN", None, "FoA paragraph 9; ToR paragraph 2"),
    ("USG", "chairs", None, "IASMN-SG", None, "Steering Group ToR paragraph 3 (may delegate to the ASG)"),
    ("EGS", "appointed-by", None, "CEB", None, "FoA paragraph 10"),
    ("EGS", "advises", "USG", None, None, "FoA paragraph 10; Annex C.1"),
    ("EH", "accountable-to", "SG", None, None, "FoA paragraph 11"),
    ("SSM", "appointed-by", "EH", None, None, "FoA paragraph 12"),
    ("SSM", "advises", "EH", None, None, "FoA paragraph 12; Annex E.1"),
    ("SSM", "member-of", None, "IASMN", None, "Annex E.4"),
    ("DO", "appointed-by", "SG", None, None, "FoA paragraph 13"),
    ("DO", "accountable-to", "SG", None, "USG", "FoA paragraph 13"),
    ("DO", "chairs", "SMT", None, None, "FoA paragraph 15; Annex F.10"),
    ("REP", "accountable-to", "SG", None, "EH", "FoA paragraph 14"),
    ("REP", "member-of", "SMT", None, None, "FoA paragraph 15; Annex G.4"),
    ("REP", "advises", "DO", None, None, "Annex G.5"),
    ("REP", "acts-ad-interim-for", "DO", None, None, "Designated Official ad interim: the head of an agency (Annex F.5)"),
    ("SMT", "advises", "DO", None, None, "FoA paragraph 15"),
    ("ASC", "appointed-by", "DO", None, None, "in consultation with the SMT (FoA paragraph 18)"),
    ("ASC", "accountable-to", "DO", None, None, "FoA paragraph 18"),
    ("CSA", "appointed-by", "USG", None, None, "FoA paragraph 19"),
    ("CSA", "reports-to", "DO", None, None, "FoA paragraph 19"),
    ("CSA", "advises", "DO", None, None, "FoA paragraph 19; Annex J.1"),
    ("CSA", "advises", "SMT", None, None, "FoA paragraph 19"),
    ("CSA", "member-of", "SMT", None, None, "FoA paragraph 15; Annex J.9"),
    # Paragraph 20: where the Head of Mission is the DO and no security professional appointed by
    # the USG is present, the mission's CSO acts as the SA and takes on the SA's accountability
    # (paragraph 19: reports to the DO, advises the DO and the SMT).  This is a standing role in
    # those missions, not an interim one; footnote 4 makes the titles equivalent there.
    ("CSO", "advises", "DO", None, None,
     "as the Security Adviser, where the Head of Mission is the DO and no security professional appointed "
     "by the USG is present (FoA paragraph 20; footnote 4)"),
    ("CSO", "reports-to", "DO", None, None,
     "assumes the Security Adviser's level of accountability in those missions (FoA paragraphs 19-20)"),
    ("CSO", "member-of", "SMT", None, None, "the SMT includes the Chief Security Adviser/Officer (FoA paragraph 15)"),
    ("CSFP", "appointed-by", "DO", None, None, "in consultation with UNDSS and the employing organization (FoA paragraph 21)"),
    ("CSFP", "accountable-to", "DO", None, "REP", "through their head of agency (FoA paragraph 21)"),
    ("CSFP", "member-of", "SMT", None, None, "Annex K.7"),
    ("DSS", "accountable-to", "USG", None, None, "FoA paragraph 22"),
    ("FSCO", "accountable-to", "CSA", None, None, "responsible and accountable to the CSA/SA (Annex L)"),
    ("SASO", "accountable-to", "EH", None, None, "to their respective organization (FoA paragraph 23)"),
    ("SASO", "advises", "REP", None, None, "Annex M.1"),
    ("SASO", "advises", "DO", None, None, "under the coordination of the CSA/SA (FoA paragraph 23; Annex M.2)"),
    ("SASO", "acts-ad-interim-for", "CSA", None, None, "in the absence of the CSA/SA, confirmed in writing by the DO (FoA paragraph 24)"),
    ("LSA", "reports-to", "CSA", None, None, "under the immediate supervision of the respective security professional (FoA paragraph 26)"),
    ("LSA", "reports-to", "SASO", None, None, "under the immediate supervision of the respective security professional (FoA paragraph 26)"),
    ("WARDEN", "accountable-to", "ASC", None, None, "accountable to the DO/ASC (FoA paragraph 27)"),
    ("WARDEN", "accountable-to", "DO", None, None, "accountable to the DO/ASC (FoA paragraph 27)"),
    ("WARDEN", "appointed-by", "ASC", None, None, "FoA paragraph 27; Annex I.2"),
    ("WARDEN", "appointed-by", "DO", None, None, "in consultation with the SMT (FoA paragraph 27; Annex F.14)"),
    ("PERS", "accountable-to", "EH", None, None, "to their respective organizations (FoA paragraph 28)"),
]


def parse_foa(text):
    """Main-text paragraphs (by section letter) and annex responsibilities."""
    start = text.index("### **IV. ACTORS WITHIN")
    annex = text.index("### **ROLES AND RESPONSIBILITIES")
    end = text.index("**Annex C**")
    main, resp = text[start:annex], text[annex:end]

    summaries = {}
    current = None
    for line in main.splitlines():
        m = re.match(r"^\s*(?:#+\s*)?\*{0,3}([A-Q])\.\s+(.+?)\*{0,3}\s*$", line)
        if m and not re.match(r"^\s*\d", line):
            current = m.group(1)
            summaries[current] = []
            continue
        if current and re.match(r"^\s*(\d+)\.\s+\S", line):
            summaries[current].append(clean(re.sub(r"^\s*\d+\.\s+", "", line)))
        if line.startswith("## V. CONCLUSION"):
            break

    sections = {}
    current = None
    for line in resp.splitlines():
        m = re.match(r"^\s*(?:-\s+)?(?:#+\s*)?\*?([A-P])\.\s+(.+?)\*?\s*$", line)
        if m and not re.match(r"^\s*\d", line):
            current = m.group(1)
            sections[current] = {"items": {}, "intro": []}
            continue
        if current is None or line.startswith("<sup>") or line.startswith("---"):
            continue
        m = re.match(r"^\s*(\d+)\.\s+(.*\S)\s*$", line)
        if m:
            sections[current]["items"][int(m.group(1))] = clean(m.group(2))
        elif line.strip() and current == "A":
            sections[current]["intro"].append(clean(line))
    return summaries, sections


def tidy_item(text):
    text = re.sub(r";\s*and$", "", text)
    return re.sub(r"[;.]$", "", text).strip()


def add_actors():
    summaries, sections = parse_foa(read(LONDON))
    for i, (key, title, short, letter, collective) in enumerate(ACTORS):
        annex_letter, span = ANNEX_SECTIONS[key]
        sec = sections[annex_letter]
        if sec["intro"]:
            items = [tidy_item(t) for t in sec["intro"]]
        else:
            numbers = sorted(sec["items"])
            if span:
                numbers = [n for n in numbers if span[0] <= n <= span[1]]
            items = [tidy_item(sec["items"][n]) for n in numbers]
        if not items:
            raise SystemExit(f"no responsibilities for {key}")
        summary = " ".join(summaries.get(letter, [])) if key != "FSCO" else \
            "Field Security Coordination Officers are responsible and accountable to the Chief Security " \
            "Adviser/Security Adviser (Framework for Accountability, Annex L)."
        if key == "CSO":
            # The responsibilities of Annex L are those of the other case.
            summary += (" Where the Head of Mission is not the Designated Official and a UNDSS Chief Security "
                        "Adviser is present, the Chief Security Officer manages the mission's security section, "
                        "serves as the mission Security Adviser to the Head of Mission and coordinates with the "
                        "Chief Security Adviser (Annex L); the responsibilities below are those of that case.")
        D.add("actor", key, {
            "code": key,
            "title": title,
            "short_title": short,
            "section": letter,
            "summary": summary,
            "responsibilities": items,
            "collective": collective,
            "ordinal": i,
        })
    for i, (actor, kind, target, body, via, note) in enumerate(RELATIONSHIPS):
        D.add("relationship", f"{actor}:{kind}:{target or body or 'none'}:{i}", {
            "actor": ref("actor", actor),
            "kind": kind,
            "target_actor": ref("actor", target),
            "target_body": ref("body", body),
            "via_actor": ref("actor", via),
            "note": note,
            "ordinal": i,
        })


# ---------------------------------------------------------------------------
# People, places, posts and appointments
# ---------------------------------------------------------------------------

HONORIFIC = r"(Mr\.|Ms\.|Dr\.)"
# The same person written two ways in the texts.
PERSON_ALIASES = {"Andy Clinton": "Andrew Clinton", "Mary Mone": "Mary Mon\u00e9"}
PERSONS = {}        # canonical name -> fields


def person(name, honorific=None, organization=None, title=None):
    name = PERSON_ALIASES.get(name, name)
    p = PERSONS.setdefault(name, {"honorific": None, "name": name, "organization": None, "title": None})
    if honorific:
        p["honorific"] = honorific
    if organization:
        p["organization"] = organization
    if title:
        p["title"] = title
    return uid("person", name)


def split_names(text):
    return re.findall(HONORIFIC + r"\s+(.+?)(?=\s+(?:Mr\.|Ms\.|Dr\.)\s|$)", text.strip())


PLACES = [
    # key, name, kind, parent
    ("United States of America", "United States of America", "country", None),
    ("New York", "New York", "duty-station", "United States of America"),
    ("UNHQ", "United Nations Headquarters, New York", "headquarters", "New York"),
    ("Philippines", "Philippines", "country", None),
    ("Manila", "Manila", "duty-station", "Philippines"),
    ("ADB HQ", "ADB Headquarters, Manila", "headquarters", "Manila"),
    ("ITU HQ", "ITU Headquarters", "headquarters", None),
    ("UNESCO HQ", "UNESCO Headquarters", "headquarters", None),
    ("United Kingdom", "United Kingdom", "country", None),
    ("London", "London", "duty-station", "United Kingdom"),
    ("Kenya", "Kenya", "country", None),
    ("Nairobi", "Nairobi", "duty-station", "Kenya"),
    ("Austria", "Austria", "country", None),
    ("Vienna", "Vienna", "duty-station", "Austria"),
    ("Colombia", "Colombia", "country", None),
    ("Bogota", "Bogota", "duty-station", "Colombia"),
    ("Switzerland", "Switzerland", "country", None),
    ("Montreux", "Montreux", "duty-station", "Switzerland"),
    ("Geneva", "Geneva", "duty-station", "Switzerland"),
    ("Tanzania", "Tanzania", "country", None),
    ("Arusha", "Arusha", "duty-station", "Tanzania"),
    ("Turkey", "Turkey", "country", None),
    ("Istanbul", "Istanbul", "duty-station", "Turkey"),
    ("Senegal", "Senegal", "country", None),
    ("Dakar", "Dakar", "duty-station", "Senegal"),
    ("Hungary", "Hungary", "country", None),
    ("Budapest", "Budapest", "duty-station", "Hungary"),
    ("Italy", "Italy", "country", None),
    ("Rome", "Rome", "duty-station", "Italy"),
    # Countries the reports name as high-risk environments.
    ("Afghanistan", "Afghanistan", "country", None),
    ("Haiti", "Haiti", "country", None),
    ("Mali", "Mali", "country", None),
    ("Somalia", "Somalia", "country", None),
    ("Syria", "Syria", "country", None),
    ("Iraq", "Iraq", "country", None),
    ("Yemen", "Yemen", "country", None),
    ("Libya", "Libya", "country", None),
    ("Central African Republic", "Central African Republic", "country", None),
]

POSTS = [
    # key, actor, place, organization, title
    ("USG", "USG", "UNHQ", "UNDSS", "Under-Secretary-General for Safety and Security"),
    ("SA Philippines", "CSA", "Philippines", "UNDSS", "Security Adviser, Philippines"),
    ("ADB SFP", "SSM", "ADB HQ", "ADB", "Security Focal Point"),
    ("ADB security officer", "SASO", "ADB HQ", "ADB", "Senior Security and Emergency Services Officer"),
    ("ITU security", "SSM", "ITU HQ", "ITU", "Head, Protocol and Security Division"),
    ("UNESCO FSCO", "FSCO", "UNESCO HQ", "UNESCO", "Field Security Coordination Officer / Deputy Chief of Section"),
    ("Chief PPCU", "DSS", "UNHQ", "PPCU", "Chief, Policy, Planning and Coordination Unit"),
    ("Chief PCCS", "DSS", "UNHQ", "PCCS", "Chief, Policy, Compliance and Coordination Service"),
    ("Chief FSS", "DSS", "UNHQ", "FSS", "Chief, Field Support Service"),
    ("Director DRO", "DSS", "UNHQ", "DRO", "Director, Division of Regional Operations"),
    ("Chief TDS", "DSS", "UNHQ", "TDS", "Chief, Training and Development Section"),
    ("UNDSS EO", "DSS", "UNHQ", "EO", "Executive Officer"),
    ("UNDSS gender", "DSS", "UNHQ", "UNDSS", "Gender Adviser"),
]

# The texts attest that someone held a post at a date; they rarely say when
# a holding began or ended, so these are attested dates, not terms.
APPOINTMENTS = [
    # post, person, from, to, ad interim, source
    ("USG", "Gregory B. Starr", "2009-08", "2009-08", False, "London report, Annex A and paragraph 22"),
    ("USG", "Peter Drennan", "2015-02", "2018-02", False, "21st session paragraph 1; 27th session paragraph 3"),
    ("SA Philippines", "Ken Harrington", "2015-02", "2015-02", False, "21st session paragraph 2"),
    ("ADB SFP", "Andrew Clinton", "2015-02", "2015-02", False, "21st session paragraph 2"),
    ("ADB security officer", "Rommel Enrique Del Mundo", "2015-02", "2015-02", False, "21st session paragraph 2"),
    ("ITU security", "Drew Donovan", "2015-02", "2015-02", False, "21st session paragraph 1"),
    ("UNESCO FSCO", "Mary Mon\u00e9", "2018-02", "2018-02", False, "27th session paragraph 3"),
    ("Chief PPCU", "Florence Poussin", "2015-02", "2015-02", True, "Acting Chief (21st session paragraph 1)"),
    ("Chief PPCU", "Florence Poussin", "2018-02", "2018-02", False, "27th session paragraph 5"),
    ("Chief PCCS", "Paul Farrell", "2018-02", "2018-02", False, "27th session paragraph 15"),
    ("Chief FSS", "Harriet Solloway", "2018-02", "2018-02", False, "27th session paragraph 30"),
    ("Director DRO", "Igor Mitrokhin", "2018-02", "2018-02", True, "Director DRO a.i. (27th session paragraph 24)"),
    ("Chief TDS", "Katja Hemmerich", "2018-02", None, False, "the new Chief of TDS (27th session paragraph 74)"),
    ("UNDSS EO", "Menada Wind-Andersen", "2018-02", "2018-02", False, "27th session paragraph 13"),
    ("UNDSS gender", "Sara Callegari", "2018-02", None, False, "UNDSS' first gender adviser (27th session paragraph 35)"),
]

NAMED_PERSONS = [
    # name, honorific, organization, title (as the texts give them)
    ("Gregory B. Starr", "Mr.", "UNDSS", "Chair of the IASMN, USG DSS"),
    ("Satoru Tabusa", "Mr.", "ILO", "Co-Chair of the IASMN"),
    ("Kathy Qi", "Ms.", "UNDSS", "Secretary of the IASMN"),
    ("Peter Drennan", "Mr.", "UNDSS", "Under-Secretary-General for Safety and Security"),
    ("Drew Donovan", "Mr.", "ITU", "Head of the ITU Protocol and Security Division"),
    ("Florence Poussin", "Ms.", "PPCU", "Chief, Policy, Planning and Coordination Unit"),
    ("Bruce Davis", "Mr.", "ADB", "Vice President, ADB"),
    ("Andrew Clinton", "Mr.", "ADB", "ADB Security Focal Point"),
    ("Ken Harrington", "Mr.", "UNDSS", "Security Adviser, Philippines"),
    ("Rommel Enrique Del Mundo", "Mr.", "ADB", "Senior Security and Emergency Services Officer, ADB"),
    ("Mary Mon\u00e9", "Ms.", "UNESCO", "Field Security Coordination Officer / Deputy Chief of Section, UNESCO"),
    ("Yannick Glemarec", "Mr.", "UN Women", "Assistant Secretary-General, UN Women"),
    ("Gary Ermutlu", "Mr.", "TRAS", "Threat and Risk Assessment Service"),
    ("Menada Wind-Andersen", "Ms.", "EO", "Executive Officer, UNDSS"),
    ("Paul Farrell", "Mr.", "PCCS", "Chief, Policy, Compliance and Coordination Service"),
    ("Igor Mitrokhin", "Mr.", "DRO", "Director, Division of Regional Operations a.i."),
    ("Simon Butt", "Mr.", "OCHA", None),
    ("Harriet Solloway", "Ms.", "FSS", "Chief, Field Support Service"),
    ("Dzenan Viteskic", "Mr.", "UN Women", None),
    ("Sara Callegari", "Ms.", "UNDSS", "Gender Adviser, UNDSS"),
    ("Casper Oswald", "Mr.", "IAEA", None),
    ("Christophe Boutonnier", "Mr.", "WFP", None),
    ("Sung Lim Kim", "Ms.", "CEMS", None),
    ("Katja Hemmerich", "Ms.", "TDS", "Chief, Training and Development Section"),
    ("Justyna Pietralik", "Ms.", "PPCU", None),
    ("Dinh-Huy Banh", "Mr.", "OICT", None),
]


def add_places_posts():
    for key, name, kind, parent in PLACES:
        D.add("place", key, {"name": name, "kind": kind, "parent": ref("place", parent)})
    for key, actor, place, organization, title in POSTS:
        D.add("post", key, {
            "actor": ref("actor", actor), "place": ref("place", place),
            "organization": org(organization), "title": title,
        })
    for i, (post, name, start, end, interim, source) in enumerate(APPOINTMENTS):
        if name not in PERSONS:
            raise SystemExit(f"appointment of unknown person {name}")
        D.add("appointment", f"{post}:{name}:{start}", {
            "post": ref("post", post), "person": uid("person", name),
            "from_date": start, "to_date": end, "ad_interim": interim,
            "attested": True, "note": source,
        })


def add_persons():
    for name in sorted(PERSONS):
        p = PERSONS[name]
        D.add("person", name, {
            "honorific": p["honorific"], "name": p["name"],
            "organization": org(p["organization"]) if p["organization"] else None,
            "title": p["title"],
        })


# ---------------------------------------------------------------------------
# Meetings
# ---------------------------------------------------------------------------

MEETINGS = [
    # key, body, type, number, title, start, end, city, country, venue, host org, host name,
    # chair, co-chair, secretary, status, source
    ("2009-01", "IASMN", "full-session", None, "IASMN session", "2009-01", "2009-01", None, None, None,
     None, None, None, None, None, "held", "London report paragraph 21"),
    ("HLCM-17", "HLCM", "external", 17, "HLCM seventeenth session", "2009-03", "2009-03", None, None, None,
     None, None, None, None, None, "held", "London report paragraph 21"),
    ("SG-Budapest", "IASMN-SG", "sg-session", None, "Steering Group, Budapest", "2009-05", "2009-05",
     "Budapest", "Hungary", None, None, None, None, None, None, "held", "London report, list of documents (CRP 2)"),
    ("London", "IASMN", "full-session", None, "IASMN session, London", "2009-08-04", "2009-08-06",
     "London", "United Kingdom", "European Bank for Reconstruction and Development (EBRD)", "EBRD", None,
     "Gregory B. Starr", "Satoru Tabusa", "Kathy Qi", "held", "London report paragraph 1 and Annex A"),
    ("HLCM-18", "HLCM", "external", 18, "HLCM eighteenth session", "2009-09-29", "2009-09-30",
     "New York", "United States of America", "United Nations", None, None, None, None, None, "held",
     "London report, cover page"),
    ("Nairobi", "IASMN", "full-session", None, "IASMN session, Nairobi", "2010-02-01", "2010-02-05",
     "Nairobi", "Kenya", None, None, None, None, None, None, "confirmed", "London report paragraph 19"),
    ("Vienna", "IASMN", "full-session", None, "IASMN session, Vienna", "2010-07-19", "2010-07-23",
     "Vienna", "Austria", None, None, None, None, None, None, "confirmed", "London report paragraph 19"),
    ("20", "IASMN", "full-session", 20, "20th IASMN session", "2014-06", "2014-06", "Montreux", "Switzerland",
     None, None, None, None, None, None, "held", "21st session paragraphs 38 and 57"),
    ("STWG-2014", "STWG", "wg-meeting", None, "Security Training Working Group", "2014-09", "2014-09",
     "New York", "United States of America", None, None, None, None, None, None, "held",
     "21st session paragraphs 80 and 83"),
    ("SG-Dakar", "IASMN-SG", "sg-session", None, "Steering Group, Dakar", "2014-11", "2014-11", "Dakar",
     "Senegal", None, None, None, None, None, None, "held", "21st session paragraphs 43 and 63"),
    ("21", "IASMN", "full-session", 21, "21st IASMN session", "2015-02-03", "2015-02-05", "Manila",
     "Philippines", "Asian Development Bank Headquarters", "ADB", None, "Peter Drennan", "Drew Donovan",
     "Florence Poussin", "held", "21st session final report"),
    ("SG-Bogota", "IASMN-SG", "sg-session", None, "Steering Group, Bogota", "2015-05-12", "2015-05-13",
     "Bogota", "Colombia", None, "UNDP", None, None, None, None, "confirmed", "21st session paragraph 97"),
    ("22", "IASMN", "full-session", 22, "22nd IASMN session", "2015-06-23", "2015-06-25", "Montreux",
     "Switzerland", None, None, None, None, None, None, "confirmed", "21st session paragraph 97"),
    ("SG-Arusha", "IASMN-SG", "sg-session", None, "Steering Group, Arusha", "2015-11-11", "2015-11-12",
     "Arusha", "Tanzania", None, None, None, None, None, None, "confirmed", "21st session paragraph 97"),
    ("23", "IASMN", "full-session", 23, "23rd IASMN session", "2016-02-02", "2016-02-05", "New York",
     "United States of America", None, None, None, None, None, None, "confirmed", "21st session paragraph 97"),
    ("26", "IASMN", "full-session", 26, "26th IASMN session", "2017-06", "2017-06", None, None, None,
     None, None, None, None, None, "held", "27th session paragraph 5"),
    ("HLCM-2017-10", "HLCM", "external", None, "HLCM session", "2017-10", "2017-10", None, None, None,
     None, None, None, None, None, "held", "27th session paragraph 5"),
    ("27", "IASMN", "full-session", 27, "27th IASMN session", "2018-02-06", "2018-02-08", "New York",
     "United States of America", None, "UN Women", None, "Peter Drennan", "Mary Mon\u00e9", None, "held",
     "27th session final report"),
    # Meetings the reports mention in passing.
    ("STWG-Budapest", "STWG", "wg-meeting", None, "Security Training Working Group, Budapest", "2015", "2015",
     "Budapest", "Hungary", None, None, None, None, None, None, "planned",
     "21st session paragraph 82 (“its next meeting in Budapest”)"),
    ("IASC-Geneva", None, "external", None, "Inter-Agency Standing Committee, Geneva", "2018-02", "2018-02",
     "Geneva", "Switzerland", None, None, None, None, None, None, "held",
     "27th session paragraph 27 (“the Inter-Agency Standing Committee was meeting in Geneva”)"),
    ("SG-Istanbul", "IASMN-SG", "sg-session", None, "Steering Group, Istanbul", "2018-05-08", "2018-05-09",
     "Istanbul", "Turkey", None, "UNDP", None, None, None, None, "confirmed", "27th session paragraph 99"),
    ("28", "IASMN", "full-session", 28, "28th IASMN session", "2018-06-19", "2018-06-21", "Montreux",
     "Switzerland", None, None, "Swiss Federation", None, None, None, "confirmed", "27th session paragraph 99"),
]

# What the source does not state but the record holds: a country known from the city, a year
# known from the report's date.  Said in the record's source note.
INFERRED = {
    "SG-Budapest": "the country (Hungary)",
    "London": "the country (United Kingdom)",
    "HLCM-18": "the country (United States of America)",
    "Nairobi": "the country (Kenya)",
    "Vienna": "the country (Austria)",
    "20": "the country (Switzerland)",
    "STWG-2014": "the country (United States of America)",
    "SG-Dakar": "the country (Senegal)",
    "26": "the year (2017: “its 26th session meeting in June”, before the 27th of February 2018)",
    "HLCM-2017-10": "the year (2017: “in October”, after the 26th session of June)",
    "27": "the country (United States of America; the summary says “New York, USA”)",
    "STWG-Budapest": "the year (2015: “its next meeting”, after the 21st session of February 2015) "
                     "and the country (Hungary)",
    "IASC-Geneva": "the month and year (February 2018: the committee “was meeting” during the 27th "
                   "session) and the country (Switzerland)",
}

# What the reports say of attendance when they give no (or no full) list.
REPORTED = {
    "21": {"reported_orgs": 30, "reported_observer_orgs": 2},
    "27": {"reported_orgs": 37, "reported_persons": 62, "reported_observer_persons": 8},
}


def add_meetings():
    for (key, body, mtype, number, title, start, end, city, country, venue, host, host_name,
         chair, co_chair, secretary, status, source) in MEETINGS:
        wg = None
        if body == "STWG":
            wg, body = ref("working_group", "STWG"), "IASMN"
        fields = {
            "body": ref("body", body), "working_group": wg, "type": mtype, "number": number,
            "title": title, "start_date": start, "end_date": end, "city": city, "country": country,
            "venue": venue, "host_organization": org(host) if host else None, "host_name": host_name,
            "chair": uid("person", PERSON_ALIASES.get(chair, chair)) if chair else None,
            "co_chair": uid("person", PERSON_ALIASES.get(co_chair, co_chair)) if co_chair else None,
            "secretary": uid("person", secretary) if secretary else None,
            "status": status,
            "source": source + ("; inferred, not stated: " + INFERRED[key] if key in INFERRED else ""),
            "reported_orgs": None, "reported_observer_orgs": None,
            "reported_persons": None, "reported_observer_persons": None,
        }
        fields.update(REPORTED.get(key, {}))
        D.add("meeting", key, fields)


def meeting(key):
    if not any(m[0] == key for m in MEETINGS):
        raise SystemExit(f"unknown meeting {key}")
    return ref("meeting", key)


# Participants -------------------------------------------------------------

LONDON_ORG_FIX = {"DSS": "UNDSS", "WB": "WB"}


def add_participant(meeting_key, ordinal, honorific, name, organization, affiliation, role, function=None):
    pid = person(name, honorific, organization)
    D.add("participant", f"{meeting_key}:{ordinal}", {
        "meeting": meeting(meeting_key), "person": pid, "organization": org(organization),
        "affiliation": affiliation, "role": role, "function": function, "ordinal": ordinal,
    })


def parse_london_participants():
    text = read(LONDON)
    block = text[text.index("**LIST OF PARTICIPANTS**"):text.index("## Agenda")]
    block = re.sub(r"</?b>|</?u>|\*\*", "", block)
    rows = []          # (org acronym, affiliation, role, function, names)
    role = "member"
    pending_org = None
    paragraphs = re.split(r"\n\s*\n", block)
    for para in paragraphs:
        for line in para.splitlines():
            line = line.strip()
            if not line or line == "LIST OF PARTICIPANTS":
                continue
            if line.startswith("OBSERVERS"):
                role = "observer"
                continue
            if "\t" in line:
                left, right = [s.strip() for s in line.split("\t", 1)]
                if not right:
                    continue            # a heading row
                if left in ("CHAIR", "CO-CHAIR", "SECRETARY"):
                    m = re.match(HONORIFIC + r"\s+(.+?)\s*\((\w+)\)$", right)
                    acr = LONDON_ORG_FIX.get(m.group(3), m.group(3))
                    rows.append((acr, m.group(3), "member", left.lower(), [(m.group(1), m.group(2))]))
                    continue
                m = re.match(r"(.+?)\s*\(([^()]+)\)$", left)
                acr = LONDON_ORG_FIX.get(m.group(2), m.group(2))
                rows.append((acr, m.group(2), role, None, split_names(right)))
                continue
        # Paragraph-formatted entries: an organization block, then its people.
        flat = " ".join(l.strip() for l in para.splitlines() if l.strip())
        if not flat or "\t" in para:
            continue
        m = re.match(r"(.+?)\s*\(([A-Z]+)\)$", flat)
        if m and not re.match(HONORIFIC, flat):
            pending_org = m.group(2)
            continue
        if re.match(HONORIFIC, flat) and pending_org:
            rows.append((pending_org, pending_org, role, None, split_names(flat)))
            pending_org = None
    n = 0
    for acr, affiliation, r, function, names in rows:
        for honorific, name in names:
            n += 1
            add_participant("London", n, honorific, name, acr, affiliation, r, function)
    return n


NY_ORG_FIX = {"DPKO/DFS": "DPKO", "WIPO Geneva": "WIPO", "CCISUA/FICSA": "CCISUA"}
NY_OBSERVERS = {"CCISUA/FICSA", "UNISERV", "UNMD", "OLA"}


def parse_newyork_participants():
    text = read(NEWYORK)
    block = text[text.index("List of Participants"):text.index("Summary of IASMN Recommendations")]
    n = 0
    for line in block.splitlines():
        m = re.match(r"^(\d+)\t([^\t]+)\t" + HONORIFIC + r"\s+(.+?)\s*$", line)
        if not m:
            continue
        number, entity, honorific, name = int(m.group(1)), m.group(2).strip(), m.group(3), m.group(4)
        if number != n + 1:
            raise SystemExit(f"27th session participant list jumps to {number}")
        n = number
        function = {"Peter Drennan": "chair", "Mary Mone": "co-chair"}.get(name)
        add_participant("27", n, honorific, name, NY_ORG_FIX.get(entity, entity), entity,
                        "observer" if entity in NY_OBSERVERS else "member", function)
    return n


# Agendas and documents ----------------------------------------------------

NOT_PRESENTERS = {"SRM", "STWG", "AOB", "SSIRS", "JFA", "UNSSSIP", "FRG", "TAG", "CRP"}


def split_presenter(title):
    m = re.match(r"^(.*?)\s*[\u2013-]?\s*\(([^()]+)\)\s*$", title)
    if not m or m.group(2) in NOT_PRESENTERS or m.group(2).startswith(("followed", "including")):
        return title.strip(), None
    return m.group(1).strip(), m.group(2).strip()


def hhmm(s):
    s = s.replace(":", "")
    return f"{s[:2]}:{s[2:]}"


def item_kind(title):
    t = title.lower()
    if t.startswith(("break", "lunch")):
        return "break"
    if t.startswith(("end of day", "close of session")):
        return "marker"
    return "item"


class Agenda:
    def __init__(self, meeting_key):
        self.meeting_key = meeting_key
        self.n = 0

    def add(self, title, day=None, start=None, end=None, presenter=None, crp=None, parent=None, kind=None):
        self.n += 1
        key = f"{self.meeting_key}:{self.n}"
        D.add("agenda_item", key, {
            "meeting": meeting(self.meeting_key), "day": day, "start_time": start, "end_time": end,
            "title": title, "presenter": presenter, "crp": crp, "ordinal": self.n,
            "parent": ref("agenda_item", parent), "kind": kind or item_kind(title),
        })
        return key


def add_document(meeting_key, symbol, title):
    number = int(re.match(r"CRP\s*(\d+)", symbol).group(1))
    D.add("document", f"{meeting_key}:{symbol}", {
        "meeting": meeting(meeting_key), "symbol": symbol, "number": number, "title": title,
    })


def parse_london_agenda():
    text = read(LONDON)
    agenda = text[text.index("## Agenda"):text.index("## **List of Documents**")]
    a = Agenda("London")
    top = None
    for line in agenda.splitlines():
        m = re.match(r"^(\s*)-\s+(\d+|[a-z])\.\s+(.*?)\**\s*$", line)
        if not m:
            continue
        title = m.group(3).replace("**", "").strip()
        crp = None
        c = re.search(r"\s*\(CRP\s*(\d+)\)$", title)
        if c:
            crp, title = f"CRP {c.group(1)}", title[:c.start()].strip()
        if m.group(2).isdigit():
            top = a.add(f"{m.group(2)}. {title}", crp=crp)
        else:
            a.add(f"{m.group(2)}. {title}", crp=crp, parent=top)
    docs = text[text.index("## **List of Documents**"):text.index("**Annex B - Amended**")]
    for line in docs.splitlines():
        m = re.match(r"^-\s+(CRP\s*\d+)\s+(.*\S)\s*$", line)
        if m:
            add_document("London", re.sub(r"\s+", " ", m.group(1)), m.group(2))
    return a.n


MANILA_CRPS = {
    "HLCM Working Group on Duty of Care": "CRP 5",
    "UNDSS Strategic Review": "CRP 12",
    "Ending Impunity for those who commit Serious Crimes and Acts of Violence against UN personnel": "CRP 11",
    "Residential Security Measures": "CRP 8",
    "Security Risk Management (SRM)": "CRP 4",
    "Air Travel": "CRP 7",
    "Safety and Security Incident Recording System (SSIRS)": "CRP 3",
    "Arming of Security Professionals": "CRP 16",
    "IASMN Steering Group and VTC TORs and UNSMS Policy Development": "CRP 13",
    "Critical Incident Stress Management Working Group": "CRP 9",
    "Security Training Working Group (STWG)": "CRP 10",
    "Unarmed Private Security Companies": "CRP 6",
}

MANILA_DOCUMENTS = [
    ("CRP 3", "Safety and Security Incident Recording System (SSIRS)"),
    ("CRP 4", "Security Risk Management (SRM)"),
    ("CRP 5", "HLCM Working Group on Duty of Care"),
    ("CRP 6", "Unarmed Private Security Companies"),
    ("CRP 7", "Air Travel"),
    ("CRP 8", "Residential Security Measures (RSM)"),
    ("CRP 9", "Critical Incident Stress Working Group (CISWG)"),
    ("CRP 10", "Security Training Working Group (STWG)"),
    ("CRP 11", "Ending Impunity for those who commit Serious Crimes and Acts of Violence against UN Personnel"),
    ("CRP 12", "UNDSS Strategic Review"),
    ("CRP 13", "IASMN Steering Group and VTC TORs and UNSMS Policy Development"),
    ("CRP 16", "Arming of Security Professionals"),
]

MONTHS = {m: i + 1 for i, m in enumerate(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December"])}


def parse_day(line):
    m = re.match(r"^\s*(Monday|Tuesday|Wednesday|Thursday|Friday),\s+(\d+)\s+(\w+)\s+(\d{4})", line)
    if not m:
        return None
    return f"{int(m.group(4)):04d}-{MONTHS[m.group(3)]:02d}-{int(m.group(2)):02d}"


def parse_manila_agenda():
    text = read(MANILA)
    agenda = text[text.index(" Revised Agenda"):text.index(" IASMN Recommendations")]
    a = Agenda("21")
    day = None
    last = None          # (key, fields) of the last slot, for wrapped titles
    pending = []
    slots = []
    for raw in agenda.splitlines():
        line = raw.strip()
        if not line:
            continue
        d = parse_day(line)
        if d:
            day = d
            continue
        m = re.match(r"^(\d{4})\s*\u2013\s*(\d{4})\s+(.*)$", line) or re.match(r"^(\d{4})()\s+(.*)$", line)
        if m:
            slots.append({"day": day, "start": hhmm(m.group(1)),
                          "end": hhmm(m.group(2)) if m.group(2) else None,
                          "title": m.group(3).strip(), "subs": []})
            continue
        if line.startswith("\uf0b7") and slots:
            slots[-1]["subs"].append(line.lstrip("\uf0b7").strip())
            continue
        if slots and day:
            slots[-1]["title"] += " " + line     # a wrapped title
    for s in slots:
        title, presenter = split_presenter(clean(s["title"]))
        key = a.add(title, day=s["day"], start=s["start"], end=s["end"], presenter=presenter,
                    crp=MANILA_CRPS.get(title))
        for sub in s["subs"]:
            st, sp = split_presenter(clean(sub))
            a.add(st, day=s["day"], presenter=sp, parent=key)
    for symbol, title in MANILA_DOCUMENTS:
        add_document("21", symbol, title)
    return a.n


def parse_newyork_agenda():
    text = read(NEWYORK)
    agenda = text[text.index("Final Agenda"):text.index("List of Participants")]
    a = Agenda("27")
    day = None
    slot = None
    last_top = None
    documents = {}
    for raw in agenda.splitlines():
        if not raw.strip():
            continue
        d = parse_day(raw)
        if d:
            day = d
            continue
        m = re.match(r"^(\d\d:\d\d)(?:\s*\u2013\s*(\d\d:\d\d))?\s+(.*)$", raw.strip())
        if m:
            title = m.group(3).strip()
            italic = title.startswith("*")
            title = title.strip("*").strip()
            crp = None
            c = re.search(r"\s*\[(CRP[^\]]*)\]\s*$", title)
            if c:
                crp, title = c.group(1).strip(), title[:c.start()].strip()
            presenter = None
            if not italic:
                title, presenter = split_presenter(title)
            slot = a.add(title, day=day, start=m.group(1), end=m.group(2), presenter=presenter, crp=crp,
                         kind=item_kind(title))
            if crp:
                documents.setdefault(crp, title)
            continue
        m = re.match(r"^(\s*)-\s+(.*\S)\s*$", raw)
        if m and slot:
            title = m.group(2)
            crp = None
            c = re.search(r"\s*-?\s*\[?\\?\[(CRP[^\]\\]*)\\?\]\]?(?:\(#\))?", title)
            if c:
                crp, title = c.group(1).strip(), (title[:c.start()] + title[c.end():]).strip()
            title, presenter = split_presenter(title)
            parent = slot if len(m.group(1)) < 2 else last_top
            key = a.add(title, day=day, presenter=presenter, crp=crp, parent=parent)
            if len(m.group(1)) < 2:
                last_top = key
            if crp:
                documents.setdefault(crp, title)
    for symbol in sorted(documents, key=lambda s: (int(re.match(r"CRP\s*(\d+)", s).group(1)), s)):
        title = documents[symbol]
        if title.startswith("Adoption of the "):
            title = title[len("Adoption of the "):].capitalize()
        add_document("27", symbol, title)
    return a.n


# ---------------------------------------------------------------------------
# Working groups (every one the texts name, with what they state of it)
# ---------------------------------------------------------------------------

WORKING_GROUPS = [
    # key, name, acronym, body, parent group, status, ToR status, ToR meeting, created, description
    ("STWG", "Security Training Working Group", "STWG", "IASMN", None, "active", "none", None, None,
     "Named in the London report (paragraph 14); met in New York in September 2014; its work plan and "
     "priorities were endorsed at the 27th session."),
    ("CISWG", "Critical Incident Stress Working Group", "CISWG", "IASMN", None, "active", "none", None, None,
     "Action plan on critical incident stress (London report paragraph 13); drafts the Management of Stress "
     "and Critical Incident Stress Policy (21st session paragraph 75)."),
    ("BLAST", "Blast Assessment Working Group", None, "IASMN", None, "active", "none", None, None,
     "Drafted technical guidelines on blast assessment (London report paragraph 12)."),
    ("WOMEN", "Working Group on Security for Women", None, "IASMN", None, "active", "none", None, None,
     "Continues its work on security issues specific to female staff; WFP agreed to assume the chair "
     "(London report paragraph 15)."),
    ("MEDICAL", "UN Medical Directors Working Group", None, None, None, "active", "none", None, None,
     "Deals with staff health issues (London report paragraphs 7 and 16); not an IASMN working group."),
    ("DUTYOFCARE", "HLCM Working Group on Duty of Care", None, "HLCM", None, "active", "none", None, None,
     "Identifies key duty of care issues in five high-risk environments (21st session paragraph 21)."),
    ("IMPUNITY", "Working group on ending impunity for serious crimes and acts of violence against UN personnel",
     "JRWG", "IASMN", None, "active", "none", None, None,
     "Previously referred to as the Justice Registry Working Group (JRWG); develops a database to follow up "
     "on incidents (21st session paragraphs 34 and 37)."),
    ("MORSS", "MORSS Technical Working Group", "MORSS TWG", "IASMN", None, "active", "none", None, None,
     "Minimum Operating Residential Security Standards Technical Working Group; addresses input on the "
     "Residential Security Measures Policy (21st session paragraph 41)."),
    ("RSLRP", "Working group on residential security risks for locally-recruited personnel", None, "IASMN",
     None, "active", "draft", None, "21",
     "Established at the 21st session to identify residential security risks in the context of "
     "locally-recruited personnel; first drafts its ToRs (21st session paragraph 42)."),
    ("SRMIWG", "Security Risk Management Implementation Working Group", "SRMIWG", "IASMN", None, "active",
     "approved", "21", None, "Its amended ToRs and work plan were approved at the 21st session (paragraph 46)."),
    ("SIRWG", "Security Incident Recording Working Group", "SIRWG", "IASMN", None, "active", "none", None, None,
     "Develops the Safety and Security Incident Recording System (SSIRS); a member proposed disbanding it "
     "once SSIRS goes live (21st session paragraphs 57-58)."),
    ("GENDER", "Gender Considerations in Security Management Working Group", None, "IASMN", None, "active",
     "draft", None, None, "Recently established at the 21st session, finalizing its ToRs (paragraphs 76-79); "
     "works on the Gender Inclusion in Security Management manual (27th session paragraph 34)."),
    ("UPSC", "Working group on unarmed private security companies", None, "IASMN", None, "active", "none", None,
     "21", "Established at the 21st session, led by DPKO-DFS (paragraph 88)."),
    ("TAG", "Technology Advisory Group", "TAG", "IASMN", None, "active", "approved", "27", None,
     "Its ToRs and list of priority focus areas were endorsed at the 27th session (paragraphs 79 and 81)."),
    ("SAFRM", "Safety Risk Management Working Group", "SAFRM WG", "IASMN", None, "active", "approved", "27", "27",
     "Formation and ToRs approved at the 27th session; works on safety policy, guidance and training "
     "(paragraphs 52-55). DPKO-DFS, IOM, UNICEF, UN Women, UNDP, UNHCR, DPA and the World Bank expressed "
     "an interest in joining it (paragraph 54); the report does not record them as members."),
    ("CBRN", "Chemical, Biological, Radiological and Nuclear Threats Working Group", "CBRN WG", "IASMN", None,
     "active", "none", None, None, "Shifting towards a policy focus (27th session paragraphs 38-40)."),
    ("COMPLIANCE", "Compliance Management Working Group", None, "IASMN", None, "active", "none", None, None,
     "Works on a common institutional framework for compliance management (27th session paragraphs 41-47)."),
    ("ROADSAFETY", "Road Safety Working Group", None, "IASMN", None, "active", "none", None, None,
     "Implements the Road Safety Strategy (27th session paragraphs 56-58; also called the Road Safety "
     "Implementation Working Group)."),
    ("ATWG", "Air Travel Working Group", "ATWG", "IASMN", None, "active", "approved", "27", None,
     "Reviews the Air Travel Policy; its ToRs were endorsed at the 27th session (paragraphs 31-33)."),
    ("ATAG", "Aviation Technical Advisory Group", "ATAG", "IASMN", None, "active", "none", None, None,
     "Guidance on technical issues of aviation safety analysis and categorization (27th session "
     "paragraph 31)."),
    ("FUNDING", "Joint IASMN/FB WG on the Review of Security Funding Mechanisms", None, "IASMN", None,
     "active", "none", None, None, "Joint working group with the Finance and Budget Network (27th session "
     "paragraph 13)."),
    ("WSAT", "WSAT sub-working group", None, "IASMN", "STWG", "active", "none", None, None,
     "Sub-working group of the STWG on the women's security awareness training (27th session paragraph 71)."),
]

WG_MEMBERS = [
    # group, organization, person, role, note
    ("STWG", "UNDSS", "Katja Hemmerich", "chair", "Chief of TDS, takes over as chair (27th session paragraph 74)"),
    ("STWG", "UNHCR", None, "co-chair", "27th session paragraph 74"),
    ("WOMEN", "WFP", None, "chair", "London report paragraph 15"),
    ("RSLRP", "UNICEF", None, "chair", "21st session paragraph 42"),
    ("RSLRP", "IOM", None, "member", "21st session paragraph 42"),
    ("RSLRP", "OCHA", None, "member", "21st session paragraph 42"),
    ("RSLRP", "UNDP", None, "member", "21st session paragraph 42"),
    ("RSLRP", "UNESCO", None, "member", "21st session paragraph 42"),
    ("RSLRP", "UNHCR", None, "member", "21st session paragraph 42"),
    ("RSLRP", "UN Women", None, "member", "21st session paragraph 42"),
    ("RSLRP", "WFP", None, "member", "21st session paragraph 42"),
    ("RSLRP", "CCISUA", None, "observer", "21st session paragraph 42"),
    ("GENDER", "WFP", None, "chair", "the chair presented for WFP (21st session paragraph 76 and agenda)"),
    ("UPSC", "DPKO", None, "chair", "led by DPKO-DFS (21st session paragraph 88)"),
    ("UPSC", "OHCHR", None, "member", "21st session paragraph 88"),
    ("UPSC", "UNDP", None, "member", "21st session paragraph 88"),
    ("UPSC", "PKOSS", None, "member", "UNDSS/DRO/Peacekeeping Operations Support Section"),
    ("UPSC", "PPCU", None, "member", "UNDSS/PPCU"),
    ("UPSC", "UNHCR", None, "member", "21st session paragraph 88"),
    ("UPSC", "WB", None, "member", "21st session paragraph 88"),
    ("UPSC", "FPLT", None, "member", "DFS/Office of the Director/Field Procurement Liaison Team"),
    ("UPSC", "OCSS", None, "member", "DM/Office of Central Support Services/Procurement Division"),
    ("UPSC", "UNDP/PSO", None, "member", "UNDP/Procurement Support Office"),
    ("UPSC", "UNDSS", None, "member", "a UNDSS Chief Security Adviser (CSA) to be determined"),
    ("TAG", "PCCS", "Paul Farrell", "chair", "27th session paragraph 79"),
    ("TAG", "ITU", "Drew Donovan", "co-chair", "27th session paragraph 79"),
    ("SAFRM", "PCCS", None, "member", "gave the update with OCHA (27th session paragraph 52)"),
    ("SAFRM", "OCHA", None, "member", "gave the update with UNDSS PCCS (27th session paragraph 52)"),
    # Paragraph 54: DPKO-DFS, IOM, UNICEF, UN Women, UNDP, UNHCR, DPA and the World Bank only
    # "expressed an interest in joining": not members (see the group's description).
    ("CBRN", "IAEA", "Casper Oswald", "member", "presented the update (27th session paragraph 38)"),
    ("COMPLIANCE", "WFP", "Christophe Boutonnier", "member", "presented the update (27th session paragraph 41)"),
    ("ROADSAFETY", "PPCU", "Florence Poussin", "chair", "27th session paragraph 56"),
    ("ATAG", "ICAO", None, "member", "27th session paragraph 31"),
    ("ATAG", "DFS", None, "member", "27th session paragraph 31"),
    ("ATAG", "WFP", None, "member", "27th session paragraph 31"),
]


def add_working_groups():
    for key, name, acr, body, parent, status, tor, tor_meeting, created, desc in WORKING_GROUPS:
        D.add("working_group", key, {
            "name": name, "acronym": acr, "body": ref("body", body),
            "parent_group": ref("working_group", parent), "status": status, "tor_status": tor,
            "tor_meeting": meeting(tor_meeting) if tor_meeting else None,
            "created_meeting": meeting(created) if created else None,
            "disbanded_meeting": None, "description": desc,
        })
    for i, (group, organization, name, role, note) in enumerate(WG_MEMBERS):
        D.add("wg_member", f"{group}:{organization}:{role}:{i}", {
            "working_group": ref("working_group", group), "organization": org(organization),
            "person": uid("person", name) if name else None, "role": role, "note": note,
        })


# ---------------------------------------------------------------------------
# Actions: every decision of the 21st and 27th sessions
# ---------------------------------------------------------------------------

# 21st session: the 32 paragraphs under "RECOMMENDATION:".
# paragraph, topic, kind, owners (organizations "org:X" or working groups "wg:X"), due date, due meeting
MANILA_ACTIONS = [
    (13, "Global Security Environment", "decision", [], None, None),
    (14, "Global Security Environment", "decision", [], None, None),
    (21, "HLCM Working Group on Duty of Care", "noting", [], None, None),
    (22, "HLCM Working Group on Duty of Care", "decision", [], None, None),
    # The recommendation names "interested organizations"; UNHCR, UNICEF and UNRWA are named in
    # the discussion before it (paragraph 20), for a paper to the CEB, not in the recommendation.
    (23, "HLCM Working Group on Duty of Care", "decision", [], None, None),
    (28, "UNDSS Strategic Review", "endorsement", [], None, None),
    (33, "Joint Inspection Unit (JIU)", "noting", [], None, None),
    (37, "Ending Impunity for those who commit Serious Crimes and Acts of Violence against UN Personnel",
     "request", ["wg:IMPUNITY"], None, "22"),
    (41, "Residential Security Measures (RSM)", "request", ["wg:MORSS"], None, "SG-Bogota"),
    (42, "Residential Security Measures (RSM)", "request", ["wg:RSLRP"], None, None),
    (46, "Security Risk Management (SRM)", "endorsement", [], None, None),
    (47, "Security Risk Management (SRM)", "endorsement", [], "2015-02", None),
    (48, "Security Risk Management (SRM)", "noting", [], None, None),
    (56, "Air Travel", "endorsement", [], None, None),
    (60, "Safety and Security Incident Recording System (SSIRS)", "endorsement", [], None, None),
    (61, "Safety and Security Incident Recording System (SSIRS)", "request", ["wg:SIRWG", "org:UNDSS"],
     "2015-04-01", None),
    (62, "Safety and Security Incident Recording System (SSIRS)", "request", ["org:PPCU"], None, None),
    (66, "Arming of Security Professionals", "request", [], None, None),
    (67, "Arming of Security Professionals", "decision", [], None, "SG-Bogota"),
    (70, "IASMN Steering Group and VTC TORs and UNSMS Policy Development", "decision", ["org:UNDSS"], None,
     "SG-Bogota"),
    (71, "IASMN Steering Group and VTC TORs and UNSMS Policy Development", "decision", [], None, None),
    (72, "IASMN Steering Group and VTC TORs and UNSMS Policy Development", "decision", [], None, None),
    (75, "Critical Incident Stress Working Group (CISWG)", "request", ["wg:CISWG"], None, "SG-Bogota"),
    (79, "Gender Considerations in Security Management Working Group", "request", ["wg:GENDER"], None,
     "SG-Bogota"),
    (83, "Security Training Working Group (STWG)", "endorsement", [], None, None),
    (84, "Security Training Working Group (STWG)", "request", ["wg:STWG"], None, None),
    (85, "Security Training Working Group (STWG)", "decision", [], None, None),
    (88, "Unarmed Private Security Companies", "endorsement", ["wg:UPSC"], None, None),
    (91, "Any Other Business: Budgetary matters: Jointly Financed Activities (JFA)", "decision", [], None, None),
    (93, "Any Other Business: Blast assessments", "decision", [], None, None),
    (95, "Any Other Business: Convergence of physical and information security", "noting", [], None, None),
    (97, "Any Other Business: IASMN calendar of meetings", "decision", [], None, None),
]

# 27th session: 47 decisions, 45 in 19 blocks and 2 in the discussion.  Each decision:
# (kind, owners, due date, due meeting); "merge" joins the block's bullets
# into one decision (paragraph 26 has one decision with five sub-points).
NEWYORK_ACTIONS = [
    (4, "Opening Session", [("request", [], None, None)]),
    (18, "Update on UNSSSIP", [("request", ["org:UNDSS"], None, None)]),
    (26, "Security Risk Management Process", "merge", [("decision", ["org:DRO"], None, "SG-Istanbul")]),
    (29, "Programme criticality review and impact on SRM", [
        ("decision", [], None, None), ("decision", [], None, None), ("noting", [], None, None)]),
    (33, "Air Travel Policy", [
        ("decision", ["wg:ATWG"], None, None), ("decision", ["org:UNDSS"], None, None),
        ("decision", ["wg:ATWG"], None, None), ("endorsement", [], None, None)]),
    (37, "Gender Considerations in Security Management", [("noting", [], None, None)]),
    (40, "CBRN", [("decision", ["wg:CBRN"], None, "SG-Istanbul")]),
    (47, "Compliance Management Working Group", [
        ("request", ["wg:COMPLIANCE"], None, "SG-Istanbul"), ("endorsement", [], None, None)]),
    # Outside the bullet blocks: a commitment in the discussion, and the agreement on the priorities
    # that the block of paragraph 92 lists.
    (50, "Lessons Learned and Best Practices", "sentence", "UNDSS will review the consultation process",
     [("decision", ["org:UNDSS"], None, None)]),
    (51, "Lessons Learned and Best Practices", [("noting", [], None, None)]),
    (55, "Safety Risk Management", [
        ("endorsement", [], None, None), ("request", ["wg:SAFRM"], None, "SG-Istanbul")]),
    (58, "Road Safety Strategy", [
        ("noting", [], None, None), ("noting", [], None, None), ("request", [], None, None)]),
    (62, "Field Security Handbook", [
        ("noting", [], None, None), ("decision", ["org:PPCU", "org:DRO"], None, "SG-Istanbul")]),
    (64, "Translation", [("noting", [], None, None)]),
    (75, "Update on STWG, training strategy, incl. SSAFE for Senior Executives", [
        ("endorsement", ["org:FSS"], None, None), ("request", ["org:FSS"], None, None),
        ("request", [], None, None), ("endorsement", [], None, None), ("endorsement", [], None, None),
        ("decision", [], None, None), ("decision", [], None, None)]),
    (78, "Security Support to Humanitarian Access", [("decision", [], None, None)]),
    (81, "Technology Advisory Group and Emergency Telecommunications", [
        ("endorsement", [], None, None), ("request", [], None, None),
        ("decision", ["wg:TAG"], None, None), ("decision", ["org:PPCU", "wg:TAG"], None, None)]),
    (90, "eTA, Physical Security Assessment and Training Apps", [
        ("noting", [], None, None), ("request", ["org:UNDSS"], None, None)]),
    (91, "IASMN Priorities for 2018", "sentence", "The IASMN discussed and agreed",
     [("decision", [], None, None)]),
    (92, "IASMN Priorities for 2018", [("decision", [], None, None)] * 7),
    (98, "Letter from the Asian Infrastructure Investment Bank", [("decision", [], None, "28")]),
]


def owner_ref(owner):
    kind, key = owner.split(":", 1)
    if kind == "org":
        return org(key)
    if not any(w[0] == key for w in WORKING_GROUPS):
        raise SystemExit(f"unknown working group {key}")
    return ref("working_group", key)


def paragraph_lines(lines, number):
    pat = re.compile(rf"^\s*{number}\.\s+\S")
    for i, line in enumerate(lines):
        if pat.match(line):
            return i
    raise SystemExit(f"paragraph {number} not found")


MANILA_STOP = re.compile(
    r"^\s*(\d{1,3}\.\s+\S|[A-Q]\.\s+\S|RECOMMENDATION:|[a-d]\.\s+(Budgetary|Blast|Convergence|IASMN calendar)"
    r"|21st Session)")


def manila_paragraph(lines, number):
    i = paragraph_lines(lines, number)
    segments = [re.sub(rf"^\s*{number}\.\s+", "", lines[i])]
    for line in lines[i + 1:]:
        if MANILA_STOP.match(line):
            break
        s = line.strip()
        if not s or re.fullmatch(r"\d{1,2}", s):
            continue                     # blank lines and page numbers
        if s.startswith("\uf0b7") or re.match(r"^o\s+[A-Z]", s) or re.match(r"^[a-e]\.\s+[A-Z]", s):
            segments.append(s)
        else:
            segments[-1] += " " + s
    out = []
    for seg in segments:
        seg = clean(seg)
        if seg.startswith("o "):
            seg = "\u2003\u25e6 " + seg[2:]
        out.append(seg)
    return "\n".join(out)


def bold_strip(s):
    s = s.replace("**", "").strip()
    return re.sub(r"\s*;$", "", s).strip()


def newyork_block(lines, number):
    i = paragraph_lines(lines, number)
    bullets = []
    for line in lines[i + 1:]:
        if re.match(r"^\s*\d{1,3}\.\s+\S", line):
            break
        m = re.match(r"^\s*-\s+(.*\S)\s*$", line)
        if m:
            bullets.append(bold_strip(m.group(1)))
        elif line.strip() and bullets:
            if not re.match(r"^\s*\*\*|^\s*-", line):
                break                  # a heading after the block
    return bullets


def newyork_sentence(lines, number, start):
    """The sentence of a paragraph that begins with START."""
    first = paragraph_lines(lines, number)
    parts = [re.sub(rf"^\s*{number}\.\s+", "", lines[first])]
    for line in lines[first + 1:]:
        if re.match(r"^\s*(\d{1,3}\.\s|-\s)", line):
            break
        if line.strip():                 # a page break may split a paragraph
            parts.append(line)
    text = clean(" ".join(parts))
    i = text.index(start)
    end = text.find(". ", i)
    return text[i:end + 1] if end >= 0 else text[i:]


def add_actions():
    lines = read(MANILA).splitlines()
    ordinal = 0
    for number, topic, kind, owners, due, due_meeting in MANILA_ACTIONS:
        ordinal += 1
        text = manila_paragraph(lines, number)
        add_action("21", f"21/{number}", number, topic, text, kind, owners, due, due_meeting, ordinal)
    manila = ordinal

    lines = read(NEWYORK).splitlines()
    for entry in NEWYORK_ACTIONS:
        if entry[2] == "sentence":
            number, topic, _, start, decisions = entry
            bullets = [newyork_sentence(lines, number, start)]
        elif entry[2] == "merge":
            number, topic, _, decisions = entry
            bullets = newyork_block(lines, number)
            bullets = [bullets[0] + "\n" + "\n".join("\u2022 " + b for b in bullets[1:])]
        else:
            number, topic, decisions = entry
            bullets = newyork_block(lines, number)
        if len(bullets) != len(decisions):
            raise SystemExit(f"27th session paragraph {number}: {len(bullets)} bullets, "
                             f"{len(decisions)} decisions expected")
        for j, (text, (kind, owners, due, due_meeting)) in enumerate(zip(bullets, decisions)):
            ordinal += 1
            suffix = "" if len(bullets) == 1 else "abcdefghij"[j]
            add_action("27", f"27/{number}{suffix}", number, topic, text, kind, owners, due, due_meeting,
                       ordinal)
    return manila, ordinal - manila


def add_action(session, reference, paragraph, topic, text, kind, owners, due, due_meeting, ordinal):
    D.add("action", reference, {
        "meeting": meeting(session), "reference": reference, "paragraph": paragraph, "topic": topic,
        "text": text, "kind": kind, "owners": [owner_ref(o) for o in owners],
        "due_date": due, "due_meeting": meeting(due_meeting) if due_meeting else None,
        "status": "open", "ordinal": ordinal,
    })


# ---------------------------------------------------------------------------
# The bundle
# ---------------------------------------------------------------------------

def main():
    for name, honorific, organization, title in NAMED_PERSONS:
        person(name, honorific, organization, title)

    add_organizations()
    add_bodies_and_rules()
    add_actors()
    add_meetings()
    london = parse_london_participants()
    newyork = parse_newyork_participants()
    counts = {
        "london_participants": london,
        "newyork_participants": newyork,
        "london_agenda": parse_london_agenda(),
        "manila_agenda": parse_manila_agenda(),
        "newyork_agenda": parse_newyork_agenda(),
    }
    add_working_groups()
    counts["manila_actions"], counts["newyork_actions"] = add_actions()
    add_persons()
    add_places_posts()

    expected = {"london_participants": 49, "newyork_participants": 62,
                "manila_actions": 32, "newyork_actions": 47}
    for key, value in expected.items():
        if counts[key] != value:
            raise SystemExit(f"{key}: {counts[key]}, the documents give {value}")

    revisions = "[\n" + ",\n".join(
        json.dumps(r, ensure_ascii=False, separators=(",", ":"), sort_keys=False) for r in D.revisions
    ) + "\n]"
    digest = hashlib.sha256(revisions.encode("utf-8")).hexdigest()
    envelope = (
        "{\n"
        '"format":"iasmn-desk-bundle",\n'
        '"format_version":1,\n'
        f'"network_id":"{NETWORK_ID}",\n'
        f'"bundle_id":"{uid("bundle", "defaults-1")}",\n'
        f'"origin":{{"office":"{DEFAULTS_OFFICE}","name":"IASMN Desk default data","organization":"UNDSS"}},\n'
        '"seq":1,\n'
        '"since":0,\n'
        '"created_at":"2026-01-01T00:00:00Z",\n'
        '"acks":{},\n'
        f'"revisions":{revisions},\n'
        f'"revisions_sha256":"{digest}"\n'
        "}\n"
    )
    with open(OUTPUT, "w", encoding="utf-8") as f:
        f.write(envelope)
    for rtype in sorted(D.by_type):
        print(f"{rtype:15} {D.count(rtype)}")
    for key, value in counts.items():
        print(f"{key:22} {value}")
    print(f"wrote {OUTPUT} ({len(envelope.encode())} bytes, {len(D.revisions)} revisions)")


if __name__ == "__main__":
    main()
