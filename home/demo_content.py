"""Demo content loaded by `manage.py seed_demo`: the initiative's first pages in both languages.

Each page is a dict with a "sr" (Serbian, Latin script) and an "en" entry holding the page's
field values. Bodies are raw StreamField data: lists of {"type": ..., "value": ...}.
This is content, not UI, so the strings are not marked for translation.
"""

CONTACT_EMAIL = "kontakt@kamere.example"
MAILTO = f'<a href="mailto:{CONTACT_EMAIL}">{CONTACT_EMAIL}</a>'


def heading(text):
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


def paragraph(html):
    return {"type": "paragraph", "value": html}


def quote(text, attribution):
    return {"type": "quote", "value": {"quote": text, "attribution": attribution}}


def step(heading_text, html, label="", action=""):
    """A step of a step-by-step guide; `action` is one the sections offer (home/blocks.py
    site_actions: "report_camera", "camera_map")."""
    link = {"label": label, "action": action, "page": None, "url": ""}
    return {"heading": heading_text, "text": html, "link": link}


def step_by_step(title, intro, steps):
    return {"type": "step_by_step", "value": {"title": title, "intro": intro, "steps": steps}}


SAW_A_CAMERA = {
    "sr": step_by_step(
        "Videli ste kameru?",
        "Za tri koraka vaša kamera je na mapi, proverena i vidljiva svima.",
        [
            step(
                "Fotografišite je",
                "<p>Sa ulice, tako da se vide kamera i ono na čemu stoji. Ljude i tablice "
                "ostavite van kadra.</p>",
            ),
            step(
                "Prijavite kameru",
                "<p>Pošaljite fotografiju i označite na mapi mesto na kome je kamera.</p>",
                "Prijavite kameru",
                "report_camera",
            ),
            step(
                "Pratite šta je bilo sa njom",
                "<p>Dobićete broj prijave. Moderator proverava fotografiju, a potvrđena kamera "
                "se pojavljuje na mapi.</p>",
                "Pogledajte mapu",
                "camera_map",
            ),
        ],
    ),
    "en": step_by_step(
        "Saw a camera?",
        "Three steps and your camera is on the map, checked and visible to all.",
        [
            step(
                "Take a photo of it",
                "<p>From the street, so that the camera and what it is mounted on can be seen. "
                "Keep people and number plates out of the picture.</p>",
            ),
            step(
                "Report the camera",
                "<p>Send the photo and mark on the map the place where the camera is.</p>",
                "Report a camera",
                "report_camera",
            ),
            step(
                "Follow what became of it",
                "<p>You get a report number. A moderator checks the photo, and a verified "
                "camera appears on the map.</p>",
                "See the map",
                "camera_map",
            ),
        ],
    ),
}


HOME = {
    "sr": {
        "title": "Kamere",
        "slug": "pocetna",
        "mission": (
            "Borimo se za Beograd u kome javni prostor pripada građanima, "
            "a ne kamerama koje prepoznaju lica."
        ),
        "join_text": (
            "Mapirajte kamere u svom kraju, proverite podatke zajedno sa drugima i pomozite da se "
            "o nadzoru odlučuje javno. Za početak su dovoljni telefon i malo slobodnog vremena."
        ),
        "join_label": "Pridružite se",
        "body": [
            SAW_A_CAMERA["sr"],
            heading("Šta se dešava u Beogradu"),
            paragraph(
                "<p>Vlada Srbije zajedno sa kompanijom Huawei sprovodi projekat „Siguran grad“: "
                "u Beogradu se postavljaju hiljade pametnih kamera koje mogu da prepoznaju "
                "predmete i lica, a snimke analizira sistem veštačke inteligencije. Građane niko "
                "nije pitao da li to žele, a javnost vrlo malo zna o tome gde su kamere, ko gleda "
                "snimke i koliko dugo se oni čuvaju.</p>"
            ),
            heading("Šta radimo"),
            paragraph(
                "<p>Beležimo kamere na mapi grada, svaku prijavu proveravamo fotografijom i "
                "objašnjavamo šta zakon dozvoljava, a šta ne. Tražimo transparentnost, javnu "
                "raspravu i poštovanje Ustava i zakona pre nego što se nadzor dodatno proširi.</p>"
            ),
            heading("Kako možete da pomognete"),
            paragraph(
                "<p>Kada primetite kameru na stubu ili fasadi, fotografišite je i pošaljite nam "
                "fotografiju sa lokacijom. Svaka potvrđena kamera čini mapu tačnijom, a zahtev "
                "da nadzor bude pod kontrolom javnosti jačim.</p>"
            ),
            quote("Privatnost nije luksuz, već pravo svakoga od nas.", "Inicijativa Kamere"),
        ],
    },
    "en": {
        "title": "Kamere",
        "slug": "home",
        "mission": (
            "We stand for a Belgrade where public space belongs to its people, "
            "not to cameras that recognise faces."
        ),
        "join_text": (
            "Map the cameras in your neighbourhood, check the data together with others and help "
            "make surveillance a matter of public decision. A phone and a little spare time are "
            "all you need to start."
        ),
        "join_label": "Join us",
        "body": [
            SAW_A_CAMERA["en"],
            heading("What is happening in Belgrade"),
            paragraph(
                "<p>The Government of Serbia is carrying out the “Safe City” project together "
                "with Huawei: thousands of smart cameras able to recognise objects and faces are "
                "going up across Belgrade, and an artificial intelligence system analyses the "
                "footage. Nobody asked the people of Belgrade whether they want this, and the "
                "public knows very little about where the cameras are, who watches the footage "
                "and how long it is kept.</p>"
            ),
            heading("What we do"),
            paragraph(
                "<p>We put the cameras on a map of the city, check every report against a photo "
                "and explain what the law allows and what it does not. We ask for transparency, "
                "a public debate and respect for the Constitution and the laws before "
                "surveillance grows any further.</p>"
            ),
            heading("How you can help"),
            paragraph(
                "<p>When you notice a camera on a pole or a building, take a photo and send it "
                "to us with the location. Every confirmed camera makes the map more accurate and "
                "the demand for public oversight of surveillance stronger.</p>"
            ),
            quote("Privacy is not a luxury; it is a right every one of us has.", "Kamere"),
        ],
    },
}

