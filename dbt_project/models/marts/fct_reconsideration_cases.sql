-- Administrative reconsideration and litigation figures (reconsideration.*, litigation.*), one
-- row per jurisdiction_code x publisher x doc_type x report_year; see macros/wide_fact_table.sql.
{{ wide_fact_table() }}
