-- People's mediation (人民调解) figures year on year (mediation.*): mart_metric_yoy's rows of the family, with names
-- joined in, for BI; see macros/family_yoy_mart.sql.
{{ family_yoy_mart('mediation') }}
