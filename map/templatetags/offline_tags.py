"""`{% offline_config %}`: what the report form's offline queue needs from the server
(static/map/offline-reports.js reads it from a JSON script element: no inline script)."""

from django import template

from map.offline import page_config

register = template.Library()


@register.simple_tag
def offline_config():
    return page_config()
