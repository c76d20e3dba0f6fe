"""The authorities people ask: who they are and where a request goes."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin

__all__ = ["Authority"]


class Authority(TranslatableMixin, models.Model):
    """A public authority or a controller of personal data that requests go to, or the
    Commissioner, who hears the complaints about them. Editors keep them (Snippets)."""

    name = models.CharField(_("Name"), max_length=200)
    address = models.TextField(
        _("Postal address"),
        max_length=500,
        help_text=_(
            "As a letter is addressed: street and number, postcode and place, a line each."
        ),
    )
    request_email = models.EmailField(
        _("Email for requests"),
        blank=True,
        help_text=_("Where the authority takes requests by email, if it does."),
    )
    data_protection_email = models.EmailField(
        _("Data protection officer's email"),
        blank=True,
        help_text=_(
            "Where requests for one's own personal data go by email, if the officer has an "
            "address of their own."
        ),
    )
    data_protection_officer = models.TextField(
        _("Data protection officer"),
        max_length=500,
        blank=True,
        help_text=_(
            "Name and contact of the data protection officer, to whom requests for one's own "
            "personal data go."
        ),
    )
    website = models.URLField(_("Website"), blank=True)
    hears_complaints = models.BooleanField(
        _("Hears complaints"),
        default=False,
        help_text=_(
            "The Commissioner for Information of Public Importance and Personal Data "
            "Protection: complaints about silence and refusals go here. One per language."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("address"),
        FieldPanel("request_email"),
        FieldPanel("data_protection_officer"),
        FieldPanel("data_protection_email"),
        FieldPanel("website"),
        FieldPanel("hears_complaints"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Authority")
        verbose_name_plural = _("Authorities")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale"],
                condition=Q(hears_complaints=True),
                name="one_complaint_body_per_locale",
            )
        ]

    def __str__(self):
        return self.name
