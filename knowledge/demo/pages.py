"""The knowledge base's own pages and its topics."""

KNOWLEDGE_INDEX = {
    "sr": {
        "title": "Znanje",
        "slug": "znanje",
        "intro": (
            "Šta kamere mogu da vide, šta zakon dozvoljava i šta vi možete da uradite: "
            "objašnjenja koja pišu i proveravaju naši urednici i pravnici."
        ),
    },
    "en": {
        "title": "Knowledge",
        "slug": "knowledge",
        "intro": (
            "What the cameras can see, what the law allows and what you can do about it: "
            "explainers written and checked by our editors and lawyers."
        ),
    },
}

GLOSSARY_PAGE = {
    "sr": {
        "title": "Rečnik",
        "slug": "recnik",
        "intro": (
            "Pojmovi iz zakona i tehnologije nadzora, objašnjeni jednostavnim rečima, od A do Ž."
        ),
    },
    "en": {
        "title": "Glossary",
        "slug": "glossary",
        "intro": (
            "Terms from the law and from surveillance technology, in plain words, from A to Z."
        ),
    },
}

TOPICS = [
    {
        "key": "rights",
        "sr": {
            "name": "Vaša prava",
            "sort_order": 1,
            "slug": "vasa-prava",
            "description": "Šta smete da znate i da tražite kada neko obrađuje vaše podatke.",
        },
        "en": {
            "name": "Your rights",
            "sort_order": 1,
            "slug": "your-rights",
            "description": "What you may know and ask for when someone processes your data.",
        },
    },
    {
        "key": "legal",
        "sr": {
            "name": "Zakoni",
            "sort_order": 2,
            "slug": "zakoni",
            "description": "Šta propisi Srbije i Evrope kažu o nadzoru i biometrijskim podacima.",
        },
        "en": {
            "name": "The law",
            "sort_order": 2,
            "slug": "the-law",
            "description": "What the laws of Serbia and Europe say about surveillance and "
            "biometric data.",
        },
    },
    {
        "key": "technical",
        "sr": {
            "name": "Tehnologija",
            "sort_order": 3,
            "slug": "tehnologija",
            "description": "Kako rade kamere i prepoznavanje lica, i gde greše.",
        },
        "en": {
            "name": "Technology",
            "sort_order": 3,
            "slug": "technology",
            "description": "How the cameras and facial recognition work, and where they fail.",
        },
    },
    {
        "key": "action",
        "sr": {
            "name": "Kako da delujete",
            "sort_order": 4,
            "slug": "kako-da-delujete",
            "description": "Zahtevi, prijave i pritužbe: koraci koje svako može da preduzme.",
        },
        "en": {
            "name": "How to act",
            "sort_order": 4,
            "slug": "how-to-act",
            "description": "Requests, reports and complaints: steps anyone can take.",
        },
    },
]

# The knowledge base's "Start here" explainers.
FEATURED = ["facial-recognition", "zzpl-rights", "report-camera"]
