"""Demo explainers on the law: data protection rights, police surveillance, FOI requests and DPIAs.

Serbian (Latin script) is the original and English a faithful translation; both bodies have the
same blocks in the same order. Article numbers were checked against the sources listed in the
hand-over report; quoted texts are short excerpts of the laws (translated in the English
version). `DOCUMENTS` holds the plain-text request template offered by the `foi-and-dpia`
explainer.
"""

from knowledge.demo import (
    callout,
    document,
    faq,
    glossary_term,
    heading,
    legal_reference,
    paragraph,
)

ZZPL_SR = "Zakon o zaštiti podataka o ličnosti"
ZZPL_EN = "Law on Personal Data Protection"
ZZPL_URL = "https://www.paragraf.rs/propisi/zakon_o_zastiti_podataka_o_licnosti.html"
FOI_SR = "Zakon o slobodnom pristupu informacijama od javnog značaja"
FOI_EN = "Law on Free Access to Information of Public Importance"
FOI_URL = (
    "https://www.paragraf.rs/propisi/"
    "zakon_o_slobodnom_pristupu_informacijama_od_javnog_znacaja.html"
)
RECORDING_RULEBOOK_SR = (
    "Pravilnik o načinu snimanja na javnom mestu i načinu saopštavanja namere o tom snimanju"
)
RECORDING_RULEBOOK_EN = (
    "Rulebook on the Manner of Recording in Public Places and of Announcing the Intention to Record"
)
RECORDING_RULEBOOK_URL = (
    "https://www.pravno-informacioni-sistem.rs/SlGlasnikPortal/eli/rep/sgrs/ministarstva/"
    "pravilnik/2020/111/1/reg"
)
AI_ACT_URL = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj"
LED_URL = "https://eur-lex.europa.eu/eli/dir/2016/680/oj"
POVERENIK = '<a href="https://www.poverenik.rs/">poverenik.rs</a>'


# --- 1. Your rights under the ZZPL -------------------------------------------------------------

