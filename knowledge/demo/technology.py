"""Demo explainers on the technology: facial recognition, the "Safe City" system, reporting
a camera. Loaded by `manage.py seed_demo`; see knowledge/demo/__init__.py for the format.
"""

from knowledge.demo import (
    call_to_action,
    callout,
    camera_map,
    faq,
    glossary_term,
    heading,
    legal_reference,
    paragraph,
    table,
)

ZZPL_URL = "https://www.paragraf.rs/propisi/zakon_o_zastiti_podataka_o_licnosti.html"
AI_ACT_URL = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj"
NIST_FRVT_URL = "https://doi.org/10.6028/NIST.IR.8280"
NIST_PRESS_URL = (
    "https://www.nist.gov/news-events/news/2019/12/"
    "nist-study-evaluates-effects-race-age-sex-face-recognition-software"
)
HILJADE_KAMERA_URL = "https://hiljade.kamera.rs/en/home/"
SHARE_HUAWEI_URL = (
    "https://www.sharefoundation.info/en/"
    "huawei-knows-everything-about-cameras-in-belgrade-and-they-are-glad-to-share/"
)
EDRI_RETRACTS_URL = (
    "https://edri.org/our-work/serbia-government-retracts-again-on-biometric-surveillance/"
)
EDRI_URL = (
    "https://edri.org/share-foundation-presents-hiljadekamera-a-documentary-on-biometric-"
    "mass-surveillance/"
)

