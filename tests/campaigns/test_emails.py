import pytest

from campaigns.emails import normalise_email


@pytest.mark.parametrize(
    ("address", "normalised"),
    [
        ("Ana@Example.org", "ana@example.org"),
        ("ana+peticija@example.org", "ana@example.org"),
        ("a.n.a@example.org", "a.n.a@example.org"),
        ("A.Na+x@GMAIL.com", "ana@gmail.com"),
        ("ana@googlemail.com", "ana@gmail.com"),
        (" ana@example.org ", "ana@example.org"),
    ],
)
def test_addresses_are_compared_as_their_owners_mean_them(address, normalised):
    assert normalise_email(address) == normalised