ZZPL_RIGHTS = {
    "key": "zzpl-rights",
    "topics": ["rights", "legal"],
    "tags": ["ZZPL", "GDPR", "Poverenik"],
    "reviewed_on": "2026-10-20",
    "review_due": "2027-04-20",
    "related": ["foi-and-dpia", "police-law", "facial-recognition"],
    "sr": {
        "title": "Vaša prava po Zakonu o zaštiti podataka o ličnosti",
        "slug": "vasa-prava-po-zzpl",
        "lead": (
            "Zakon o zaštiti podataka o ličnosti daje vam pravo da saznate ko obrađuje vaše "
            "podatke, da tražite kopiju, ispravku ili brisanje i da se usprotivite obradi. Ako "
            "rukovalac ne odgovori, možete se obratiti Povereniku ili sudu."
        ),
        "reviewed_by": "Pravni tim inicijative",
        "body": [
            heading("Šta su podaci o ličnosti"),
            paragraph(
                "<p>Zakon o zaštiti podataka o ličnosti („Službeni glasnik RS“, br. 87/2018), "
                "skraćeno ZZPL, primenjuje se od 21. avgusta 2019. godine. Napisan je po uzoru "
                "na evropsku Opštu uredbu o zaštiti podataka (GDPR), pa su i vaša prava u Srbiji "
                "vrlo slična pravima građana Evropske unije.</p>"
                "<p>Podatak o ličnosti je svaki podatak na osnovu kog neko može da utvrdi ko ste: "
                "ime, adresa, broj telefona, lokacija vašeg telefona, ali i snimak na kome se vidi "
                "vaše lice.</p>"
            ),
            glossary_term("personal-data"),
            legal_reference(
                ZZPL_SR,
                "4",
                "„podatak o ličnosti“ je svaki podatak koji se odnosi na fizičko lice čiji je "
                "identitet određen ili odrediv, neposredno ili posredno",
                ZZPL_URL,
            ),
            heading("Biometrija i posebne vrste podataka"),
            paragraph(
                "<p>Biometrijski podaci nastaju posebnom tehničkom obradom osobina vašeg tela ili "
                "ponašanja, na primer kada softver od snimka vašeg lica napravi „otisak lica“ po "
                "kome vas može prepoznati u gomili. Lice ne možete promeniti kao lozinku, pa je "
                "zloupotreba takvih podataka posebno opasna.</p>"
            ),
            glossary_term("biometric-data"),
            paragraph(
                "<p>Zato ZZPL u članu 17 biometrijske podatke obrađene radi jedinstvene "
                "identifikacije svrstava u <b>posebne vrste podataka o ličnosti</b>, zajedno sa "
                "podacima o rasnom ili etničkom poreklu, političkom mišljenju, veri, članstvu u "
                "sindikatu, zdravlju i seksualnom životu. Njihova obrada je u načelu zabranjena i "
                "dozvoljena je samo u izuzecima koje zakon propisuje. Setite se i da kamera na "
                "protestu ne beleži samo lice: beleži i to da ste bili na protestu.</p>"
            ),
            glossary_term("special-categories"),
            heading("Koja prava imate"),
            paragraph(
                "<p>Organizacija ili organ koji odlučuje zašto i kako se vaši podaci obrađuju "
                "zove se rukovalac. Prema rukovaocu imate sledeća prava:</p>"
                "<ul>"
                "<li><b>Pravo na informisanje:</b> rukovalac mora da vam kaže ko je, u koju svrhu "
                "i po kom osnovu obrađuje vaše podatke i koliko ih čuva.</li>"
                "<li><b>Pravo na pristup</b> (član 26): da saznate da li se vaši podaci obrađuju "
                "i da dobijete njihovu kopiju.</li>"
                "<li><b>Pravo na ispravku i dopunu</b> (član 29) netačnih ili nepotpunih "
                "podataka.</li>"
                "<li><b>Pravo na brisanje</b> (član 30), na primer kada podaci više nisu potrebni "
                "ili se obrađuju nezakonito.</li>"
                "<li><b>Pravo na ograničenje obrade</b> (član 31), na primer dok se ne reši spor o "
                "tačnosti ili zakonitosti.</li>"
                "<li><b>Pravo na prigovor</b> (član 37) na obradu, iz razloga koji se tiču vaše "
                "posebne situacije.</li>"
                "<li><b>Pravo da se na vas ne primenjuje odluka doneta isključivo automatizovanom "
                "obradom</b>, uključujući profilisanje (član 38).</li>"
                "</ul>"
            ),
            glossary_term("controller"),
            callout(
                "right",
                "Imate pravo da znate",
                "<p>Niko ne mora da vam odobri da pitate, a rukovalac mora da odgovori i kada je "
                "to policija. Neka prava mogu biti ograničena, na primer dok se otkrivaju "
                "krivična dela, ali samo kada to propisuje zakon.</p>",
            ),
            heading("Kako da ostvarite svoja prava"),
            paragraph(
                "<p>Pošaljite rukovaocu pisani zahtev, imejlom ili poštom. Navedite ko ste, koje "
                "pravo koristite i šta tačno tražite, na primer: „Tražim da mi potvrdite da li "
                "obrađujete moje podatke i da mi dostavite kopiju.“ Sačuvajte dokaz da ste zahtev "
                "poslali.</p>"
                "<p>Prema članu 21 ZZPL-a rukovalac mora da odgovori bez odlaganja, a najkasnije u "
                "roku od 30 dana od prijema zahteva. Taj rok može da produži za još 60 dana ako je "
                "zahtev složen, ali mora da vas o tome obavesti u prvih 30 dana i da navede "
                "razloge. Postupanje po zahtevu je po pravilu besplatno.</p>"
            ),
            heading("Pritužba Povereniku i zaštita pred sudom"),
            paragraph(
                "<p>Ako rukovalac ne odgovori, odbije vas bez valjanog razloga ili smatrate da "
                "nezakonito obrađuje vaše podatke, podnesite pritužbu Povereniku za informacije "
                "od javnog značaja i zaštitu podataka o ličnosti (član 82). Poverenik ima obrazac "
                "pritužbe, a pritužbu možete poslati i elektronski; sve informacije su na sajtu "
                f"{POVERENIK}.</p>"
                "<p>Pritužba ne isključuje sud: ako su vam povređena prava iz ZZPL-a, možete "
                "podneti i tužbu sudu (član 84). Protiv odluke Poverenika može se pokrenuti "
                "upravni spor.</p>"
            ),
            glossary_term("commissioner"),
            legal_reference(
                ZZPL_SR,
                "82",
                "Lice na koje se podaci odnose ima pravo da podnese pritužbu Povereniku, ako "
                "smatra da je obrada podataka o njegovoj ličnosti izvršena suprotno odredbama "
                "ovog zakona.",
                ZZPL_URL,
                paragraph="1",
            ),
            callout(
                "action",
                "Prvi korak: pišite rukovaocu",
                "<p>Pre pritužbe pošaljite zahtev onome ko obrađuje vaše podatke. Za kamere "
                "policije to je Ministarstvo unutrašnjih poslova. Zapišite datum slanja i "
                "sačuvajte odgovor ili dokaz da ga nije bilo: to će vam trebati za pritužbu.</p>",
            ),
            faq(
                "Česta pitanja",
                [
                    (
                        "Moram li da objasnim zašto tražim svoje podatke?",
                        "<p>Ne: podaci su vaši. Rukovalac sme da traži dodatne podatke samo da bi "
                        "proverio da ste to zaista vi.</p>",
                    ),
                    (
                        "Da li mogu da tražim snimak na kome se vidim?",
                        "<p>Možete da tražite pristup podacima o sebi, uključujući snimke. Ako ih "
                        "čuva policija, pristup može biti ograničen zakonom, ali vam se i tada "
                        "duguje odgovor; ako ga nema, obratite se Povereniku.</p>",
                    ),
                    (
                        "Šta ako ne znam ko je rukovalac?",
                        "<p>Pitajte. Zahtevom za pristup informacijama od javnog značaja možete "
                        "saznati ko upravlja kamerama na određenoj lokaciji.</p>",
                    ),
                ],
            ),
        ],
    },
    "en": {
        "title": "Your rights under the Law on Personal Data Protection",
        "slug": "your-rights-under-zzpl",
        "lead": (
            "The Law on Personal Data Protection gives you the right to find out who processes "
            "your data, to ask for a copy, a correction or erasure, and to object to processing. "
            "If the controller does not reply, you can turn to the Commissioner or to a court."
        ),
        "reviewed_by": "The initiative's legal team",
        "body": [
            heading("What personal data is"),
            paragraph(
                "<p>Serbia's Law on Personal Data Protection (Official Gazette of the Republic of "
                "Serbia No. 87/2018), known by its Serbian initials ZZPL, has applied since 21 "
                "August 2019. It was modelled on the EU's General Data Protection Regulation "
                "(GDPR), so your rights in Serbia are very similar to those of people in the "
                "European Union.</p>"
                "<p>Personal data is any information from which someone can work out who you are: "
                "your name, address, phone number, your phone's location, and also footage that "
                "shows your face.</p>"
            ),
            glossary_term("personal-data"),
            legal_reference(
                ZZPL_EN,
                "4",
                "“personal data” means any data relating to a natural person whose identity is "
                "identified or identifiable, directly or indirectly",
                ZZPL_URL,
            ),
            heading("Biometrics and special categories of data"),
            paragraph(
                "<p>Biometric data is produced by specific technical processing of the features "
                "of your body or behaviour, for instance when software turns footage of your face "
                "into a “faceprint” it can use to pick you out of a crowd. You cannot change your "
                "face the way you change a password, which makes misuse of such data especially "
                "dangerous.</p>"
            ),
            glossary_term("biometric-data"),
            paragraph(
                "<p>That is why Article 17 of the ZZPL places biometric data processed to "
                "identify a person uniquely among the <b>special categories of personal "
                "data</b>, together with data on racial or ethnic origin, political opinions, "
                "religion, trade union membership, health and sex life. Processing them is "
                "prohibited in principle and allowed only in the exceptions the law sets out. "
                "Remember, too, that a camera at a protest records more than a face: it records "
                "that you were at the protest.</p>"
            ),
            glossary_term("special-categories"),
            heading("The rights you have"),
            paragraph(
                "<p>The organisation or authority that decides why and how your data is "
                "processed is called the controller. Towards the controller you have these "
                "rights:</p>"
                "<ul>"
                "<li><b>The right to be informed:</b> the controller must tell you who it is, for "
                "what purpose and on what legal basis it processes your data, and how long it "
                "keeps it.</li>"
                "<li><b>The right of access</b> (Article 26): to find out whether your data is "
                "being processed and to receive a copy of it.</li>"
                "<li><b>The right to rectification and completion</b> (Article 29) of inaccurate "
                "or incomplete data.</li>"
                "<li><b>The right to erasure</b> (Article 30), for instance when the data is no "
                "longer needed or is processed unlawfully.</li>"
                "<li><b>The right to restriction of processing</b> (Article 31), for instance "
                "while a dispute over accuracy or lawfulness is settled.</li>"
                "<li><b>The right to object</b> (Article 37) to processing on grounds relating to "
                "your particular situation.</li>"
                "<li><b>The right not to be subject to a decision based solely on automated "
                "processing</b>, including profiling (Article 38).</li>"
                "</ul>"
            ),
            glossary_term("controller"),
            callout(
                "right",
                "You have the right to know",
                "<p>Nobody has to give you permission to ask, and the controller must answer "
                "even when it is the police. Some rights can be restricted, for instance while "
                "crimes are being investigated, but only where the law says so.</p>",
            ),
            heading("How to exercise your rights"),
            paragraph(
                "<p>Send the controller a written request by email or by post. Say who you are, "
                "which right you are using and exactly what you want, for example: “Please "
                "confirm whether you process my personal data and send me a copy.” Keep proof "
                "that you sent the request.</p>"
                "<p>Under Article 21 of the ZZPL the controller must reply without delay and at "
                "the latest within 30 days of receiving the request. It may extend that period by "
                "a further 60 days if the request is complex, but it must tell you so within the "
                "first 30 days and give its reasons. Dealing with a request is, as a rule, free "
                "of charge.</p>"
            ),
            heading("A complaint to the Commissioner and protection in court"),
            paragraph(
                "<p>If the controller does not reply, turns you down without a valid reason, or "
                "you believe it is processing your data unlawfully, lodge a complaint with the "
                "Commissioner for Information of Public Importance and Personal Data Protection "
                "(Article 82). The Commissioner has a complaint form, which you can also send "
                f"electronically; everything you need is on {POVERENIK}.</p>"
                "<p>A complaint does not rule out the courts: if your rights under the ZZPL have "
                "been breached, you can also bring a claim in court (Article 84). A decision of "
                "the Commissioner can in turn be challenged in an administrative dispute.</p>"
            ),
            glossary_term("commissioner"),
            legal_reference(
                ZZPL_EN,
                "82",
                "The data subject has the right to lodge a complaint with the Commissioner if "
                "they consider that the processing of their personal data was carried out "
                "contrary to the provisions of this Law.",
                ZZPL_URL,
                paragraph="1",
            ),
            callout(
                "action",
                "First step: write to the controller",
                "<p>Before you complain, send a request to whoever processes your data. For "
                "police cameras that is the Ministry of Interior. Note the date you sent it and "
                "keep the reply, or proof that there was none: you will need it for a "
                "complaint.</p>",
            ),
            faq(
                "Frequently asked questions",
                [
                    (
                        "Do I have to explain why I want my data?",
                        "<p>No: the data is yours. The controller may ask for more information "
                        "only to check that you are who you say you are.</p>",
                    ),
                    (
                        "Can I ask for footage that shows me?",
                        "<p>You can ask for access to data about you, footage included. If the "
                        "police hold it, access may be restricted by law, but you are still owed "
                        "an answer; if there is none, turn to the Commissioner.</p>",
                    ),
                    (
                        "What if I do not know who the controller is?",
                        "<p>Ask. A request for information of public importance can tell you who "
                        "operates the cameras at a given location.</p>",
                    ),
                ],
            ),
        ],
    },
}


