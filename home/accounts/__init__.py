"""Accounts: allauth's login made the one way in (adapters.py: the backend, forms and rate
limits), and the staff's second factor (staff_mfa.py). Joining, "My activity" and deleting an
account are the supporters' (campaigns/supporters/)."""
