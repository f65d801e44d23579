"""The warehouse beyond dbt itself: which target dbt builds (`target`), loading the staged Parquet
into PostgreSQL for the `postgres` target (`postgres`), and publishing the marts where BI tools read
them without ever blocking, or being blocked by, a build (`publish`)."""