FACIAL_RECOGNITION = {
    "key": "facial-recognition",
    "topics": ["technical"],
    "tags": ["NIST", "Gender Shades", "AI Act"],
    "reviewed_on": "2026-11-20",
    "review_due": "2027-05-20",
    "related": ["safe-city", "report-camera", "zzpl-rights"],
    "sr": {
        "title": "Kako radi prepoznavanje lica i zašto greši",
        "slug": "kako-radi-prepoznavanje-lica",
        "lead": (
            "Prepoznavanje lica je softver koji lice sa snimka pretvara u niz brojeva i poredi "
            "ga sa bazom fotografija. Greši češće nego što proizvođači priznaju, a i kada radi "
            "besprekorno, na ulici od svakog prolaznika pravi nekoga koga treba proveriti."
        ),
        "reviewed_by": "Tehnički tim inicijative",
        "body": [
            heading("Od lica do niza brojeva"),
            paragraph(
                "<p>Prepoznavanje lica počinje <b>detekcijom</b>: softver u svakom kadru traži "
                "oblike koji liče na lice. Zatim svako pronađeno lice meri (razmak između očiju, "
                "oblik nosa, vilice i jagodica) i te mere pretvara u <b>šablon lica</b>, niz "
                "brojeva koji služi kao vaš potpis.</p>"
            ),
            glossary_term("facial-recognition"),
            paragraph(
                "<p>Šablon lica je biometrijski podatak. Za razliku od lozinke ili broja "
                "telefona, ne možete ga promeniti kada procuri, a lice ne možete ostaviti kod "
                "kuće. Zato zakon biometrijske podatke štiti strože od ostalih.</p>"
            ),
            glossary_term("biometric-data"),
            heading("Provera ili potraga"),
            paragraph(
                "<p>Postoje dve bitno različite upotrebe. <b>Provera (jedan prema jedan)</b> "
                "poredi vaše lice sa jednom fotografijom: tako otključavate telefon ili prolazite "
                "kroz automatsku kapiju na aerodromu. Znate da se to dešava i sami ste to "
                "izabrali.</p>"
                "<p><b>Identifikacija (jedan prema mnogima)</b> poredi lice sa celom bazom, na "
                "primer sa spiskom traženih osoba, i pita „ko je ovo?“. Kada se to radi kamerom "
                "na ulici, bez vašeg znanja i učešća, govorimo o daljinskoj biometrijskoj "
                "identifikaciji. Ona može biti <b>uživo</b>, dok prolazite pored kamere, ili "
                "<b>naknadna</b>, kada se pretražuju ranije snimci. Naknadna nije bezazlenija: "
                "omogućava da se unazad utvrdi gde ste bili i s kim.</p>"
            ),
            glossary_term("remote-biometric-identification"),
            heading("Kako sistem greši"),
            paragraph(
                "<p>Sistem ne kaže „to je ta osoba“, već izračuna koliko su dva šablona slična. "
                "Kada sličnost pređe <b>prag</b>, javlja pogodak. Greške su dve: "
                "<b>lažno podudaranje</b>, kada sistem dve različite osobe proglasi istom, i "
                "<b>propust</b>, kada traženu osobu ne prepozna. Nizak prag donosi više lažnih "
                "podudaranja, visok više propusta. Prag bira onaj ko upravlja sistemom, a javnost "
                "najčešće ne zna koji je izabran.</p>"
            ),
            glossary_term("false-match"),
            paragraph(
                "<p>Greške ne pogađaju sve podjednako. Američki Nacionalni institut za standarde "
                "i tehnologiju (NIST) u svom programu testiranja FRVT, koji se danas zove FRTE, "
                f'2019. godine ispitao je <a href="{NIST_FRVT_URL}">189 algoritama 99 '
                "proizvođača</a>. Većina je pokazala razlike među demografskim grupama: pri "
                "proveri jedan prema jedan lažna podudaranja za lica azijskog i afroameričkog "
                "porekla bila su, zavisno od algoritma, od 10 do 100 puta češća nego za lica "
                "belaca. Češća su bila i kod žena, kao i kod najmlađih i najstarijih.</p>"
                "<p>Studija „Gender Shades“ (Joy Buolamwini i Timnit Gebru, 2018) pokazala je da "
                "komercijalni sistemi koji iz lica procenjuju pol greše i do 34,7% kod žena "
                "tamnije puti, a najviše 0,8% kod muškaraca svetlije puti. Studija nije merila "
                "identifikaciju, ali pokazuje isti koren: sisteme uče podaci u kojima neke grupe "
                "jedva postoje.</p>"
            ),
            heading("Problem velikih brojeva", "h3"),
            paragraph(
                "<p>Zamislite sistem koji pogrešno „prepozna“ samo jednog od hiljadu prolaznika. "
                "Kamera na prometnoj raskrsnici dnevno vidi desetine hiljada lica, pa bi samo ona "
                "davala desetine lažnih uzbuna dnevno, dok tražena osoba možda nikada ne prođe. "
                "Što je spisak traženih duži, veća je šansa da neko lice liči na nekoga sa "
                "spiska.</p>"
                "<p>U Detroitu je u januaru 2020. uhapšen Robert Williams "
                "jer je naknadna pretraga snimka iz prodavnice pogrešno povezala njegovu staru "
                "fotografiju iz vozačke dozvole sa lopovom. U pritvoru je proveo oko 30 sati.</p>"
            ),
            callout(
                "warning",
                "Tačnost nije zaštita",
                "<p>Manje grešaka ne menja suštinu: da bi pronašao jednu osobu, sistem mora da "
                "skenira svakog ko prođe. Tačniji sistem masovnog nadzora samo je delotvorniji "
                "sistem masovnog nadzora.</p>",
            ),
            heading("Zašto je to problem i kada radi savršeno"),
            paragraph(
                "<p>Prepoznavanje lica na javnom mestu ne čeka sumnju: svako ko prođe postaje "
                "deo pretrage. Ljudi koji znaju da ih kamere mogu prepoznati ređe odlaze na "
                "proteste i izbegavaju određena mesta i ljude. "
                "Anonimnost u gomili, koja je dugo bila podrazumevana, nestaje.</p>"
                "<p>Zato je Evropska unija Aktom o veštačkoj inteligenciji od 2. februara 2025. "
                "zabranila policiji da na javno dostupnim mestima koristi daljinsku biometrijsku "
                "identifikaciju u realnom vremenu, uz nekoliko uskih izuzetaka. Srbija je "
                "kandidat za članstvo u EU i ne bi trebalo da ide u suprotnom smeru.</p>"
            ),
            legal_reference(
                "Akt o veštačkoj inteligenciji (Uredba (EU) 2024/1689)",
                "5",
                "Zabranjene su sledeće prakse u oblasti veštačke inteligencije: […] upotreba "
                "sistema za daljinsku biometrijsku identifikaciju „u realnom vremenu“ na javno "
                "dostupnim mestima u svrhu sprovođenja zakona, osim ako je i u meri u kojoj je "
                "takva upotreba strogo neophodna za jedan od sledećih ciljeva: […]",
                AI_ACT_URL,
                jurisdiction="eu",
                paragraph="1(h)",
            ),
            faq(
                "Česta pitanja",
                [
                    (
                        "Da li je svaka kamera na ulici kamera za prepoznavanje lica?",
                        "<p>Nije. Prepoznavanje lica je softver: istu sliku sistem može samo da "
                        "snimi ili da je analizira. Važno je koji softver stoji iza kamera i ko "
                        "odlučuje da ga uključi.</p>",
                    ),
                    (
                        "Mogu li da se zaštitim kapom, naočarima ili maskom?",
                        "<p>Ponekad to otežava prepoznavanje, ali ne pouzdano. A pokrivanje "
                        "lica ne bi smelo da bude cena šetnje sopstvenim gradom.</p>",
                    ),
                    (
                        "Ako nemam šta da krijem, zašto bi me to brinulo?",
                        "<p>Zato što lažna podudaranja pogađaju upravo nevine, i zato što "
                        "beleška o tome gde ste bili i s kim govori mnogo o vama: o zdravlju, "
                        "veri, politici i prijateljstvima.</p>",
                    ),
                ],
            ),
        ],
    },
    "en": {
        "title": "How facial recognition works and why it fails",
        "slug": "how-facial-recognition-works",
        "lead": (
            "Facial recognition is software that turns a face in a video into a string of "
            "numbers and compares it with a database of photos. It fails more often than its "
            "makers admit, and even when it works flawlessly, in the street it turns every "
            "passer-by into someone to be checked."
        ),
        "reviewed_by": "The initiative's technical team",
        "body": [
            heading("From a face to a string of numbers"),
            paragraph(
                "<p>Facial recognition starts with <b>detection</b>: in every frame the software "
                "looks for shapes that resemble a face. It then measures each face it finds ("
                "the distance between the eyes, the shape of the nose, jaw and cheekbones) and "
                "turns those measurements into a <b>face template</b>, a string of numbers that "
                "serves as your signature.</p>"
            ),
            glossary_term("facial-recognition"),
            paragraph(
                "<p>A face template is biometric data. Unlike a password or a phone number, you "
                "cannot change it once it leaks, and you cannot leave your face at home. That is "
                "why the law protects biometric data more strictly than other data.</p>"
            ),
            glossary_term("biometric-data"),
            heading("Checking or searching"),
            paragraph(
                "<p>There are two very different uses. <b>Verification (one-to-one)</b> compares "
                "your face with a single photo: that is how you unlock your phone or pass an "
                "automatic gate at the airport. You know it is happening and you chose it.</p>"
                "<p><b>Identification (one-to-many)</b> compares a face with a whole database, "
                "such as a list of wanted people, and asks “who is this?”. When a street camera "
                "does this without your knowledge or involvement, it is called remote biometric "
                "identification. It can be <b>live</b>, as you walk past the camera, or "
                "<b>retrospective</b>, when earlier footage is searched. Retrospective use is no "
                "more harmless: it reveals, after the fact, where you were and with whom.</p>"
            ),
            glossary_term("remote-biometric-identification"),
            heading("How the system fails"),
            paragraph(
                "<p>The system does not say “this is that person”; it calculates how similar two "
                "templates are. When the similarity passes a <b>threshold</b>, it reports a hit. "
                "There are two kinds of error: a <b>false match</b>, when the system declares two "
                "different people to be the same, and a <b>miss</b>, when it fails to recognise "
                "the person it is looking for. A low threshold brings more false matches, a high "
                "one more misses. Whoever runs the system picks the threshold, and the public "
                "usually does not know which one was chosen.</p>"
            ),
            glossary_term("false-match"),
            paragraph(
                "<p>The errors do not fall on everyone equally. In 2019 the US National "
                "Institute of Standards and Technology (NIST), in its FRVT testing programme, "
                f'now called FRTE, examined <a href="{NIST_FRVT_URL}">189 algorithms from 99 '
                "developers</a>. Most showed differences between demographic groups: in "
                "one-to-one verification, false matches for Asian and African American faces "
                "were, depending on the algorithm, 10 to 100 times more frequent than for white "
                "faces. They were also more frequent for women, and for the youngest and the "
                "oldest.</p>"
                "<p>The “Gender Shades” study (Joy Buolamwini and Timnit Gebru, 2018) showed that "
                "commercial systems that guess a person's sex from their face were wrong up to "
                "34.7% of the time for darker-skinned women, and at most 0.8% for lighter-skinned "
                "men. The study did not measure identification, but it points to the same root: "
                "systems learn from data in which some groups barely exist.</p>"
            ),
            heading("The problem of large numbers", "h3"),
            paragraph(
                "<p>Imagine a system that wrongly “recognises” only one passer-by in a thousand. "
                "A camera at a busy crossing sees tens of thousands of faces a day, so it alone "
                "would raise dozens of false alarms daily, while the person sought may never "
                "pass. The longer the watch list, the likelier a face resembles someone on it.</p>"
                "<p>In Detroit in January 2020, Robert Williams was "
                "arrested because a retrospective search of shop footage wrongly matched his old "
                "driving licence photo with a thief. He spent about 30 hours in custody.</p>"
            ),
            callout(
                "warning",
                "Accuracy is not a safeguard",
                "<p>Fewer errors do not change the essence: to find one person, the system must "
                "scan everyone who walks past. A more accurate system of mass surveillance is "
                "simply a more effective one.</p>",
            ),
            heading("Why it is a problem even when it works"),
            paragraph(
                "<p>Facial recognition in a public place does not wait for suspicion: everyone "
                "who walks past becomes part of the search. People who know that cameras can "
                "recognise them go to protests less often and avoid certain places and people. "
                "Anonymity in the crowd, long taken for granted, disappears.</p>"
                "<p>That is why, since 2 February 2025, the European Union's AI Act has "
                "prohibited the police from using real-time remote biometric identification in "
                "publicly accessible spaces, with a few narrow exceptions. Serbia is a candidate "
                "for EU membership and should not be heading in the opposite direction.</p>"
            ),
            legal_reference(
                "Artificial Intelligence Act (Regulation (EU) 2024/1689)",
                "5",
                "The following AI practices shall be prohibited: […] the use of ‘real-time’ "  # noqa: RUF001
                "remote biometric identification systems in publicly accessible spaces for the "
                "purposes of law enforcement, unless and in so far as such use is strictly "
                "necessary for one of the following objectives: […]",
                AI_ACT_URL,
                jurisdiction="eu",
                paragraph="1(h)",
            ),
            faq(
                "Frequently asked questions",
                [
                    (
                        "Is every camera in the street a facial recognition camera?",
                        "<p>No. Facial recognition is software: a system can simply record an "
                        "image or analyse it. What matters is the software behind the cameras "
                        "and who decides to switch it on.</p>",
                    ),
                    (
                        "Can I protect myself with a cap, glasses or a mask?",
                        "<p>Sometimes they make recognition harder, but not reliably. More "
                        "importantly, covering your face should not be the price of walking "
                        "through your own city.</p>",
                    ),
                    (
                        "If I have nothing to hide, why should I worry?",
                        "<p>Because false matches hit precisely the innocent, and because a "
                        "record of where you were and with whom says a great deal about you: "
                        "about your health, faith, politics and friendships.</p>",
                    ),
                ],
            ),
        ],
    },
}

