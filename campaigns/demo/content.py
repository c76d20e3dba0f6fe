"""The campaigns' demo pages: each a dict with an "sr" and an "en" side holding field values.

Times are not stored here: load.py sets them relative to the moment the demo is loaded (see
TIMES there), so a freshly loaded demo always has an open petition and upcoming events. This is
content, not UI, so the strings are not marked for translation.
"""

from home.demo_content import heading, paragraph

CAMPAIGN_INDEX = {
    "sr": {
        "title": "Kampanje",
        "slug": "kampanje",
        "intro": (
            "Potpišite peticije i dođite na naše događaje: zajedno tražimo da o nadzoru u "
            "Beogradu odlučuje javnost, a ne ugovori o kojima građani ništa ne znaju."
        ),
    },
    "en": {
        "title": "Campaigns",
        "slug": "campaigns",
        "intro": (
            "Sign our petitions and come to our events: together we ask that the public, not "
            "contracts citizens know nothing about, decides on surveillance in Belgrade."
        ),
    },
}

# The open petition: signing is possible until its deadline.
MORATORIUM = {
    "sr": {
        "title": "Moratorijum na biometrijski nadzor",
        "slug": "moratorijum-na-biometrijski-nadzor",
        "addressed_to": "Vlada Republike Srbije i Ministarstvo unutrašnjih poslova",
        "demand": (
            "Tražimo da se obustavi upotreba kamera i softvera za prepoznavanje lica na javnim "
            "mestima u Beogradu dok se o biometrijskom nadzoru ne održi javna rasprava i dok "
            "građani ne saznaju gde su kamere, ko gleda snimke i koliko dugo se oni čuvaju."
        ),
        "background": [
            paragraph(
                "<p>U okviru projekta „Siguran grad“ Vlada Srbije i kompanija Huawei postavljaju "
                "u Beogradu hiljade pametnih kamera koje mogu da prepoznaju predmete i lica, a "
                "snimke analizira sistem veštačke inteligencije. Građani su na mapi zabeležili "
                "mnogo više takvih kamera nego što ih ima na zvaničnom spisku policije.</p>"
            ),
            paragraph(
                "<p>Biometrijski podaci su po Zakonu o zaštiti podataka o ličnosti posebna vrsta "
                "podataka o ličnosti, a pre obrade koja nosi visok rizik za prava građana mora da "
                "se proceni njen uticaj. Moratorijum znači privremenu obustavu: kamere ne "
                "prepoznaju ničija lica dok javnost ne dobije odgovore. Evropska kampanja Reclaim "
                "Your Face ide dalje i traži zabranu biometrijskog masovnog nadzora.</p>"
            ),
        ],
        "search_description": (
            "Potpišite peticiju za moratorijum na kamere sa prepoznavanjem lica u Beogradu."
        ),
    },
    "en": {
        "title": "A moratorium on biometric surveillance",
        "slug": "moratorium-on-biometric-surveillance",
        "addressed_to": "The Government of Serbia and the Ministry of the Interior",
        "demand": (
            "We ask that the use of facial recognition cameras and software in Belgrade's public "
            "spaces be suspended until a public debate on biometric surveillance has been held "
            "and citizens know where the cameras are, who watches the footage and for how long "
            "it is kept."
        ),
        "background": [
            paragraph(
                "<p>Under the “Safe City” project, the Government of Serbia and Huawei are "
                "installing thousands of smart cameras in Belgrade that can recognise objects and "
                "faces, with an artificial intelligence system analysing the footage. Citizens "
                "have mapped far more of these cameras than the police's official list "
                "shows.</p>"
            ),
            paragraph(
                "<p>Under the Law on Personal Data Protection, biometric data is a special "
                "category of personal data, and processing that puts citizens' rights at high "
                "risk needs an assessment of its impact first. A moratorium is a pause: the "
                "cameras recognise nobody's face until the public has its answers. The European "
                "campaign Reclaim Your Face goes further and asks for a ban on biometric mass "
                "surveillance.</p>"
            ),
        ],
        "search_description": (
            "Sign the petition for a moratorium on facial recognition cameras in Belgrade."
        ),
    },
}

