"""The camera data version (home/data_versions.py): map/signals.py bumps it when cameras,
municipalities or the licence settings change; the API's answers, the map's bounds and its
figures (map/figure_cache.py) are kept under it. In a module of its own, importing no models,
so that the map page can read it without an import circle through map/models.py."""

from home.data_versions import DataVersion

CAMERA_DATA = DataVersion("map:camera-data-version")
camera_data_version = CAMERA_DATA.current
bump_camera_data_version = CAMERA_DATA.bump