ABOUT = {
    "sr": {
        "title": "O inicijativi",
        "slug": "o-inicijativi",
        "intro": (
            "Kamere je građanska inicijativa iz Beograda koja prati uvođenje masovnog "
            "biometrijskog nadzora i traži da se o njemu odlučuje javno, u skladu sa Ustavom "
            "i zakonima."
        ),
        "body": [
            heading("Ko smo"),
            paragraph(
                "<p>Okupljamo građane, stručnjake i sve koje brine to što se Beograd pretvara u "
                "grad stalnog nadzora. Verujemo da svako ima pravo da se kreće ulicama svog grada "
                "a da pri tome ne bude prepoznat, zabeležen i praćen. Naš rad zasniva se na "
                "proverenim činjenicama i podacima koje svako može da pregleda.</p>"
            ),
            heading("Zašto su kamere za prepoznavanje lica važne"),
            paragraph(
                "<p>Vlada Srbije i kompanija Huawei sprovode u Beogradu projekat „Siguran grad“. "
                "On obuhvata hiljade pametnih kamera sa funkcijom prepoznavanja predmeta i lica, "
                "kao i sistem veštačke inteligencije koji analizira snimke. Takve kamere ne "
                "beleže samo ono što se dešava na ulici: one mogu da utvrde ko je gde bio, kada "
                "i sa kim.</p>"
            ),
            paragraph(
                "<p>Lice ne možete ostaviti kod kuće kao telefon. Kada je nadzor stalan i "
                "sveprisutan, ljudi menjaju ponašanje: ređe izlaze na proteste i izbegavaju "
                "određena mesta i ljude. Zakon o zaštiti podataka o ličnosti svrstava biometrijske "
                "podatke u posebne vrste podataka o ličnosti, a pre obrade koja nosi visok rizik "
                "za prava građana mora se izraditi procena uticaja. Takva obrada traži jasan "
                "zakonski osnov, stroga ograničenja i javni nadzor, i ništa od toga ne sme se "
                "podrazumevati.</p>"
            ),
            heading("Šta rade građani"),
            paragraph(
                "<p>Najvažniji deo našeg rada je zajedničko mapiranje. Svako ko primeti kameru "
                "može da je prijavi: fotografiše je i pošalje nam fotografiju sa lokacijom. "
                "Prijavu zatim proveravamo, a jasna fotografija je najbolja potvrda da kamera "
                "zaista postoji i kako izgleda. Tako nastaje nezavisna mapa koju svako može da "
                "proveri.</p>"
            ),
            paragraph(
                "<p>Građanska mapa ima smisla i kada postoje zvanični podaci. Pravilnik "
                "Ministarstva unutrašnjih poslova predviđa da kamere budu označene i da se "
                "njihove lokacije objave, ali iskustvo inicijative #hiljadekamera pokazuje da se "
                "zvanični spiskovi i stanje na ulici mogu znatno razlikovati: njihova građanska "
                "mapa je već u prva dva meseca prikazala dvostruko više pametnih kamera nego "
                "zvanični spisak policije.</p>"
            ),
            heading("Šta nudi ovaj portal"),
            paragraph(
                "<ul>"
                "<li><b>Mapu</b> prijavljenih i proverenih kamera po gradskim opštinama, sa "
                "podacima koje svako može da preuzme pod otvorenom licencom.</li>"
                "<li><b>Objašnjenja</b> o tome šta su biometrijski podaci, kako radi "
                "prepoznavanje lica, šta kaže zakon i koja prava imate.</li>"
                "<li><b>Kampanje</b>: peticije, zahteve za pristup informacijama od javnog "
                "značaja i akcije kojima možete da se pridružite.</li>"
                "</ul>"
            ),
            heading("Šta tražimo"),
            paragraph(
                "<p>Tražimo da se objave svi podaci o sistemu nadzora: gde su kamere, šta mogu, "
                "ko ima pristup snimcima i koliko dugo se oni čuvaju. Tražimo javnu raspravu pre "
                "svakog daljeg širenja sistema i poštovanje Ustava, koji štiti privatnost i "
                "podatke o ličnosti. Evropska unija, čiji je Srbija kandidat za članstvo, "
                "Aktom o veštačkoj inteligenciji ograničila je daljinsku biometrijsku "
                "identifikaciju u realnom vremenu na javnim mestima. Beograd ne bi trebalo da ide "
                "u suprotnom smeru.</p>"
            ),
        ],
    },
    "en": {
        "title": "About the initiative",
        "slug": "about",
        "intro": (
            "Kamere is a citizens' initiative from Belgrade that follows the rollout of mass "
            "biometric surveillance and asks that decisions about it be made in public, in line "
            "with the Constitution and the laws."
        ),
        "body": [
            heading("Who we are"),
            paragraph(
                "<p>We bring together citizens, experts and everyone who is worried that Belgrade "
                "is turning into a city under constant watch. We believe everyone has the right "
                "to walk the streets of their own city without being recognised, recorded and "
                "followed. Our work rests on checked facts and on data that anyone can "
                "examine.</p>"
            ),
            heading("Why facial recognition cameras matter"),
            paragraph(
                "<p>The Government of Serbia and Huawei are carrying out the “Safe City” project "
                "in Belgrade. It includes thousands of smart cameras that can recognise objects "
                "and faces, and an artificial intelligence system that analyses the footage. "
                "Cameras like these do not just record what happens in the street: they can "
                "establish who was where, when, and with whom.</p>"
            ),
            paragraph(
                "<p>You cannot leave your face at home the way you can leave your phone. When "
                "surveillance is constant and everywhere, people change how they behave: they go "
                "to protests less often and avoid certain places and people. Serbia's Law on "
                "Personal Data Protection treats biometric data as a special category of personal "
                "data, and a data protection impact assessment is required before any processing "
                "that puts people's rights at high risk. Processing of this kind needs a clear "
                "legal basis, strict limits and public oversight, and none of these can be taken "
                "for granted.</p>"
            ),
            heading("What citizens do"),
            paragraph(
                "<p>The heart of our work is crowdmapping. Anyone who spots a camera can report "
                "it: take a photo and send it to us with the location. We then check the report, "
                "and a clear photo is the best confirmation that the camera really exists and "
                "shows what it looks like. The result is an independent map that anyone can "
                "verify.</p>"
            ),
            paragraph(
                "<p>A citizens' map matters even where official data exists. A rulebook of the "
                "Ministry of Interior requires cameras to be marked with signs and their "
                "locations to be published, yet the experience of the #hiljadekamera initiative "
                "shows how far official lists and the streets can drift apart: within its first "
                "two months, their citizens' map showed twice as many smart cameras as the "
                "police's official list.</p>"
            ),
            heading("What this portal offers"),
            paragraph(
                "<ul>"
                "<li><b>A map</b> of reported and verified cameras across the city's "
                "municipalities, with data anyone can download under an open licence.</li>"
                "<li><b>Explainers</b> on what biometric data is, how facial recognition works, "
                "what the law says and which rights you have.</li>"
                "<li><b>Campaigns</b>: petitions, requests for information of public importance "
                "and actions you can join.</li>"
                "</ul>"
            ),
            heading("What we ask for"),
            paragraph(
                "<p>We ask for full disclosure about the surveillance system: where the cameras "
                "are, what they can do, who has access to the footage and how long it is kept. "
                "We ask for a public debate before the system grows any further, and for respect "
                "for the Constitution, which protects privacy and personal data. The European "
                "Union, which Serbia is a candidate to join, has restricted real-time remote "
                "biometric identification in public spaces through its AI Act. Belgrade should "
                "not be heading the other way.</p>"
            ),
        ],
    },
}