# --- 2. The police, cameras and biometrics ----------------------------------------------------

POLICE_LAW = {
    "key": "police-law",
    "topics": ["legal"],
    "tags": ["MUP", "AI Act", "ZZPL"],
    "reviewed_on": "2026-05-04",
    "review_due": "2026-11-01",
    "related": ["zzpl-rights", "safe-city", "facial-recognition"],
    "sr": {
        "title": "Policija, kamere i biometrija: šta kaže zakon",
        "slug": "policija-kamere-i-biometrija",
        "lead": (
            "Zakon o policiji dozvoljava snimanje javnih mesta, ali nijedan zakon izričito ne "
            "daje policiji pravo na masovno prepoznavanje lica. Dva nacrta koja su to trebalo da "
            "omoguće povučena su posle pritiska javnosti, a EU takav nadzor strogo ograničava."
        ),
        "reviewed_by": "Pravni tim inicijative",
        "body": [
            heading("Šta danas kaže Zakon o policiji"),
            paragraph(
                "<p>Zakon o policiji („Službeni glasnik RS“, br. 6/2016, 24/2018 i 87/2018) u "
                "članu 52 ovlašćuje policiju da snima javna mesta. Kako se to radi i kako se "
                "građani obaveštavaju propisuje pravilnik ministra unutrašnjih poslova, donet "
                "2020. godine na osnovu tog člana. Po njemu mesta koja se snimaju treba da budu "
                "označena, a lokacije kamera objavljene na sajtu Ministarstva.</p>"
                "<p>Snimanje nije isto što i prepoznavanje lica. Video-nadzor beleži slike; "
                "softver za prepoznavanje lica iz tih slika izvlači biometrijske podatke i "
                "upoređuje ih sa bazom. Za ovo drugo Zakon o policiji nigde ne daje izričito "
                "ovlašćenje.</p>"
            ),
            glossary_term("video-surveillance"),
            legal_reference(
                RECORDING_RULEBOOK_SR,
                "2",
                "U cilju obavljanja policijskih poslova iz nadležnosti Ministarstva unutrašnjih "
                "poslova (u daljem tekstu: Ministarstvo), policija vrši nadzor i snimanje javnog "
                "mesta korišćenjem opreme za video akustičko snimanje i fotografisanje, u skladu "
                "sa zakonom.",
                RECORDING_RULEBOOK_URL,
            ),
            heading("Šta važi kada podatke obrađuje policija"),
            paragraph(
                "<p>Zakon o zaštiti podataka o ličnosti važi i za policiju. On posebno uređuje "
                "obradu koju nadležni organi vrše radi sprečavanja, istrage i otkrivanja krivičnih "
                "dela. Takva obrada je zakonita samo ako je neophodna za obavljanje poslova tog "
                "organa i propisana zakonom (član 13), a mora biti i srazmerna cilju.</p>"
                "<p>Biometrijski podaci su posebna vrsta podataka o ličnosti. Pre nego što uvede "
                "obradu koja nosi visok rizik za prava građana, rukovalac mora da izradi procenu "
                "uticaja na zaštitu podataka (član 54) i, kada rizik ostaje visok, da zatraži "
                "mišljenje Poverenika (član 55).</p>"
            ),
            legal_reference(
                ZZPL_SR,
                "1",
                "Ovim zakonom uređuje se i pravo na zaštitu fizičkih lica u vezi sa obradom "
                "podataka o ličnosti koju vrše nadležni organi u svrhe sprečavanja, istrage i "
                "otkrivanja krivičnih dela, gonjenja učinilaca krivičnih dela ili izvršenja "
                "krivičnih sankcija",
                ZZPL_URL,
                paragraph="2",
            ),
            heading("Dva nacrta koja su povučena"),
            paragraph(
                "<p>U septembru 2021. na javnoj raspravi našao se Nacrt zakona o unutrašnjim "
                "poslovima koji je pripremilo Ministarstvo unutrašnjih poslova. Organizacije "
                "civilnog društva, među njima SHARE fondacija, upozorile su da bi jedna njegova "
                "odredba dala policiji pravni osnov za obradu podataka sa „pametnih kamera“, "
                "uključujući biometrijske podatke, i time uvela masovni nadzor. Posle burne "
                "javne reakcije nacrt je krajem septembra 2021. povučen.</p>"
                "<p>U decembru 2022. pojavio se novi nacrt sa sličnim odredbama, među kojima i "
                "provera identiteta pomoću sistema za obradu biometrijskih podataka. Javna "
                "rasprava počela je 8. decembra, a 26. decembra 2022. i taj nacrt je povučen iz "
                "procedure, po nalogu predsednice Vlade i u dogovoru sa ministrom unutrašnjih "
                "poslova. Kada je MUP "
                "početkom 2023. organizovao konsultacije o novom tekstu, članovi o biometrijskom "
                "snimanju nisu bili na dnevnom redu.</p>"
            ),
            callout(
                "warning",
                "Povučen nacrt ne znači ugašene kamere",
                "<p>Povlačenje nacrta nije uklonilo kamere sa ulica niti opremu koja je već "
                "nabavljena. Bez jasnog zakona ostaje nejasno šta sistem sme da radi, a nova "
                "verzija sa istim odredbama može se pojaviti u bilo kojoj javnoj raspravi. "
                "Pratite javne rasprave i učestvujte u njima.</p>",
            ),
            heading("Šta kaže evropski Akt o veštačkoj inteligenciji"),
            paragraph(
                "<p>Akt o veštačkoj inteligenciji (Uredba (EU) 2024/1689) zabranjuje da policija "
                "na javno dostupnim mestima koristi daljinsku biometrijsku identifikaciju u "
                "realnom vremenu, osim u uskom krugu slučajeva: ciljana potraga za žrtvama "
                "otmice, trgovine ljudima ili seksualnog iskorišćavanja i za nestalim licima, "
                "sprečavanje konkretne i neposredne pretnje po život ili terorističkog napada, "
                "i pronalaženje osumnjičenih za teška krivična dela. Svaka takva upotreba u "
                "načelu traži prethodno odobrenje suda ili nezavisnog organa. Zabrane iz ovog "
                "akta primenjuju se od 2. februara 2025.</p>"
            ),
            glossary_term("remote-biometric-identification"),
            legal_reference(
                "Akt o veštačkoj inteligenciji, Uredba (EU) 2024/1689",
                "5",
                "upotreba sistema za daljinsku biometrijsku identifikaciju „u realnom vremenu“ na "
                "javno dostupnim mestima u svrhe sprovođenja zakona",
                AI_ACT_URL,
                jurisdiction="eu",
                paragraph="1(h)",
            ),
            paragraph(
                "<p>I kada je izuzetak dozvoljen, obrada biometrijskih podataka u policijske "
                "svrhe mora da poštuje Direktivu (EU) 2016/680 o zaštiti podataka u krivičnim "
                "stvarima: dozvoljena je samo kada je strogo neophodna i uz odgovarajuće "
                "zaštitne mere.</p>"
            ),
            legal_reference(
                "Direktiva (EU) 2016/680",
                "10",
                "dozvoljena je samo kada je strogo neophodna, uz odgovarajuće zaštitne mere za "
                "prava i slobode lica na koje se podaci odnose",
                LED_URL,
                jurisdiction="eu",
            ),
            heading("Zašto je to važno za Srbiju"),
            paragraph(
                "<p>Srbija je kandidat za članstvo u Evropskoj uniji i obavezala se da svoje "
                "zakone uskladi sa pravom EU; ZZPL je upravo zato i donet po uzoru na GDPR. Akt "
                "o veštačkoj inteligenciji danas ne važi neposredno u Srbiji, ali pokazuje "
                "standard koji će Srbija na putu ka članstvu morati da dostigne. Sistem koji bi "
                "u Beogradu stalno prepoznavao lica prolaznika teško bi se mogao pomiriti sa tim "
                "standardom: bolje je da se o tome odluči javno sada, nego da se skupa oprema "
                "kasnije gasi.</p>"
            ),
        ],
    },
    "en": {
        "title": "The police, cameras and biometrics: what the law says",
        "slug": "police-cameras-and-biometrics",
        "lead": (
            "The Law on Police allows public places to be recorded, but no law expressly gives "
            "the police a right to mass facial recognition. Two drafts that would have allowed "
            "it were withdrawn after public pressure, and the EU strictly limits such "
            "surveillance."
        ),
        "reviewed_by": "The initiative's legal team",
        "body": [
            heading("What the Law on Police says today"),
            paragraph(
                "<p>Article 52 of the Law on Police (Official Gazette of the Republic of Serbia "
                "Nos. 6/2016, 24/2018 and 87/2018) authorises the police to record public "
                "places. How this is done and how the public is informed is set out in a "
                "rulebook issued by the Minister of Interior in 2020 on the basis of that "
                "article. Under it, places being recorded should be marked and camera locations "
                "published on the Ministry's website.</p>"
                "<p>Recording is not the same as facial recognition. Video surveillance captures "
                "images; facial recognition software extracts biometric data from those images "
                "and compares it with a database. For the latter, the Law on Police gives no "
                "express power anywhere.</p>"
            ),
            glossary_term("video-surveillance"),
            legal_reference(
                RECORDING_RULEBOOK_EN,
                "2",
                "In order to carry out police tasks within the competence of the Ministry of "
                "Interior (hereinafter: the Ministry), the police monitor and record public "
                "places using equipment for video and audio recording and photography, in "
                "accordance with the law.",
                RECORDING_RULEBOOK_URL,
            ),
            heading("What applies when the police process data"),
            paragraph(
                "<p>The Law on Personal Data Protection also applies to the police. It has "
                "specific rules for processing by competent authorities for the prevention, "
                "investigation and detection of criminal offences. Such processing is lawful "
                "only if it is necessary for the authority to do its work and is provided for "
                "by law (Article 13), and it must also be proportionate to its aim.</p>"
                "<p>Biometric data is a special category of personal data. Before introducing "
                "processing that carries a high risk to people's rights, the controller must "
                "carry out a data protection impact assessment (Article 54) and, where the risk "
                "remains high, seek the Commissioner's opinion (Article 55).</p>"
            ),
            legal_reference(
                ZZPL_EN,
                "1",
                "This Law also regulates the right to protection of natural persons with regard "
                "to the processing of personal data by competent authorities for the purposes of "
                "the prevention, investigation and detection of criminal offences, the "
                "prosecution of perpetrators of criminal offences or the enforcement of criminal "
                "sanctions",
                ZZPL_URL,
                paragraph="2",
            ),
            heading("Two drafts that were withdrawn"),
            paragraph(
                "<p>In September 2021 a Draft Law on Internal Affairs prepared by the Ministry of "
                "Interior was under public consultation. Civil society organisations, SHARE "
                "Foundation among them, warned that one of its provisions would give the police "
                "a legal basis for processing data from “smart cameras”, biometric data "
                "included, and so bring in mass surveillance. After a heated public reaction "
                "the draft was withdrawn at the end of September 2021.</p>"
                "<p>In December 2022 a new draft appeared with similar provisions, among them "
                "identity checks using a biometric data processing system. The public "
                "consultation opened on 8 December, and on 26 December 2022 that draft was "
                "withdrawn as well, on the Prime Minister's instruction and in agreement with "
                "the Minister of Interior. When the "
                "Ministry held consultations on a new text in early 2023, the articles on "
                "biometric recording were not on the agenda.</p>"
            ),
            callout(
                "warning",
                "A withdrawn draft does not mean the cameras are off",
                "<p>Withdrawing the drafts removed neither the cameras from the streets nor the "
                "equipment already bought. Without a clear law it stays unclear what the system "
                "may do, and a new version with the same provisions can turn up in any public "
                "consultation. Follow public consultations and take part in them.</p>",
            ),
            heading("What the EU Artificial Intelligence Act says"),
            paragraph(
                "<p>The Artificial Intelligence Act (Regulation (EU) 2024/1689) prohibits the "
                "police from using real-time remote biometric identification in publicly "
                "accessible spaces, except in a narrow set of cases: a targeted search for "
                "victims of abduction, trafficking or sexual exploitation and for missing "
                "persons, preventing a specific and imminent threat to life or a terrorist "
                "attack, and locating suspects of serious crimes. Each such use in principle "
                "requires prior authorisation by a court or an independent authority. The Act's "
                "prohibitions have applied since 2 February 2025.</p>"
            ),
            glossary_term("remote-biometric-identification"),
            legal_reference(
                "Artificial Intelligence Act, Regulation (EU) 2024/1689",
                "5",
                "the use of “real-time” remote biometric identification systems in publicly "
                "accessible spaces for the purposes of law enforcement",
                AI_ACT_URL,
                jurisdiction="eu",
                paragraph="1(h)",
            ),
            paragraph(
                "<p>Even where an exception applies, processing biometric data for police "
                "purposes must comply with Directive (EU) 2016/680 on data protection in "
                "criminal matters: it is allowed only where strictly necessary and subject to "
                "appropriate safeguards.</p>"
            ),
            legal_reference(
                "Directive (EU) 2016/680",
                "10",
                "shall be allowed only where strictly necessary, subject to appropriate "
                "safeguards for the rights and freedoms of the data subject",
                LED_URL,
                jurisdiction="eu",
            ),
            heading("Why this matters for Serbia"),
            paragraph(
                "<p>Serbia is a candidate for membership of the European Union and has "
                "committed to aligning its laws with EU law; that is exactly why the ZZPL was "
                "modelled on the GDPR. The Artificial Intelligence Act does not apply directly "
                "in Serbia today, but it shows the standard Serbia will have to meet on its way "
                "to membership. A system that constantly recognised the faces of passers-by in "
                "Belgrade would be hard to square with that standard: better to decide on it in "
                "public now than to switch off expensive equipment later.</p>"
            ),
        ],
    },
}


