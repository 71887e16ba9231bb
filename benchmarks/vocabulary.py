"""Word lists and sentence templates of the benchmark corpus (see :mod:`benchmarks.corpus`).

Templates use ``{slot}`` fields: ``person``, ``org``, ``place``, ``thing`` (with a ``2`` for a
second, different one) become glossary mentions; ``n``, ``year``, ``month``, ``sector``,
``when``, ``source``, ``media`` are filler. Apostrophes are written straight; the writer turns
them typographic in most articles. Plain sentences contain no attribution cue (said, told,
according to, announced...), so every attribution in an article is one the generator counted.
"""

from __future__ import annotations

# Entity types in the order entries are created (7 people, 5 organisations, 5 places, one
# each of equipment, event, other per 20), as in briefings.entities.glossary.ENTITY_TYPES.
TYPE_CYCLE = (
    "person",
    "organization",
    "place",
    "person",
    "organization",
    "place",
    "person",
    "equipment",
    "place",
    "person",
    "organization",
    "event",
    "person",
    "place",
    "organization",
    "person",
    "other",
    "place",
    "person",
    "organization",
)
THING_TYPES = ("equipment", "event", "other")

SYLLABLES = (
    "ka",
    "ve",
    "lo",
    "ran",
    "mir",
    "to",
    "sa",
    "del",
    "ni",
    "vor",
    "ta",
    "len",
    "ri",
    "os",
    "mar",
    "zan",
    "bel",
    "cor",
    "du",
    "fen",
    "gal",
    "hal",
    "is",
    "jor",
    "kel",
    "lin",
    "mo",
    "nor",
    "pel",
    "quin",
    "ros",
    "sol",
    "tam",
    "ul",
    "var",
    "wen",
    "yar",
    "zel",
    "ba",
    "che",
    "dra",
    "eth",
    "fi",
    "gor",
)
FIRST_NAMES = (
    "Amara",
    "Bilal",
    "Carmen",
    "Dmitri",
    "Elif",
    "Farah",
    "Goran",
    "Hana",
    "Ismail",
    "Jana",
    "Kofi",
    "Leila",
    "Mateo",
    "Nadia",
    "Oskar",
    "Priya",
    "Quentin",
    "Rania",
    "Sipho",
    "Tomas",
    "Ulla",
    "Viktor",
    "Wanjiru",
    "Xavier",
    "Yusuf",
    "Zofia",
    "Aleksei",
    "Beatriz",
    "Chen",
    "Daria",
    "Emeka",
    "Fatima",
    "Gustav",
    "Hiroshi",
    "Ines",
    "Javier",
    "Katya",
    "Luis",
    "Mei",
    "Nikolai",
    "Olga",
    "Pedro",
    "Rashid",
    "Sofia",
    "Tariq",
    "Uma",
    "Valentina",
    "Wei",
    "Yara",
    "Zainab",
    "Anders",
    "Bogdan",
    "Camila",
    "Diego",
    "Esther",
    "Felix",
    "Greta",
    "Hassan",
    "Irina",
    "Jonas",
    "Kamala",
    "Lars",
    "Marta",
    "Nuno",
    "Omar",
    "Paulina",
    "Rafael",
    "Sana",
)
ORG_KINDS = (
    "Grain Council",
    "Energy Authority",
    "Port Authority",
    "Development Bank",
    "Workers' Union",
    "Water Board",
    "Rail Company",
    "Trade Federation",
    "Health Agency",
    "Security Council",
    "Fisheries Commission",
    "Housing Trust",
    "Mining Corporation",
    "Broadband Alliance",
    "Farmers' Association",
)
PLACE_FORMS = ("{w}", "{w}", "{w}", "Port {w}", "{w} Province", "North {w}", "{w} Valley")
EQUIPMENT_FORMS = ("{w}-{n} turbine", "{w}-{n} drone", "{w} {n} reactor", "{w}-{n} locomotive")
EVENT_FORMS = ("{w} Summit", "{w} Accord", "{w} Energy Forum", "{w} Talks")
OTHER_FORMS = ("{w} Initiative", "{w} Plan", "{w} Fund", "{w} Corridor")
ROLES = (
    "negotiator",
    "regional governor",
    "finance minister",
    "trade envoy",
    "union leader",
    "opposition politician",
    "economist",
    "engineer",
    "mayor",
    "energy minister",
)

