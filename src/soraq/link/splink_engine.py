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

from soraq.link import model, value_frequency
from soraq.link.block import blocking_key_lists
from soraq.link.batch import LevelScorer
from soraq.link.compare.prepare import prepare
from soraq.link.cluster import is_hopeful
from soraq.link.frequency import ADJUSTED_LEVELS, MAX_GAIN, NameFrequencies
from soraq.link.mention import Mention
from soraq.link.results import PairScore
from soraq.link.score import outcomes, pair_from_levels, value_adjustment

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
        "retain_intermediate_calculation_columns": True,  # per-comparison weights name the levels
        "additional_columns_to_retain": [],
    }


def _records(ms: Sequence[Mention]) -> list[dict[str, Any]]:
    keys = blocking_key_lists(ms)
    return [{"unique_id": i, "block_keys": k} for i, k in enumerate(keys)]


def _udf(ms: Sequence[Mention]):
    """The levels UDF over Arrow batches: one vectorised pass (:func:`soraq.link.batch.level_codes`) per batch."""
    labels = [[*comp.levels, ""] for comp in model.COMPARISONS]  # code -1 -> "" (not comparable)
    scorer = LevelScorer(ms)

    def levels(left: Any, right: Any) -> Any:
        import numpy as np
        import pyarrow as pa

        I = np.asarray(left.to_numpy(zero_copy_only=False), dtype=np.int64)
        J = np.asarray(right.to_numpy(zero_copy_only=False), dtype=np.int64)
        codes = scorer(I, J).tolist()
        rows = zip(*[[labels[c][x] for x in row] for c, row in enumerate(codes)])
        return pa.array([_SEP.join(r) for r in rows], type=pa.string())

    return levels


def score_candidates_splink(
    ms: Sequence[Mention], engine: str = "duckdb", keep_apart: bool = True, freqs: NameFrequencies | None = None
) -> list[PairScore]:
    """Blocked, scored candidate pairs from Splink ("duckdb" or "spark").

    Without ``keep_apart`` only pairs at or above the review threshold come back. Splink
    applies the model's level weights; the name-frequency adjustment
    (:mod:`soraq.link.frequency`) is added afterwards, so Splink is asked for every pair that
    the largest possible gain could lift into the review band.
    """
    logging.getLogger("splink").setLevel(logging.WARNING)
    records = _records(ms)
    gain = MAX_GAIN + len(value_frequency.ADJUSTED) * value_frequency.MAX_GAIN if freqs is not None else 0.0
    floor = None if keep_apart else _keep_condition(model.weight_for(model.REVIEW_THRESHOLD) - gain)
    if not any(r["block_keys"] for r in records):
        return []
    if engine == "duckdb":
        rows = _predict_duckdb(ms, records, floor)
    elif engine == "spark":
        rows = _predict_spark(ms, records, floor)
    else:
        raise ValueError(f"not a Splink engine: {engine}")
    out = []
    full_words = keep_apart or len(ms) < KEEP_APART_BELOW
    for i, j, weight, weights in rows:
        a, b = (ms[i], ms[j]) if i < j else (ms[j], ms[i])
        labels = [_label(comp, g) for comp, g in zip(model.COMPARISONS, weights)]
        pair = pair_from_levels(a.mention_id, b.mention_id, labels)
        if abs(pair.match_weight - weight) > 1e-6:  # Splink and the model must agree
            raise RuntimeError(f"Splink weight {weight} != model weight {pair.match_weight}")
        adjust = freqs.for_pair(a, b, labels[_NAME]) if freqs is not None else (0.0, None)
        values = value_adjustment(a, b, labels, freqs)
        if adjust[1] is not None or values[1] is not None:
            pair = pair_from_levels(a.mention_id, b.mention_id, labels, adjust=adjust, value_adjust=values)
        if not keep_apart and pair.decision == "apart" and not is_hopeful(pair):
            continue
        if full_words:  # reasons in words (large inputs: level names; score_pair words any pair)
            pair = pair_from_levels(a.mention_id, b.mention_id, labels, outcomes(a, b), adjust=adjust, value_adjust=values)
        out.append(pair)
    return out


