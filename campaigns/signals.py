"""What changes to pages do to campaigns: the petitions' version, and an event's registrations.

Signing keeps what it read of a petition in the shared cache, stamped with the petitions'
version (campaigns.views.petition_to_sign). A change that can alter a petition's state,
deadline or address, or whether it is public, makes a new version, so every web process reads
the petition again.

Registrations belong to the event's page in the default language (EventPage.registration_event),
so that page's places and status are the ones that count.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.data_versions import DataVersion

from .models import EventPage, PetitionPage, RegistrationLock

# home/data_versions.py says how versions work.
PETITIONS = DataVersion("campaigns:petitions-version")


@receiver(post_save, sender=PetitionPage)
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


@receiver(pre_save, sender=EventPage)
def remember_stored_status(sender, instance, **kwargs):
    """Note the status as stored before this save: publishing tells a cancellation by it."""
    instance.stored_status = (
        EventPage.objects.filter(pk=instance.pk).values_list("status", flat=True).first()
        if instance.pk
        else None
    )


@receiver(page_published, sender=EventPage)
def update_registrations(sender, instance, **kwargs):
    """More places (or no limit) move people up from the waiting list, in order; a newly
    cancelled event is announced to everyone registered."""
    event = instance.registration_event()
    with transaction.atomic():
        RegistrationLock.hold(event)
        newly_cancelled = (
            instance is event
            and event.is_cancelled
            and getattr(instance, "stored_status", None) == EventPage.Status.SCHEDULED
        )
        if newly_cancelled:
            event.mail_cancellation()
        event.promote_waiting()
