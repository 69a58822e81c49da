"""The same Fellegi-Sunter model run by Splink 5, on DuckDB or on Spark.

Splink does the batch work: it explodes each mention's blocking keys (the keys of
:mod:`soraq.link.block`, so every engine compares exactly the same pairs), joins on them,
deduplicates the pairs and computes match weights from the model's m and u probabilities
(:func:`settings` turns :mod:`soraq.link.model` into a Splink settings dictionary). What
level a comparison picks needs transliteration-aware name logic that SQL cannot express, so
each pair's levels come from one Python UDF (``soraq_levels``) that runs the same comparison
functions as the in-process engine; Splink's CASE expressions read its output. Decisions are
therefore identical across engines, by construction.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from soraq.link import model
from soraq.link.block import blocking_key_lists
from soraq.link.compare.prepare import prepare
from soraq.link.mention import Mention
from soraq.link.results import PairScore, Reason
from soraq.link.score import decide

UDF_NAME = "soraq_levels"
_SEP = "|"


def levels_string(a: Mention, b: Mention) -> str:
    """Levels of every comparison for a pair, in model order, "" where not comparable."""
    pa, pb = prepare(a), prepare(b)
    out = []
    for comp in model.COMPARISONS:
        o = comp.function(pa, pb)
        out.append(o.level if o is not None else "")
    return _SEP.join(out)


def settings() -> dict[str, Any]:
    """The model as a Splink settings dictionary (m/u fixed, no training)."""
    comparisons = []
    expr = f"{UDF_NAME}(unique_id_l, unique_id_r)"
    for k, comp in enumerate(model.COMPARISONS, 1):
        part = f"split_part({expr}, '{_SEP}', {k})"
        levels: list[dict[str, Any]] = [
            {"sql_condition": f"{part} = ''", "label_for_charts": "not comparable", "is_null_level": True}
        ]
        for label, level in comp.levels.items():
            levels.append(
                {
                    "sql_condition": f"{part} = '{label}'",
                    "label_for_charts": label,
                    "m_probability": level.m,
                    "u_probability": level.u,
                }
            )
        comparisons.append(
            {"output_column_name": comp.name, "comparison_levels": levels, "comparison_description": comp.name}
        )
    return {
        "link_type": "dedupe_only",
        "unique_id_column_name": "unique_id",
        "probability_two_random_records_match": model.PRIOR,
        "comparisons": comparisons,
        "blocking_rules_to_generate_predictions": [
            {"blocking_rule": "l.block_keys = r.block_keys", "arrays_to_explode": ["block_keys"]}
        ],
        "retain_matching_columns": False,
        "retain_intermediate_calculation_columns": False,
        "additional_columns_to_retain": [],
    }


def _records(ms: Sequence[Mention]) -> list[dict[str, Any]]:
    keys = blocking_key_lists(ms)
    return [{"unique_id": i, "block_keys": k} for i, k in enumerate(keys)]


def _udf(ms: Sequence[Mention]):
    def levels(left: Any, right: Any) -> Any:
        import pyarrow as pa

        ls, rs = left.to_pylist(), right.to_pylist()
        return pa.array([levels_string(ms[i], ms[j]) for i, j in zip(ls, rs)], type=pa.string())

    return levels


def score_candidates_splink(ms: Sequence[Mention], engine: str = "duckdb") -> list[PairScore]:
    """Blocked, scored candidate pairs from Splink ("duckdb" or "spark")."""
    logging.getLogger("splink").setLevel(logging.WARNING)
    records = _records(ms)
    if not any(r["block_keys"] for r in records):
        return []
    if engine == "duckdb":
        rows = _predict_duckdb(ms, records)
    elif engine == "spark":
        rows = _predict_spark(ms, records)
    else:
        raise ValueError(f"not a Splink engine: {engine}")
    return [_pair_score(ms, i, j, w) for i, j, w in rows]


def _pair_score(ms: Sequence[Mention], i: int, j: int, weight: float) -> PairScore:
    """A PairScore from Splink's weight; reasons name the level of each comparison."""
    a, b = (ms[i], ms[j]) if i < j else (ms[j], ms[i])
    p = model.probability(weight)
    reasons = [Reason("prior", model.prior_weight(), "prior")]
    contradiction = False
    for comp, label in zip(model.COMPARISONS, levels_string(a, b).split(_SEP)):
        if label:
            level = comp.levels[label]
            contradiction = contradiction or level.veto
            reasons.append(Reason(comp.name, level.weight, f"{comp.name}: {label}"))
    return PairScore(a.mention_id, b.mention_id, p, weight, reasons, decide(p), contradiction)


def _predict_duckdb(ms: Sequence[Mention], records: list[dict[str, Any]]) -> list[tuple[int, int, float]]:
    import duckdb
    import pyarrow as pa
    from duckdb.func import ARROW  # type: ignore[import-not-found]
    from splink import DuckDBAPI, Linker

    con = duckdb.connect()
    con.create_function(UDF_NAME, _udf(ms), ["BIGINT", "BIGINT"], "VARCHAR", type=ARROW, side_effects=False)
    db_api = DuckDBAPI(connection=con)
    table = pa.Table.from_pylist(records, schema=pa.schema([("unique_id", pa.int64()), ("block_keys", pa.list_(pa.string()))]))
    df = db_api.register(table, dataset_display_name="mentions")
    linker = Linker(df, settings(), log_level=None)
    pred = linker.inference.predict(warning_mode="never")
    out = con.sql(
        f"select unique_id_l, unique_id_r, match_weight from {pred.physical_name}"
    ).fetchall()
    con.close()
    return [(int(a), int(b), float(w)) for a, b, w in out]


def _predict_spark(ms: Sequence[Mention], records: list[dict[str, Any]]) -> list[tuple[int, int, float]]:
    from pyspark.sql.types import StringType
    from splink import Linker, SparkAPI

    from soraq.link.spark import spark_session

    spark = spark_session()
    mentions = list(ms)

    def levels(i: int, j: int) -> str:
        return levels_string(mentions[i], mentions[j])

    spark.udf.register(UDF_NAME, levels, StringType())
    sdf = spark.createDataFrame(records, schema="unique_id long, block_keys array<string>")
    db_api = SparkAPI(spark_session=spark, register_udfs_automatically=False)
    df = db_api.register(sdf, dataset_display_name="mentions")
    linker = Linker(df, settings(), log_level=None)
    pred = linker.inference.predict(warning_mode="never")
    rows = pred.as_spark_dataframe().select("unique_id_l", "unique_id_r", "match_weight").collect()
    return [(int(r[0]), int(r[1]), float(r[2])) for r in rows]