SOURCES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Northwind Press Agency", "news agency", ("NPA",)),
    ("Meridian News Service", "news agency", ("MNS",)),
    ("Continental Wire", "news agency", ()),
    ("Harbour Herald", "media", ()),
    ("Evening Ledger", "media", ()),
    ("Coastal Broadcasting Corporation", "media", ("CBC News",)),
    ("Institute for Regional Security Studies", "think tank", ("IRSS",)),
    ("Centre for Energy Transition Research", "think tank", ("CETR",)),
    ("Harbour Policy Centre", "think tank", ()),
    ("Foundation for Open Markets", "think tank", ("FOM",)),
    ("Ministry of Finance", "government", ()),
    ("Ministry of Transport", "government", ()),
    ("Ministry of Water Resources", "government", ()),
    ("National Statistics Office", "government", ("NSO",)),
    ("Joint Coastal Command", "military", ()),
    ("Office of the Prime Minister", "official", ()),
    ("Federal Audit Chamber", "official", ()),
    ("Council of Regional Mayors", "other", ()),
)
MEDIA_KINDS = ("news agency", "media")
CREDITS = ("AP", "Reuters", "AFP", "Northwind Press Agency", "Staff photographer")

SECTORS = (
    "energy",
    "water",
    "grain",
    "rail",
    "port",
    "housing",
    "broadband",
    "fisheries",
    "steel",
    "health",
)
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WHEN = ("on Monday", "on Tuesday", "on Thursday", "last week", "earlier this month", "")