PRIVACY = {
    "sr": {
        "title": "Politika privatnosti",
        "slug": "privatnost",
        "intro": (
            "Inicijativa koja se bori protiv masovnog nadzora i sama mora da prikuplja što manje "
            "podataka. Ovde objašnjavamo koje podatke ovaj sajt čuva, zašto, koliko dugo i kako "
            "možete da ostvarite svoja prava."
        ),
        "body": [
            heading("Ko obrađuje podatke"),
            paragraph(
                "<p>Podatke prikupljene preko ovog sajta obrađuje inicijativa Kamere. Sva pitanja "
                f"o podacima o ličnosti pošaljite na {MAILTO}.</p>"
            ),
            heading("Koje podatke čuvamo, zašto i ko ih vidi"),
            paragraph(
                "<ul>"
                "<li><b>Potpis peticije</b>: ime, prezime, adresu e-pošte, opštinu, vreme i "
                "tekst pristanka. Potpis govori o vašem političkom stavu, pa ga obrađujemo samo "
                "uz vaš izričit pristanak. Adresom potvrđujemo da je potpis stvaran i šaljemo "
                "vam vesti ako ste ih tražili. Imena i adrese potpisnika vide samo "
                "administratori i članovi grupe „Personal data“ koje inicijativa imenuje; ostali "
                "urednici vide samo zbirove i skraćene adrese. Svako njihovo gledanje se beleži. "
                "Ime prikazujemo na peticiji samo ako ste to dozvolili.</li>"
                "<li><b>Prijava za događaj</b>: ime, adresu e-pošte i pristanak, da bismo vam "
                "dali mesto (ili red na listi čekanja), poslali potvrdu i podsetnik.</li>"
                "<li><b>Praćenje zahteva organu vlasti</b>: adresu e-pošte, organ, predmet i "
                "datume zahteva i ishod, uz pristanak, da bismo vas podsetili na rok i "
                "pripremili žalbu. Ime i poštansku adresu iz pisma ne čuvamo.</li>"
                "<li><b>Nalog i podaci podržavaoca</b>: adresu e-pošte, lozinku (samo njen heš), "
                "ime, opštinu, način na koji želite da pomognete i da li želite naše vesti, uz "
                "vaš pristanak. Vidite ih i menjate pod „Moje aktivnosti“.</li>"
                "<li><b>Prijave kamera</b>: lokaciju, opis i fotografiju kamere. Iz fotografije "
                "pri prijemu uklanjamo metapodatke, uključujući GPS koordinate, vreme snimanja i "
                "podatke o uređaju. Objavljujemo kameru, a ne to ko ju je prijavio. Adresu "
                "e-pošte uz prijavu, ako ste je ostavili uz pristanak, koristimo samo za pitanje "
                "o prijavi; celu vide samo ljudi koje smo za to imenovali, a moderatori samo "
                "njen skriveni deo.</li>"
                "<li><b>Heš IP adrese</b>, radi zaštite od zloupotrebe (legitimni interes). Da "
                "bismo ograničili broj zahteva i sprečili automatizovane napade, ne čuvamo vašu "
                "IP adresu, već samo njenu jednosmerno izračunatu vrednost (heš), pod slučajnim "
                "ključem koji važi jedan dan i briše se sledećeg dana; posle toga niko, ni mi, "
                "ne može da utvrdi s koje adrese je heš nastao. Uz potpis na peticiji 30 dana "
                "čuvamo kratak deo tog heša, da bi moderatori prepoznali masovno slanje s jednog "
                "mesta; potvrđen potpis se računa i kada ga ima.</li>"
                "<li><b>Poruke na čekanju</b>: dok vam ne pošaljemo poruku, red poslova čuva "
                "kome je namenjena.</li>"
                "<li><b>Sesija</b>: dok ste prijavljeni, baza zna da ste to vi.</li>"
                "<li><b>Dnevnik izmena</b>: ko je od urednika šta uradio u administraciji, "
                "bez imena i adresa ljudi čije je podatke gledao.</li>"
                "</ul>"
                "<p>Pravni osnov je vaš pristanak (čl. 12 i čl. 17 Zakona o zaštiti podataka o "
                "ličnosti), za nalog vaš zahtev, a za zaštitu od zloupotrebe i dnevnik izmena "
                "legitimni interes inicijative. Potpun spisak, polje po polje, nalazi se u "
                "evidenciji radnji obrade u izvornom kodu sajta.</p>"
            ),
            heading("Šta ne radimo"),
            paragraph(
                "<p>Ne koristimo alate za analitiku, oglase ni pratioce trećih strana, i ne "
                "prodajemo niti ustupamo podatke. Video-snimci sa drugih servisa učitavaju se tek "
                "kada kliknete na njih; do tada taj servis ne dobija nikakve podatke o vama.</p>"
            ),
            heading("Kolačići"),
            paragraph(
                "<p>Sajt koristi samo kolačiće bez kojih ne može da radi: kolačić sesije kada ste "
                "prijavljeni, CSRF kolačić koji štiti obrasce od zloupotrebe i kolačić koji pamti "
                "izabrani jezik. Ne koristimo kolačiće za praćenje ni za oglašavanje.</p>"
            ),
            heading("Koliko dugo čuvamo podatke"),
            paragraph(
                "<p>Podatke brišu poslovi koji se sami pokreću svakog sata:</p>"
                "<ul>"
                "<li>Nepotvrđene potpise brišemo 7 dana posle potpisivanja.</li>"
                "<li>Potvrđene potpise čuvamo dok peticija traje i 183 dana (šest meseci) posle "
                "njenog završetka; tada brišemo imena i adrese, a broj potpisa ostaje. Duže ih "
                "čuvamo samo ako zakon ili onaj kome je peticija upućena traži imena.</li>"
                "<li>Prijave za događaj brišemo 30 dana posle događaja, a nepotvrđene dan posle "
                "prijave.</li>"
                "<li>Praćene zahteve brišemo godinu dana posle isteka roka ili stizanja "
                "odgovora, a one za koje niko nije zatražio podsetnike posle 7 dana. Možete ih "
                "obrisati i sami, na stranici zahteva.</li>"
                "<li>Nalog i podatke podržavaoca čuvamo dok ga ne obrišete ili ne zatražite "
                "brisanje. Nalog čija adresa nije potvrđena brišemo posle 7 dana.</li>"
                "<li>Heševe IP adresa brišemo čim istekne njihov period, najkasnije posle sat "
                "vremena, a ključ dana sledećeg dana. Deo heša uz potpis brišemo posle 30 "
                "dana.</li>"
                "<li>Poslate poruke brišemo iz reda poslova dan posle slanja, a neuspele posle "
                "7 dana.</li>"
                "<li>Sesija traje najviše dve nedelje, a zatim je brišemo.</li>"
                "<li>Serverski dnevnici ne sadrže IP adrese i brišu se posle 14 dana.</li>"
                "<li>Proverene prijave kamera ostaju na javnoj mapi dok kamera postoji. Adresu "
                "e-pošte uz prijavu, ako ste je ostavili, brišemo kada prijavu proverimo, a "
                "najkasnije posle 90 dana.</li>"
                "<li>Odbijene prijave kamera, zajedno sa fotografijom, brišemo 30 dana posle "
                "odluke.</li>"
                "</ul>"
            ),
            heading("Vaša prava"),
            paragraph(
                "<p>Zakon o zaštiti podataka o ličnosti („Službeni glasnik RS“, br. 87/2018) "
                "daje vam pravo da saznate koje podatke o vama čuvamo i dobijete njihovu kopiju, "
                "da zatražite ispravku netačnih podataka, njihovo brisanje, ograničenje obrade i "
                "prenos, kao i da uložite prigovor na obradu. Pristanak koji ste dali možete da "
                "povučete u svakom trenutku, što ne utiče na obradu obavljenu pre toga. Zahtev "
                f"pošaljite na {MAILTO}; odgovorićemo najkasnije u roku od 30 dana.</p>"
                "<p>Nalog sa svim podacima možete sami da obrišete pod „Moje aktivnosti“. Ako "
                "nemate nalog, pišite nam sa adrese o kojoj je reč. Brisanje obuhvata sve: "
                "potpise (potvrđeni ostaju u broju potpisa, ali bez imena i adrese), prijave za "
                "događaje (vaše mesto dobija prvi sa liste čekanja), praćene zahteve, adresu uz "
                "prijave kamera, "
                "poruke na čekanju, sesije i vaše ime u dnevniku izmena.</p>"
            ),
            heading("Pritužba Povereniku"),
            paragraph(
                "<p>Ako smatrate da vaše podatke obrađujemo suprotno zakonu, možete podneti "
                "pritužbu Povereniku za informacije od javnog značaja i zaštitu podataka o "
                "ličnosti. Biće nam drago ako nam se pre toga obratite, da pokušamo da rešimo "
                "problem, ali to nije uslov za podnošenje pritužbe.</p>"
            ),
            heading("Izmene ove politike"),
            paragraph(
                "<p>Ako promenimo ovu politiku, novu verziju objavićemo na ovoj stranici. O "
                "važnim promenama obavestićemo one koji su nam ostavili adresu e-pošte.</p>"
            ),
        ],
    },
    "en": {
        "title": "Privacy policy",
        "slug": "privacy",
        "intro": (
            "An initiative that stands against mass surveillance must itself collect as little "
            "data as it can. This page explains what this site keeps, why, for how long, and how "
            "you can exercise your rights."
        ),
        "body": [
            heading("Who processes your data"),
            paragraph(
                "<p>Data collected through this site is processed by the Kamere initiative. Send "
                f"any question about your personal data to {MAILTO}.</p>"
            ),
            heading("What we keep, why, and who sees it"),
            paragraph(
                "<ul>"
                "<li><b>A petition signature</b>: your first and last name, email address, "
                "municipality, the time and the words of your consent. A signature says what "
                "you think politically, so we process it only with your explicit consent. We use "
                "the address to confirm that the signature is genuine and to send you news if "
                "you asked for it. Signers' names and addresses are seen only by administrators "
                "and members of the “Personal data” group the initiative names; other editors "
                "see totals and shortened addresses only. Every time they look is recorded. "
                "Your first name is shown on the petition only if you allowed it.</li>"
                "<li><b>An event registration</b>: your name, email address and consent, to "
                "give you a place (or a turn on the waiting list), confirm it and remind "
                "you.</li>"
                "<li><b>Tracking a request to an authority</b>: your email address, the "
                "authority, the request's subject, dates and outcome, with your consent, to "
                "remind you of its term and draft your complaint. We keep no name or postal "
                "address from the letter.</li>"
                "<li><b>Your account and supporter details</b>: your email address, password "
                "(only its hash), first name, municipality, how you want to help and whether "
                "you want our news, with your consent. You see and change them under “My "
                "activity”.</li>"
                "<li><b>Camera reports</b>: the location, a description and a photo of the "
                "camera. When a photo arrives we strip its metadata, including GPS coordinates, "
                "the time it was taken and details of the device. We publish the camera, not who "
                "reported it. An email address you leave with a report, with your consent, is "
                "used only to ask about the report; only the people we have named for it see "
                "it whole, moderators only masked.</li>"
                "<li><b>A hash of your IP address</b>, to protect the site from abuse "
                "(legitimate interest). To limit the number of requests and stop automated "
                "attacks, we do not store your IP address, only a one-way hash of it, under a "
                "random key that is valid for one day and deleted the next; after that nobody, "
                "not even we, can tell which address a hash came from. With a petition "
                "signature we keep a short part of that hash for 30 days, so that moderators "
                "can spot bulk signing from one place; a confirmed signature counts all the "
                "same.</li>"
                "<li><b>Mail waiting to be sent</b>: until a message goes out, the job queue "
                "knows whom it is for.</li>"
                "<li><b>Your session</b>: while you are logged in, the database knows it is "
                "you.</li>"
                "<li><b>The audit log</b>: which editor did what in the admin, without the names "
                "or addresses of the people whose data they looked at.</li>"
                "</ul>"
                "<p>The legal basis is your consent (articles 12 and 17 of the Law on Personal "
                "Data Protection), your request for an account, and for protection from abuse "
                "and the audit log the initiative's legitimate interest. The full list, field by "
                "field, is the record of processing in the site's source code.</p>"
            ),
            heading("What we do not do"),
            paragraph(
                "<p>We use no analytics, no advertising and no third-party trackers, and we do "
                "not sell or share data. Videos from other services load only when you click "
                "them; until then, that service learns nothing about you.</p>"
            ),
            heading("Cookies"),
            paragraph(
                "<p>The site only sets cookies it cannot work without: a session cookie while "
                "you are logged in, a CSRF cookie that protects forms from abuse, and a cookie "
                "that remembers your language. We use no cookies for tracking or "
                "advertising.</p>"
            ),
            heading("How long we keep data"),
            paragraph(
                "<p>Data is deleted by jobs that run by themselves every hour:</p>"
                "<ul>"
                "<li>Unconfirmed signatures are deleted 7 days after signing.</li>"
                "<li>Confirmed signatures are kept while the petition runs and for 183 days (six "
                "months) after it closes; then names and addresses are deleted and the count "
                "stays. We keep them longer only if the law or the petition's addressee requires "
                "the names.</li>"
                "<li>Event registrations are deleted 30 days after the event, unconfirmed ones a "
                "day after registering.</li>"
                "<li>Tracked requests are deleted a year after their term ended or their answer "
                "came, those nobody asked reminders for after 7 days. You can delete one "
                "yourself on its page.</li>"
                "<li>Your account and supporter details are kept until you delete them or ask "
                "us to. An account whose address was never confirmed is deleted after 7 "
                "days.</li>"
                "<li>IP address hashes are deleted when their window ends, within an hour at "
                "most, and the day's key the next day. The part of a hash kept with a signature "
                "is deleted after 30 days.</li>"
                "<li>Sent messages leave the job queue a day after sending, failed ones after 7 "
                "days.</li>"
                "<li>A session lasts two weeks at most and is deleted after that.</li>"
                "<li>Server logs contain no IP addresses and are deleted after 14 days.</li>"
                "<li>Verified camera reports stay on the public map for as long as the camera "
                "exists. If you left an email address with a report, we delete it once the "
                "report is checked, and after 90 days at the latest.</li>"
                "<li>Rejected camera reports are deleted, with their photo, 30 days after the "
                "decision.</li>"
                "</ul>"
            ),
            heading("Your rights"),
            paragraph(
                "<p>Serbia's Law on Personal Data Protection (Official Gazette of the Republic "
                "of Serbia, No. 87/2018) gives you the right to know what data we hold about you "
                "and to get a copy of it, to have inaccurate data corrected, to have your data "
                "erased, to restrict its processing, to take it elsewhere, and to object to its "
                "processing. You may withdraw any consent you have given at any time; this does "
                "not affect processing carried out before you withdrew it. Send your request to "
                f"{MAILTO}; we will reply within 30 days at the latest.</p>"
                "<p>You can delete your account with all its data yourself under “My "
                "activity”. If you have no account, write to us from the address concerned. "
                "Erasure covers everything: signatures (confirmed ones stay in the count, "
                "without your name and address), event registrations (your place goes to the "
                "first on the waiting list), tracked requests, the address left with camera "
                "reports, mail waiting "
                "to be sent, sessions and your name in the audit log.</p>"
            ),
            heading("Complaining to the Commissioner"),
            paragraph(
                "<p>If you believe we process your data unlawfully, you can lodge a complaint "
                "with the Commissioner for Information of Public Importance and Personal Data "
                "Protection (Poverenik). We would be glad if you talked to us first so that we "
                "can try to put things right, but you do not have to.</p>"
            ),
            heading("Changes to this policy"),
            paragraph(
                "<p>If we change this policy, we will publish the new version on this page and "
                "let everyone who gave us an email address know about any important "
                "change.</p>"
            ),
        ],
    },
}

