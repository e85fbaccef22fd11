"""Screenshots of every web-app page over a real corpus, in Arabic and English.

    .venv/bin/rasid ingest ../shared/data/news/saudinewsnet-2k.jsonl samples/ --db web.db
    .venv/bin/python benchmarks/screenshots.py --db web.db --out benchmarks/screenshots

Starts ``rasid serve`` on a free loopback port and drives Debian's chromium with Playwright.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from live_server import running_server  # noqa: E402
from paths import EXAMPLE  # noqa: E402
from serve.test_web import CHROMIUM, CHROMIUM_ARGS  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--out", default="benchmarks/screenshots")
    ap.add_argument("--actor", default="IRN", help="the actor page to show")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright
    with running_server(Path(args.db)) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for lang in ("ar", "en"):
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(url + "/#/analyze")
            page.evaluate(f"localStorage.setItem('rasid.lang', '{lang}')")

            def shot(route: str, ready: str, name: str) -> None:
                page.goto(f"{url}/#/{route}")
                page.reload()
                page.wait_for_selector(ready)
                page.wait_for_timeout(1500)
                page.screenshot(path=str(out / f"{name}-{lang}.png"))
                print(out / f"{name}-{lang}.png")

            shot("articles?type=ASSAULT", "tbody tr", "articles")
            first = page.locator("td a[href^='#/article/']").first.get_attribute("href")
            shot(first[2:], ".event-card", "article")
            shot("actors", "tbody tr", "actors")
            shot(f"actor/{args.actor}", "#actor-timeline canvas", "actor")
            shot("network", "#network canvas", "network")
            shot("map", "#map canvas", "map")
            page.goto(url + "/#/analyze")
            page.wait_for_selector("#article")
            page.fill("#article", (EXAMPLE / "article.txt").read_text(encoding="utf-8"))
            page.fill("#published", "2024-09-11")
            page.click("#analyze")
            page.wait_for_selector(".event-card")
            page.locator(".event-card").nth(1).click()
            page.wait_for_timeout(800)
            page.screenshot(path=str(out / f"analyze-{lang}.png"), full_page=True,
                            clip={"x": 0, "y": 0, "width": 1400, "height": 1500})
            print(out / f"analyze-{lang}.png")
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
