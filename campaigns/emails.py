"""Email addresses compared as their owners mean them."""

# Providers that ignore dots in the local part: first.last@ and firstlast@ are one inbox.
DOTLESS_DOMAINS = {"gmail.com", "googlemail.com"}


def normalise_email(address):
    """The form of an address used to find one person's earlier signature or registration.

    Case is ignored, a "+tag" is dropped, and so are dots where the provider ignores them.
    The address as typed is what mail goes to; this form is only compared.
    """
    local, _at, domain = address.strip().rpartition("@")
    local, domain = local.lower(), domain.lower().rstrip(".")
    local = local.split("+", 1)[0]
    if domain in DOTLESS_DOMAINS:
        local = local.replace(".", "")
        domain = "gmail.com"
    return f"{local}@{domain}"