# A petition that reached its aim: closed, and marked as succeeded.
CAMERA_LOCATIONS = {
    "sr": {
        "title": "Objavite gde su kamere",
        "slug": "objavite-gde-su-kamere",
        "addressed_to": "Ministarstvo unutrašnjih poslova",
        "demand": (
            "Tražimo od Ministarstva unutrašnjih poslova da objavi lokacije kamera za video-nadzor "
            "javnih mesta u Beogradu i da svaku kameru obeleži znakom, kako propisuje njegov "
            "pravilnik."
        ),
        "background": [
            paragraph(
                "<p>Ministarstvo je objavilo spisak lokacija kamera, i zahtev ove peticije je time "
                "ispunjen. Hvala svima koji su potpisali.</p>"
            ),
            paragraph(
                "<p>Posao nije završen: spisak se i dalje razlikuje od mape građana, najviše na "
                "Novom Beogradu, Zvezdari i u Starom gradu. Zato nastavljamo da beležimo kamere i "
                "upoređujemo podatke.</p>"
            ),
        ],
        "search_description": "Peticija za objavljivanje lokacija kamera u Beogradu je uspela.",
    },
    "en": {
        "title": "Publish where the cameras are",
        "slug": "publish-where-the-cameras-are",
        "addressed_to": "The Ministry of the Interior",
        "demand": (
            "We ask the Ministry of the Interior to publish the locations of the video "
            "surveillance cameras in Belgrade's public spaces and to mark each camera with a "
            "sign, as its own rulebook requires."
        ),
        "background": [
            paragraph(
                "<p>The Ministry has published a list of camera locations, which meets this "
                "petition's demand. Thank you to everyone who signed.</p>"
            ),
            paragraph(
                "<p>The work is not over: the list still differs from the citizens' map, most of "
                "all in Novi Beograd, Zvezdara and Stari Grad. So we keep mapping cameras and "
                "comparing the data.</p>"
            ),
        ],
        "search_description": "The petition to publish Belgrade's camera locations succeeded.",
    },
}

WORKSHOP = {
    "sr": {
        "title": "Radionica: kako da mapirate kamere u svom kraju",
        "slug": "radionica-mapiranje-kamera",
        "venue": "Dom omladine Beograda",
        "address": "Makedonska 22, Beograd",
        "description": [
            paragraph(
                "<p>Pokazujemo kako se prepoznaju kamere koje mogu da prepoznaju lica, kako se "
                "kamera fotografiše i prijavljuje na mapu i kako proveravamo tuđe prijave. "
                "Ponesite telefon; iskustvo nije potrebno.</p>"
            ),
            paragraph(
                "<p>Posle radionice zajedno prošetamo do Trga republike i usput zabeležimo "
                "kamere koje vidimo.</p>"
            ),
        ],
        "search_description": "Radionica mapiranja kamera u Domu omladine Beograda.",
    },
    "en": {
        "title": "Workshop: how to map the cameras in your neighbourhood",
        "slug": "camera-mapping-workshop",
        "venue": "Belgrade Youth Centre",
        "address": "Makedonska 22, Belgrade",
        "description": [
            paragraph(
                "<p>We show how to tell which cameras can recognise faces, how to photograph a "
                "camera and report it on the map, and how we check other people's reports. Bring "
                "your phone; no experience needed.</p>"
            ),
            paragraph(
                "<p>After the workshop we walk together to Republic Square and note the cameras "
                "we see on the way.</p>"
            ),
        ],
        "search_description": "A camera mapping workshop at the Belgrade Youth Centre.",
    },
}

