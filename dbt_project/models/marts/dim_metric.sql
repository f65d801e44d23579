-- The metric vocabulary as a dimension: one row per metric key.
select
    metric,
    family,
    fact_table,
    fact_column,
    unit_kind,
    description_zh,
    description_en,
    base_metric
from {{ ref('metric_vocabulary') }}
