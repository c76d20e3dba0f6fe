"""Serbian dates with the month in the genitive, as Serbian writes a day of a month: "4.
februara 2027.", not Django's "4. februar 2027.". `E` is Django's "alternative month name",
which our catalogue gives in the genitive (the "alt. month" entries below, kept in the code so
that makemessages keeps them). The other formats are Django's own for sr_Latn."""

from django.utils.translation import pgettext_lazy

DATE_FORMAT = "j. E Y."
DATETIME_FORMAT = "j. E Y. H:i"

GENITIVE_MONTHS = [
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
]
