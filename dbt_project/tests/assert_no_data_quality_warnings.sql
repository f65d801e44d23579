-- Warns (never fails) while data_quality_issues holds a `warning` row: figures that contradict each
-- other or their definition. Read the rows there; the build goes on.
{{ config(severity='warn') }}

select rule, report_id, metric, value, related_metric, related_value
from {{ ref('data_quality_issues') }}
where severity = 'warning'