# Sentences without a cue verb: no said/told/according/announced/revealed/reported...
PLAIN_WITH_ENTITIES = (
    "{place} has spent the past {n} months negotiating with {org} over the future of its "
    "{sector} sector.",
    "{person} has pushed for a faster timetable, since delays would leave {place} "
    "exposed to higher {sector} prices next winter.",
    "The dispute centres on a {n}-kilometre stretch of {sector} infrastructure that links "
    "{place} with {place2}.",
    "Officials in {place} expect the first phase to cost roughly {n} million dollars, a "
    "figure that has doubled since {year}.",
    "{org} has spent much of the year reviewing its commitments in the region, and its board "
    "is due to meet again in {month}.",
    "The plan, backed by {person}, would create thousands of jobs in {place} and the "
    "surrounding districts.",
    "Critics point out that similar schemes in {place} ran years behind schedule and far "
    "over budget.",
    "The {thing} has become a symbol of the wider debate about how quickly the region can "
    "modernise its {sector} network.",
    "{person} and {person2} met in {place} in {month} to discuss the next steps, their first "
    "meeting since the talks began.",
    "Trade between {place} and {place2} fell by {n} per cent in the first half of the year, "
    "the steepest drop in a decade.",
    "{org} and {org2} have both set aside funds for the project, though neither has "
    "committed to a firm date.",
    "The next round of talks is scheduled for {month} in {place}, where {person} is expected "
    "to present a revised proposal.",
    "For residents of {place}, the most visible change so far has been a steady rise in "
    "{sector} bills.",
    "The {thing} was first proposed in {year} but stalled amid disagreements over funding "
    "and oversight.",
    "Several members of {org} have questioned whether the timetable is realistic given the "
    "shortage of skilled workers.",
    "{person} has made the issue a central part of the campaign, visiting {place} {n} times "
    "since the spring.",
    "{place}'s own {sector} regulator is due to publish a review of the plan before the end "
    "of the year.",
    "Negotiators from {org} spent most of the week in {place}, working through a list of "
    "more than {n} technical questions.",
    "The government of {place} has offered to cover part of the cost if {org} agrees to "
    "extend the deadline.",
    "Engineers working on the {thing} had to redesign parts of it after flooding damaged a "
    "key section in {month}.",
    "{person}'s office has asked {org} for a detailed breakdown of the costs.",
    "Whether the plan survives will depend largely on the outcome of the vote in {place} "
    "later this year.",
    "{org} first floated the idea in {year}, when {sector} demand in {place} began to "
    "outstrip supply.",
    "Farmers near {place} have long complained that the {sector} network serves the cities "
    "first and the countryside last.",
    "{person} spent two days touring the {thing} site, the first such visit by a senior "
    "figure this year.",
    "The {thing} is due to be completed in {month}, about {n} months later than planned.",
    "Talks between {org} and the authorities in {place2} stalled in {month} over who should "
    "pay for the upgrade.",
    "{person} is expected to travel to {place} next month to meet members of {org}.",
    "Companies from {place} have won most of the early contracts, a point of friction with "
    "neighbouring {place2}.",
    "A second phase, covering {place} and the coast, would roughly double the total cost.",
    "{org2} has set up a working group of {n} engineers and lawyers to study the proposal.",
    "The partnership between {org} and {place} dates back to a {year} agreement on "
    "{sector} supplies.",
)
PLAIN_WITHOUT_ENTITIES = (
    "Prices for {sector} contracts have risen for {n} consecutive months, putting pressure "
    "on households and small firms.",
    "Local businesses have been hit hard by the uncertainty, with some postponing investment "
    "until the talks conclude.",
    "The first contracts are expected to cover maintenance, training and the purchase of "
    "new equipment.",
    "Much of the existing {sector} network was built more than {n} years ago and has not "
    "been upgraded since.",
    "Economists caution that the benefits will take years to appear in official figures.",
    "A parliamentary committee is due to examine the proposal in detail after the summer recess.",
    "The scheme would be financed through a mix of public loans, private investment and "
    "higher user charges.",
    "Demand for {sector} services has grown by about {n} per cent a year over the past decade.",
    "Experts believe the delays could cost the region as much as {n} million dollars in "
    "lost trade.",
    "Opposition parties have called for an independent review before any money is spent.",
    "Ratings agencies have so far kept their outlook for the region unchanged.",
    "The last comparable project took almost {n} years from approval to completion.",
    "Consumer groups want a cap on the charges passed on to households.",
    "Several of the largest contracts have yet to be put out to tender.",
    "Insurance costs for the sector have climbed sharply since the floods of {year}.",
    "Unions are pressing for guarantees that existing jobs will be protected.",
    "The plan also includes money for training about {n} hundred apprentices.",
    "Preliminary surveys of the route were completed in {month}.",
)
ATTRIBUTED = (
    "The cost of the scheme has risen by {n} per cent since the first estimates, according "
    "to {source}.",
    "According to {source}, at least {n} companies have applied for permits in {place} "
    "since {month}.",
    "{Source} said {when} that the first contracts would be signed before the end of {month}.",
    "A spokesperson for {source} said {when} that talks with {org} would continue.",
    "{person}, who leads the negotiating team, told {media} {when} that a compromise was "
    "within reach.",
    "{person} said in an interview with {media} that the plan had broad support in {place}.",
    "A senior official, who spoke on condition of anonymity, said the timetable was likely "
    "to slip by {n} months.",
    "“We will not walk away from these talks,” a spokesperson for {source} said {when}.",
)
SUBHEADINGS = (
    "Funding gap widens",
    "Pressure builds on {org}",
    "What comes next for {place}",
    "A long road to an agreement",
    "{Sector} prices keep climbing",
    "Doubts over the timetable",
)
HEADLINES = (
    "{Sector} plan under pressure",
    "Talks on {sector} deal drag on",
    "Cost of {sector} upgrade keeps rising",
    "New doubts over {sector} timetable",
)
CAPTIONS = (
    "{person} speaks to reporters in {place} after talks with {org} officials.",
    "Workers inspect a section of the {thing} near {place}.",
    "{person}, left, and {person2} shake hands during their meeting in {place}.",
)

