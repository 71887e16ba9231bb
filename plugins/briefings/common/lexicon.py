"""Closed word classes of English news prose that no data package provides.

Entity discovery uses them as evidence for a name's type, source identity to tell an
organisation's name from a person's. Everything open-ended comes from data packages (see
:mod:`briefings.entities.discovery.gazetteers`): places, first names,
English words, demonyms, personal titles. What is left here are small closed classes of
English news prose: the head word that ends an organisation's or a place's name ("Bank",
"Strait"), the common noun that classifies a name next to it ("the consultancy SovEcon",
"Typhoon jets"), the connectors allowed inside a name, month and weekday names, and the
handful of upper-case abbreviations that are common nouns ("CEO", "GDP").

Head words are stored as written in names (capitalised), class nouns in lower case.
"""

from __future__ import annotations


def word_set(text: str) -> frozenset[str]:
    """Return the whitespace-separated words of ``text`` as a set (readable word lists)."""
    return frozenset(text.split())


_words = word_set


# A name whose last word (or whose word before "of"/"for") is one of these names an organisation.
ORG_HEADS = _words(
    """
    Academy Agency Airlines Airways Alliance Army Assembly Association Authority Bank Bancorp
    Board Brands Bureau Cabinet Capital Centre Center Chamber Club Coalition College Command
    Commission Committee Communications Company Conglomerate Congress Corp Corporation
    Council Court Department Directorate Division Electronics Embassy Entertainment Exchange
    Federation Foods Force Forces Foundation Front Fund Group Guard Holdings Hospital Inc
    Industries Institute Institution Labs Laboratory League Logistics Ltd Media Ministry
    Motors Movement Museum Nations Navy Network News Office Organisation Organization
    Parliament Partners Party Petroleum Pharmaceuticals Police Post Press Programme Program
    Railways Regiment Reserve Resources School Secretariat Senate Service Services Society
    Software Solutions Staff Studios Systems Technologies Telecom Times Tribunal Trust Union
    University
    Air Airline Bancorp Biotech Biosciences Chemicals Consulting Dockyard Energy Engineering
    Insurance Investments Lines Mining Pharma Plastics Shipping Shipyard Solicitors Steel
    Aerospace Aviation Inspectorate Investors Laboratories Management Minerals Panel
    Pharmaceutical Robotics Securities Shipbuilding Superintendence Terminals Therapeutics
    Toys Ventures Infrastructure Government Marine Markets Networks Observatory
    Chronicle Courier Daily Gazette Herald Journal Observer Telegraph Tribune
    Municipality
    Fashion Retail Stores Supermarkets Brewery Breweries
    """
)

# Two last words that head a public body whatever the last word alone says ("District"
# heads places): "Sør-Øst Police District", "Clark County School District".
ORG_TWO_WORD_HEADS = frozenset(
    {"Police District", "School District", "Health District", "Hospital District"}
)

# Words that are organisation heads when they begin the name: "Bank of England".
ORG_INITIAL_HEADS = _words(
    """
    Bank Board Bureau Chamber College Commission Committee Confederation Council Court
    Department Federation House Institute League Ministry Office Organisation Organization
    Society Union University
    """
)

# Words opening a company's or a body's name in other languages: "Grupo Modelo", "Banco
# Santander", "Groupe Renault", "Hospital del Salvador", and legal forms written first
# ("PT Astra International", "PJSC Gazprom"). The rest of the name is its short form
# ("Sierra Alta").
ORG_PREFIXES = _words(
    """
    Agencia Agência Banca Banco Banque Companhia Compagnie Compania Compañía
    Corporación Fundación Fundação Groupe Grupo Gruppo Guardia Industrias Instituto
    Ministerio Ministério Policía Polícia Société Sociedad Tribunal Universidad
    Universidade Università
    Asociación Associação Comisión Comissão Confederación Consejo Conselho Cooperativa
    Federación Federação Observatorio Observatório Secretaría Sindicato Superintendencia
    JSC OAO OJSC OOO PAO PJSC PT ZAO
    Clínica Clinique Hôpital Hospital Musée Museo Museu Ospedale
    """
)

