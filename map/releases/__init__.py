"""Releases of the camera dataset: frozen, numbered snapshots that can be cited.

    models.py     Release (a published snapshot) and ReleaseProposal (the monthly reminder)
    files.py      the snapshot's files: cameras, figures, changes, the datapackage
    changes.py    what changed between two snapshots: added, retired, removed, moved, changed
    publishing.py publishing a release (files first, then the row), and the monthly proposal
    views.py      the files at stable addresses, the releases' pages, their Atom feed
    admin.py      the editors' list and "Publish a release" form in Wagtail's admin

A release's files are written once, under a storage prefix no other release uses, before
its row exists: a release is either whole or absent, and nothing rewrites a file afterwards.
"""