# --- 3. Requests for information and the DPIA -------------------------------------------------

FOI_AND_DPIA = {
    "key": "foi-and-dpia",
    "topics": ["action", "legal"],
    "tags": ["MUP", "ZZPL", "Poverenik"],
    "reviewed_on": "2026-10-27",
    "review_due": "2027-04-27",
    "related": ["zzpl-rights", "police-law", "report-camera"],
    "sr": {
        "title": "Kako da pitate MUP za kamere: zahtev za informacije i procena uticaja",
        "slug": "zahtev-za-informacije-i-procena-uticaja",
        "lead": (
            "Svako može da traži od državnih organa dokumente o kamerama, a organ mora da "
            "odgovori u roku od 15 dana. Evo kako da napišete zahtev, šta da tražite, uključujući "
            "procenu uticaja na zaštitu podataka, i kome da se žalite ako odgovor izostane."
        ),
        "reviewed_by": "Pravni tim inicijative",
        "body": [
            heading("Šta je informacija od javnog značaja"),
            paragraph(
                "<p>Zakon o slobodnom pristupu informacijama od javnog značaja („Službeni glasnik "
                "RS“, br. 120/2004, 54/2007, 104/2009, 36/2010 i 105/2021) daje vam pravo da od "
                "organa vlasti dobijete informacije koje oni imaju u dokumentima: ugovore, "
                "spiskove, analize, dopise. Broj i lokacije kamera, pravila o čuvanju snimaka i "
                "dokumenti o zakonitosti sistema nadzora jesu upravo takve informacije.</p>"
                "<p>Pravo pripada svima pod jednakim uslovima, bez obzira na državljanstvo, "
                "prebivalište ili lična svojstva.</p>"
            ),
            glossary_term("public-information"),
            legal_reference(
                FOI_SR,
                "5",
                "Svako ima pravo da mu bude saopšteno da li organ vlasti poseduje određenu "
                "informaciju od javnog značaja, odnosno da li mu je ona inače dostupna.",
                FOI_URL,
                paragraph="1",
            ),
            heading("Kako da napišete zahtev"),
            paragraph(
                "<p>Zahtev se podnosi organu koji ima informaciju (član 15); za policijske kamere "
                "to je Ministarstvo unutrašnjih poslova. U zahtevu navedite naziv organa, svoje "
                "ime, prezime i adresu, što preciznije opišite koje informacije tražite i kako "
                "želite da ih dobijete: uvid, kopiju, poštom ili imejlom.</p>"
                "<p>Zahtev predajte lično ili pošaljite poštom i sačuvajte potvrdu o slanju. "
                "Možete ga poslati i imejlom, ali ako nije potpisan elektronskim potpisom, postoji "
                "mogućnost da organ odbije da postupa po njemu, pa je pošta sigurnija.</p>"
            ),
            paragraph(
                "<p>Organ mora da odgovori bez odlaganja, a najkasnije u roku od 15 dana (član "
                "16). Ako je informacija važna za zaštitu nečijeg života ili slobode ili za "
                "zdravlje ljudi i životnu sredinu, rok je 48 sati. Samo iz opravdanih razloga "
                "rok može biti produžen do 40 dana od prijema zahteva, i o tome vas organ mora "
                "obavestiti. Uvid u dokument je besplatan, a za kopiju se plaćaju samo nužni "
                "troškovi.</p>"
            ),
            legal_reference(
                FOI_SR,
                "16",
                "Organ vlasti dužan je da bez odlaganja, a najkasnije u roku od 15 dana od dana "
                "prijema zahteva, tražioca obavesti o posedovanju informacije, stavi mu na uvid "
                "dokument koji sadrži traženu informaciju, odnosno izda mu ili uputi kopiju tog "
                "dokumenta.",
                FOI_URL,
                paragraph="1",
            ),
            callout(
                "action",
                "Pošaljite zahtev MUP-u",
                "<p>Preuzmite obrazac ispod, popunite polja u uglastim zagradama i pošaljite ga "
                "Ministarstvu unutrašnjih poslova. Zapišite datum slanja: ako posle 15 dana ne "
                "dobijete odgovor, sledeći korak je žalba Povereniku. Javite nam i šta ste "
                "dobili, jer svaki odgovor pomaže da mapa bude tačnija.</p>",
            ),
            document(
                "foi-request",
                "Zahtev za pristup informacijama o kamerama",
                "Obrazac zahteva Ministarstvu unutrašnjih poslova: lokacije i broj kamera, "
                "procena uticaja na zaštitu podataka, mišljenje Poverenika i rok čuvanja snimaka.",
            ),
            heading("Žalba Povereniku"),
            paragraph(
                "<p>Ako organ ne odgovori u roku (takozvano „ćutanje organa“) ili vam odbije "
                "zahtev, možete se žaliti Povereniku za informacije od javnog značaja i zaštitu "
                "podataka o ličnosti (član 22). Uz žalbu zbog ćutanja priložite kopiju zahteva i "
                "dokaz da ste ga predali. Ako ste dobili rešenje o odbijanju, žalbu izjavljujete u "
                "roku od 15 dana od dana kada ste ga primili. Poverenik odlučuje najkasnije u roku "
                "od 30 dana. Ministarstvo unutrašnjih poslova nije među malobrojnim organima "
                "protiv kojih se žalba Povereniku ne može izjaviti.</p>"
            ),
            heading("Procena uticaja: šta je i zašto je tražiti"),
            paragraph(
                "<p>Prema članu 54 Zakona o zaštiti podataka o ličnosti, rukovalac koji planira "
                "obradu koja će verovatno prouzrokovati visok rizik za prava građana, posebno "
                "upotrebom novih tehnologija, mora pre početka obrade da izradi procenu uticaja "
                "na zaštitu podataka. Ona opisuje obradu i njenu svrhu, procenjuje da li je "
                "obrada neophodna i srazmerna, koje rizike nosi i kojim merama se oni smanjuju. "
                "Ako i posle toga rizik ostaje visok, rukovalac mora da zatraži mišljenje "
                "Poverenika (član 55).</p>"
            ),
            glossary_term("dpia"),
            paragraph(
                "<p>Ministarstvo unutrašnjih poslova izradilo je procenu uticaja za sistem "
                "pametnog video-nadzora u Beogradu. SHARE fondacija, Partneri Srbija i Beogradski "
                "centar za bezbednosnu politiku analizirali su je 2019. godine i zaključili da ne "
                "ispunjava ni formalne ni suštinske uslove koje propisuje zakon. Prema "
                "inicijativi #hiljadekamera, Poverenik tu procenu nije odobrio. Zato je vredno "
                "tražiti važeću verziju procene i mišljenje Poverenika: samo tako javnost može da "
                "proveri šta sistem sme da radi.</p>"
            ),
            faq(
                "Česta pitanja",
                [
                    (
                        "Da li moram da budem državljanin Srbije?",
                        "<p>Ne. Prava iz ovog zakona pripadaju svima pod jednakim uslovima, bez "
                        "obzira na državljanstvo i prebivalište.</p>",
                    ),
                    (
                        "Šta ako MUP odgovori da je informacija tajna?",
                        "<p>Odbijanje mora biti doneto u obliku rešenja, sa razlozima. Protiv "
                        "njega možete se žaliti Povereniku u roku od 15 dana. Ako dokument sadrži "
                        "samo neke delove koji se ne mogu objaviti, organ je dužan da vam da "
                        "ostatak.</p>",
                    ),
                    (
                        "Mogu li ovim putem da tražim snimke na kojima sam ja?",
                        "<p>Ne. Zahtev za informacije služi za dokumente o radu organa. Za podatke "
                        "o sebi koristite pravo na pristup iz Zakona o zaštiti podataka o "
                        "ličnosti; objašnjenje je u tekstu o vašim pravima.</p>",
                    ),
                ],
            ),
        ],
    },
    "en": {
        "title": "How to ask the Ministry about the cameras: information requests and the DPIA",
        "slug": "information-requests-and-dpia",
        "lead": (
            "Anyone can ask public authorities for documents about the cameras, and the "
            "authority must answer within 15 days. Here is how to write the request, what to "
            "ask for, including the data protection impact assessment, and where to complain "
            "if no answer comes."
        ),
        "reviewed_by": "The initiative's legal team",
        "body": [
            heading("What information of public importance is"),
            paragraph(
                "<p>The Law on Free Access to Information of Public Importance (Official Gazette "
                "of the Republic of Serbia Nos. 120/2004, 54/2007, 104/2009, 36/2010 and "
                "105/2021) gives you the right to obtain information that public authorities "
                "hold in documents: contracts, lists, analyses, letters. The number and locations "
                "of cameras, the rules on keeping footage and the documents on whether a "
                "surveillance system is lawful are exactly that kind of information.</p>"
                "<p>The right belongs to everyone on equal terms, regardless of citizenship, "
                "place of residence or personal characteristics.</p>"
            ),
            glossary_term("public-information"),
            legal_reference(
                FOI_EN,
                "5",
                "Everyone has the right to be told whether a public authority holds particular "
                "information of public importance, or whether it is otherwise available to "
                "them.",
                FOI_URL,
                paragraph="1",
            ),
            heading("How to write the request"),
            paragraph(
                "<p>The request goes to the authority that holds the information (Article 15); "
                "for police cameras that is the Ministry of Interior. In the request give the "
                "name of the authority, your name, surname and address, describe as precisely "
                "as you can what information you want, and say how you want to receive it: an "
                "inspection, a copy, by post or by email.</p>"
                "<p>Hand the request in person or send it by post and keep the receipt. You can "
                "also send it by email, but if it does not carry an electronic signature the "
                "authority may refuse to act on it, so post is safer.</p>"
            ),
            paragraph(
                "<p>The authority must answer without delay and at the latest within 15 days "
                "(Article 16). If the information matters for protecting someone's life or "
                "freedom, or for public health and the environment, the deadline is 48 hours. "
                "Only for justified reasons can the deadline be extended, to 40 days at most from "
                "receipt of the request, "
                "and the authority must tell you so. Inspecting a document is "
                "free; for a copy you pay only the necessary costs.</p>"
            ),
            legal_reference(
                FOI_EN,
                "16",
                "The public authority shall, without delay and at the latest within 15 days of "
                "receiving the request, inform the requester whether it holds the information, "
                "allow them to inspect the document containing the requested information, or "
                "issue or send them a copy of that document.",
                FOI_URL,
                paragraph="1",
            ),
            callout(
                "action",
                "Send your request to the Ministry",
                "<p>Download the template below, fill in the fields in square brackets and send "
                "it to the Ministry of Interior. Note the date you sent it: if there is no answer "
                "after 15 days, the next step is a complaint to the Commissioner. Let us know "
                "what you receive, too, because every answer helps make the map more "
                "accurate.</p>",
            ),
            document(
                "foi-request",
                "Request for information about the cameras",
                "A request template for the Ministry of Interior: camera locations and numbers, "
                "the data protection impact assessment, the Commissioner's opinion and how long "
                "footage is kept.",
            ),
            heading("A complaint to the Commissioner"),
            paragraph(
                "<p>If the authority does not answer in time (so-called “silence of the "
                "authority”) or turns your request down, you can complain to the Commissioner for "
                "Information of Public Importance and Personal Data Protection (Article 22). "
                "With a complaint about silence, enclose a copy of the request and proof that "
                "you submitted it. If you received a decision refusing the request, you must "
                "complain within 15 days of receiving it. The Commissioner decides within 30 "
                "days at the latest. The Ministry of Interior is not among the few authorities "
                "against which no complaint to the Commissioner can be made.</p>"
            ),
            heading("The impact assessment: what it is and why to ask for it"),
            paragraph(
                "<p>Under Article 54 of the Law on Personal Data Protection, a controller "
                "planning processing that is likely to result in a high risk to people's rights, "
                "in particular through new technologies, must carry out a data protection impact "
                "assessment before the processing begins. It describes the processing and its "
                "purpose, assesses whether the processing is necessary and proportionate, what "
                "risks it carries and what measures reduce them. If the risk remains high even "
                "then, the controller must seek the Commissioner's opinion (Article 55).</p>"
            ),
            glossary_term("dpia"),
            paragraph(
                "<p>The Ministry of Interior did produce an impact assessment for the smart "
                "video surveillance system in Belgrade. SHARE Foundation, Partners for "
                "Democratic Change Serbia and the Belgrade Centre for Security Policy analysed "
                "it in 2019 and concluded that it met neither the formal nor the substantive "
                "requirements of the law. According to the #hiljadekamera initiative, the "
                "Commissioner did not approve it. That is why it is worth asking for the current "
                "version of the assessment and for the Commissioner's opinion: only then can the "
                "public check what the system is allowed to do.</p>"
            ),
            faq(
                "Frequently asked questions",
                [
                    (
                        "Do I have to be a Serbian citizen?",
                        "<p>No. The rights under this law belong to everyone on equal terms, "
                        "regardless of citizenship and place of residence.</p>",
                    ),
                    (
                        "What if the Ministry says the information is secret?",
                        "<p>A refusal has to take the form of a decision, with reasons. You can "
                        "complain against it to the Commissioner within 15 days. If only some "
                        "parts of a document cannot be released, the authority must give you the "
                        "rest.</p>",
                    ),
                    (
                        "Can I use this route to ask for footage that shows me?",
                        "<p>No. An information request is for documents about the work of an "
                        "authority. For data about yourself, use the right of access under the "
                        "Law on Personal Data Protection; the explainer on your rights shows "
                        "how.</p>",
                    ),
                ],
            ),
        ],
    },
}