# A name ending in one of these names a place: "Red Sea", "Bab el-Mandeb Strait".
PLACE_HEADS = _words(
    """
    Airport Area Avenue Basin Bay Bridge Canal Cape City Coast County Dam Desert Gulf Highway
    Island Islands Lake Mountains Oblast Ocean Peninsula Plateau Province Region River Sea
    Square Strait Straits Street Valley
    Castle Harbour Harbor Lane Line Link Palace Park Road Shoal Spaceport Stadium Station
    Current Fault Glacier Plain Ridge Shelf Trench Trough Volcano Zone
    Complex Delta
    Terminal
    """
)

# Endings of one-word street names in other languages: "Domineestraat", "Kungsgatan".
STREET_SUFFIXES = ("straat", "strasse", "straße", "gatan", "gade", "vej", "plein")

# Two last words that name a venue, a place whatever the last word alone says ("Centre"
# heads organisations): "Bingu International Convention Centre", "Leeds City Hall".
PLACE_TWO_WORD_HEADS = frozenset(
    {
        "City Hall",
        "Town Hall",
        "Community Centre",
        "Community Center",
        "Convention Centre",
        "Convention Center",
        "Conference Centre",
        "Conference Center",
        "Shopping Centre",
        "Shopping Center",
        "Sports Centre",
        "Exhibition Centre",
        # "Reserve" heads banks ("Federal Reserve"); these reserves are land.
        "Biosphere Reserve",
        "Forest Reserve",
        "Game Reserve",
        "Marine Reserve",
        "Nature Reserve",
        "Sky Reserve",
        "Wildlife Reserve",
    }
)

# A name beginning with one of these, followed by "of", names a place: "Gulf of Aden".
PLACE_INITIAL_HEADS = _words(
    """
    Cape County Gulf Isle Lake Mount Palace Port Saint Sea St Strait Straits
    Bahía Cerro Isla Lago Laguna Mont Monte Nevado Playa Punta Rione Río Salar Volcán
    Avenida Calle Corso Jalan Piazza Plaza Praça Rua Rue
    """
)

# A name ending in one of these names an event: "Munich Security Conference".
EVENT_HEADS = _words(
    """
    Championship Championships Conference Cup Earthquake Festival Games Marathon Olympics
    Revolution Summit
    Uprising War
    """
)

# A name ending in one of these names an agreement, a law or a plan ("other").
OTHER_HEADS = _words(
    """
    Accord Accords Act Agreement Charter Convention Declaration Doctrine Initiative Pact Plan
    Protocol Resolution Treaty
    """
)

# Heads of public bodies whose official name ends with the country they serve: "Court of
# Appeal of Tanzania", "Armed Forces of the Philippines" (not a company: "Vestas Wind
# Systems of Denmark" is a company and a place).
PUBLIC_BODY_HEADS = _words(
    """
    Agency Army Assembly Authority Board Bureau Commission Committee Council Court
    Department Directorate Force Forces Guard Inspectorate Ministry Navy Office Parliament
    Police Secretariat Senate Service Tribunal
    """
)

# A name ending in one of these names a piece of equipment: "Hubble Space Telescope".
EQUIPMENT_HEADS = _words("Telescope")

# Words after a product line's name that mark its tier: "Galaxy Ultra", "Rubin Ultra",
# "MacBook Pro". Not "Max" and "Plus" (given names, "Canal Plus"): a tier word must be no
# one's name and no company's.
PRODUCT_TIERS = _words("Ultra Pro Mini Lite")

# Words before a place's name that make it a part of that place: "South Canterbury",
# "Northern Luzon".
COMPASS_WORDS = _words(
    """
    North South East West Northern Southern Eastern Western Central Upper Lower
    Northeast Northwest Southeast Southwest
    """
)

# Words before the name of a storm or a military operation: "Hurricane Otis".
EVENT_PREFIXES = _words("Cyclone Hurricane Operation Storm Typhoon")
# Of those, the storms': their names are given names ("Hurricane Otis", "Storm Babet").
WEATHER_PREFIXES = _words("Cyclone Hurricane Storm Typhoon")

