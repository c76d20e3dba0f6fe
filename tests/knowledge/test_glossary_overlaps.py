"""The glossary linker's rules that the mutation run (`make mutation`) found unpinned: where one
term contains another, the text of a link is never linked again while a mention on its own,
before or after, still is; the longest form of a term is linked whole; only a term's first
mention is, and not one in capitals; a term linked already does not stop the others."""

from types import SimpleNamespace

from knowledge.glossary import GlossaryLinker

LONG = SimpleNamespace(pk=1, term="video nadzor", variant_list=[], url="/recnik/#video-nadzor")
SHORT = SimpleNamespace(pk=2, term="nadzor", variant_list=[], url="/recnik/#nadzor")


def link(term):
    return f'<a class="glossary-link" href="{term.url}">'


def test_the_shorter_term_inside_a_linked_longer_one_waits_for_its_own_mention():
    html = "<p>Video nadzor na ulici je masovni nadzor.</p>"

    linked = GlossaryLinker([LONG, SHORT]).link(html)

    assert linked == (
        f"<p>{link(LONG)}Video nadzor</a> na ulici je masovni {link(SHORT)}nadzor</a>.</p>"
    )


def test_a_shorter_term_mentioned_before_the_longer_one_is_linked_where_it_stands():
    html = "<p>Nadzor nije bezbednost: video nadzor ne sprečava krađe.</p>"

    linked = GlossaryLinker([LONG, SHORT]).link(html)

    assert linked == (
        f"<p>{link(SHORT)}Nadzor</a> nije bezbednost: "
        f"{link(LONG)}video nadzor</a> ne sprečava krađe.</p>"
    )


TERM = SimpleNamespace(
    pk=3,
    term="prepoznavanje lica",
    variant_list=["prepoznavanje lica u realnom vremenu"],
    url="/recnik/#prepoznavanje-lica",
)


def test_the_longest_form_of_a_term_is_linked_whole():
    html = "<p>Prepoznavanje lica u realnom vremenu je zabranjeno.</p>"

    linked = GlossaryLinker([TERM]).link(html)

    assert linked == (f"<p>{link(TERM)}Prepoznavanje lica u realnom vremenu</a> je zabranjeno.</p>")


def test_only_the_first_mention_is_linked_and_a_shouted_one_is_not_a_mention():
    html = (
        "<p>Udruženje PREPOZNAVANJE LICA nije pojam. Prepoznavanje lica je pojam, "
        "kao i drugo prepoznavanje lica.</p>"
    )

    linked = GlossaryLinker([TERM]).link(html)

    assert linked == (
        "<p>Udruženje PREPOZNAVANJE LICA nije pojam. "
        f"{link(TERM)}Prepoznavanje lica</a> je pojam, kao i drugo prepoznavanje lica.</p>"
    )


def test_a_term_linked_in_one_paragraph_does_not_stop_the_others_in_the_next():
    html = "<p>Masovni nadzor.</p><p>Nadzor i video nadzor.</p>"

    linked = GlossaryLinker([SHORT, LONG]).link(html)

    assert linked == (
        f"<p>Masovni {link(SHORT)}nadzor</a>.</p><p>Nadzor i {link(LONG)}video nadzor</a>.</p>"
    )
