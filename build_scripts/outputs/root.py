"""The site root: a page that sends visitors to their language, and the root 404 page."""

from __future__ import annotations

import json

from markupsafe import Markup

from .. import csp, markup
from ..i18n import Strings
from ..model import Site
from . import Artefact, BaseOutput

INDEX = """<!doctype html>
<html lang="{lang}" dir="{dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{title}</title>
<link rel="icon" href="data:,">
<script>
  // Send the visitor to the language of their browser; the links below stay for everyone else.
  (function () {{
    var codes = {codes}
    var langs = navigator.languages || [navigator.language || ""]
    var pick = codes[codes.length - 1]
    for (var i = 0; i < langs.length; i++) {{
      var code = String(langs[i]).slice(0, 2).toLowerCase()
      if (codes.indexOf(code) >= 0) {{ pick = code; break }}
    }}
    location.replace(pick + "/index.html" + location.hash)
  }})()
</script>
<style>
  body {{ font: 1.1rem/1.6 system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; }}
  a {{ display: block; margin: .6rem 0; font-size: 1.3rem; }}
</style>
</head>
<body>
<main>
<h1>{choose}</h1>
{links}
</main>
</body>
</html>
"""

NOT_FOUND = """<!doctype html>
<html lang="{lang}" dir="{dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{title}</title>
<link rel="icon" href="data:,">
<style>body {{ font: 1.1rem/1.6 system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; }}</style>
</head>
<body>
<main>
<h1>{headings}</h1>
<p id="links">{links}</p>
</main>
<script>
  // Served for any missing path: find the site root from the path and show that language's 404.
  (function () {{
    var m = location.pathname.match(/^(.*\\/)({pattern})\\//)
    if (m) location.replace(m[1] + m[2] + "/404.html")
  }})()
</script>
</body>
</html>
"""


class RootPages(BaseOutput):
    """`index.html`, `404.html` and `.nojekyll` at the site root."""

    name = "root"
    navigable = False

    def artefacts(self, site: Site, strings: dict[str, Strings]) -> list[Artefact]:
        """The language chooser, the root 404 page and the marker that turns off Jekyll."""
        config = site.config
        codes = config.codes
        last = codes[-1]

        def lang_attrs(code: str) -> Markup:
            return Markup(' lang="{}" dir="{}"').format(code, config.dir(code))

        links = "\n".join(str(Markup('<a href="{}/index.html" hreflang="{}"{}>{}</a>').format(
            code, code, lang_attrs(code), markup.text(f"{config.title[code]} — "
                                                      f"{strings[code]('Language name')}")))
            for code in codes)
        choose = " · ".join(str(Markup("<span{}>{}</span>").format(
            lang_attrs(code), markup.text(strings[code]("Choose a language")))) for code in codes)
        title = " · ".join(config.title[code] for code in codes)
        index = INDEX.format(lang=last, dir=config.dir(last), title=markup.attr(title),
                             codes=json.dumps(list(codes)), choose=choose, links=links)
        headings = " · ".join(str(Markup("<span{}>{}</span>").format(
            lang_attrs(code), markup.text(strings[code]("Page not found")))) for code in codes)
        nf_links = " · ".join(str(Markup('<a href="{}/index.html"{}>{}</a>').format(
            code, lang_attrs(code), markup.text(strings[code]("Language name")))) for code in codes)
        not_found = NOT_FOUND.format(
            lang=last, dir=config.dir(last), headings=headings, links=nf_links,
            title=markup.attr(" · ".join(strings[c]("Page not found") for c in codes)),
            pattern="|".join(codes))
        origin = (config.origin,)
        return [Artefact("index.html", csp.add_policy(index).encode(), origin),
                Artefact("404.html", csp.add_policy(not_found).encode(), origin),
                Artefact(".nojekyll", b"", origin)]


OUTPUT = RootPages()
