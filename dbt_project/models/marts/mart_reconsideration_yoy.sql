-- Administrative reconsideration (行政复议) figures year on year (reconsideration.*): mart_metric_yoy's rows of the family, with names
-- joined in, for BI; see macros/family_yoy_mart.sql.
{{ family_yoy_mart('reconsideration') }}