AI_ACT_TALK = {
    "sr": {
        "title": "Onlajn razgovor: šta Akt o veštačkoj inteligenciji znači za Srbiju",
        "slug": "razgovor-akt-o-vestackoj-inteligenciji",
        "description": [
            paragraph(
                "<p>Sa pravnicima razgovaramo o tome kako Akt o veštačkoj inteligenciji Evropske "
                "unije ograničava biometrijsku identifikaciju na daljinu na javnim mestima i šta "
                "to znači za Srbiju, zemlju kandidata za članstvo u Uniji.</p>"
            ),
            paragraph("<p>Pitanja možete da postavite tokom razgovora ili unapred, mejlom.</p>"),
        ],
        "search_description": "Onlajn razgovor o Aktu o veštačkoj inteligenciji i Srbiji.",
    },
    "en": {
        "title": "Online talk: what the AI Act means for Serbia",
        "slug": "talk-what-the-ai-act-means-for-serbia",
        "description": [
            paragraph(
                "<p>We talk with lawyers about how the European Union's AI Act restricts remote "
                "biometric identification in public spaces and what that means for Serbia, a "
                "candidate for membership of the Union.</p>"
            ),
            paragraph("<p>Ask your questions during the talk or beforehand, by email.</p>"),
        ],
        "search_description": "An online talk about the AI Act and Serbia.",
    },
}

# Past: it shows in the campaigns page's archive.
WALK = {
    "sr": {
        "title": "Šetnja: kamere Novog Beograda",
        "slug": "setnja-kamere-novog-beograda",
        "venue": "Ispred Palate Srbije",
        "address": "Bulevar Mihajla Pupina 2, Novi Beograd",
        "description": [
            paragraph(
                "<p>Prošetali smo Novim Beogradom, gde se mapa građana najviše razlikuje od "
                "policijskog spiska, i zabeležili kamere na raskrsnicama i javnim zgradama.</p>"
            ),
        ],
        "search_description": "Šetnja i mapiranje kamera na Novom Beogradu.",
    },
    "en": {
        "title": "Walk: the cameras of Novi Beograd",
        "slug": "walk-the-cameras-of-novi-beograd",
        "venue": "In front of the Palace of Serbia",
        "address": "Bulevar Mihajla Pupina 2, Novi Beograd",
        "description": [
            paragraph(
                "<p>We walked through Novi Beograd, where the citizens' map differs most from "
                "the police's list, and noted the cameras at crossroads and on public "
                "buildings.</p>"
            ),
        ],
        "search_description": "A walk mapping the cameras of Novi Beograd.",
    },
}

# Made-up signers: (first name, municipality slug, whether the first name may be shown,
# language of the page they signed). Every one is "Primerović" at example.org.
SIGNERS = [
    ("Ana", "vracar", True, "sr-latn"),
    ("Marko", "novi-beograd", True, "sr-latn"),
    ("Jelena", "zvezdara", False, "sr-latn"),
    ("Nikola", "stari-grad", True, "en"),
    ("Milica", "palilula", True, "sr-latn"),
    ("Stefan", "zemun", False, "sr-latn"),
    ("Ivana", "vozdovac", True, "sr-latn"),
    ("Luka", "cukarica", True, "sr-latn"),
    ("Teodora", "savski-venac", False, "en"),
    ("Petar", "rakovica", True, "sr-latn"),
    ("Sara", "novi-beograd", True, "sr-latn"),
    ("Vuk", "zvezdara", True, "sr-latn"),
    ("Mina", "surcin", False, "sr-latn"),
    ("Đorđe", "grocka", True, "sr-latn"),
    ("Katarina", "vracar", True, "en"),
    ("Filip", "obrenovac", False, "sr-latn"),
    ("Tamara", "stari-grad", True, "sr-latn"),
    ("Lazar", "palilula", True, "sr-latn"),
]
SIGNER_LAST_NAME = "Primerović"

