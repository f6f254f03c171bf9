SELECT * EXCLUDE ("$bylaw_v"),
  CASE WHEN "$bylaw_plain" AND starts_with(CAST("$bylaw_v"."id" AS VARCHAR), '"') THEN CAST("$bylaw_v"."id" AS VARCHAR)[2:-2] WHEN "$bylaw_plain" THEN CAST("$bylaw_v"."id" AS VARCHAR) END AS "$bylaw_id",
  CASE WHEN "$bylaw_plain" THEN "$bylaw_v"."id" END AS "id",
  CASE WHEN "$bylaw_plain" THEN TRY_CAST(CAST("$bylaw_v"."date" AS VARCHAR)[2:-2] AS DATE) END AS "date",
  CASE WHEN "$bylaw_plain" THEN struct_pack("handle" := CAST("$bylaw_v"."author"."handle" AS VARCHAR)[2:-2], "role" := CAST("$bylaw_v"."author"."role" AS VARCHAR)[2:-2], "verified" := (CAST("$bylaw_v"."author"."verified" AS VARCHAR) = 'true'), "followers" := TRY_CAST(CAST("$bylaw_v"."author"."followers" AS VARCHAR) AS BIGINT), "strikes" := TRY_CAST(CAST("$bylaw_v"."author"."strikes" AS VARCHAR) AS BIGINT)) END AS "author",
  CASE WHEN "$bylaw_plain" THEN CAST("$bylaw_v"."target" AS VARCHAR)[2:-2] END AS "target",
  CASE WHEN "$bylaw_plain" THEN CASE WHEN CAST("$bylaw_v"."categories" AS VARCHAR) = '[]' THEN CAST([] AS VARCHAR[]) ELSE string_split(CAST("$bylaw_v"."categories" AS VARCHAR)[3:-3], '","') END END AS "categories",
  CASE WHEN "$bylaw_plain" THEN CAST("$bylaw_v"."topic" AS VARCHAR)[2:-2] END AS "topic",
  CASE WHEN "$bylaw_plain" THEN (CAST("$bylaw_v"."public_interest" AS VARCHAR) = 'true') END AS "public_interest",
  CASE WHEN "$bylaw_plain" THEN CAST("$bylaw_v"."offline_harm_risk" AS VARCHAR)[2:-2] END AS "offline_harm_risk"
FROM (
  SELECT "$bylaw_row",
    "$bylaw_line",
    COALESCE(CASE WHEN "$bylaw_v" IS NOT NULL AND COALESCE(regexp_full_match(CAST("$bylaw_v"."date" AS VARCHAR), '"[0-9]{4}-[0-9]{2}-[0-9]{2}"')
      AND (starts_with(CAST("$bylaw_v"."author"."handle" AS VARCHAR), '"') AND NOT contains(CAST("$bylaw_v"."author"."handle" AS VARCHAR), '\')) AND (starts_with(CAST("$bylaw_v"."author"."role" AS VARCHAR), '"') AND NOT contains(CAST("$bylaw_v"."author"."role" AS VARCHAR), '\')) AND CAST("$bylaw_v"."author"."verified" AS VARCHAR) IN ('true', 'false') AND json_type(CAST("$bylaw_v"."author"."followers" AS VARCHAR)) IN ('BIGINT', 'UBIGINT') AND json_type(CAST("$bylaw_v"."author"."strikes" AS VARCHAR)) IN ('BIGINT', 'UBIGINT')
      AND (starts_with(CAST("$bylaw_v"."target" AS VARCHAR), '"') AND NOT contains(CAST("$bylaw_v"."target" AS VARCHAR), '\'))
      AND regexp_full_match(CAST("$bylaw_v"."categories" AS VARCHAR), '\[("[^"\\]*"(,"[^"\\]*")*)?\]')
      AND (starts_with(CAST("$bylaw_v"."topic" AS VARCHAR), '"') AND NOT contains(CAST("$bylaw_v"."topic" AS VARCHAR), '\'))
      AND CAST("$bylaw_v"."public_interest" AS VARCHAR) IN ('true', 'false')
      AND (starts_with(CAST("$bylaw_v"."offline_harm_risk" AS VARCHAR), '"') AND NOT contains(CAST("$bylaw_v"."offline_harm_risk" AS VARCHAR), '\'))
      AND (CAST("$bylaw_v"."id" AS VARCHAR) IS NULL OR (starts_with(CAST("$bylaw_v"."id" AS VARCHAR), '"') AND NOT contains(CAST("$bylaw_v"."id" AS VARCHAR), '\')) OR (json_type(CAST("$bylaw_v"."id" AS VARCHAR)) IN ('BIGINT', 'UBIGINT') AND TRY_CAST(CAST("$bylaw_v"."id" AS VARCHAR) AS BIGINT) BETWEEN -9007199254740991 AND 9007199254740991)), FALSE)
    THEN CASE WHEN strlen("$bylaw_line") = 8 + 7 + strlen(CAST("$bylaw_v"."date" AS VARCHAR)) + 9 + (6 + 9 + strlen(CAST("$bylaw_v"."author"."handle" AS VARCHAR)) + 7 + strlen(CAST("$bylaw_v"."author"."role" AS VARCHAR)) + 11 + strlen(CAST("$bylaw_v"."author"."verified" AS VARCHAR)) + 12 + strlen(CAST("$bylaw_v"."author"."followers" AS VARCHAR)) + 10 + strlen(CAST("$bylaw_v"."author"."strikes" AS VARCHAR))) + 9 + strlen(CAST("$bylaw_v"."target" AS VARCHAR)) + 13 + strlen(CAST("$bylaw_v"."categories" AS VARCHAR)) + 8 + strlen(CAST("$bylaw_v"."topic" AS VARCHAR)) + 18 + strlen(CAST("$bylaw_v"."public_interest" AS VARCHAR)) + 20 + strlen(CAST("$bylaw_v"."offline_harm_risk" AS VARCHAR)) + CASE WHEN CAST("$bylaw_v"."id" AS VARCHAR) IS NULL THEN 0 ELSE 6 + strlen(CAST("$bylaw_v"."id" AS VARCHAR)) END THEN TRUE
      ELSE len(json_keys("$bylaw_line")) = 7 + CASE WHEN CAST("$bylaw_v"."id" AS VARCHAR) IS NULL THEN 0 ELSE 1 END AND len(json_keys("$bylaw_line", '$."author"')) = 5 AND NOT regexp_matches("$bylaw_line", (',[ ' || chr(9) || ']*[\]}]|-0[ ' || chr(9) || ']*[\],}]')) END
    ELSE FALSE END, FALSE) AS "$bylaw_plain", "$bylaw_v"
  FROM (
    SELECT "$bylaw_row", "$bylaw_line", try(json_transform("$bylaw_line", '{"id":"JSON","date":"JSON","author":{"handle":"JSON","role":"JSON","verified":"JSON","followers":"JSON","strikes":"JSON"},"target":"JSON","categories":"JSON","topic":"JSON","public_interest":"JSON","offline_harm_risk":"JSON"}')) AS "$bylaw_v"
    FROM (SELECT row_number() OVER () - 1 AS "$bylaw_row", line AS "$bylaw_line" FROM read_csv('x.jsonl', columns = {'line': 'VARCHAR'}, header = false, auto_detect = false, delim = chr(1), quote = '', escape = '', new_line = '\n', strict_mode = false, compression = 'none', encoding = 'utf-8'))
  )
)