# Words before a name of the "other" type: "Comet Hale-Bopp" (comets are neither places
# nor equipment).
OTHER_PREFIXES = _words("Comet")

# Ship prefixes: "USS Gerald R. Ford", "HMS Diamond".
SHIP_PREFIXES = _words("HMAS HMCS HMNZS HMS INS MS MT MV RFS RV USNS USS")

# Common nouns that classify a name next to them ("the consultancy SovEcon", "Hatay
# province", "Typhoon jets"), by entity type. Lower case; plural forms listed.
CLASS_NOUNS: dict[str, str] = {
    **dict.fromkeys(
        _words(
            """
            agency airline alliance authority bank bloc broadcaster chain channel charity club
            coalition company daily distributor journal magazine monitor operator publication
            tabloid brokerage cooperative
            consultancy exchange firm group insurer lender maker manufacturer militia movement
            network newspaper outlet party publisher regulator retailer startup store
            stores television union watchdog
            foundation utility utilities
            """
        ),
        "organization",
    ),
    **dict.fromkeys(
        _words(
            """
            airport border capital city crossing district governorate highway island motorway
            municipality oblast port province region river road suburb town village
            area basin canyon constellation crater forest formation glacier gorge lake mine
            mountain mountains peak plain rainforest ravine ravines valley volcano volcanoes
            reserve
            aquifer farm site
            """
        ),
        "place",
    ),
    **dict.fromkeys(
        _words(
            """
            aircraft airliner airliners app apps backdoor beer bomber bombers brand camera
            cameras carrier chip chips console consoles engine engines firmware instrument kit
            kits lager platform rig rigs software spectrograph spectrometer system tugboat
            tugboats wallet
            destroyer destroyers drone drones drug freighter frigate handset handsets
            helicopter helicopters
            howitzer howitzers jet jets launcher launchers malware medicine missile missiles
            processor processors ransomware rifle rifles rocket rockets satellite satellites
            ship spyware submarine tank tanker tanks telescope turboprop turboprops vaccine
            vessel warship
            syrup syrups
            """
        ),
        "equipment",
    ),
    **dict.fromkeys(
        _words(
            "ceremony conference election festival offensive referendum summit talks tournament"
        ),
        "event",
    ),
    **dict.fromkeys(
        _words("album book directive documentary film novel programme report scheme song"),
        "other",
    ),
}

# Two-word class nouns whose last word alone would mislead ("think tank" is no tank).
TWO_WORD_CLASS_NOUNS = {
    "think tank": "organization",
    "news agency": "organization",
    "fund manager": "organization",
    "asset manager": "organization",
    "port operator": "organization",
    "network operator": "organization",
    "grid operator": "organization",
    "shipping line": "organization",
    "low-cost carrier": "organization",
    "budget carrier": "organization",
    "flag carrier": "organization",
    "trade show": "event",
    "trade fair": "event",
    "air show": "event",
    "chief executive": "person",
    "managing director": "person",
    "executive director": "person",
}

# Class nouns that only classify the name *after* them, or only the name before them.
CLASS_NOUNS_BEFORE_ONLY = _words("capital border daily drug medicine monitor system")
CLASS_NOUNS_AFTER_ONLY = _words("tank tanks crossing plain reserve farm site")

# Personal roles that nameparser's title list lacks (it has "president", "minister"...).
EXTRA_ROLES = _words(
    """
    advisor aide analyst analysts boss candidate chairman chairwoman co-founder constable
    counsellor counselor
    director-general economists emir fellow head lawmaker legislator mediator negotiator
    datuk dato justice official owner partner president-elect prosecutor secretary-general
    spokesman tun tunku tengku
    spokesperson spokeswoman strategist volunteer
    """
)

# Companies' legal forms that cleanco's lists lack: joint-stock companies (Russia, Vietnam,
# Kazakhstan), Peru's closed and open corporations, Thailand's public companies.
EXTRA_COMPANY_FORMS = _words("JSC OJSC PJSC SAA SAC PCL")  # PCL: Thai public companies

