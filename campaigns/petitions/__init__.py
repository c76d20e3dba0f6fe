"""Petitions: the page people sign, their signatures and the count, the mails that confirm them,
updates to signers, and the staff's review, invalidation, export and totals."""
