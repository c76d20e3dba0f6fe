"""Demo glossary terms, loaded by `manage.py seed_demo`.

Each term has a Serbian and an English side. "variants" are other forms of the term as they
appear in running text (Serbian case forms, real English alternatives); they are used to link
the first use of a term in an explainer to its definition, so they must not be generic.
"""

GLOSSARY = [
    {
        "key": "personal-data",
        "sr": {
            "term": "Podatak o ličnosti",
            "slug": "podatak-o-licnosti",
            "definition": (
                "Svaki podatak koji se odnosi na osobu čiji je identitet poznat ili se može "
                "utvrditi, neposredno ili posredno."
            ),
            "explanation": (
                "<p>Zakon o zaštiti podataka o ličnosti podatak o ličnosti shvata široko: to "
                "nije samo ime ili jedinstveni matični broj, već i podatak o lokaciji, "
                "identifikator na internetu ili obeležja fizičkog, genetskog, ekonomskog, "
                "kulturnog i društvenog identiteta.</p>"
                "<p>Snimak na kome se vaše lice jasno vidi jeste podatak o ličnosti, čak i kada "
                "niko ne zna vaše ime: dovoljno je da se vaš identitet može utvrditi.</p>"
            ),
            "variants": [
                "podaci o ličnosti",
                "podataka o ličnosti",
                "podatke o ličnosti",
                "podacima o ličnosti",
                "podatka o ličnosti",
            ],
        },
        "en": {
            "term": "Personal data",
            "slug": "personal-data",
            "definition": (
                "Any information relating to a person whose identity is known or can be worked "
                "out, directly or indirectly."
            ),
            "explanation": (
                "<p>Serbia's Law on Personal Data Protection understands personal data broadly: "
                "not only a name or a personal identification number, but also location data, "
                "an online identifier, or features of a person's physical, genetic, economic, "
                "cultural and social identity.</p>"
                "<p>Footage in which your face can clearly be seen is personal data even if "
                "nobody knows your name: it is enough that your identity can be worked out.</p>"
            ),
            "variants": ["personal information"],
        },
    },
    {
        "key": "biometric-data",
        "sr": {
            "term": "Biometrijski podaci",
            "slug": "biometrijski-podaci",
            "definition": (
                "Podaci o telesnim, fiziološkim ili ponašajnim osobinama osobe, dobijeni "
                "posebnom tehničkom obradom, koji omogućavaju ili potvrđuju njenu jedinstvenu "
                "identifikaciju, kao što su slika lica ili otisak prsta."
            ),
            "explanation": (
                "<p>Obična fotografija nije sama po sebi biometrijski podatak. To postaje kada "
                "je softver obradi tako da iz nje izvuče merljive osobine lica, šablon pomoću "
                "kojeg se osoba može jednoznačno prepoznati.</p>"
                "<p>Biometrijski podaci su posebno osetljivi jer se ne mogu promeniti: lozinku "
                "koja je procurela možete zameniti, lice ne možete. Zato ih zakon svrstava u "
                "posebne vrste podataka o ličnosti.</p>"
            ),
            "variants": [
                "biometrijskih podataka",
                "biometrijske podatke",
                "biometrijskim podacima",
                "biometrijski podatak",
                "biometrijskog podatka",
            ],
        },
        "en": {
            "term": "Biometric data",
            "slug": "biometric-data",
            "definition": (
                "Data about a person's physical, physiological or behavioural features, produced "
                "by specific technical processing, that allow or confirm their unique "
                "identification, such as a facial image or a fingerprint."
            ),
            "explanation": (
                "<p>An ordinary photo is not biometric data in itself. It becomes biometric data "
                "when software processes it to extract measurable features of the face, a "
                "template by which a person can be recognised unambiguously.</p>"
                "<p>Biometric data is especially sensitive because it cannot be changed: you can "
                "replace a leaked password, but not your face. That is why the law lists it "
                "among the special categories of personal data.</p>"
            ),
            "variants": ["biometric information"],
        },
    },
    {
        "key": "special-categories",
        "sr": {
            "term": "Posebne vrste podataka o ličnosti",
            "slug": "posebne-vrste-podataka-o-licnosti",
            "definition": (
                "Podaci čija obrada nosi naročit rizik i zato je načelno zabranjena, na primer o "
                "zdravlju, veri, političkom mišljenju ili etničkom poreklu, kao i biometrijski "
                "podaci za jedinstvenu identifikaciju."
            ),
            "explanation": (
                "<p>Zakon o zaštiti podataka o ličnosti u članu 17 zabranjuje obradu kojom se "
                "otkriva rasno ili etničko poreklo, političko mišljenje, versko ili filozofsko "
                "uverenje ili članstvo u sindikatu, kao i obradu genetskih podataka, "
                "biometrijskih podataka u cilju jedinstvene identifikacije lica, podataka o "
                "zdravstvenom stanju i podataka o seksualnom životu ili orijentaciji.</p>"
                "<p>Zabrana ima izuzetke koje zakon izričito nabraja, ali oni su uski. Ko želi "
                "da obrađuje ovakve podatke mora da dokaže da se na njega jedan od izuzetaka "
                "zaista odnosi. Isto pravilo sadrži i član 9 Opšte uredbe EU o zaštiti podataka "
                "(GDPR).</p>"
            ),
            "variants": [
                "posebne vrste podataka",
                "posebnih vrsta podataka",
                "posebnim vrstama podataka",
                "posebnu vrstu podataka",
                "posebna vrsta podataka",
            ],
        },
        "en": {
            "term": "Special categories of personal data",
            "slug": "special-categories-of-personal-data",
            "definition": (
                "Data whose processing carries a particular risk and is therefore prohibited in "
                "principle, such as data about health, religion, political opinion or ethnic "
                "origin, and biometric data used for unique identification."
            ),
            "explanation": (
                "<p>Article 17 of Serbia's Law on Personal Data Protection prohibits processing "
                "that reveals racial or ethnic origin, political opinion, religious or "
                "philosophical belief or trade union membership, as well as the processing of "
                "genetic data, biometric data for the purpose of uniquely identifying a person, "
                "data concerning health and data concerning a person's sex life or sexual "
                "orientation.</p>"
                "<p>The prohibition has exceptions that the law lists expressly, but they are "
                "narrow. Whoever wants to process such data must show that one of the exceptions "
                "really applies. Article 9 of the EU's General Data Protection Regulation (GDPR) "
                "contains the same rule.</p>"
            ),
            "variants": ["special category data", "special categories", "sensitive data"],
        },
    },
    {
        "key": "facial-recognition",
        "sr": {
            "term": "Prepoznavanje lica",
            "slug": "prepoznavanje-lica",
            "definition": (
                "Tehnologija koja lice sa slike ili snimka pretvara u biometrijski šablon i "
                "poredi ga sa jednom fotografijom ili sa celom bazom da bi utvrdila ko je osoba."
            ),
            "explanation": (
                "<p>Sistem najpre pronađe lice u kadru, zatim izmeri njegove crte i napravi "
                "šablon, pa ga uporedi sa šablonima u bazi. Kada je sličnost veća od zadatog "
                "praga, sistem javlja pogodak.</p>"
                "<p>Provera jedan prema jedan (otključavanje telefona) bitno se razlikuje od "
                "identifikacije jedan prema mnogima, kada se lice prolaznika poredi sa celim "
                "spiskom traženih osoba. Na javnim mestima ovo drugo znači nadzor nad svima koji "
                "prođu pored kamere.</p>"
            ),
            "variants": ["prepoznavanja lica", "prepoznavanju lica", "prepoznavanjem lica"],
        },
        "en": {
            "term": "Facial recognition",
            "slug": "facial-recognition",
            "definition": (
                "Technology that turns a face in an image or video into a biometric template and "
                "compares it with one photo or a whole database to establish who the person is."
            ),
            "explanation": (
                "<p>The system first finds a face in the frame, then measures its features to "
                "build a template, and compares it with the templates in a database. When the "
                "similarity is above a set threshold, the system reports a hit.</p>"
                "<p>One-to-one verification (unlocking a phone) is very different from "
                "one-to-many identification, where a passer-by's face is compared with a whole "
                "list of wanted people. In public places the latter means surveillance of "
                "everyone who walks past the camera.</p>"
            ),
            "variants": ["face recognition"],
        },
    },
    {
        "key": "remote-biometric-identification",
        "sr": {
            "term": "Daljinska biometrijska identifikacija",
            "slug": "daljinska-biometrijska-identifikacija",
            "definition": (
                "Utvrđivanje identiteta ljudi bez njihovog aktivnog učešća, obično na daljinu, "
                "poređenjem njihovih biometrijskih podataka sa podacima u referentnoj bazi."
            ),
            "explanation": (
                "<p>Izraz potiče iz Akta EU o veštačkoj inteligenciji (član 3, tačka 41). "
                "Ključno je da osoba ne učestvuje i najčešće ne zna da je identifikuju: kamera "
                "na ulici skenira lica prolaznika i poredi ih sa bazom.</p>"
                "<p>Identifikacija može biti u realnom vremenu ili naknadna, nad ranije snimljenim "
                "materijalom. Akt o veštačkoj inteligenciji u članu 5, stav 1, tačka (h) "
                "zabranjuje policiji upotrebu ovakvih sistema u realnom vremenu na javno "
                "dostupnim mestima, uz nekoliko uskih izuzetaka.</p>"
            ),
            "variants": [
                "daljinske biometrijske identifikacije",
                "daljinsku biometrijsku identifikaciju",
                "daljinskom biometrijskom identifikacijom",
                "daljinskoj biometrijskoj identifikaciji",
            ],
        },
        "en": {
            "term": "Remote biometric identification",
            "slug": "remote-biometric-identification",
            "definition": (
                "Identifying people without their active involvement, typically at a distance, "
                "by comparing their biometric data with the data in a reference database."
            ),
            "explanation": (
                "<p>The term comes from the EU's Artificial Intelligence Act (Article 3, point "
                "41). What matters is that the person takes no part and usually does not know "
                "they are being identified: a street camera scans passers-by's faces and "
                "compares them with a database.</p>"
                "<p>Identification can happen in real time or retrospectively, on earlier "
                "footage. Article 5(1)(h) of the AI Act prohibits the police from using such "
                "systems in real time in publicly accessible spaces, with a few narrow "
                "exceptions.</p>"
            ),
            "variants": [],
        },
    },
    {
        "key": "false-match",
        "sr": {
            "term": "Lažno podudaranje",
            "slug": "lazno-podudaranje",
            "definition": (
                "Greška u kojoj sistem za prepoznavanje lica dve različite osobe proglasi istom "
                "osobom, pa nevin čovek postaje „pogodak“."
            ),
            "explanation": (
                "<p>Koliko će lažnih podudaranja biti zavisi od praga koji izabere onaj ko "
                "upravlja sistemom: što je prag niži, to je više lažnih podudaranja, a manje "
                "propuštenih osoba. Kada se kamerom skeniraju desetine hiljada prolaznika "
                "dnevno, i vrlo mala stopa greške daje mnogo pogrešnih uzbuna.</p>"
                "<p>Ispitivanja američkog instituta NIST pokazala su da su lažna podudaranja kod "
                "većine algoritama češća za neke grupe ljudi, na primer za žene i za lica "
                "azijskog i afroameričkog porekla.</p>"
            ),
            "variants": [
                "lažnog podudaranja",
                "lažna podudaranja",
                "lažnih podudaranja",
                "lažnim podudaranjem",
                "lažnom podudaranju",
            ],
        },
        "en": {
            "term": "False match",
            "slug": "false-match",
            "definition": (
                "An error in which a facial recognition system declares two different people to "
                "be the same person, so that an innocent person becomes a “hit”."
            ),
            "explanation": (
                "<p>How many false matches there are depends on the threshold chosen by whoever "
                "runs the system: the lower the threshold, the more false matches and the fewer "
                "missed people. When a camera scans tens of thousands of passers-by a day, even "
                "a very small error rate produces many false alarms.</p>"
                "<p>Tests by the US institute NIST have shown that for most algorithms false "
                "matches are more frequent for some groups of people, for example for women and "
                "for people of Asian and African American origin.</p>"
            ),
            "variants": ["false matches", "false positive", "false positives"],
        },
    },
    {
        "key": "controller",
        "sr": {
            "term": "Rukovalac",
            "slug": "rukovalac",
            "definition": (
                "Osoba, firma ili organ vlasti koji sam ili zajedno sa drugima određuje svrhu i "
                "način obrade podataka o ličnosti i odgovara za nju."
            ),
            "explanation": (
                "<p>Rukovalac odlučuje zašto se podaci prikupljaju i kako se obrađuju, i na "
                "njemu je da dokaže da poštuje zakon. Zakon kojim se propisuje obrada može i sam "
                "da odredi ko je rukovalac.</p>"
                "<p>Za kamere koje postavlja policija rukovalac je Ministarstvo unutrašnjih "
                "poslova. Od njega možete tražiti da vam kaže da li obrađuje vaše podatke i "
                "kako, a na njegov rad se možete žaliti Povereniku.</p>"
            ),
            "variants": [
                "rukovaoca",
                "rukovaocu",
                "rukovaocem",
                "rukovaoci",
                "rukovalaca",
            ],
        },
        "en": {
            "term": "Controller",
            "slug": "controller",
            "definition": (
                "The person, company or public authority that, alone or with others, decides the "
                "purpose and means of processing personal data and is responsible for it."
            ),
            "explanation": (
                "<p>The controller decides why data is collected and how it is processed, and it "
                "is up to the controller to show that it complies with the law. The law that "
                "provides for the processing may itself name the controller.</p>"
                "<p>For cameras installed by the police, the controller is the Ministry of "
                "Interior. You can ask it whether and how it processes your data, and you can "
                "complain about it to the Commissioner.</p>"
            ),
            "variants": ["data controller", "controllers"],
        },
    },
    {
        "key": "dpia",
        "sr": {
            "term": "Procena uticaja na zaštitu podataka o ličnosti",
            "slug": "procena-uticaja-na-zastitu-podataka",
            "definition": (
                "Analiza koju rukovalac mora da izradi pre obrade koja verovatno nosi visok "
                "rizik za prava ljudi: šta se obrađuje, zašto, da li je neophodno i kako se "
                "rizici umanjuju."
            ),
            "explanation": (
                "<p>Zakon o zaštiti podataka o ličnosti u članu 54 propisuje da rukovalac pre "
                "obrade koja verovatno nosi visok rizik za prava i slobode ljudi, naročito kada "
                "koristi nove tehnologije, mora da proceni njen uticaj. Procena sadrži najmanje "
                "opis obrade i njene svrhe, ocenu neophodnosti i srazmernosti, procenu rizika za "
                "prava i slobode i mere kojima se rizici umanjuju.</p>"
                "<p>Za procenu uticaja koju je MUP izradio za sistem pametnih kamera u "
                "Beogradu, Poverenik je ocenio da nije u skladu sa zakonom.</p>"
            ),
            "variants": [
                "procena uticaja",
                "procene uticaja",
                "procenu uticaja",
                "procenom uticaja",
                "proceni uticaja",
            ],
        },
        "en": {
            "term": "Data protection impact assessment",
            "slug": "data-protection-impact-assessment",
            "definition": (
                "An analysis a controller must carry out before processing likely to pose a high "
                "risk to people's rights: what is processed, why, whether it is necessary and "
                "how the risks are reduced."
            ),
            "explanation": (
                "<p>Article 54 of Serbia's Law on Personal Data Protection requires a controller, "
                "before processing likely to pose a high risk to people's rights and freedoms, "
                "in particular when using new technologies, to assess its impact. The "
                "assessment contains at least a description of the processing and its purpose, "
                "an assessment of necessity and proportionality, an assessment of the risks to "
                "rights and freedoms, and the measures that reduce those risks.</p>"
                "<p>The Commissioner assessed that the impact assessment the Ministry of Interior "
                "produced for the smart camera system in Belgrade was not in line with the "
                "law.</p>"
            ),
            "variants": ["DPIA", "impact assessment"],
        },
    },
    {
        "key": "commissioner",
        "sr": {
            "term": "Poverenik",
            "slug": "poverenik",
            "definition": (
                "Poverenik za informacije od javnog značaja i zaštitu podataka o ličnosti, "
                "nezavisni državni organ koji nadzire primenu zakona o zaštiti podataka i o "
                "slobodnom pristupu informacijama."
            ),
            "explanation": (
                "<p>Povereniku se možete obratiti ako smatrate da neko nezakonito obrađuje vaše "
                "podatke o ličnosti, kao i kada organ vlasti ne odgovori na vaš zahtev za "
                "pristup informacijama od javnog značaja ili ga odbije. Poverenik može da "
                "sprovede nadzor, izda upozorenje i naloži da se nepravilnosti otklone.</p>"
                '<p>Sajt Poverenika: <a href="https://www.poverenik.rs/">poverenik.rs</a>.</p>'
            ),
            "variants": [
                "Poverenika",
                "Povereniku",
                "Poverenikom",
                "Poverenik za informacije od javnog značaja i zaštitu podataka o ličnosti",
            ],
        },
        "en": {
            "term": "Commissioner",
            "slug": "commissioner",
            "definition": (
                "The Commissioner for Information of Public Importance and Personal Data "
                "Protection, Serbia's independent authority overseeing the data protection and "
                "freedom of information laws."
            ),
            "explanation": (
                "<p>You can turn to the Commissioner if you believe someone is processing your "
                "personal data unlawfully, and when a public authority does not answer or "
                "refuses your request for information of public importance. The Commissioner can "
                "carry out inspections, issue warnings and order irregularities to be "
                "remedied.</p>"
                '<p>The Commissioner\'s website: <a href="https://www.poverenik.rs/">'
                "poverenik.rs</a>.</p>"
            ),
            "variants": [
                "Commissioner for Information of Public Importance and Personal Data Protection",
            ],
        },
    },
    {
        "key": "public-information",
        "sr": {
            "term": "Informacija od javnog značaja",
            "slug": "informacija-od-javnog-znacaja",
            "definition": (
                "Informacija kojom raspolaže organ vlasti, nastala u njegovom radu ili u vezi sa "
                "njim, a koja se tiče nečega o čemu javnost ima opravdan interes da zna."
            ),
            "explanation": (
                "<p>Zakon o slobodnom pristupu informacijama od javnog značaja omogućava svakome "
                "da od organa vlasti zatraži dokument ili podatak, bez obrazlaganja zašto ga "
                "traži. Tako se može pitati, na primer, koliko kamera ima, gde su i koliko se "
                "snimci čuvaju.</p>"
                "<p>Ako organ ne odgovori ili odbije zahtev, možete se žaliti Povereniku.</p>"
            ),
            "variants": [
                "informacije od javnog značaja",
                "informacija od javnog značaja",
                "informacijama od javnog značaja",
                "informaciju od javnog značaja",
            ],
        },
        "en": {
            "term": "Information of public importance",
            "slug": "information-of-public-importance",
            "definition": (
                "Information held by a public authority, arising from or related to its work, "
                "about matters the public has a justified interest in knowing."
            ),
            "explanation": (
                "<p>Serbia's Law on Free Access to Information of Public Importance lets anyone "
                "ask a public authority for a document or data without saying why they want it. "
                "You can ask, for example, how many cameras there are, where they are and how "
                "long footage is kept.</p>"
                "<p>If the authority does not answer or refuses the request, you can complain to "
                "the Commissioner.</p>"
            ),
            "variants": ["freedom of information", "FOI request"],
        },
    },
    {
        "key": "consent",
        "sr": {
            "term": "Pristanak",
            "slug": "pristanak",
            "definition": (
                "Dobrovoljna, konkretna, informisana i nedvosmislena saglasnost osobe, data "
                "izjavom ili jasnom potvrdnom radnjom, da se njeni podaci obrađuju u određenu "
                "svrhu."
            ),
            "explanation": (
                "<p>Pristanak je jedan od pravnih osnova za obradu podataka o ličnosti. Možete "
                "ga povući u svakom trenutku, a povlačenje mora biti jednako lako kao i "
                "davanje.</p>"
                "<p>Prolaznik ne može smisleno da pristane na to da ga kamera na ulici "
                "prepozna: nema izbora ni načina da kaže „ne“. Zato pristanak ne može biti "
                "osnov za masovni biometrijski nadzor.</p>"
            ),
            "variants": ["pristanka", "pristanku", "pristankom"],
        },
        "en": {
            "term": "Consent",
            "slug": "consent",
            "definition": (
                "A freely given, specific, informed and unambiguous indication, by a statement "
                "or a clear affirmative action, that a person agrees to their data being "
                "processed for a given purpose."
            ),
            "explanation": (
                "<p>Consent is one of the legal grounds for processing personal data. You can "
                "withdraw it at any time, and withdrawing must be as easy as giving it.</p>"
                "<p>A passer-by cannot meaningfully consent to being recognised by a street "
                "camera: there is no choice and no way to say “no”. That is why consent cannot "
                "be the basis for biometric mass surveillance.</p>"
            ),
            "variants": [],
        },
    },
    {
        "key": "safe-city",
        "sr": {
            "term": "Siguran grad",
            "slug": "siguran-grad",
            "definition": (
                "Projekat MUP-a i kompanije Huawei kojim se u Beogradu uvode pametne kamere sa "
                "mogućnošću prepoznavanja lica i predmeta i softver koji analizira snimke."
            ),
            "explanation": (
                "<p>Projekat počiva na Sporazumu o strateškom partnerstvu MUP-a i Huaweija, "
                "potpisanom početkom 2017. Početkom 2019. najavljeno je blizu hiljadu kamera na "
                "oko 800 lokacija u Beogradu.</p>"
                "<p>Javnost i dalje ne zna tačan broj i lokacije kamera, koliko se snimci čuvaju "
                "ni ko im ima pristup. Zato građani kamere beleže na sopstvenoj mapi.</p>"
            ),
            "variants": ["Sigurnog grada", "Sigurnom gradu"],
        },
        "en": {
            "term": "Safe City",
            "slug": "safe-city",
            "definition": (
                "A project of Serbia's Ministry of Interior and Huawei introducing smart cameras "
                "able to recognise faces and objects in Belgrade, with software that analyses "
                "the footage."
            ),
            "explanation": (
                "<p>The project rests on the Agreement on Strategic Partnership between the "
                "Ministry of Interior and Huawei, signed in early 2017. In early 2019 close to a "
                "thousand cameras at around 800 locations in Belgrade were announced.</p>"
                "<p>The public still does not know the exact number and locations of the "
                "cameras, how long footage is kept or who has access to it. That is why "
                "citizens record the cameras on their own map.</p>"
            ),
            "variants": [],
        },
    },
    {
        "key": "video-surveillance",
        "sr": {
            "term": "Video-nadzor",
            "slug": "video-nadzor",
            "definition": (
                "Praćenje i snimanje prostora kamerama, uživo ili radi kasnijeg pregleda, koje je "
                "obrada podataka o ličnosti čim se na snimku mogu prepoznati ljudi."
            ),
            "explanation": (
                "<p>Klasičan video-nadzor snima, a čovek gleda. Pametni video-nadzor dodaje "
                "softver koji sam prepoznaje predmete, tablice i lica, pa se jedan operater može "
                "baviti hiljadama kamera, a snimci se mogu pretraživati po osobi.</p>"
                "<p>Ko postavlja kamere na javnom mestu mora da ima zakonski osnov, da ljude o "
                "snimanju obavesti i da snimke čuva samo onoliko koliko je neophodno.</p>"
            ),
            "variants": [
                "video-nadzora",
                "video-nadzoru",
                "video-nadzorom",
                "video nadzor",
                "video nadzora",
                "videonadzor",
                "videonadzora",
            ],
        },
        "en": {
            "term": "Video surveillance",
            "slug": "video-surveillance",
            "definition": (
                "Monitoring and recording a space with cameras, live or for later viewing, which "
                "is processing of personal data as soon as people can be recognised in the "
                "footage."
            ),
            "explanation": (
                "<p>Traditional video surveillance records and a person watches. Smart video "
                "surveillance adds software that recognises objects, number plates and faces by "
                "itself, so one operator can handle thousands of cameras and footage can be "
                "searched by person.</p>"
                "<p>Whoever installs cameras in a public place needs a legal basis, must inform "
                "people about the recording and may keep footage only as long as necessary.</p>"
            ),
            "variants": ["CCTV", "video-surveillance"],
        },
    },
]