# English legal forms that are also English words: a form only when capitalised after a
# name ("Sefwi Star Logistics Limited"), never in lower case ("a limited company").
CAPITALISED_COMPANY_FORMS = _words("Limited Incorporated")

# Head words that say a name is a company's as surely as a legal form: "Bukid Agri-Processing
# Corp", "Essential Drugs Company".
COMPANY_HEAD_FORMS = _words("Corp Corporation Company Holdings")

# Legal forms abbreviated with a full stop, which belongs to the name: "Arion Networks Inc.",
# "Lanyang Mobility Co., Ltd." ("GmbH", "AG" take none: a stop after them ends a sentence).
DOTTED_COMPANY_FORMS = _words("Inc Ltd Co Corp Bhd Ltda Lda")

# Legal forms of two words, written with full stops, commas or brackets between them:
# "Co., Ltd.", "Pte. Ltd.", "Sdn. Bhd.", "(Pvt) Ltd" (cleanco lists only some of them, as
# one term). Lower case, without the punctuation.
COMPANY_FORM_PAIRS = frozenset(
    {"co ltd", "co inc", "co llc", "pte ltd", "pty ltd", "pvt ltd", "sdn bhd", "plc ltd"}
)

# Titles of two words whose last word alone is no role ("executive" also heads bodies).
TWO_WORD_TITLES = frozenset(
    {
        "Chief Executive",
        "Managing Director",
        "Executive Director",
        # Malaysian honorifics: "Tan Sri Lim Boon Keat", "Datuk Seri Anwar Ibrahim".
        "Tan Sri",
        "Puan Sri",
        "Datuk Seri",
        "Dato Sri",
    }
)

# nameparser titles that are not roles of a person on their own: modifiers ("deputy",
# "prime"), adjectives and nouns that also head organisations or places.
NOT_ROLES = _words(
    """
    advertising air analytics appellate army award-winning ballet banner baseball bearer
    behavioral bench biblical blues british burlesque business celebrity civil classical comic
    computer corporate count credit criminal customs deputy designated discovery district
    division docket english excellent executive family federal field film financial first flag
    flying foreign grand group hereditary high his her host information intelligence judicial
    kingdom knowledge law legal literary marketing master mathematics me member met military
    model most municipal mystery national navy operating personality petty police political
    presiding prime private pro radio rear resident revenue right risk rock royal security
    senior social soccer software special st staff state states ste strategy supreme tax
    technical saint sainte
    television theater theatre travel uk united us vice voice wing
    """
)

# Words that may sit inside a multi-word name between capitalised words.
# "y", "et": "Promoción y Defensa", "Télécommunications et des Postes"; "n", the
# contracted "and" of brands ("Pick n Pay", "Rock n Roll Arena").
CONNECTORS = _words("of for the and & on upon y et n")

# Short English words that end a compound modifier ("Houthi-run", "Iran-led"); longer
# modifiers are recognised as ordinary words ("Iran-backed", "California-based").
SHORT_MODIFIERS = _words("cut fed hit led run set")

# Abbreviations written with a full stop before a name, which the stop does not end:
# titles ("Dr. Farhana Kabir", "Mrs. Comfort Aidoo"), abbreviated given names ("Md.",
# "Mohd." for Muhammad) and "St." in places ("St. Petersburg").
DOTTED_NAME_PREFIXES = _words(
    """
    Dr Mr Mrs Ms Mx Prof Rev Hon Md Mst Mohd Muhd St Ste Mt Ft Lt Gen Col Capt Maj Sgt Adm
    """
)

MONTHS = _words(
    """
    January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    """
)
WEEKDAYS = _words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")