SAFE_CITY = {
    "key": "safe-city",
    "topics": ["technical", "legal"],
    "tags": ["Huawei", "MUP", "ZZPL"],
    # Reviewed in the spring; the facts about the system change, so it is due again.
    "reviewed_on": "2026-05-01",
    "review_due": "2026-11-01",
    "related": ["facial-recognition", "report-camera", "foi-and-dpia"],
    "sr": {
        "title": "Šta je „Siguran grad“ u Beogradu",
        "slug": "siguran-grad-u-beogradu",
        "lead": (
            "„Siguran grad“ je sistem pametnih kamera i softvera kompanije Huawei koji "
            "Ministarstvo unutrašnjih poslova uvodi u Beogradu. Znamo kako se delovi sistema "
            "zovu i šta umeju, ali ne znamo gde su sve kamere, koliko se dugo snimci čuvaju ni "
            "ko im sve ima pristup."
        ),
        "reviewed_by": "Pravni i tehnički tim inicijative",
        "body": [
            heading("Kako je nastao"),
            paragraph(
                "<p>Vlade Srbije i Kine potpisale su 2009. sporazum o ekonomskoj i tehničkoj "
                "saradnji u oblasti infrastrukture, koji je ratifikovan 2013. Na tom osnovu "
                "Ministarstvo unutrašnjih poslova (MUP) i kompanija Huawei 2011. počinju "
                "razgovore o projektu „Sigurno društvo“, a u decembru 2014. potpisuju memorandum "
                "o razumevanju. Vlada je u decembru 2016. dala saglasnost na Sporazum o "
                "strateškom partnerstvu MUP-a i Huaweija za uvođenje eLTE tehnologija i rešenja "
                "„siguran grad“, koji je potpisan početkom februara 2017.</p>"
                "<p>Huawei je na svom sajtu objavio i studiju slučaja o saradnji sa MUP-om: prvo "
                "je postavljeno devet probnih kamera na pet lokacija, među kojima su zgrada "
                "ministarstva, jedna sportska dvorana i jedan tržni centar. Studija je uklonjena "
                "sa sajta u martu 2019, ubrzo pošto je "
                f'<a href="{SHARE_HUAWEI_URL}">SHARE Fondacija pisala o njoj</a>.</p>'
                "<p>Početkom 2019. ministar unutrašnjih poslova i direktor policije najavili su "
                "da će u Beogradu na oko 800 lokacija biti postavljeno blizu hiljadu kamera koje "
                "prepoznaju lica i registarske tablice. Tada je postalo jasno koliki je "
                "„Siguran grad“ zapravo.</p>"
            ),
            glossary_term("safe-city"),
            heading("Od čega se sastoji"),
            paragraph(
                "<p>Delove sistema javno je opisala inicijativa "
                f'<a href="{HILJADE_KAMERA_URL}">#hiljadekamera</a>. Huawei u sopstvenoj '
                "tehničkoj dokumentaciji za kamere serije IPC6000 među ugrađenim algoritmima "
                "navodi detekciju i prepoznavanje lica. Nazivi uređaja sami po sebi ne govore šta "
                "je uključeno, ali pokazuju šta sistem može. Tabela ispod pokazuje šta svaki deo "
                "radi i šta o njemu znamo.</p>"
            ),
            table(
                "Delovi sistema „Siguran grad“",
                ["Komponenta", "Šta radi", "Šta znamo"],
                [
                    [
                        "Kamere IPC6625-Z30 i IPC6225-VRZ-ES",
                        "Snimaju 24 sata dnevno; napredna optika detektuje lica i predmete.",
                        "Modele je prijavila inicijativa; tačan broj i lokacije nisu objavljeni.",
                    ],
                    [
                        "VCN3020",
                        "Sistem za upravljanje snimcima: policija prati slike i podatke sa "
                        "kamera u realnom vremenu.",
                        "Nije poznato koliko ljudi ima pristup ni kako se pristup beleži.",
                    ],
                    [
                        "OceanStor",
                        "Skladište: čuva snimke i rezultate analize za kasniju upotrebu.",
                        "Rok čuvanja snimaka nije objavljen.",
                    ],
                    [
                        "VCM5020",
                        "Analitika: napredna pretraga lica i predmeta po zadatim parametrima.",
                        "Vlasti tvrde da se prepoznavanje lica ne koristi; nezavisne provere nema.",
                    ],
                ],
            ),
            heading("Šta znamo, a šta ne"),
            paragraph(
                "<p>Poverenik za informacije od javnog značaja i zaštitu podataka o ličnosti "
                "utvrdio je 2018. da je MUP u drugoj polovini 2017. na 61 lokaciji zamenio stare "
                "kamere novim i dodao 47 fiksnih, a da javnost o tome pre toga nije obavestio kako "
                "treba. Za procenu "
                "uticaja na zaštitu podataka o ličnosti koju je MUP kasnije izradio, Poverenik je "
                "ocenio da nije u skladu sa zakonom. Nacrt zakona o unutrašnjim poslovima koji "
                "je trebalo da ozakoni biometrijski nadzor povučen je u septembru 2021, a "
                "sledeći nacrt krajem 2022.</p>"
            ),
            glossary_term("dpia"),
            paragraph(
                "<p>Ne znamo koliko kamera tačno ima i gde su sve, koliko se snimci čuvaju, ko "
                "im ima pristup, sa kojim bazama je sistem povezan, koliko je koštao ni koliko je "
                "bezbedan. A to su upravo pitanja na koja zakon traži odgovor pre nego što se "
                "obrada biometrijskih podataka uopšte započne.</p>"
                "<p>Ustav u članu 42 jemči zaštitu podataka o ličnosti i traži da se njihova "
                "obrada uredi zakonom. Zakon o zaštiti podataka o ličnosti važi i za policiju, a "
                "obradu biometrijskih podataka radi jedinstvene identifikacije načelno zabranjuje. "
                "Vlasti su dva puta pokušale da masovni biometrijski nadzor javnih mesta "
                "ozakone novim zakonom o unutrašnjim poslovima i oba puta su nacrt povukle. "
                "Ipak, prema "
                f'<a href="{EDRI_RETRACTS_URL}">SHARE Fondaciji</a>, vlasti su u međuvremenu '
                "nabavile i softver za prepoznavanje lica Griffeye.</p>"
            ),
            legal_reference(
                "Zakon o zaštiti podataka o ličnosti",
                "17",
                "Zabranjena je obrada kojom se otkriva rasno ili etničko poreklo, političko "
                "mišljenje, versko ili filozofsko uverenje ili članstvo u sindikatu, kao i "
                "obrada genetskih podataka, biometrijskih podataka u cilju jedinstvene "
                "identifikacije lica, podataka o zdravstvenom stanju […]",
                ZZPL_URL,
                paragraph="1",
            ),
            heading("Građanska mapa i spisak policije"),
            paragraph(
                "<p>Pravilnik MUP-a propisuje da kamere na javnim mestima budu označene i da se "
                "njihove lokacije objave na sajtu ministarstva, a MUP je objavio spisak od 661 "
                "lokacije. Građani su kamere beležili i sami: u prva dva meseca "
                "građanska mapa je prikazala "
                f'<a href="{EDRI_URL}">dvostruko više pametnih kamera</a> nego zvanični spisak '
                "policije, sa najvećim razlikama u Novom Beogradu, na Zvezdari i u Starom gradu. "
                "U 2020. građani su proverili podatke o 689 kamera za prepoznavanje lica, a u "
                "avgustu 2021. aktivisti su govorili o najmanje 1.200.</p>"
                "<p>I kada je MUP ažurirao spisak, SHARE Fondacija je ukazala na velike razlike u "
                "lokacijama i broju kamera u odnosu na građansku mapu. Ta razlika je razlog "
                "zašto građanska mapa postoji: nezavisna, proverljiva i "
                "otvorena za svakoga.</p>"
            ),
            callout(
                "action",
                "Pitajte i vi",
                "<p>Svako može da zatraži od MUP-a informacije o kamerama, na primer o rokovima "
                "čuvanja snimaka ili o proceni uticaja. Ako ministarstvo ne odgovori, možete se "
                "žaliti Povereniku. Svaki zahtev podseća vlast da javnost pita.</p>",
            ),
        ],
    },
    "en": {
        "title": "What Belgrade's “Safe City” is",
        "slug": "safe-city-in-belgrade",
        "lead": (
            "“Safe City” is a system of smart cameras and software from Huawei that the Ministry "
            "of Interior is introducing in Belgrade. We know what its parts are called and what "
            "they can do, but not where all the cameras are, how long the footage is kept or who "
            "has access to it."
        ),
        "reviewed_by": "The initiative's legal and technical team",
        "body": [
            heading("How it came about"),
            paragraph(
                "<p>In 2009 the governments of Serbia and China signed an agreement on economic "
                "and technical cooperation in infrastructure, ratified in 2013. On that basis "
                "the Ministry of Interior (MUP) and Huawei began talks in 2011 on a “Safe "
                "Society” project, and in December 2014 they signed a memorandum of "
                "understanding. In December 2016 the Government approved the Agreement on "
                "Strategic Partnership between the MUP and Huawei for introducing eLTE "
                "technologies and “safe city” solutions, which was signed in early February "
                "2017.</p>"
                "<p>Huawei also published a case study of its work with the MUP on its website: "
                "nine test cameras were installed first, at five locations including the "
                "ministry's headquarters, a sports arena and a shopping centre. The case study "
                "was removed from the site in March 2019, shortly after "
                f'<a href="{SHARE_HUAWEI_URL}">SHARE Foundation wrote about it</a>.</p>'
                "<p>In early 2019 the Minister of Interior and the Police Director announced that "
                "close to a thousand cameras able to recognise faces and number plates would be "
                "installed at around 800 locations in Belgrade. That is when it became clear how "
                "big “Safe City” really is.</p>"
            ),
            glossary_term("safe-city"),
            heading("What it consists of"),
            paragraph(
                "<p>The parts of the system were described publicly by the "
                f'<a href="{HILJADE_KAMERA_URL}">#hiljadekamera</a> initiative. In its own '
                "technical documentation for the IPC6000 camera series, Huawei lists face "
                "detection and facial recognition among the built-in algorithms. The names of the "
                "devices do not say by themselves what is switched on, but they show what the "
                "system can do. The table below shows what each part does and what we know "
                "about it.</p>"
            ),
            table(
                "The parts of the “Safe City” system",
                ["Component", "What it does", "What we know"],
                [
                    [
                        "IPC6625-Z30 and IPC6225-VRZ-ES cameras",
                        "Record around the clock; advanced optics detect faces and objects.",
                        "The models were reported by the initiative; the exact number and "
                        "locations have not been published.",
                    ],
                    [
                        "VCN3020",
                        "Video management system: the police watch the images and data from the "
                        "cameras in real time.",
                        "It is not known how many people have access or how access is logged.",
                    ],
                    [
                        "OceanStor",
                        "Storage: keeps footage and analysis results for later use.",
                        "The retention period has not been published.",
                    ],
                    [
                        "VCM5020",
                        "Analytics: advanced search for faces and objects by given parameters.",
                        "The authorities say facial recognition is not in use; there is no "
                        "independent check.",
                    ],
                ],
            ),
            heading("What we know and what we don't"),
            paragraph(
                "<p>In 2018 the Commissioner for Information of Public Importance and Personal "
                "Data Protection found that in the second half of 2017 the MUP had replaced old "
                "cameras with new ones at 61 locations and added 47 fixed cameras, without "
                "properly informing the public beforehand. The Commissioner assessed that the "
                "data protection impact assessment the MUP later produced was not in line with "
                "the law. A draft Law on "
                "Internal Affairs that would have legalised biometric surveillance was withdrawn "
                "in September 2021, and the next draft at the end of 2022.</p>"
            ),
            glossary_term("dpia"),
            paragraph(
                "<p>We do not know exactly how many cameras there are or where they all are, how "
                "long footage is kept, who has access to it, which databases the system is "
                "connected to, what it cost or how secure it is. These are exactly the questions "
                "the law expects to be answered before any processing of biometric data "
                "begins.</p>"
                "<p>Article 42 of the Constitution guarantees the protection of personal data and "
                "requires its processing to be governed by law. The Law on Personal Data "
                "Protection applies to the police too, and in principle it prohibits processing "
                "biometric data to uniquely identify people. Twice the authorities tried to "
                "legalise mass biometric surveillance of public places through a new law on "
                "internal affairs, and twice they withdrew the draft. Even so, according to "
                f'<a href="{EDRI_RETRACTS_URL}">SHARE Foundation</a>, the authorities have '
                "meanwhile also bought the Griffeye facial recognition software.</p>"
            ),
            legal_reference(
                "Law on Personal Data Protection",
                "17",
                "Processing that reveals racial or ethnic origin, political opinion, religious "
                "or philosophical belief or trade union membership, as well as the processing "
                "of genetic data, biometric data for the purpose of uniquely identifying a "
                "person, data concerning health […] is prohibited.",
                ZZPL_URL,
                paragraph="1",
            ),
            heading("The citizen map and the police list"),
            paragraph(
                "<p>A MUP rulebook requires cameras in public places to be marked with signs and "
                "their locations to be published on the ministry's website, and the MUP "
                "published a list of 661 locations. Citizens were also recording cameras "
                "themselves: in its first two months the citizen map showed "
                f'<a href="{EDRI_URL}">twice as many smart cameras</a> as the official police '
                "list, with the biggest gaps in Novi Beograd, Zvezdara and Stari Grad. In 2020 "
                "citizens had verified data on 689 facial recognition cameras, and in August 2021 "
                "activists spoke of at least 1,200.</p>"
                "<p>Even after the MUP updated its list, SHARE Foundation pointed to large "
                "differences in the locations and number of cameras compared with the citizen "
                "map. That gap is why the citizen map exists: independent, verifiable and open to "
                "everyone.</p>"
            ),
            callout(
                "action",
                "Ask for yourself",
                "<p>Anyone can ask the MUP for information about the cameras, for example about "
                "how long footage is kept or about the impact assessment. If the ministry does "
                "not answer, you can complain to the Commissioner. Every request reminds the "
                "authorities that the public is asking.</p>",
            ),
        ],
    },
}

