"""General English word lists for the analysis: loaded once, lazily. Nothing here is about any
particular story or person; the larger lists come from public data (see data/NOTICE.md)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"


def _lines(name: str) -> list[str]:
    return [
        line for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")
    ]


@lru_cache(maxsize=1)
def first_names() -> dict[str, str]:
    """Known first names (title case) to 'm', 'f' or 'u': the US census names, then the world's
    most popular given names (a census name keeps its census gender)."""
    world = dict(line.split("\t") for line in _lines("world_first_names.txt"))
    return world | dict(line.split("\t") for line in _lines("first_names.txt"))


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    return frozenset(_lines("surnames.txt")) | frozenset(_lines("world_surnames.txt"))


@lru_cache(maxsize=1)
def gazetteer() -> frozenset[str]:
    """Place names of the world (cities over 15,000 people, countries, capitals, US states) and
    the hand-written PLACES: evidence against a person, weighed with the context."""
    names = _lines("places.txt")
    plain = _without_accents([n for n in names if not n.isascii()])  # "Sao Paulo" as news writes it
    return frozenset(names) | frozenset(plain) | PLACES


def _without_accents(names: list[str]) -> list[str]:
    """Each name decomposed (NFKD) without its combining marks, all names at once: one
    normalisation of the joined text, one pattern for the marks (a character at a time in
    Python took 15 ms for the gazetteer's 6,378 names). A line break is never combined with what follows,
    so the joined text's decomposition is the names' decompositions joined."""
    text = unicodedata.normalize("NFKD", "\n".join(names))
    marks = "".join(re.escape(c) for c in sorted(set(text)) if unicodedata.combining(c))
    return (re.sub(f"[{marks}]", "", text) if marks else text).split("\n") if names else []


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    return frozenset(_lines("common_words.txt")) | FUNCTION_WORDS


FUNCTION_WORDS = frozenset(
    """
a an the and or but nor so yet for of in on at to from by with without within into onto upon about
above below after before since until while during through throughout across against among around
between beyond despite except inside outside over under via per than as if though although because
unless whether i me my mine we us our ours you your yours he him his she her hers it its they them
their theirs this that these those who whom whose which what when where why how all any both each
few more most other some such no not only own same too very can will just should now also even still
here there then once again ever never always already almost is are was were be been being have has
had do does did yes oh wow hey well okay ok meanwhile however therefore instead indeed perhaps maybe
""".split()
)

TITLES = frozenset(
    """
mr mrs ms miss mx dr prof professor sir dame lady lord rev reverend fr father sister brother
sen senator rep representative gov governor pres president vice prime minister chancellor king queen
prince princess duke duchess earl count countess baron judge justice detective det officer sgt
sergeant capt captain lt lieutenant col colonel gen general adm admiral coach mayor chef uncle aunt
grandma grandpa auntie st saint pope bishop archbishop rabbi imam sheikh
""".split()
)

SPEECH_VERBS = frozenset(
    """
say says said saying tell tells told telling claim claims claimed claiming reveal reveals revealed
revealing insist insists insisted insisting explain explains explained explaining add adds added
adding admit admits admitted admitting state states stated stating note notes noted noting
write writes wrote writing recall recalls recalled recalling confirm confirms confirmed confirming
deny denies denied denying allege alleges alleged alleging assert asserts asserted
declare declares declared announce announces announced continue continues continued
snap snaps snapped joke jokes joked quip quips quipped laugh laughs laughed gush gushes gushed
reply replies replied respond responds responded shout shouts shouted scream screamed whisper
whispered ask asks asked agree agrees agreed argue argues argued warn warns warned complain
complained admit confess confesses confessed share shares shared post posts posted tweet tweeted
caption captioned disclose discloses disclosed report reports reported dish dishes dished
accuse accuses accused accusing posting saying react reacts reacted
spill spills spilled spilt divulge divulged blast blasts blasted slam slams slammed hint hints hinted
believe believes believed think thinks thought feel feels felt fear fears feared maintain maintains
maintained suggest suggests suggested suggesting describe describes described call calls called calling
dub dubs dubbed label labels labelled labeled doubt doubts doubted stress stresses stressed
hit hits gush gushing brag bragged boast boasted vow vowed promise promised
clarify clarifies clarified clarifying acknowledge acknowledges acknowledged acknowledging
arguing announcing tweets tweeting insisting contend contends contended contending
retort retorts retorted exclaim exclaims exclaimed interject interjects interjected remark remarks remarked
concede concedes conceded lament laments lamented scoff scoffs scoffed mutter muttered murmur murmured
conclude concludes concluded charged cried observed counter counters countered
surmise surmised assure assures assured urge urges urged
""".split()
)
# Verbs that make their subject a claim's speaker but are no evidence that a capitalised word
# before them is a person ("Models predicted", "Crowds chanted"): not read by the names.
SPEECH_VERBS_NOT_NAME_CUES = frozenset(
    """
bark barks barked yell yells yelled chant chants chanted emailed texted messaged proclaim proclaims
proclaimed wonder wonders wondered muse mused predict predicts predicted testify testifies testified
beamed smiled sighed grinned marveled marvelled chuckled fumed huffed sneered gasped shrugged groaned
boomed thundered bellowed roared sang sings
""".split()
)
NAME_CUE_VERBS = SPEECH_VERBS
SPEECH_VERBS = SPEECH_VERBS | SPEECH_VERBS_NOT_NAME_CUES

# Verbs of speech that mark reported speech on their own (the others need a quote or "that").
STRONG_ATTRIBUTION = frozenset(
    """
say says said saying tell tells told claim claims claimed claiming reveal reveals revealed insist
insists insisted explain explains explained admit admits admitted stated allege
alleges alleged confirm confirms confirmed deny denies denied disclose discloses disclosed
reported believe believes believed maintain maintains maintained add adds added noted
wrote dish dished spill spilled doubt doubts doubted stressed vowed agreed recalled
accuse accuses accused accusing saying recalls
announce announces announced describe describes described criticize criticizes criticized criticise
criticises criticised praise praises praised urge urges urged warn warns warned argue argues argued
""".split()
)

# Wishes and intentions credited to someone ("Trump wants a wall"): a claim only when the one
# who wants is named or a pronoun right before the verb.
REPORTING_VERBS = STRONG_ATTRIBUTION  # these find their speaker anywhere in the subject phrase

INTENT_VERBS = frozenset("want wants wanted hope hopes hoped intend intends intended plan plans planned".split())
# Positions, beliefs and acts of speech credited to whoever does them ("Cruz has endorsed Trump",
# "she thinks the bill will pass"): a claim only when the one who does it is named, or a
# pronoun, right before the verb (auxiliaries and adverbs between are passed over).
_STANCE_STEMS = _lines("stance_verbs.txt")
STANCE_VERBS = frozenset(
    w for entry in _STANCE_STEMS for part in entry.split(":") for w in part.split(",") if w
) | frozenset(
    w[:-1] + "ing"
    if w.endswith("e") and not w.endswith("ee")
    else w + w[-1] + "ing"
    if w in ("admit", "slam", "stop", "plan", "rebut", "refer", "brag", "regret")
    else w + "ing"
    for w in (entry.split(":")[0] for entry in _STANCE_STEMS)
)
# Verbs that credit a stance only with their particle, read as one verb ("call for", "called on": a
# demand; "pointed to", "points out": evidence given): the verb's forms, then its particles.
PARTICLE_VERBS = {
    **{w: ("for", "on", "upon") for w in "call calls called calling".split()},
    **{w: ("to", "out") for w in "point points pointed pointing".split()},
    **{w: ("it",) for w in "put puts".split()},  # "as Tom Ridge put it:"
}
# each read as the verb with its first particle ("called for", "pointed to"), a stance
STANCE_VERBS = STANCE_VERBS | frozenset(w + " " + PARTICLE_VERBS[w][0] for w in PARTICLE_VERBS)
STRONG_ATTRIBUTION = STRONG_ATTRIBUTION | INTENT_VERBS | STANCE_VERBS | frozenset("ask asks asked".split())

# Hedging constructions (regular expressions, matched case-insensitively on word boundaries).
HEDGES = (
    r"reportedly",
    r"allegedly",
    r"purportedly",
    r"supposedly",
    r"apparently",
    r"seemingly",
    r"presumably",
    r"rumou?rs? (?:swirl|swirling|suggest|suggesting|claim|have it|that|are|is|persist|persisting|abound|began|"
    r"continue)",
    r"rumou?red",
    r"(?:amid|sparking|fuelling|fueling|fuel|spark|sparked|fuelled|fueled) (?:\w+ ){0,2}speculation",
    r"speculation (?:that|is|has|about whether|swirls|mounts|grows|is growing)",
    r"it(?: is|'s| was| has been) (?:claimed|said|understood|believed|thought|reported|alleged|rumou?red)",
    r"some (?:are saying|say|believe|claim|suggest|think)",
    r"many (?:believe|think|suspect|wonder)",
    r"(?:speculate|speculates|speculated|speculating)",  # "Viewers have long speculated that"
    r"suggests?",
    r"suggested",
    r"suggesting",
    r"(?:is|are|was|were) said to",
    r"(?:is|are|was|were) believed to",
    r"(?:is|are|was|were) thought to",
    r"unconfirmed",
    r"whispers?",
    r"gossip",
    r"if (?:the )?reports are (?:true|accurate)",
    r"sources? (?:say|said|claim)",
    r"amid (?:\w+ ){0,2}(?:claims|reports|rumou?rs|allegations|speculation)",
    r"it (?:seems|appears|would seem|would appear)",
    r"(?:seems?|seemed|appears?|appeared) to (?:be|have)",
    r"(?:seems?|seemed|appears?|appeared) to [a-z]+",  # "Sanders seemed to reap the benefits"
    r"it(?: is|'s|’s) (?:safe|fair) to (?:assume|say)",
    r"(?:may|might|could) (?:well )?have been",
    r"(?:is|are|was|were) (?:not |widely |largely |also |now |still )?(?:expected|projected) to",
    r"(?:is|are|was|were) (?:widely |largely |generally |increasingly |often |also |now |still )?"
    r"(?:seen|viewed|regarded|considered) as",  # "He is widely seen as the favourite": on no one's word
)

ANONYMOUS_NOUNS = frozenset(
    """
insider insiders source sources friend friends pal pals confidant confidante confidants associate
associates spy spies onlooker onlookers witness witnesses tipster tipsters aide aides staffer
staffers acquaintance acquaintances relative relatives neighbour neighbor neighbours neighbors
person someone insider's insiders' source's employee employees worker workers guest guests
colleague colleagues staff crew partygoer partygoers bystander bystanders agent agents rep reps
representative representatives spokesperson spokesman spokesmen spokeswoman spokeswomen mole whistleblower
""".split()
)

PUBLIC_NOUNS = frozenset(
    """
fans fan commenters commenter critics critic reviewers reviewer viewers viewer followers follower
analysts analyst experts expert commentators commentator observers observer pundits pundit
users user social-media audiences audience netizens readers reader people many some others
trolls troll fact-checkers fact-checker factcheckers researchers scientists economists historians
scholars academics poster posters
""".split()
)

# Polls, studies and records: a claim "according to" them, or that they "show" or "found",
# rests on them (source `publication`).
EVIDENCE_NOUNS = frozenset(
    """
poll polls polling survey surveys study studies results data figures analysis research census
estimate estimates statistics numbers ruling rulings records filing filings statement statements
memo memos transcript transcripts indictment lawsuit complaint audit review investigation
average averages tally count counts declaration documents inquiry inquiries probe assessment evaluation
document tracker brief briefs submission submissions motion video videos footage recording recordings
literature story stories photo photos picture pictures image images post posts tweet tweets message messages
email emails letter letters
""".split()
)
EVIDENCE_VERBS = frozenset(
    """
show shows showed shown showing find finds found indicate indicates indicated indicating
""".split()
)
PUBLICATION_NOUNS = (
    frozenset(
        """
report reports reporting tabloid tabloids magazine magazines newspaper newspapers outlet outlets
publication publications paper papers website site documents filings court-documents editorial
editorials column columns op-ed
""".split()
    )
    | EVIDENCE_NOUNS
)

OUTLETS = frozenset(
    """
People|Page Six|TMZ|Us Weekly|In Touch|In Touch Weekly|Life & Style|OK!|OK! Magazine|Star|Star Magazine
|The National Enquirer|National Enquirer|Enquirer|RadarOnline|RadarOnline.com|Radar Online|New Idea|Woman's Day
|The Daily Mail|Daily Mail|MailOnline|The Sun|The Mirror|Daily Mirror|The Express|Daily Express|The Telegraph
|The Guardian|The Independent|The Times|The New York Times|New York Times|The Washington Post|Washington Post
|The Wall Street Journal|Wall Street Journal|USA Today|New York Post|The New York Post|Los Angeles Times|LA Times
|CNN|BBC|NBC|CBS|ABC|Fox News|Fox|MSNBC|NPR|Reuters|AP|Associated Press|AFP|Bloomberg|Variety|Deadline
|The Hollywood Reporter|Hollywood Reporter|Entertainment Weekly|E! News|E!|Extra|ExtraTV|Access Hollywood
|Entertainment Tonight|ET|Vanity Fair|Vogue|Elle|Glamour|Cosmopolitan|Harper's Bazaar|GQ|Esquire|Rolling Stone
|Billboard|Romper|Refinery29|BuzzFeed|HuffPost|Huffington Post|Insider|Business Insider|Daily Beast|The Daily Beast
|Vulture|Page Six TV|ComingSoon.net|Yahoo|Yahoo News|Newsweek|Time|The Atlantic|Politico|Axios|Forbes
|Instagram|TikTok|Twitter|X|Facebook|YouTube|Snapchat|Threads|Reddit|Weibo|WhatsApp|Telegram|Pinterest
|LinkedIn|Twitch|Netflix|Hulu|Max|HBO|HBO Max|Disney+|Prime Video|Amazon|Apple TV+|Peacock|Paramount+
|TLC|Bravo|MTV|ESPN|Sky News|Sky|ITV|Channel 4|Google|Apple|Microsoft|Meta|Spotify
|Wikipedia|Wikinews|Wikimedia|WikiLeaks|Wikileaks|Al Jazeera|Xinhua|Interfax|Kyodo|TASS|Tass|Agence France-Presse
|Deutsche Welle|The Economist|Der Spiegel|Le Monde|Sputnik|Breitbart|Breitbart News|Politifact|PolitiFact
""".replace("\n", "").split("|")
)

# Words that make a capitalised name an outlet ("the Daily Record", "Hello! magazine").
OUTLET_WORDS = frozenset(
    """
Daily Times Post News Record Star Mirror Herald Journal Magazine magazine Weekly Sun Express
Telegraph Gazette Tribune Chronicle Observer Guardian Standard Review Press TV Radio Network
Podcast podcast Newsletter Blog Online Wire Digest Bulletin Courier Examiner Inquirer Enquirer
""".split()
)

# Organisations speaking on record ("The palace said").
INSTITUTION_NOUNS = frozenset(
    """
palace castle hospital company firm studio studios network police court club team agency label
brand council government ministry department school university charity church museum
production network broadcaster channel airline hotel venue restaurant publisher organisers
organizers promoter promoters league federation union foundation statement
campaign committee administration party senate congress parliament agency commission board office
""".split()
)

# People identified by office or trade but not by name: a claim on their word rests on an
# unnamed source ("Officials said", "the judge said", "analysts say").
OFFICIAL_NOUNS = frozenset(
    """
official officials judge judges spokesman spokesmen spokeswoman spokeswomen spokesperson spokespeople aide aides adviser
advisers advisor advisors president senator senators governor mayor lawmaker lawmakers legislator
legislators prosecutor prosecutors lawyer lawyers attorney attorneys nominee chairman chairwoman
secretary minister ambassador officer officers authorities analyst analysts expert experts economist
economists strategist strategists pollster pollsters researcher researchers scientist scientists
diplomat diplomats regulator regulators investigator investigators representative representatives
police head heads chief chiefs leader leaders director directors staff staffers
""".split()
)

PLACES = frozenset(
    """
Afghanistan|Albania|Algeria|Argentina|Armenia|Australia|Austria|Bahamas|Bangladesh|Belgium|Bolivia|Brazil
|Bulgaria|Cambodia|Cameroon|Canada|Chile|China|Colombia|Croatia|Cuba|Cyprus|Czechia|Denmark|Ecuador|Egypt
|England|Estonia|Ethiopia|Finland|France|Georgia|Germany|Ghana|Greece|Guatemala|Haiti|Honduras|Hungary
|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Jamaica|Japan|Jordan|Kenya|Korea|Kosovo|Kuwait
|Latvia|Lebanon|Libya|Lithuania|Luxembourg|Malaysia|Mali|Malta|Mexico|Monaco|Mongolia|Morocco|Nepal
|Netherlands|Nigeria|Norway|Pakistan|Palestine|Panama|Peru|Philippines|Poland|Portugal|Qatar|Romania
|Russia|Rwanda|Scotland|Senegal|Serbia|Singapore|Slovakia|Slovenia|Somalia|Spain|Sudan|Sweden
|Switzerland|Syria|Taiwan|Thailand|Tunisia|Turkey|Uganda|Ukraine|Uruguay|Venezuela|Vietnam|Wales|Yemen
|Zambia|Zimbabwe|Britain|Great Britain|UK|U.K.|US|U.S.|USA|U.S.A.|America|United States|United Kingdom
|Burma|Myanmar|Holland|Persia|Ceylon|Zaire|Bosnia|Herzegovina|Belarus|Moldova|Kazakhstan|Uzbekistan
|Azerbaijan|Nicaragua|Costa Rica|Paraguay|Sri Lanka|Laos|Oman|Bahrain|Saudi Arabia|Tanzania|Mozambique
|Angola|Namibia|Botswana|Congo|Liberia|Sierra Leone|Guinea|Macedonia|Montenegro|Tibet|Chechnya|Kashmir
|Gaza|West Bank|Crimea|Kurdistan
|Europe|Asia|Africa|Antarctica|Oceania|Scandinavia|Caribbean|Middle East
|Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|Illinois
|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi
|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota
|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont
|Virginia|Washington|West Virginia|Wisconsin|Wyoming
|London|Paris|Berlin|Madrid|Rome|Milan|Venice|Florence|Vienna|Prague|Dublin|Edinburgh|Glasgow|Manchester
|Liverpool|Birmingham|Amsterdam|Brussels|Lisbon|Athens|Moscow|Kyiv|Kiev|Warsaw|Stockholm|Oslo|Copenhagen
|Helsinki|Zurich|Geneva|Istanbul|Cairo|Dubai|Tokyo|Beijing|Shanghai|Hong Kong|Seoul|Mumbai|Delhi|Sydney
|Melbourne|Toronto|Vancouver|Montreal|Mexico City|Rio|Rio de Janeiro|Buenos Aires|Lagos|Nairobi
|Los Angeles|LA|L.A.|New York City|NYC|Manhattan|Brooklyn|Queens|Bronx|Harlem|Hollywood|Beverly Hills
|Malibu|Santa Monica|Hamptons|East Hampton|Southampton|Chicago|Boston|Miami|Atlanta|Dallas|Houston|Austin
|Seattle|Portland|Denver|Phoenix|Las Vegas|Vegas|Nashville|Detroit|Philadelphia|San Francisco|San Diego
|Santa Fe|Albuquerque|New Orleans|Orlando|Washington DC|Washington D.C.|Times Square|Central Park
|Wall Street|Broadway|Brooklyn Bridge|Silicon Valley|Capitol Hill|Downing Street|Buckingham Palace
""".replace("\n", "").split("|")
)

# Last words that make a capitalised phrase a place, an organisation or a title, not a person.
NON_PERSON_HEADS = frozenset(
    """
Street St Avenue Ave Road Rd Boulevard Blvd Lane Drive Square Park Plaza Place Court Hall Hotel Inn
Hospital Clinic University College School Academy Institute Church Cathedral Center Centre Museum
Gallery Theatre Theater Stadium Arena Airport Station Bridge Tower Building Palace Castle House
Island Islands Beach Bay Valley Mountain Mountains River Lake Sea Ocean Coast County City State
Province Republic Kingdom Empire Inc Corp Corporation Company Co Ltd LLC Group Holdings Studios Studio
Records Pictures Productions Entertainment Media News Times Post Journal Magazine Herald Tribune
Gazette Weekly Daily Network Channel Radio TV Television Show Series Awards Award Festival Games
Cup League Club Team Party Council Committee Commission Department Ministry Agency Bureau Office
Police Army Navy Force Court Senate Congress Parliament Assembly Foundation Fund Trust Bank
Association Union Society Reserve Hollywood Day Week Month Year Act Bill Law Program Programme Project
Lodge Falls Terrace Mosque Temple Shrine Market Garden Gardens Zoo Harbour Harbor Pier Wharf Trail
Highway Freeway Turnpike Canyon Gorge Peak Olympics Paralympics Olympic Championship Championships Prize
Newsroom Newsdesk Desk Bureau Exchange Board Authority Organisation Organization Service Services Administration
Federation Alliance Front Movement Coalition Confederation Tribunal Bourse Markets Dealers Sound Strait
Celsius Fahrenheit
""".split()
)

# Last words that make a phrase a business ("Volkswagen AG", "Lehman Brothers"): the words before
# them name the business wherever else the document has them alone ("Volkswagen said").
CORPORATE_HEADS = frozenset(
    """
Inc Corp Corporation Co Ltd Limited LLC Plc PLC AG NV SA GmbH AB ASA Oyj SpA Bhd Pty Holdings Group
Bank Securities Brothers Airlines Airways Motors Industries Partners Associates Pharma Pharmaceuticals
Petroleum Energy Telecom Communications Systems Technologies Software Electronics Insurance Investments
""".split()
)
CORPORATE_HEADS = CORPORATE_HEADS | {w.title() for w in CORPORATE_HEADS if w.isupper()}  # as looked up: "Ag"
NON_PERSON_HEADS = NON_PERSON_HEADS | CORPORATE_HEADS

DAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
MONTHS_DAYS = DAYS | frozenset(
    """
January February March April May June July August September October November December Jan Feb Mar
Apr Jun Jul Aug Sep Sept Oct Nov Dec Christmas Easter Halloween Thanksgiving
""".split()
)

NUMBER_WORDS = frozenset(
    """
one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
""".split()
)

PRONOUNS_SUBJECT = {"he": "m", "she": "f", "they": "u", "him": "m", "her": "f", "them": "u"}


# Words for one person by what they do or are, beyond the offices and roles of the lists.
PERSON_NOUNS = frozenset(
    """businessman businesswoman billionaire tycoon mogul magnate entrepreneur developer nominee
    candidate challenger incumbent frontrunner front-runner contender campaigner activist lady
    star actor actress singer rapper comedian host anchor presenter writer author novelist
    columnist commentator pundit founder owner boss manager coach player striker defender
    midfielder goalkeeper captain veteran ex-president ex-wife ex-husband pilot driver""".split()
)
