"""Links the first mention of each glossary term in a page's text to its definition."""

import re

from django.utils.html import escape

# Rich text is simple HTML: tags never contain a bare ">" outside quotes in practice.
TAG = re.compile(r"(<[^>]*>)")
# Text inside these elements is never linked: it is a link already, or a heading.
SKIPPED = {"a", "h2", "h3", "h4", "h5", "h6"}


class GlossaryLinker:
    def __init__(self, terms):
        """terms: GlossaryTerm objects with a `url` set."""
        self.terms = []
        for term in terms:
            forms = {escape(form) for form in (term.term, *term.variant_list) if form}
            alternatives = "|".join(
                re.escape(form) for form in sorted(forms, key=len, reverse=True)
            )
            if alternatives:
                pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
                self.terms.append((term, pattern, {form[1:] for form in forms}))
        self.linked = set()

    def link(self, html):
        out = []
        skipping = 0
        for part in TAG.split(html):
            if part.startswith("<"):
                name = part.strip("</>").split(maxsplit=1)[0].lower() if part.strip("</>") else ""
                if name in SKIPPED:
                    skipping += -1 if part.startswith("</") else 1
                out.append(part)
            elif skipping or not part.strip():
                out.append(part)
            else:
                out.append(self.link_text(part))
        return "".join(out)

    def link_text(self, text):
        """Link the first mention of each term not linked yet; matches never overlap."""
        matches = []
        for term, pattern, endings in self.terms:
            if term.pk in self.linked:
                continue
            for match in pattern.finditer(text):
                # Only the first letter may differ in case (a sentence's start): "Personal
                # Data" in the name "Law on Personal Data Protection" is not the term.
                if match.group()[1:] not in endings:
                    continue
                if not any(
                    match.start() < end and start < match.end() for start, end, _ in matches
                ):
                    matches.append((match.start(), match.end(), term))
                    self.linked.add(term.pk)
                    break
        out, position = [], 0
        for start, end, term in sorted(matches, key=lambda match: match[0]):
            out.append(text[position:start])
            out.append(f'<a class="glossary-link" href="{escape(term.url)}">{text[start:end]}</a>')
            position = end
        out.append(text[position:])
        return "".join(out)