# The join page: why join and what supporters do; the sign-up form follows on the page.
JOIN = {
    "sr": {
        "title": "Pridružite se",
        "slug": "pridruzite-se",
        "intro": (
            "Inicijativu čine ljudi koji odvoje sat-dva kad mogu. Pridružite se kao podržavalac "
            "i recite nam kako želite da pomognete."
        ),
        "body": [
            heading("Šta rade podržavaoci"),
            paragraph(
                "<p>Beleže kamere u svom kraju i šalju fotografije za mapu, pomažu pravnicima da "
                "pišu zahteve za pristup informacijama, pišu i dele tekstove, organizuju "
                "tribine i šetnje, i održavaju ovaj sajt.</p>"
            ),
            heading("Šta dobijate"),
            paragraph(
                "<p>Pozive za ono što se dešava u vašoj opštini i, ako to želite, vesti o "
                "kampanji. Na stranici „Moje aktivnosti“ vidite peticije koje ste potpisali, "
                "događaje na koje ste se prijavili i prijavljene kamere, i tamo možete da "
                "preuzmete ili obrišete svoje podatke.</p>"
            ),
        ],
    },
    "en": {
        "title": "Join us",
        "slug": "join",
        "intro": (
            "The initiative is people who give an hour or two when they can. Join as a "
            "supporter and tell us how you would like to help."
        ),
        "body": [
            heading("What supporters do"),
            paragraph(
                "<p>They record cameras in their neighbourhood and send photos for the map, help "
                "lawyers write freedom of information requests, write and share articles, "
                "organise talks and walks, and keep this site running.</p>"
            ),
            heading("What you get"),
            paragraph(
                "<p>Invitations to what happens in your municipality and, if you want them, news "
                "of the campaign. Under “My activity” you see the petitions you signed, the "
                "events you registered for and the cameras you reported, and you can download "
                "or delete your data there.</p>"
            ),
        ],
    },
}

# Asking the state (issue 23): the authorities the demo's requests go to, and the requests.
# The names and postal addresses are the authorities' own; the email addresses are made up
# (example.org), so that a demo's letter never reaches a real inbox.
AUTHORITIES = {
    "mup": {
        "sr": {
            "name": "Ministarstvo unutrašnjih poslova Republike Srbije",
            "address": "Kneza Miloša 101\n11000 Beograd",
            "request_email": "zahtevi@mup.example.org",
            "data_protection_officer": "Lice za zaštitu podataka o ličnosti, Kneza Miloša 101, "
            "11000 Beograd",
        },
        "en": {"name": "Ministry of the Interior of the Republic of Serbia"},
    },
    "commissioner": {
        "sr": {
            "name": "Poverenik za informacije od javnog značaja i zaštitu podataka o ličnosti",
            "address": "Bulevar kralja Aleksandra 15\n11120 Beograd",
            "request_email": "poverenik@poverenik.example.org",
            "hears_complaints": True,
        },
        "en": {
            "name": "Commissioner for Information of Public Importance and Personal Data Protection"
        },
    },
}

SAFE_CITY_CONTRACT = {
    "sr": {
        "title": "Pitajte MUP: ugovor o „Sigurnom gradu“",
        "slug": "pitajte-mup-ugovor-siguran-grad",
        "law": "information",
        "explanation": [
            paragraph(
                "<p>Ugovor o sistemu kamera sa prepoznavanjem lica nikada nije objavljen u "
                "celini. Svako ima pravo da ga zatraži, bez navođenja razloga: što nas više "
                "pita, teže je ćutati.</p>"
            ),
        ],
        "letter_subject": "Zahtev za pristup informacijama od javnog značaja",
        "letter": (
            "Na osnovu člana 15. stav 1. Zakona o slobodnom pristupu informacijama od javnog "
            "značaja, od organa {authority} tražim:\n\n"
            "1. kopiju ugovora, sa svim aneksima, o nabavci i postavljanju sistema video-nadzora "
            "u okviru projekta „Siguran grad“ u Beogradu;\n"
            "2. kopiju procene uticaja obrade na zaštitu podataka o ličnosti koja je izrađena za "
            "taj sistem;\n"
            "3. spisak lokacija kamera tog sistema u Beogradu.\n\n"
            "Tražene informacije mi dostavite elektronskom poštom, a ako to nije moguće, poštom "
            "na moju adresu."
        ),
        "search_description": "Zatražite ugovor o kamerama sa prepoznavanjem lica.",
    },
    "en": {
        "title": "Ask the Ministry: the “Safe City” contract",
        "slug": "ask-the-ministry-safe-city-contract",
        "explanation": [
            paragraph(
                "<p>The contract for the camera system with facial recognition has never been "
                "published in full. Anyone may ask for it without giving a reason: the more of "
                "us ask, the harder silence becomes. The letter is in Serbian, the ministry's "
                "language.</p>"
            ),
        ],
        "search_description": "Ask for the contract for the facial recognition cameras.",
    },
}

