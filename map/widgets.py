"""wagtailgeowidget's Leaflet widget, with Leaflet served by us instead of unpkg.com.

The upstream widget loads Leaflet from a CDN, which would tell a third party about every
editor who opens a camera. django-js-lib-leaflet ships the same Leaflet (1.9.4) as static
files. Leaflet must load before the widget's Stimulus controller, which uses it on connect.
"""

from django import forms
from wagtailgeowidget.widgets import LeafletField


class SelfHostedLeafletField(LeafletField):
    @property
    def media(self):
        return forms.Media(
            css={"all": ("js_lib_leaflet/leaflet.css", "wagtailgeowidget/css/leaflet-field.css")},
            js=(
                "js_lib_leaflet/leaflet.js",
                "wagtailgeowidget/js/leaflet-field.js",
                "wagtailgeowidget/js/leaflet-field-controller.js",
            ),
        )
