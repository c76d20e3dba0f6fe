"""Demo content for the campaigns, loaded by `manage.py seed_demo`.

Petitions and events written for this portal in Serbian (Latin script) and English; see
content.py. The signers are made up, with clearly fictional names and example.org addresses.
"""
