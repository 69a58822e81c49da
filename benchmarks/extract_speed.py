"""Speed and memory of ``soraq extract``, against natasha's NER alone measured in the same run.

    .venv/bin/python benchmarks/extract_speed.py [--docs N] [--shared ../shared/data/dev]

Reads the development texts (only the ``.txt`` files, never the gold), repeats
them to ``--docs`` documents (each copy made distinct by a numbered closing line),
pins the process to one core, and reports:

* start-up: a fresh interpreter importing the extractor and extracting one document;
* the lexical pre-filter (``is_relevant_fast``) in documents per second;
* natasha's NER alone (segmenter + NER tagger) over the same texts: the baseline;
* the full pipeline in documents per second, relevant documents per second, and its
  cost as a ratio to the baseline;
* the same rates per second of CPU time (``time.process_time``): on a shared machine the
  wall-clock rates move with everything else running, the CPU-time rates far less;
* peak memory (maximum resident set size of this process) and the machine's load average.

Targets (see docs/extraction.md): >= 40 relevant docs/s on one core, <= 4x natasha,
pre-filter >= 1,000 docs/s, start-up <= 3 s, peak memory <= 1.5 GB. This is a
benchmark, not a test: it reports, it does not fail.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SHARED = ROOT.parent / "shared" / "data" / "dev"

TARGETS = {
    "relevant_docs_per_s": 40.0,
    "ratio_to_natasha": 4.0,
    "prefilter_docs_per_s": 1000.0,
    "startup_s": 3.0,
    "peak_memory_mb": 1536.0,
}


def load_texts(folder: Path, count: int) -> list[str]:
    base = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    if not base:
        sys.exit(f"no .txt documents in {folder}")
    return [f"{base[i % len(base)]}\n\n({i})" for i in range(count)]


def pin_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        try:
            os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
        except OSError:
            pass


def startup_seconds(sample: str) -> float:
    """Wall time of a fresh interpreter that imports the extractor and extracts one document."""
    code = (
        "import sys\n"
        "from soraq.extract import extract_text\n"
        "extract_text(sys.stdin.read(), 'startup-probe')\n"
    )
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], input=sample, text=True, check=True,
                   env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    return time.perf_counter() - start


def time_prefilter(texts: list[str]) -> float:
    from soraq.extract import is_relevant_fast

    is_relevant_fast(texts[0])  # compile the patterns
    start = time.perf_counter()
    for t in texts:
        is_relevant_fast(t)
    return len(texts) / (time.perf_counter() - start)


def time_natasha(texts: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of natasha's segmenter + NER tagger over the texts."""
    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

    segmenter, tagger = Segmenter(), NewsNERTagger(NewsEmbedding())
    start, cpu = time.perf_counter(), time.process_time()
    for t in texts:
        doc = Doc(t)
        doc.segment(segmenter)
        doc.tag_ner(tagger)
    return time.perf_counter() - start, time.process_time() - cpu


def time_pipeline(texts: list[str]) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, relevant documents) of the full extraction."""
    from soraq.extract import extract_text

    extract_text(texts[0], "warm-up")  # load the models before timing
    relevant = 0
    start, cpu = time.perf_counter(), time.process_time()
    for i, t in enumerate(texts):
        relevant += extract_text(t, f"bench-{i}").relevant
    return time.perf_counter() - start, time.process_time() - cpu, relevant


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=2000, help="documents to process (default 2000)")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED,
                        help=f"folder of .txt documents (default {DEFAULT_SHARED})")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    pin_one_core()
    texts = load_texts(args.shared, args.docs)

    startup = startup_seconds(texts[0])
    prefilter = time_prefilter(texts)
    natasha_s, natasha_cpu = time_natasha(texts)
    pipeline_s, pipeline_cpu, relevant = time_pipeline(texts)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")

    docs_per_s = len(texts) / pipeline_s
    relevant_per_s = relevant / pipeline_s
    ratio = pipeline_s / natasha_s
    rows = [
        ("documents", f"{len(texts)} ({relevant} relevant)", ""),
        ("start-up (fresh process, 1 doc)", f"{startup:.2f} s", f"<= {TARGETS['startup_s']:.0f} s"),
        ("pre-filter", f"{prefilter:,.0f} docs/s", f">= {TARGETS['prefilter_docs_per_s']:,.0f}"),
        ("natasha NER alone", f"{len(texts) / natasha_s:,.1f} docs/s", "baseline"),
        ("full pipeline", f"{docs_per_s:,.1f} docs/s", ""),
        ("full pipeline, relevant docs", f"{relevant_per_s:,.1f} docs/s", f">= {TARGETS['relevant_docs_per_s']:.0f}"),
        ("cost ratio pipeline / natasha", f"{ratio:.2f}x", f"<= {TARGETS['ratio_to_natasha']:.0f}x"),
        # CPU time: what one core spends, whatever else the shared machine runs meanwhile
        ("natasha NER alone, per CPU second", f"{len(texts) / natasha_cpu:,.1f} docs", "baseline"),
        ("relevant docs per CPU second", f"{relevant / pipeline_cpu:,.1f} docs",
         f">= {TARGETS['relevant_docs_per_s']:.0f}"),
        ("CPU cost ratio pipeline / natasha", f"{pipeline_cpu / natasha_cpu:.2f}x",
         f"<= {TARGETS['ratio_to_natasha']:.0f}x"),
        ("peak memory (max RSS)", f"{peak_mb:,.0f} MB", f"<= {TARGETS['peak_memory_mb']:,.0f} MB"),
        ("machine load average (1 min)", f"{load:.1f}", ""),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'value':>24}  target")
    for name, value, target in rows:
        print(f"{name:<{width}}  {value:>24}  {target}")


if __name__ == "__main__":
    main()
