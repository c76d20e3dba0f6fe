"""What publishing an event does to its registrations.

Registrations belong to the event's page in the default language (EventPage.registration_event),
so that page's places and status are the ones that count.
"""

from django.db import transaction
from django.db.models.signals import pre_save
from django.dispatch import receiver
from wagtail.signals import page_published

from campaigns.events.models import RegistrationLock
from campaigns.events.pages import EventPage


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
