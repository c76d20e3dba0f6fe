"""What changes to pages do to the petitions: a new version of them.

Signing keeps what it read of a petition in the shared cache, stamped with the petitions'
version (views.petition_to_sign). A change that can alter a petition's state,
deadline or address, or whether it is public, makes a new version, so every web process reads
the petition again.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.data_versions import DataVersion

# home/data_versions.py says how versions work.
PETITIONS = DataVersion("campaigns:petitions-version")


@receiver(post_save, sender="campaigns.PetitionPage")
@receiver(post_delete, sender=Page)
@receiver(page_published)  # an ancestor's new slug changes the petitions' addresses
@receiver(page_unpublished)
@receiver(post_page_move)
@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def petitions_changed(**kwargs):
    PETITIONS.bump()