CONTACT = {
    "sr": {
        "title": "Kontakt",
        "slug": "kontakt",
        "intro": (
            "Kameru koju ste primetili prijavite preko forme za prijavu kamere. Pišite nam ako "
            "imate pitanje o našem radu ili o svojim podacima, ili ako želite da se uključite."
        ),
        "body": [
            heading("Prijava kamere"),
            paragraph(
                '<p>Kameru najbrže prijavite preko <a href="/mapa/prijava/">forme za prijavu '
                "kamere</a>: označite mesto na mapi, dodajte fotografiju ako je imate i napišite "
                "na čemu je kamera postavljena, na primer na stubu, fasadi ili semaforu. Dobićete "
                "broj prijave i stranicu na kojoj pratite šta je s njom bilo. Fotografišite "
                "kameru, a ne ljude u prolazu, i ne dovodite sebe u opasnost.</p>"
            ),
            paragraph(
                f"<p>Ako forma ne radi za vas, pošaljite fotografiju i tačnu lokaciju na {MAILTO}. "
                "Imajte na umu da fotografija poslata e-poštom može da sadrži metapodatke, na "
                "primer GPS koordinate i model telefona. Mi ih uklanjamo pre objavljivanja, ali "
                "ako ne želite da ih uopšte pošaljete, isključite beleženje lokacije u kameri "
                "telefona ili nam pošaljite snimak ekrana fotografije.</p>"
            ),
            heading("Pišite nam"),
            paragraph(
                f"<p>Najlakše ćete nas dobiti na adresi {MAILTO}. Čitamo svaku poruku i "
                "trudimo se da odgovorimo u roku od nekoliko radnih dana.</p>"
            ),
            heading("Pitanja o podacima o ličnosti"),
            paragraph(
                "<p>Zahteve za uvid u vaše podatke, njihovu ispravku ili brisanje pošaljite na "
                "istu adresu, sa naznakom „Podaci o ličnosti“ u naslovu poruke. Šta čuvamo i "
                "koliko dugo, pročitajte u politici privatnosti.</p>"
            ),
            heading("Za medije i istraživače"),
            paragraph(
                "<p>Novinari i istraživači mogu da nam pišu na istu adresu. Podaci sa mape "
                "objavljeni su pod otvorenom licencom i možete ih slobodno koristiti pod uslovima "
                "te licence, uz navođenje izvora.</p>"
            ),
        ],
    },
    "en": {
        "title": "Contact",
        "slug": "contact",
        "intro": (
            "Report a camera you have spotted with the camera report form. Write to us if you "
            "have a question about our work or about your data, or would like to get involved."
        ),
        "body": [
            heading("Reporting a camera"),
            paragraph(
                '<p>The quickest way to report a camera is the <a href="/en/map/report/">camera '
                "report form</a>: mark the spot on the map, add a photo if you have one and say "
                "what the camera is mounted on, such as a pole, a building or a traffic light. "
                "You get a reference number and a page where you can follow what became of your "
                "report. Photograph the camera, not passers-by, and never put yourself at "
                "risk.</p>"
            ),
            paragraph(
                "<p>If the form does not work for you, send the photo and the exact location "
                f"to {MAILTO}. Bear in mind that a photo sent by email may carry metadata, such "
                "as GPS coordinates and the model of your phone. We strip it before anything is "
                "published, but if you would rather not send it at all, turn off location "
                "tagging in your phone's camera or send us a screenshot of the photo.</p>"
            ),
            heading("Write to us"),
            paragraph(
                f"<p>The easiest way to reach us is {MAILTO}. We read every message and try to "
                "reply within a few working days.</p>"
            ),
            heading("Questions about your personal data"),
            paragraph(
                "<p>Send requests to see, correct or delete your data to the same address, with "
                "“Personal data” in the subject line. Our privacy policy explains what we keep "
                "and for how long.</p>"
            ),
            heading("For journalists and researchers"),
            paragraph(
                "<p>Journalists and researchers are welcome to write to the same address. The "
                "map data is published under an open licence: you may reuse it freely on the "
                "licence's terms, crediting the source.</p>"
            ),
        ],
    },
}


