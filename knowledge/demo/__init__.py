"""Demo content for the knowledge base, loaded by `manage.py seed_demo`.

Explainers, glossary terms and topics are written for this portal in Serbian (Latin script) and
English. Each entry is a dict with an "sr" and an "en" side holding the field values; bodies are
raw StreamField data built with the helpers below. This is content, not UI, so the strings are
not marked for translation.

References between entries use keys, resolved when the content is loaded: a topic key
("legal", "technical", "rights", "action"), a glossary term key, a document key, or "map" for
the camera map page.
"""

import uuid


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(html):
    return {"type": "paragraph", "value": html}


def callout(kind, title, html):
    """kind: "right" (your right), "warning" or "action" (what you can do)."""
    return {"type": "callout", "value": {"kind": kind, "title": title, "text": html}}


def legal_reference(law, article, quoted_text, url, jurisdiction="rs", paragraph=""):
    """jurisdiction: "rs" (Serbia), "eu" (European Union) or "coe" (Council of Europe)."""
    return {
        "type": "legal_reference",
        "value": {
            "law": law,
            "article": article,
            "paragraph": paragraph,
            "text": quoted_text,
            "url": url,
            "jurisdiction": jurisdiction,
        },
    }


def faq(title, questions):
    """questions: (question, answer HTML) pairs."""
    return {
        "type": "faq",
        "value": {
            "title": title,
            "questions": list_items({"question": q, "answer": a} for q, a in questions),
        },
    }


def list_items(values):
    """A ListBlock's items as Wagtail stores them: wagtail-localize offers only items stored
    this way, each with an id, for translation."""
    return [{"type": "item", "value": value, "id": str(uuid.uuid4())} for value in values]


def glossary_term(key):
    return {"type": "glossary_term", "value": key}


def document(key, title, description=""):
    return {
        "type": "document",
        "value": {"document": key, "title": title, "description": description},
    }


def table(caption, headings, rows):
    """A typed table of text columns; rows are lists of strings, one per heading."""
    return {
        "type": "table",
        "value": {
            "caption": caption,
            "columns": [{"type": "text", "heading": heading} for heading in headings],
            "rows": [{"values": list(row)} for row in rows],
        },
    }


def camera_map(latitude=44.8125, longitude=20.4612, zoom=13, facial_recognition=True):
    return {
        "type": "camera_map",
        "value": {
            "latitude": latitude,
            "longitude": longitude,
            "zoom": zoom,
            "status": "verified",
            "facial_recognition": facial_recognition,
            "municipality": "",
        },
    }


def call_to_action(label, page="map"):
    return {"type": "call_to_action", "value": {"label": label, "page": page, "url": ""}}
