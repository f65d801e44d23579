-- Every counted figure's span is consistent with its evidence: the extractor guarantees
-- evidence == text[char_start:char_end], so the span length equals the evidence length
-- (in characters). A mismatch means the offsets no longer point at the evidence in report.txt.
{{ config(severity='warn') }}

select report_id, metric, evidence, char_start, char_end
from {{ ref('fct_report_metrics') }}
where char_start is not null
  and char_end is not null
  and evidence is not null
  and char_end - char_start <> length(evidence)