EXPLAINERS = [ZZPL_RIGHTS, POLICE_LAW, FOI_AND_DPIA]


# --- Documents ---------------------------------------------------------------------------------

FOI_REQUEST_SR = """\
ZAHTEV ZA PRISTUP INFORMACIJAMA OD JAVNOG ZNAČAJA

Ministarstvu unutrašnjih poslova Republike Srbije
[adresa ili imejl adresa Ministarstva, sa sajta Ministarstva]

Na osnovu člana 15. stav 1. Zakona o slobodnom pristupu informacijama od javnog značaja
(„Službeni glasnik RS“, br. 120/2004, 54/2007, 104/2009, 36/2010 i 105/2021) od
Ministarstva unutrašnjih poslova zahtevam sledeće informacije o sistemu video-nadzora
javnih mesta u Beogradu:

1. Na koliko lokacija u Beogradu Ministarstvo koristi kamere za nadzor i snimanje javnih
   mesta, koliko kamera je ukupno postavljeno i spisak tih lokacija po gradskim opštinama.

2. Koliko tih kamera ima mogućnost prepoznavanja lica ili druge biometrijske obrade i da
   li se ta mogućnost koristi.

3. Kopiju procene uticaja obrade na zaštitu podataka o ličnosti koja je za taj sistem
   izrađena u skladu sa članom 54. Zakona o zaštiti podataka o ličnosti, sa svim kasnijim
   izmenama i dopunama.

4. Kopiju mišljenja Poverenika za informacije od javnog značaja i zaštitu podataka o
   ličnosti o toj proceni, ako je pribavljeno u skladu sa članom 55. istog zakona.

5. Koliko dugo se čuvaju snimci sa tih kamera i kojim aktom je taj rok određen.

6. Koje organizacione jedinice i koja druga lica imaju pristup snimcima i podacima iz
   sistema.

Ako neki dokument sadrži delove koji ne mogu biti dostupni javnosti, molim da mi
dostavite ostale delove tog dokumenta.

Informacije molim da mi dostavite:
[ ] imejlom, na adresu: [imejl adresa]
[ ] poštom, na adresu: [adresa]
[ ] omogućavanjem uvida u dokumente

U [mesto], dana [datum]

Tražilac informacije:
[ime i prezime]
[adresa]
[telefon ili imejl adresa]

Potpis: ____________________
"""

