"""Street by street: how much of the city the cameras see (issue 21).

models.py     StreetSegment: an OpenStreetMap way of the walkable and drivable network,
              its municipality, length and how much of it each camera network sees
importer.py   `manage.py import_streets`: OSM ways from an Overpass JSON export
sight.py      what a camera sees: a sector or a circle in metres (settings.CAMERA_VIEWS)
coverage.py   the share of each segment's length inside at least one view, per network
              (verified cameras, facial-recognition ones, the police list's)
"""