REPORT_CAMERA = {
    "key": "report-camera",
    "topics": ["action"],
    "tags": ["OpenStreetMap", "EXIF"],
    "reviewed_on": "2026-11-20",
    "review_due": "2027-05-20",
    "related": ["safe-city", "facial-recognition"],
    "sr": {
        "title": "Kako da prijavite kameru",
        "slug": "kako-da-prijavite-kameru",
        "lead": (
            "Kameru prijavljujete preko forme na mapi: označite mesto, dodajte fotografiju i "
            "opišite šta ste videli. Urednici proveravaju svaku prijavu, a iz fotografije pre "
            "čuvanja uklanjamo lokaciju, vreme i podatke o telefonu."
        ),
        "reviewed_by": "Urednički tim mape",
        "body": [
            heading("Šta da tražite"),
            paragraph(
                "<p>Gradski video-nadzor najčešće čine dve vrste kamera: <b>kupolaste</b>, u "
                "obliku polulopte, i <b>izdužene</b>, fiksne kamere u kućištu nalik na kutiju. "
                "Tražite ih na stubovima iznad raskrsnica, na semaforima, uličnim svetiljkama i "
                "fasadama, naročito oko trgova, ulaza i pešačkih prelaza.</p>"
                "<p>Za prepoznavanje lica pogodne su kamere visoke rezolucije usmerene na "
                "trotoar, prelaz ili ulaz, na visini sa koje se lica dobro vide. Zabeležite i "
                "čitače registarskih tablica i to da li neki znak upozorava na snimanje. Modele "
                "koje je inicijativa #hiljadekamera povezala sa prepoznavanjem lica, Huawei "
                "IPC6625-Z30 i IPC6225-VRZ-ES, opisujemo u tekstu o „Sigurnom gradu“.</p>"
                "<p>Ne morate biti sigurni šta je tačno pred vama. Prijavite ono što vidite, a "
                "proveru ostavite nama: i prijava koja se pokaže pogrešnom pomaže da mapa bude "
                "tačnija.</p>"
            ),
            glossary_term("video-surveillance"),
            heading("Kako da fotografišete bezbedno i zakonito"),
            paragraph(
                "<ul>"
                "<li><b>Snimajte sa javnog mesta</b>, sa trotoara ili trga. Ne ulazite u "
                "dvorišta i zgrade i ne penjite se nigde.</li>"
                "<li><b>U kadru neka bude kamera, a ne ljudi.</b> Ne fotografišite lica "
                "prolaznika ni registarske tablice; sačekajte da prođu ili usmerite telefon više "
                "ka nebu.</li>"
                "<li><b>Pazite na sebe.</b> Ne stojte na kolovozu. Ako vas neko pita šta radite, "
                "mirno objasnite ili jednostavno idite dalje; nijedna fotografija nije vredna "
                "rasprave.</li>"
                "<li><b>Neka se vidi i okolina.</b> Stub, zgrada ili deo raskrsnice u kadru "
                "pomažu uredniku da kameru pronađe i potvrdi da je prijava tačna.</li>"
                "<li><b>Fotografišite danju ako možete.</b> Na noćnim snimcima kamera se teško "
                "razaznaje, a i vas vozači teže primećuju.</li>"
                "</ul>"
            ),
            callout(
                "action",
                "Pre nego što pošaljete",
                "<p>Proverite na mapi da li je kamera već ucrtana. Ako jeste, a imate bolju "
                "fotografiju, svejedno je pošaljite: jasna fotografija je najbolja potvrda.</p>",
            ),
            camera_map(),
            heading("Šta forma traži"),
            paragraph(
                "<p>Forma je kratka i popunjava se za nekoliko minuta, i na telefonu. Obavezni "
                "su samo mesto i vrsta uređaja; sve ostalo pomaže, ali nije nužno.</p>"
                "<ul>"
                "<li><b>Mesto</b>: kliknite na mapu, upotrebite svoju trenutnu lokaciju ili "
                "mesto koje je telefon upisao u fotografiju, ili upišite koordinate.</li>"
                "<li><b>Fotografiju</b> (nije obavezna): JPEG, PNG, WebP ili HEIC, do 10 MB.</li>"
                "<li><b>Vrstu</b>: kamera ili čitač tablica; fiksna, kupolasta ili okretna, ili "
                "„ne znam“; da li izgleda kao da može da prepoznaje lica i da li postoji znak.</li>"
                "<li><b>Napomenu</b> (nije obavezna): na čemu je kamera i kuda je usmerena.</li>"
                "<li><b>Imejl</b> (nije obavezan): samo uz vaš pristanak da vas pitamo nešto o "
                "ovoj prijavi.</li>"
                "</ul>"
                '<p><a href="/mapa/prijava/">Otvorite formu za prijavu kamere</a>.</p>'
            ),
            glossary_term("consent"),
            heading("Šta se dešava posle prijave"),
            paragraph(
                "<p>Svaku prijavu pregleda urednik. Ako je na istom mestu kamera već ucrtana, "
                "prijave spajamo, pa se ista kamera ne broji dvaput. Jasna fotografija je "
                "najbolja potvrda da kamera postoji i kako izgleda. Odbijene prijave, sa "
                "fotografijom i položajem, brišemo 30 dana posle odluke.</p>"
                "<p>Posle slanja dobijate broj prijave, na primer KR-4F7Q9X, i stranicu na kojoj "
                "pratite šta je s prijavom bilo: da li je primljena, da li je urednik proverava, "
                "da li je kamera ucrtana na mapu ili spojena sa kamerom koja je već na njoj, ili "
                "nije dodata, uz razlog ako ga urednici navedu. Sačuvajte adresu te stranice: "
                "na njoj nema ničega o vama.</p>"
                "<p>Proverene kamere pojavljuju se na mapi i u podacima koje svako može da "
                "preuzme. Opisujemo ih oznakama koje koristi OpenStreetMap, pa se naši podaci "
                "mogu uporediti i spojiti sa drugim projektima mapiranja kamera, u Beogradu i "
                "van njega.</p>"
                "<p>Svaka proverena kamera je činjenica koju vlast ne može da ospori. Zvanični "
                "spisak i stanje na ulici često se razlikuju, a građanska mapa tu razliku čini "
                "vidljivom: za novinare, poslanike, Poverenika i sve koji pitaju koliko nas "
                "kamera zaista gleda.</p>"
            ),
            heading("Šta radimo sa vašim podacima"),
            paragraph(
                "<p>Telefoni u svaku fotografiju upisuju mesto, vreme i model uređaja. Mi te "
                "podatke ne čistimo jedan po jedan, već fotografiju pravimo iznova samo od "
                "piksela i dajemo joj nasumično ime, pa u njoj ne ostaje nijedan podatak o "
                "ličnosti osim onoga što se na slici vidi. Imejl koristimo samo za pitanja o "
                "prijavi, nikada ga ne objavljujemo i brišemo ga čim se prijava pregleda, a "
                "najkasnije posle 90 dana. Na mapi se ne objavljuje ko je kameru prijavio, a ako "
                "ste prijavu poslali prijavljeni na portal, vaše ime vide samo urednici.</p>"
            ),
            glossary_term("personal-data"),
            paragraph(
                '<p><b><a href="/mapa/prijava/">Prijavite kameru</a></b> koju ste videli, ili na '
                "mapi proverite da li je već ucrtana.</p>"
            ),
            call_to_action("Pogledajte mapu kamera", "map"),
            faq(
                "Česta pitanja",
                [
                    (
                        "Moram li da pošaljem fotografiju?",
                        "<p>Ne. Prijava bez fotografije je korisna, ali je teže proveriti; ako "
                        "ne možete bezbedno da fotografišete, opišite kameru u napomeni.</p>",
                    ),
                    (
                        "Da li će neko saznati ko je prijavio kameru?",
                        "<p>Na mapi se ne objavljuje ko je kameru prijavio, a fotografiju "
                        "čuvamo bez podataka o vašem telefonu. Imejl vide samo urednici.</p>",
                    ),
                    (
                        "Šta ako je kamera na privatnoj zgradi ili prodavnici?",
                        "<p>Ako snima ulicu ili trotoar, prijavite je i u napomeni navedite na "
                        "kakvom je objektu. Urednici beleže i šta kamera snima.</p>",
                    ),
                    (
                        "Šta ako je kamera uklonjena ili premeštena?",
                        "<p>Otvorite tu kameru na mapi i prijavite da je više nema; ako je "
                        "premeštena, prijavite i novo mesto. I to je važna informacija za tačnu "
                        "mapu.</p>",
                    ),
                ],
            ),
        ],
    },
    "en": {
        "title": "How to report a camera",
        "slug": "how-to-report-a-camera",
        "lead": (
            "You report a camera through the form on the map: mark the spot, add a photo and "
            "describe what you saw. Editors check every report, and before a photo is stored we "
            "remove the location, time and phone details from it."
        ),
        "reviewed_by": "The map's editorial team",
        "body": [
            heading("What to look for"),
            paragraph(
                "<p>City video surveillance is mostly made up of two kinds of camera: "
                "<b>dome</b> cameras, shaped like a half-sphere, and <b>bullet</b> cameras, fixed "
                "cameras in an elongated, box-like housing. Look for them on poles above "
                "junctions, on traffic lights, street lamps and building fronts, especially "
                "around squares, entrances and pedestrian crossings.</p>"
                "<p>Cameras suited to facial recognition are high-resolution cameras aimed at a "
                "pavement, a crossing or an entrance, mounted at a height from which faces are "
                "clearly visible. Note number plate readers too, and whether a sign warns of "
                "recording. The models the #hiljadekamera initiative linked to facial "
                "recognition, Huawei IPC6625-Z30 and IPC6225-VRZ-ES, are described in our piece "
                "on “Safe City”.</p>"
                "<p>You do not need to be sure exactly what you are looking at. Report what you "
                "see and leave the checking to us: even a report that turns out to be mistaken "
                "helps make the map more accurate.</p>"
            ),
            glossary_term("video-surveillance"),
            heading("How to take photos safely and lawfully"),
            paragraph(
                "<ul>"
                "<li><b>Take photos from a public place</b>, from the pavement or a square. Do "
                "not go into courtyards or buildings, and do not climb anything.</li>"
                "<li><b>Frame the camera, not people.</b> Do not photograph passers-by's faces "
                "or number plates; wait for them to pass or tilt your phone up towards the "
                "sky.</li>"
                "<li><b>Look after yourself.</b> Do not stand in the road. If someone asks what "
                "you are doing, explain calmly or simply move on; no photo is worth an "
                "argument.</li>"
                "<li><b>Show the surroundings.</b> A pole, a building or part of the junction in "
                "the frame helps the editor find the camera and confirm the report.</li>"
                "<li><b>Take photos in daylight if you can.</b> A camera is hard to make out in "
                "night shots, and drivers find it harder to see you.</li>"
                "</ul>"
            ),
            callout(
                "action",
                "Before you send it",
                "<p>Check on the map whether the camera is already there. If it is and you have "
                "a better photo, send it anyway: a clear photo is the best confirmation.</p>",
            ),
            camera_map(),
            heading("What the form asks for"),
            paragraph(
                "<p>The form is short and takes a few minutes to fill in, on a phone too. Only "
                "the spot and the kind of device are required; everything else helps, but is "
                "not essential.</p>"
                "<ul>"
                "<li><b>The spot</b>: click on the map, use your current location or the place "
                "your phone wrote into the photo, or type in the coordinates.</li>"
                "<li><b>A photo</b> (optional): JPEG, PNG, WebP or HEIC, up to 10 MB.</li>"
                "<li><b>The kind</b>: a camera or a number plate reader; fixed, dome or panning, "
                "or “don't know”; whether it looks capable of facial recognition and whether "
                "there is a sign.</li>"
                "<li><b>A note</b> (optional): what it is mounted on and where it points.</li>"
                "<li><b>An email address</b> (optional): only if you consent to us asking you "
                "about this report.</li>"
                "</ul>"
                '<p><a href="/en/map/report/">Open the camera report form</a>.</p>'
            ),
            glossary_term("consent"),
            heading("What happens after you report"),
            paragraph(
                "<p>An editor reviews every report. If a camera is already on the map at the "
                "same spot, we merge the reports, so the same camera is not counted twice. A "
                "clear photo is the best confirmation that a camera exists and what it looks "
                "like. Rejected "
                "reports, with their photo and position, are deleted 30 days after the "
                "decision.</p>"
                "<p>Once you send it, you get a reference number, such as KR-4F7Q9X, and a page "
                "where you can follow what became of your report: received, being checked by "
                "an editor, on the map, merged with a camera already there, or not added, with "
                "the reason if the editors give one. Keep that page's address: nothing on it is "
                "about you.</p>"
                "<p>Verified cameras appear on the map and in data that anyone can download. We "
                "describe them with the tags OpenStreetMap uses, so our data can be compared and "
                "combined with other camera mapping projects, in Belgrade and beyond.</p>"
                "<p>Every verified camera is a fact the authorities cannot dispute. The official "
                "list and the situation in the street often differ, and the citizen map makes "
                "that difference visible: to journalists, members of parliament, the "
                "Commissioner and everyone who asks how many cameras are really watching us.</p>"
            ),
            heading("What we do with your data"),
            paragraph(
                "<p>Phones write the place, time and device model into every photo. Rather than "
                "cleaning these out one by one, we rebuild the photo from its pixels alone and "
                "give it a random name, so no personal data is left in it beyond what the "
                "picture shows. We use your email address only for questions about the report, "
                "never publish it, and delete it as soon as the report is reviewed, and after 90 "
                "days at the latest. The map does not show who reported a camera, and if you "
                "were signed in to the portal when you reported it, only the editors see your "
                "name.</p>"
            ),
            glossary_term("personal-data"),
            paragraph(
                '<p><b><a href="/en/map/report/">Report a camera</a></b> you have seen, or check '
                "on the map whether it is already there.</p>"
            ),
            call_to_action("See the camera map", "map"),
            faq(
                "Frequently asked questions",
                [
                    (
                        "Do I have to send a photo?",
                        "<p>No. A report without a photo is useful, but harder to check; if you "
                        "cannot take a photo safely, describe the camera in the note.</p>",
                    ),
                    (
                        "Will anyone find out that I reported the camera?",
                        "<p>The map does not show who reported a camera, and we keep the photo "
                        "without any details of your phone. Only the editors see your email "
                        "address.</p>",
                    ),
                    (
                        "What if the camera is on a private building or a shop?",
                        "<p>If it records the street or the pavement, report it and say in the "
                        "note what kind of building it is on. The editors also record what a "
                        "camera watches.</p>",
                    ),
                    (
                        "What if a camera has been removed or moved?",
                        "<p>Open that camera on the map and report that it is gone; if it has "
                        "moved, report the new spot too. That, too, is important for an accurate "
                        "map.</p>",
                    ),
                ],
            ),
        ],
    },
}

EXPLAINERS = [FACIAL_RECOGNITION, SAFE_CITY, REPORT_CAMERA]
