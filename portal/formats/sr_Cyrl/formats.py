"""The Cyrillic pages' dates as the Latin pages write them, with the month in the genitive
("4. фебруара 2027."): without this module Django takes its "sr" formats, whose month is in the
nominative. The genitive months come from the sr_Cyrl catalogue, made from sr_Latn's."""

from portal.formats.sr_Latn.formats import DATE_FORMAT, DATETIME_FORMAT

__all__ = ["DATETIME_FORMAT", "DATE_FORMAT"]
