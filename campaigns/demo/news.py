"""The news' demo pages: the news page and three items, each a dict with an "sr" and an "en"
side. Dates are days before the demo is loaded (load_news), so the newest is always recent.
This is content, not UI, so the strings are not marked for translation."""

from home.demo_content import heading, paragraph

NEWS_INDEX = {
    "sr": {
        "title": "Vesti",
        "slug": "vesti",
        "intro": (
            "Saopštenja, uspesi i novosti inicijative: šta smo postigli, šta tražimo i gde "
            "nam je potrebna vaša pomoć."
        ),
    },
    "en": {
        "title": "News",
        "slug": "news",
        "intro": (
            "The initiative's statements, wins and updates: what we have achieved, what we ask "
            "for and where we need your help."
        ),
    },
}

# (days before today, tags, {"sr": fields, "en": fields}), newest first.
NEWS = [
    (
        4,
        ["uspeh", "MUP"],
        {
            "sr": {
                "title": "Uspeli smo: Ministarstvo je objavilo spisak lokacija kamera",
                "slug": "ministarstvo-objavilo-spisak-lokacija-kamera",
                "lead": (
                    "Posle peticije koju su potpisali građani iz cele prestonice, Ministarstvo "
                    "unutrašnjih poslova objavilo je gde su njegove kamere u Beogradu. Hvala "
                    "svima koji su potpisali i prijavili kamere."
                ),
                "body": [
                    paragraph(
                        "<p>Spisak lokacija je prvi korak ka javnoj kontroli video-nadzora: "
                        "sada svako može da proveri da li je kamera u njegovoj ulici na "
                        "zvaničnom spisku. Brojeve sa spiska uneli smo u mapu, pored kamera "
                        "koje su građani zabeležili.</p>"
                    ),
                    heading("Šta sledi"),
                    paragraph(
                        "<p>Spisak se i dalje razlikuje od mape građana, najviše na Novom "
                        "Beogradu, Zvezdari i u Starom gradu. Nastavljamo da beležimo kamere i "
                        "tražimo da svaka bude obeležena znakom, kako propisuje pravilnik "
                        "Ministarstva.</p>"
                    ),
                ],
                "search_description": (
                    "Peticija je uspela: MUP je objavio lokacije kamera u Beogradu."
                ),
            },
            "en": {
                "title": "We did it: the Ministry has published where the cameras are",
                "slug": "ministry-publishes-camera-locations",
                "lead": (
                    "After a petition signed by people from all over the capital, the Ministry "
                    "of the Interior has published where its cameras in Belgrade are. Thank you "
                    "to everyone who signed and reported cameras."
                ),
                "body": [
                    paragraph(
                        "<p>The list of locations is a first step towards public oversight of "
                        "video surveillance: anyone can now check whether the camera in their "
                        "street is on the official list. We have added the list's figures to "
                        "the map, beside the cameras citizens have recorded.</p>"
                    ),
                    heading("What comes next"),
                    paragraph(
                        "<p>The list still differs from the citizens' map, most of all in Novi "
                        "Beograd, Zvezdara and Stari Grad. We keep mapping cameras and ask that "
                        "each one be marked with a sign, as the Ministry's own rulebook "
                        "requires.</p>"
                    ),
                ],
                "search_description": (
                    "The petition succeeded: the Ministry published Belgrade's camera locations."
                ),
            },
        },
    ),
    (
        18,
        ["saopštenje", "biometrija"],
        {
            "sr": {
                "title": "Saopštenje: biometrijski nadzor ne sme da se uvede bez javne rasprave",
                "slug": "saopstenje-biometrijski-nadzor-bez-javne-rasprave",
                "lead": (
                    "Svaki propis koji dozvoljava prepoznavanje lica na javnim mestima mora "
                    "proći javnu raspravu i procenu uticaja na zaštitu podataka o ličnosti, pre "
                    "nego što se kamere uključe."
                ),
                "body": [
                    paragraph(
                        "<p>Biometrijski podaci su po Zakonu o zaštiti podataka o ličnosti "
                        "posebna vrsta podataka, a obrada koja nosi visok rizik za prava građana "
                        "traži prethodnu procenu uticaja. Tražimo da se ta procena objavi i da "
                        "građani imaju priliku da o njoj kažu svoje mišljenje.</p>"
                    ),
                    paragraph(
                        "<p>Do tada pozivamo da se upotreba softvera za prepoznavanje lica "
                        "obustavi. Potpišite peticiju za moratorijum i pozovite i druge.</p>"
                    ),
                ],
                "search_description": (
                    "Saopštenje inicijative o biometrijskom nadzoru i javnoj raspravi."
                ),
            },
            "en": {
                "title": "Statement: no biometric surveillance without a public debate",
                "slug": "statement-no-biometric-surveillance-without-debate",
                "lead": (
                    "Any rule that allows faces to be recognised in public spaces must go "
                    "through a public debate and a data protection impact assessment before "
                    "the cameras are switched on."
                ),
                "body": [
                    paragraph(
                        "<p>Under the Law on Personal Data Protection, biometric data is a "
                        "special category of data, and processing that carries a high risk to "
                        "people's rights needs an impact assessment first. We ask that the "
                        "assessment be published and that the public may comment on it.</p>"
                    ),
                    paragraph(
                        "<p>Until then we call for the use of facial recognition software to be "
                        "suspended. Sign the petition for a moratorium and ask others to sign "
                        "too.</p>"
                    ),
                ],
                "search_description": (
                    "The initiative's statement on biometric surveillance and public debate."
                ),
            },
        },
    ),
    (
        24,
        ["mapa", "Novi Beograd"],
        {
            "sr": {
                "title": "Šetnja Novim Beogradom: mapa je bogatija za desetine kamera",
                "slug": "setnja-novim-beogradom-nove-kamere",
                "lead": (
                    "Dvadesetak građana prošetalo je Novim Beogradom i zabeležilo kamere na "
                    "raskrsnicama i javnim zgradama. Moderatori ih proveravaju, a prve su već "
                    "na mapi."
                ),
                "body": [
                    paragraph(
                        "<p>Novi Beograd je opština u kojoj se mapa građana najviše razlikuje od "
                        "policijskog spiska. Učesnici su fotografisali svaku kameru sa ulice i "
                        "prijavili je sa telefona; svaka prijava dobila je broj po kome se može "
                        "pratiti.</p>"
                    ),
                    paragraph(
                        "<p>Sledeća šetnja biće najavljena na stranici Kampanje. Ne morate da "
                        "čekate: kameru možete da prijavite čim je vidite.</p>"
                    ),
                ],
                "search_description": "Izveštaj sa šetnje i mapiranja kamera na Novom Beogradu.",
            },
            "en": {
                "title": "A walk through Novi Beograd adds dozens of cameras to the map",
                "slug": "walk-through-novi-beograd-new-cameras",
                "lead": (
                    "Some twenty people walked through Novi Beograd and recorded the cameras at "
                    "crossroads and on public buildings. Moderators are checking them, and the "
                    "first are already on the map."
                ),
                "body": [
                    paragraph(
                        "<p>Novi Beograd is the municipality where the citizens' map differs "
                        "most from the police list. The participants photographed each camera "
                        "from the street and reported it from their phones; every report got a "
                        "number it can be followed by.</p>"
                    ),
                    paragraph(
                        "<p>The next walk will be announced on the Campaigns page. You need not "
                        "wait: you can report a camera as soon as you see it.</p>"
                    ),
                ],
                "search_description": "A report from the walk mapping cameras in Novi Beograd.",
            },
        },
    ),
]