# Upper-case abbreviations of common nouns: never a name on their own.
COMMON_ACRONYMS = _words(
    """
    AI AM CCTV CEO CEOs CFO COO CTO DNA EV EVs FAQ GDP GMT HIV ID IPO IT LNG LPG MP MPs OK PC
    PDF PM TV UAV UAVs UTC VAT VIP
    API APIs CPU CPUs GPS GPU GPUs ICU LED MRI PIN PPE RAM SIM SIMs SMS SSD URL USB VPN
    """
)
# More of the same kind, taken from the common-noun entries (a kind of thing, not one
# organisation's or product's name) of Wikipedia's "List of computing and IT
# abbreviations" and "List of medical abbreviations", and from the engineering
# abbreviations news explains in passing. To extend: add an initialism only when it
# names a kind of thing in everyday use and no well-known body or place shares it (no
# "CT", Connecticut's; no "IV", a regnal numeral).
COMMON_ACRONYMS |= _words(
    """
    DRAM SRAM NAND HBM HDD HDDs LCD LCDs OLED LTE NFC RFID ASIC ASICs FPGA FPGAs EUV
    ECMO ECG EEG PCR CPR IVF MRSA COPD ADHD ICUs MRIs
    SUV SUVs CNG HVAC ETF ETFs ESG NGO NGOs
    """
)

# English function words: never a name's first word at a sentence start, although the
# given-name list has some of them ("In", "The" are names in some countries).
FUNCTION_WORDS = _words(
    """
    a about above across after against all along although among an and another any as at
    because before behind below beneath beside between beyond both but by despite down during
    each either even every few for from he her here his how however i if in inside into it its
    like many more most much my near neither no nor not of off on once one only onto or other
    our out outside over since so some such than that the their then there these they this
    those though through throughout till to toward towards under unless unlike until up upon
    we what when where whether which while who whom whose why with within without yet you
    """
)

# The first word of an apposition that may introduce a role: "Lim, a senior analyst".
APPOSITION_OPENERS = _words("a an the its his her their our")

# Prepositions linking a role to an employer: "a senior fellow at Chatham House".
EMPLOYER_PREPOSITIONS = _words("at of with for")

# Characters that open a quotation: a capital after one starts a quotation, not a name.
OPENING_QUOTES = frozenset("\"'“‘«„")

# Verbs of speech right after a name: "Baltamed said", "Norvind told investors".
STATEMENT_VERBS = _words(
    "said says told announced confirmed declined denied warned added stated reported"
)
# Verbs of speech before a speaker's name: "said Thandeka Mokoena" (not "told X": X listens).
INVERTED_STATEMENT_VERBS = _words("said says added warned wrote")

# Words before a name that place it: "near Ely", "off Hanstholm", "outside Porto".
PLACE_PREPOSITIONS = _words("near off outside across in beneath")
# Nouns that make the name after "of" a product: "doses of Vaxira", "a version of Orbit".
EQUIPMENT_OF_NOUNS = _words("copies doses version versions")
# Nouns that make the name after "of" a place: "the slopes of Etna", "the edge of Vatnajokull".
PLACE_OF_NOUNS = _words(
    """
    banks coast edge flank flanks foot mouth outskirts shore shores slope slopes summit
    """
)
# Weaker: motion to or from a place, also said of organisations ("sold to Pfizer").
MOTION_PREPOSITIONS = _words("to from via")

# Determiners that count a name like a thing when nothing follows it: "its Velora Mini",
# "an Aerix at the gate", "every Velora sold" (not "a Reuters reporter": a noun follows).
PRODUCT_DETERMINERS = _words("a an its their every")
# Verbs right before a name that make it software or a machine, when nothing follows the
# name: "servers running Tallyro", "clinics that use Tallyro".
PRODUCT_VERBS = _words("downloaded installed running use uses using")

# Words before a name that make it an organisation: "shares in Norvind", "joined Lakeshore",
# "a subsidiary of Volta Crest". One or two words, lower case.
ORG_CONTEXT_BEFORE = frozenset(
    {
        "acquisition of",
        "seen by",
        "built by",
        "compiled by",
        "division of",
        "made by",
        "operated by",
        "owned by",
        "run by",
        "supplied by",
        "unit of",
        "customers of",
        "employees of",
        "investors in",
        "joined",
        "listed on",
        "merger with",
        "shareholders in",
        "shares in",
        "stake in",
        "staff at",
        "subsidiary of",
        "takeover of",
        "workers at",
    }
)
