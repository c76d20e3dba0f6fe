from django.db import models
from django.utils.translation import gettext_lazy as _


class ConsentRecord(models.Model):
    """Proof of a person's consent: the words they agreed to, their version, and when.

    The text is stored as shown, in the reader's language, so that what was agreed to can be
    read back even after the wording changes.
    """

    consent_text = models.TextField(_("consent text"))
    consent_version = models.CharField(_("consent text version"), max_length=20)
    consented_at = models.DateTimeField(_("consent given"))

    class Meta:
        abstract = True

    def record_consent(self, text, version, when):
        self.consent_text = str(text)
        self.consent_version = version
        self.consented_at = when