MY_FACE = {
    "sr": {
        "title": "Da li je policija obradila moje lice?",
        "slug": "da-li-je-policija-obradila-moje-lice",
        "law": "personal_data",
        "explanation": [
            paragraph(
                "<p>Zakon o zaštiti podataka o ličnosti (član 26) vam daje pravo da saznate da li "
                "rukovalac obrađuje vaše podatke, koje i zašto. Ovaj zahtev se nikada ne "
                "objavljuje sa vašim imenom.</p>"
            ),
        ],
        "letter_subject": "Zahtev za pristup podacima o ličnosti",
        "letter": (
            "Na osnovu člana 26. Zakona o zaštiti podataka o ličnosti, od rukovaoca {authority} "
            "tražim da me obavesti da li obrađuje moje podatke o ličnosti, posebno snimke i "
            "biometrijske podatke mog lica prikupljene kamerama za video-nadzor, i ako ih "
            "obrađuje:\n\n"
            "1. u koje svrhe i na osnovu kog propisa;\n"
            "2. kome su podaci otkriveni;\n"
            "3. koliko dugo se čuvaju;\n"
            "4. da mi dostavi kopiju tih podataka.\n\n"
            "Odgovor mi dostavite na moju adresu."
        ),
        "search_description": "Pitajte policiju da li obrađuje snimke i podatke vašeg lica.",
    },
    "en": {
        "title": "Did the police process my face?",
        "slug": "did-the-police-process-my-face",
        "explanation": [
            paragraph(
                "<p>The Law on Personal Data Protection (article 26) gives you the right to know "
                "whether a controller processes your data, which and why. This request is never "
                "published with your name. The letter is in Serbian, the ministry's "
                "language.</p>"
            ),
        ],
        "search_description": "Ask the police whether they process recordings of your face.",
    },
}


REGISTER = {
    "sr": {
        "title": "Registar zahteva i odgovora",
        "slug": "registar-zahteva",
        "intro": (
            "Šta su organi vlasti odgovorili na zahteve građana o kamerama i nadzoru: koliko "
            "na vreme, koliko kasno, koliko su odbili. Zahteve objavljujemo kada to njihovi "
            "podnosioci žele, a iz odgovora uklanjamo podatke o ličnosti."
        ),
        "search_description": "Šta su organi vlasti odgovorili na zahteve o kamerama.",
    },
    "en": {
        "title": "Register of requests and answers",
        "slug": "register-of-requests",
        "intro": (
            "What the authorities answered to citizens' requests about cameras and "
            "surveillance: how many in time, how many late, how many refused. We publish "
            "requests when their authors want us to, with the personal data taken out of "
            "the answers."
        ),
        "search_description": "What the authorities answered to requests about cameras.",
    },
}
# The demo register's entries, all to the Ministry: (days ago the request reached it, days
# it took to answer or None, what the answer said, days after the answer, or the term for
# silence, that a complaint went).
REGISTER_ENTRIES = [
    (70, 20, "refused", 4),
    (50, None, "", 2),
    (45, 14, "answered", None),
    (6, None, "", None),
]