FOI_REQUEST_EN = """\
REQUEST FOR ACCESS TO INFORMATION OF PUBLIC IMPORTANCE

To the Ministry of Interior of the Republic of Serbia
[the Ministry's postal or email address, from the Ministry's website]

Under Article 15(1) of the Law on Free Access to Information of Public Importance
(Official Gazette of the Republic of Serbia Nos. 120/2004, 54/2007, 104/2009, 36/2010
and 105/2021), I request the following information from the Ministry of Interior about
the video surveillance system covering public places in Belgrade:

1. At how many locations in Belgrade the Ministry uses cameras to monitor and record
   public places, how many cameras have been installed in total, and a list of those
   locations by city municipality.

2. How many of those cameras are capable of facial recognition or other biometric
   processing, and whether that capability is being used.

3. A copy of the data protection impact assessment carried out for that system under
   Article 54 of the Law on Personal Data Protection, with all later amendments.

4. A copy of the opinion of the Commissioner for Information of Public Importance and
   Personal Data Protection on that assessment, if one was obtained under Article 55 of
   the same Law.

5. How long footage from those cameras is kept, and which act sets that period.

6. Which organisational units and which other persons have access to the footage and to
   data from the system.

If any document contains parts that cannot be made public, please send me the remaining
parts of that document.

Please provide the information:
[ ] by email, to: [email address]
[ ] by post, to: [postal address]
[ ] by allowing me to inspect the documents

[place], [date]

Requester:
[first name and surname]
[address]
[phone number or email address]

Signature: ____________________

(Send the request in Serbian where you can: the Ministry works in Serbian.)
"""

DOCUMENTS = {
    "foi-request": {
        "sr": {
            "title": "Zahtev za pristup informacijama o kamerama",
            "filename": "zahtev-za-pristup-informacijama.txt",
            "text": FOI_REQUEST_SR,
        },
        "en": {
            "title": "Request for information about the cameras",
            "filename": "request-for-information.txt",
            "text": FOI_REQUEST_EN,
        },
    },
}