# --- the realistic corpus (benchmarks.corpus, density "realistic") -----------------------
# Names the glossary lacks ("unreviewed"): coined from other syllables than glossary names,
# each written the first time with a cue that the plugin's discovery reads as evidence of
# its type (a title, a head word, "the port of", a model number), as real copy does.

NEW_SYLLABLES = (
    "brov",
    "kar",
    "vel",
    "dun",
    "mek",
    "ost",
    "zar",
    "vin",
    "lask",
    "pol",
    "dren",
    "kov",
    "tresh",
    "vesk",
    "rud",
    "jol",
    "nov",
    "tarv",
    "hel",
    "grad",
    "sib",
    "mor",
    "plet",
    "orv",
)
NEW_ENDINGS = ("ko", "ov", "ek", "ara", "isk", "ane", "ora", "ich", "ats", "ena", "ul", "etz")
NEW_FIRST_NAMES = (
    "Anatoli",
    "Oksana",
    "Milos",
    "Jelena",
    "Tibor",
    "Agnieszka",
    "Radek",
    "Ilona",
    "Mirela",
    "Stanislav",
    "Bojana",
    "Vesna",
    "Dragan",
    "Zoran",
    "Lidia",
    "Petra",
    "Marek",
    "Lucia",
    "Andrei",
    "Yelena",
    "Henrik",
    "Ingrid",
    "Kasper",
    "Matthias",
    "Nadine",
    "Piotr",
    "Silvia",
    "Teodor",
    "Ursula",
    "Werner",
)
NEW_TITLES = (
    "Defence Minister",
    "Interior Minister",
    "Transport Minister",
    "Deputy Prime Minister",
    "Governor",
    "Ambassador",
    "Senator",
    "Mayor",
)
NEW_ORG_FORMS = (
    "{w} Shipping Group",
    "{w} Holdings",
    "{w} Logistics",
    "{w} Freight Company",
    "{w} Steel Industries",
    "{w} Media Group",
    "{w} Development Fund",
    "{w} Farmers Union",
    "{w} Policy Institute",
    "{w} Port Authority",
)
# How a new place is written: always with its cue the first time, mostly bare after.
NEW_PLACE_CUES = (
    "the port of {name}",
    "{name} province",
    "the town of {name}",
    "{name} district",
    "the city of {name}",
)
NEW_EQUIPMENT_NOUNS = ("drone", "turbine", "locomotive", "tanker", "helicopter", "dredger")
NEW_EVENT_FORMS = ("{w} Summit", "{w} Conference", "{w} Festival")
NEW_OTHER_FORMS = ("{w} Pact", "{w} Treaty", "{w} Agreement", "{w} Initiative")