_NAME = next(k for k, c in enumerate(model.COMPARISONS) if c.name == "name")
#: below this many mentions every kept pair's reasons are put in words (as the python engine)
KEEP_APART_BELOW = 50_000


def _keep_condition(floor_weight: float) -> str:
    """SQL: the pairs the clustering needs — at or above ``floor_weight``, or with the full
    name agreeing and no contradiction (:func:`soraq.link.cluster.is_hopeful`)."""
    name = next(c for c in model.COMPARISONS if c.name == "name")
    full = min(name.levels[x].weight for x in ADJUSTED_LEVELS)
    vetoes = [
        f"abs(coalesce(mw_{c.name}, 0) - ({lv.weight!r})) < 1e-6"
        for c in model.COMPARISONS
        for lv in c.levels.values()
        if lv.veto
    ]
    return f"(match_weight >= {floor_weight!r} or (mw_name >= {full - 1e-6!r} and not ({' or '.join(vetoes)})))"


def _label(comp: model.Comparison, weight: float | None) -> str | None:
    """The level whose weight Splink applied for a comparison (0: not comparable).

    Level weights are distinct within a comparison and never 0 (the model checks), so the
    per-comparison weight Splink reports names the level it picked.
    """
    if weight is None or abs(weight) < 1e-9:
        return None
    for label, level in comp.levels.items():
        if abs(level.weight - weight) < 1e-6:
            return label
    raise RuntimeError(f"Splink applied weight {weight} that no level of {comp.name} has")


Row = tuple[int, int, float, tuple[Any, ...]]


def _predict_duckdb(ms: Sequence[Mention], records: list[dict[str, Any]], floor: str | None) -> list[Row]:
    import duckdb
    import pyarrow as pa
    from duckdb.func import ARROW  # type: ignore[import-not-found]
    from splink import DuckDBAPI, Linker

    con = duckdb.connect(config={"preserve_insertion_order": False, "memory_limit": "3GB", "threads": 2})
    con.create_function(UDF_NAME, _udf(ms), ["BIGINT", "BIGINT"], "VARCHAR", type=ARROW, side_effects=False)
    db_api = DuckDBAPI(connection=con)
    table = pa.Table.from_pylist(records, schema=pa.schema([("unique_id", pa.int64()), ("block_keys", pa.list_(pa.string()))]))
    df = db_api.register(table, dataset_display_name="mentions")
    linker = Linker(df, settings(), log_level=None)
    pred = linker.inference.predict(warning_mode="never")
    gammas = ", ".join(f"mw_{c.name}" for c in model.COMPARISONS)
    where = f" where {floor}" if floor else ""
    out = con.sql(f"select unique_id_l, unique_id_r, match_weight, {gammas} from {pred.physical_name}{where}").fetchall()
    con.close()
    return [(int(r[0]), int(r[1]), float(r[2]), r[3:]) for r in out]


def _predict_spark(ms: Sequence[Mention], records: list[dict[str, Any]], floor: str | None) -> list[Row]:
    from pyspark.sql.types import StringType
    from splink import Linker, SparkAPI

    from soraq.link.spark import spark_session

    spark = spark_session()
    mentions = list(ms)

    def levels(i: int, j: int) -> str:
        return levels_string(mentions[i], mentions[j])

    spark.udf.register(UDF_NAME, levels, StringType())
    sdf = spark.createDataFrame(records, schema="unique_id long, block_keys array<string>")
    db_api = SparkAPI(
        spark_session=spark,
        break_lineage_method="persist",
        num_partitions_on_repartition=1,
        register_udfs_automatically=False,
    )
    df = db_api.register(sdf, dataset_display_name="mentions")
    linker = Linker(df, settings(), log_level=None)
    pred = linker.inference.predict(warning_mode="never")
    cols = ["unique_id_l", "unique_id_r", "match_weight"] + [f"mw_{c.name}" for c in model.COMPARISONS]
    sdf_pred = pred.as_spark_dataframe()
    if floor:
        sdf_pred = sdf_pred.where(floor)
    rows = sdf_pred.select(*cols).collect()
    return [(int(r[0]), int(r[1]), float(r[2]), tuple(r[3:])) for r in rows]
