-- Government service hotline (12345) figures year on year (hotline.*): mart_metric_yoy's rows of the family, with names
-- joined in, for BI; see macros/family_yoy_mart.sql.
{{ family_yoy_mart('hotline') }}
