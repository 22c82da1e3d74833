"""The web-address field rule, a validator on Url in guide.data.models."""

import pytest

from guide.data.fieldrules import WEB_ADDRESS


def test_an_address_that_is_not_http(dataset):
    dataset.files["frameworks.yml"]["frameworks"][1]["homepage"] = "ftp://beta.example.org/"
    assert dataset.check_data() == [
        f"data/frameworks.yml:{dataset.at('frameworks.yml', 'ftp://')}: frameworks[1].homepage: 'ftp://beta.example.org/' "
        "is not an http or https address (write the full address, starting with https://)"
    ]


@pytest.mark.parametrize("url", ["example.org/page", "https://", "https://exa mple.org/", "javascript:alert(1)"])
def test_what_is_refused(url):
    assert WEB_ADDRESS.find(url, None)


@pytest.mark.parametrize("url", ["https://example.org/", "http://example.org/a?b=c#d", " https://example.org/ "])
def test_what_passes(url):
    assert WEB_ADDRESS.find(url, None) == []
