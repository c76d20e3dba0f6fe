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
        "join_label": "Pridruži se",
        "body": [
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
            heading("Koje podatke čuvamo i zašto"),
            paragraph(
                "<ul>"
                "<li><b>Adresu e-pošte</b>, kada potpišete peticiju ili otvorite nalog. Potrebna "
                "nam je da potvrdimo da je potpis stvaran i da vam pošaljemo poruke koje ste "
                "tražili. Adresu ne objavljujemo i ne dajemo je drugima.</li>"
                "<li><b>Prijave kamera</b>: lokaciju, opis i fotografiju kamere. Iz fotografije "
                "pri prijemu uklanjamo metapodatke, uključujući GPS koordinate, vreme snimanja i "
                "podatke o uređaju. Objavljujemo kameru, a ne to ko ju je prijavio.</li>"
                "<li><b>Heš IP adrese</b>, radi zaštite od zloupotrebe. Da bismo ograničili broj "
                "zahteva i sprečili automatizovane napade, ne čuvamo vašu IP adresu, već samo "
                "njenu jednosmerno izračunatu vrednost (heš).</li>"
                "</ul>"
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
                "<ul>"
                "<li>Nepotvrđene potpise brišemo 30 dana posle potpisivanja.</li>"
                "<li>Potvrđene potpise čuvamo dok kampanja traje, a najduže šest meseci posle "
                "njenog završetka.</li>"
                "<li>Nalog i podatke u njemu čuvamo dok ga ne obrišete ili ne zatražite "
                "brisanje.</li>"
                "<li>Heševe IP adresa brišemo posle 24 sata.</li>"
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
            heading("What we keep and why"),
            paragraph(
                "<ul>"
                "<li><b>Your email address</b>, when you sign a petition or open an account. We "
                "need it to confirm that a signature is genuine and to send you the messages you "
                "asked for. We never publish it or pass it on.</li>"
                "<li><b>Camera reports</b>: the location, a description and a photo of the "
                "camera. When a photo arrives we strip its metadata, including GPS coordinates, "
                "the time it was taken and details of the device. We publish the camera, not who "
                "reported it.</li>"
                "<li><b>A hash of your IP address</b>, to protect the site from abuse. To limit "
                "the number of requests and stop automated attacks, we do not store your IP "
                "address, only a one-way hash of it.</li>"
                "</ul>"
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
                "<ul>"
                "<li>Unconfirmed signatures are deleted 30 days after signing.</li>"
                "<li>Confirmed signatures are kept while the campaign runs and for no more than "
                "six months after it ends.</li>"
                "<li>Your account and its data are kept until you delete it or ask us to.</li>"
                "<li>IP address hashes are deleted after 24 hours.</li>"
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
            "Pišite nam ako ste primetili kameru, ako imate pitanje o našem radu ili o svojim "
            "podacima, ili ako želite da se uključite."
        ),
        "body": [
            heading("Pišite nam"),
            paragraph(
                f"<p>Najlakše ćete nas dobiti na adresi {MAILTO}. Čitamo svaku poruku i "
                "trudimo se da odgovorimo u roku od nekoliko radnih dana.</p>"
            ),
            heading("Prijava kamere"),
            paragraph(
                "<p>Pošaljite fotografiju kamere i tačnu lokaciju: adresu, raskrsnicu ili tačku "
                "na mapi, i napišite na čemu je kamera postavljena, na primer na stubu, fasadi ili "
                "semaforu. Jasna fotografija je najbolja potvrda. Fotografišite kameru, a ne ljude "
                "u prolazu, i ne dovodite sebe u opasnost.</p>"
            ),
            paragraph(
                "<p>Imajte na umu da fotografija poslata e-poštom može da sadrži metapodatke, na "
                "primer GPS koordinate i model telefona. Mi ih uklanjamo pre objavljivanja, ali "
                "ako ne želite da ih uopšte pošaljete, isključite beleženje lokacije u kameri "
                "telefona ili nam pošaljite snimak ekrana fotografije.</p>"
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
            "Write to us if you have spotted a camera, have a question about our work or about "
            "your data, or would like to get involved."
        ),
        "body": [
            heading("Write to us"),
            paragraph(
                f"<p>The easiest way to reach us is {MAILTO}. We read every message and try to "
                "reply within a few working days.</p>"
            ),
            heading("Reporting a camera"),
            paragraph(
                "<p>Send us a photo of the camera and its exact location: an address, a "
                "crossroads or a point on the map, and tell us what the camera is mounted on, "
                "such as a pole, a building or a traffic light. A clear photo is the best "
                "confirmation. Photograph the camera, not passers-by, and never put yourself at "
                "risk.</p>"
            ),
            paragraph(
                "<p>Bear in mind that a photo sent by email may carry metadata, such as GPS "
                "coordinates and the model of your phone. We strip it before anything is "
                "published, but if you would rather not send it at all, turn off location "
                "tagging in your phone's camera or send us a screenshot of the photo.</p>"
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

MAP_PAGE = {
    "sr": {
        "title": "Mapa kamera",
        "slug": "mapa",
        "intro": (
            "Kamere koje su građani prijavili i koje smo proverili, opštinu po opštinu, pored "
            "broja kamera sa zvaničnog spiska policije."
        ),
        "body": [
            heading("Kako nastaje mapa"),
            paragraph(
                "<p>Svaku prijavu proveravamo pre nego što se kamera pojavi na mapi kao "
                "proverena: najbolja potvrda je jasna fotografija, a kameru potvrđuju i druge "
                "nezavisne prijave. Prijavljene kamere koje još nismo proverili možete da "
                "uključite filterom iznad mape.</p>"
            ),
            paragraph(
                "<p>Podaci sa mape su otvoreni: preuzmite ih kao GeoJSON ili CSV i koristite ih "
                "uz navođenje izvora.</p>"
            ),
        ],
    },
    "en": {
        "title": "Camera map",
        "slug": "map",
        "intro": (
            "The cameras citizens reported and we checked, municipality by municipality, beside "
            "the number of cameras on the police's official list."
        ),
        "body": [
            heading("How the map is made"),
            paragraph(
                "<p>We check every report before a camera appears on the map as verified: a "
                "clear photo is the best confirmation, and other independent reports confirm "
                "it too. Reported cameras we have not checked yet can be included with the "
                "filter above the map.</p>"
            ),
            paragraph(
                "<p>The map's data is open: download it as GeoJSON or CSV and reuse it, "
                "crediting the source.</p>"
            ),
        ],
    },
}

# The pages under each home page, in menu order.
PAGES = {"about": ABOUT, "privacy": PRIVACY, "contact": CONTACT}
