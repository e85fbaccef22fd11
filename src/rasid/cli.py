"""The ``rasid`` command line: a thin layer over the Python API."""
from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from .ingest import read_inputs
from .parallel import analyze_records, default_jobs
from .render import FORMATS, Writer

__all__ = ["main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="rasid")
def main() -> None:
    """Rasid (راصد): who did what to whom, when, where — from Arabic news."""


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--published", help="Publication date (YYYY-MM-DD) for every input; anchors relative times.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="summary", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write here instead of stdout.")
@click.option("-j", "--jobs", type=int, default=default_jobs, show_default="all cores", help="Worker processes.")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: when stderr is a terminal or output is a file).")
def analyze(inputs: tuple[str, ...], published: str | None, fmt: str, output: Path | None, jobs: int,
            progress: bool | None) -> None:
    """Analyse articles: .txt, .html, .jsonl(.gz) files, folders, or - for stdin.

    Example:

        rasid analyze article.txt --published 2024-09-11 --format json
    """
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    writer = Writer(fmt, out)
    ok = failed = 0
    show = progress if progress is not None else (output is not None or sys.stderr.isatty())
    bar = Progress(SpinnerColumn(), TextColumn("analysing"), BarColumn(), MofNCompleteColumn(),
                   TextColumn("{task.fields[rate]}"), TimeElapsedColumn(),
                   console=Console(stderr=True), disable=not show, transient=False)
    with bar:
        task = bar.add_task("analyse", total=None, rate="")
        for record in analyze_records(read_inputs(inputs), jobs=jobs, published=published):
            writer.write(record)
            if record.get("error"):
                failed += 1
                Console(stderr=True).print(f"[yellow]skipped {record['id']}: {record['error']}[/]")
            else:
                ok += 1
            elapsed = bar.tasks[0].elapsed or 1e-9
            bar.update(task, advance=1, rate=f"{(ok + failed) / elapsed:.1f} articles/s")
    writer.close()
    if output:
        out.close()
    if failed:
        Console(stderr=True).print(f"{ok} analysed, {failed} not analysed (see their 'error' field)")
    if ok == 0:
        sys.exit(1)


if __name__ == "__main__":
    main()
