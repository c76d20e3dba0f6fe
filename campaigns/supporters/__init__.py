"""Supporters: joining the initiative with an account, "My activity", the data download and
deleting the account; staff's listing, export and erasure requests."""
