"""A small local Spark session for Splink's Spark backend (tests and modest batches)."""

from __future__ import annotations

import os
import shutil
from functools import lru_cache


def spark_available() -> str | None:
    """None when PySpark and a Java runtime are usable, else the reason they are not."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "pyspark is not installed"
    if not (os.environ.get("JAVA_HOME") or shutil.which("java")):
        return "no Java runtime (java on PATH or JAVA_HOME)"
    return None


@lru_cache(maxsize=1)
def spark_session():
    """A local[2] session with few shuffle partitions (small data, quick start)."""
    from pyspark.sql import SparkSession

    import sys
    import tempfile

    # Spark's Python workers must run this interpreter, where soraq is importable
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)

    session = (
        SparkSession.builder.master("local[2]")
        .appName("soraq-link")
        .config("spark.sql.shuffle.partitions", "1")
        .config("spark.default.parallelism", "1")
        .config("spark.sql.adaptive.enabled", "false")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.memory", "1g")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    session.sparkContext.setCheckpointDir(tempfile.mkdtemp(prefix="soraq-spark-"))
    return session
