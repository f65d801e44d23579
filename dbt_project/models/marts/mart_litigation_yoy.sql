-- Administrative litigation (行政诉讼 / 行政应诉) figures year on year (litigation.*): mart_metric_yoy's rows of the family, with names
-- joined in, for BI; see macros/family_yoy_mart.sql.
{{ family_yoy_mart('litigation') }}
