"""What portal.middleware.CompressTextMiddleware compresses: text and the API's JSON kinds, not
photos or documents, which are compressed already."""

import gzip

import pytest
from django.http import HttpResponse, StreamingHttpResponse
from django.test import RequestFactory

from portal.middleware import CompressTextMiddleware

BODY = ("Kamere na svakom uglu. " * 200).encode()


def compressed(response):
    request = RequestFactory().get("/", HTTP_ACCEPT_ENCODING="gzip, br")
    result = CompressTextMiddleware(lambda request: response)(request)
    return result.get("Content-Encoding") == "gzip"


@pytest.mark.parametrize(
    "content_type",
    [
        "text/html; charset=utf-8",
        "text/csv; charset=utf-8",
        "text/calendar",
        "application/json",
        "application/geo+json",
        "application/ld+json",
        "application/rss+xml; charset=utf-8",
        "application/atom+xml",
        "application/javascript",
    ],
)
def test_text_is_compressed(content_type):
    assert compressed(HttpResponse(BODY, content_type=content_type))


@pytest.mark.parametrize(
    "content_type",
    ["image/png", "image/webp", "application/pdf", "application/octet-stream", ""],
)
def test_other_kinds_are_left_as_they_are(content_type):
    response = HttpResponse(BODY, content_type=content_type)
    if not content_type:
        del response["Content-Type"]
    assert not compressed(response)


def test_a_streamed_csv_is_compressed_and_reads_back_whole():
    response = StreamingHttpResponse((line for line in [BODY, BODY]), content_type="text/csv")
    request = RequestFactory().get("/", HTTP_ACCEPT_ENCODING="gzip")
    result = CompressTextMiddleware(lambda request: response)(request)
    assert result["Content-Encoding"] == "gzip"
    assert gzip.decompress(b"".join(result.streaming_content)) == BODY + BODY