# The pages under each home page, in menu order.
# A step-by-step guide of its own, built from blocks as editors would.
GUIDE = {
    "sr": {
        "title": "Vodič: videli ste kameru",
        "slug": "vodic-videli-ste-kameru",
        "intro": "Kako kamera koju ste videli na ulici stiže na mapu, korak po korak.",
        "body": [
            SAW_A_CAMERA["sr"],
            heading("Zašto je svaka prijava važna"),
            paragraph(
                "<p>Policijski spisak kamera ne kaže sve. Svaka proverena prijava pokazuje "
                "gde se nadzor zaista širi i daje težinu zahtevu da se o njemu odlučuje "
                "javno.</p>"
            ),
        ],
    },
    "en": {
        "title": "Guide: you saw a camera",
        "slug": "guide-you-saw-a-camera",
        "intro": "How a camera you saw in the street gets onto the map, step by step.",
        "body": [
            SAW_A_CAMERA["en"],
            heading("Why every report matters"),
            paragraph(
                "<p>The police list of cameras does not tell everything. Every verified report "
                "shows where surveillance really grows and gives weight to the demand that it "
                "be decided on in public.</p>"
            ),
        ],
    },
}

PAGES = {"about": ABOUT, "privacy": PRIVACY, "contact": CONTACT, "guide": GUIDE}

# The home page's image at the top: an illustration drawn for the demo (home/demo/draw_hero.py),
# with what it shows for people who cannot see it.
HERO_IMAGE = {
    "file": "hero.png",
    "title": "Demo: kamere na stubu i prijava telefonom (ilustracija)",
    "alt": {
        "sr": (
            "Ilustracija: dve nadzorne kamere na stubu ulične rasvete snimaju trotoar, a ruka "
            "drži telefon na čijoj je mapi kamera označena žutom oznakom."
        ),
        "en": (
            "Illustration: two surveillance cameras on a street-light pole watch the pavement, "
            "while a hand holds up a phone whose map marks the camera with a yellow pin."
        ),
    },
}
