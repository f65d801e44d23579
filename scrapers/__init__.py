"""govreports: discover, fetch, parse and extract Chinese local-government annual reports."""