# Dense sentences: two to five entity slots in about twenty words, no attribution cue.
DENSE_WITH_ENTITIES = (
    "{person} and {person2} met in {place} to discuss the {thing}, which {org} has backed "
    "since {year}.",
    "{org} has asked {org2} to share the cost of the upgrade between {place} and {place2}.",
    "Talks between {org} and the authorities in {place} stalled in {month} over the {thing}.",
    "{person} flew to {place} to meet {person2} and officials from {org} before the vote.",
    "Trade between {place} and {place2} fell by {n} per cent after {org} suspended shipments "
    "through {place3}.",
    "{person}, who chairs {org}, has pushed for a faster timetable for the {thing}.",
    "The {thing} links {place} with {place2} and is run jointly by {org} and {org2}.",
    "{org} wants {place} to take over part of the {sector} network before {person} leaves office.",
    "Engineers from {org} inspected the {thing} near {place} after flooding damaged a key section.",
    "{person} has made the {thing} a central part of the campaign in {place} and {place2}.",
    "Companies from {place} have won most of the early contracts, a point of friction with "
    "{place2} and {org}.",
    "{place} and {place2} signed the {thing} in {month}, with {org} as guarantor.",
    "Supporters of the plan, including {person} and {person2}, hope it will bring jobs to {place}.",
    "{org2} has set up a working group with {org} to study the route from {place} to {place2}.",
    "{person} spent two days touring the {thing} site in {place} with {person2}.",
    "The partnership between {org} and {place} dates back to a {year} deal on {sector} "
    "supplies with {org2}.",
    "{person}'s office has asked {org} for a breakdown of the costs of the {thing}.",
    "Farmers near {place} blame {org} for the delays, while {person} blames {org2}.",
    "The {thing} was first proposed by {person} in {year} but stalled amid disagreements "
    "between {org} and {place}.",
    "Negotiators from {org} spent most of the week in {place} with a delegation from {place2}.",
    "{person} is expected to travel to {place} next month to meet {person2} and members of {org}.",
    "A second phase would extend the {thing} from {place} to {place2} and {place3}.",
    "Rail links between {place} and {place2} have been cut since {month}, and {org} has no "
    "date for repairs.",
    "{org} and {org2} have both set aside funds for the {thing}, though neither has "
    "committed to a firm date.",
    "The government of {place} has offered to cover part of the cost if {org} extends the "
    "deadline set by {person}.",
    "{person} replaced {person2} at the head of {org} in {month}.",
    "Shipments from {place} to {place2} now pass through {place3}, where {org} runs the terminal.",
    "{person} and {org} have clashed repeatedly over the {thing} since the floods in {place}.",
)
LIGHT_WITH_ENTITIES = (
    "{place} has spent the past {n} months negotiating over the future of its {sector} sector.",
    "Officials in {place} expect the first phase to cost roughly {n} million dollars.",
    "{org} is due to meet again in {month} to review its commitments in the region.",
    "Critics point out that similar schemes ran years behind schedule in {place}.",
    "The {thing} is due to be completed in {month}, about {n} months later than planned.",
    "For residents of {place}, the most visible change so far has been a steady rise in "
    "{sector} bills.",
    "Several members of {org} have questioned whether the timetable is realistic.",
    "{person} has visited the region {n} times since the spring.",
)
# Attributed sentences: the speaker is a registered source or a glossary entry
# ({speaker}, {body}), never an unreviewed name, so no footnote has an unknown source.
ATTRIBUTED_DENSE = (
    "The cost of the {thing} has risen by {n} per cent since {year}, according to {source}.",
    "According to {source}, at least {n} companies from {place} have applied for permits "
    "since {month}.",
    "{speaker} said {when} that {org} would sign the first contracts for the {thing} before "
    "{month}.",
    "{body} said {when} that talks with {org} and {place} would continue.",
    "“We will not walk away from these talks with {org},” said {speaker}.",
    "“The {thing} will be finished on time,” said {speaker}, who leads the team from {place}.",
    "A report seen by {media} suggests that {org} plans to cut {n} jobs in {place}.",
    "{speaker} told {media} {when} that a compromise with {person} was within reach.",
    "{speaker} said in an interview with {media} that the plan had broad support in {place}.",
    "A senior official, who spoke on condition of anonymity, said {org} was likely to "
    "delay the {thing} by {n} months.",
    "{Source} said {when} that shipments through {place} had fallen by {n} per cent.",
    "Officials in {place} expect further delays, {speaker} said on Tuesday.",
)
CAPTIONS_DENSE = (
    "{person} speaks to reporters in {place} after talks with {org} officials.",
    "Workers inspect a section of the {thing} near {place}.",
    "{person}, left, and {person2} shake hands during their meeting in {place}.",
    "Containers stacked at the terminal run by {org} in {place}.",
    "Protesters gather outside the offices of {org} in {place} as {person} arrives.",
)
