"""The helpers that write parts of the pages in Python write what the templates' loops wrote: the facet
panel's values (`listing.facet_items`) with the query strings Jinja's `urlencode` made for every link, escaped
the same way (random filters and values with characters that URLs quote and HTML escapes, the facet chosen or
not, first among the filters, last or in between); an actor page's lists of actors (`links.anchors_html`)."""
from __future__ import annotations

import random

from jinja2 import Environment

from unkg.webapp.links import anchors_html
from unkg.webapp.listing import facet_items

# the panel's values as the template's loop wrote them before facet_items
REFERENCE = Environment(autoescape=True).from_string(
    '{% for value, n in values[:15] %}\n    <li>{% if filters.get(key) == value %}{% set rest = dict(filters) %}'
    '{% set _ = rest.pop(key) %}<strong class="chosen">{{ value }}</strong> <a class="remove" href="?{{ rest | urlencode }}" '
    'title="remove this filter">×</a>{% else %}<a href="?{{ dict(filters, **{key: value}) | urlencode }}" '
    'data-value="{{ value }}">{{ value }}</a>{% endif %} <span class="n">{{ n }}</span></li>\n  {% endfor %}')
SAME = Environment(autoescape=True).from_string("{{ facet_items(values, filters, key) }}")
WORDS = ["call upon", "a&b", "<x>", 'say "no"', "États", "right/to+food", "50%", "2024", "~_.-", "'", ""]


def test_the_links_are_the_template_urlencode_ones():
    rng = random.Random(3)
    keys = ["verb", "body", "year", "q", "from", "to", "a b", "x&y"]
    chosen_seen = 0
    for _ in range(400):
        filters = {k: rng.choice(WORDS[:-1]) for k in rng.sample(keys, rng.randint(0, 4))}
        key = rng.choice(keys)
        values = [(v, rng.randint(1, 99)) for v in rng.sample(WORDS, rng.randint(0, len(WORDS)))]
        if key in filters and rng.random() < 0.5:
            values.insert(rng.randint(0, len(values)), (filters[key], 3))
        values += [(f"v{i}", 1) for i in range(rng.randint(0, 12))]  # beyond the 15 shown
        args = {"values": values, "filters": filters, "key": key}
        assert SAME.render(facet_items=facet_items, **args) == REFERENCE.render(**args), args
        chosen_seen += any(v == filters.get(key) for v, _ in values[:15])
    assert chosen_seen > 50  # the chosen value's link (the filters without it) is compared too


def test_the_lists_of_actors_are_the_template_loop():
    env = Environment(autoescape=True)
    loop = env.from_string('{% for n in items %}<a href="{{ n["link"] }}">{{ n["label"] }}</a>{% if not loop.last %}, {% endif %}{% endfor %}')
    helper = env.from_string("{{ anchors_html(items) }}")
    for items in ([], [{"link": "/actors/a?b&c", "label": "<x> & \"y\" 'z'"}],
                  [{"link": None, "label": "Côte d’Ivoire"}, {"link": "/actors/states", "label": "States"}]):
        assert helper.render(items=items, anchors_html=anchors_html) == loop.render(items=items)
