CREATE OR REPLACE VIEW "posts_decisions" AS
SELECT
  "bylaw_input".* EXCLUDE ("$bylaw_1", "$bylaw_2", "$bylaw_3", "$bylaw_4", "$bylaw_5", "$bylaw_1c", "$bylaw_2c", "$bylaw_3c", "$bylaw_4c", "$bylaw_5c", "$bylaw_6c", "$bylaw_7c", "$bylaw_8c", "$bylaw_9c", "$bylaw_10c", "$bylaw_11c", "$bylaw_12c", "$bylaw_13c", "$bylaw_14c", "$bylaw_15c", "$bylaw_16c", "$bylaw_17c", "$bylaw_18c", "$bylaw_19c", "$bylaw_0outcome"),
  ['suspend', 'suspend', 'suspend', 'suspend', 'suspend', 'lock', 'lock', 'remove', 'remove', 'remove', 'remove', 'remove', 'remove', 'remove', 'remove', 'remove', 'remove', 'remove', 'remove', 'remove', 'allow', 'allow', 'allow', 'allow', 'allow', 'allow', 'allow', 'allow', 'suspend', 'suspend', 'suspend', 'suspend', 'suspend', 'lock', 'lock', 'remove', 'remove', 'remove', 'remove', 'remove', 'remove', 'remove', 'remove', 'remove', 'remove', 'remove', 'remove', 'remove', 'notice', 'notice', 'notice', 'notice', 'notice', 'notice', 'notice', 'allow', 'suspend', 'suspend', 'suspend', 'suspend', 'suspend', 'lock', 'lock', 'remove', 'remove', 'remove', 'remove', 'remove', 'remove', 'remove', 'remove', 'remove', 'remove', 'remove', 'remove', 'notice', 'notice', 'notice', 'notice', 'notice', 'notice', 'notice', 'allow', 'allow', 'allow', 'allow']["bylaw_input"."$bylaw_0outcome"] AS "action",
  ['rule', 'rule', 'rule', 'rule', 'rule', 'rule', 'rule', 'rule', 'rule', 'rule', 'rule', 'rule', 'rule', 'exemption', 'exemption', 'exemption', 'exemption', 'exemption', 'exemption', 'exemption', 'exemption', 'exemption', 'exemption', 'exemption', 'exemption', 'exemption', 'exemption', 'default', 'rule', 'rule', 'rule', 'rule', 'rule', 'rule', 'rule', 'rule', 'rule', 'rule', 'rule', 'rule', 'rule', 'exemption', 'exemption', 'exemption', 'exemption', 'exemption', 'exemption', 'exemption', 'exemption', 'exemption', 'exemption', 'exemption', 'exemption', 'exemption', 'exemption', 'default', 'rule', 'rule', 'rule', 'rule', 'rule', 'rule', 'rule', 'redline', 'redline', 'redline', 'redline', 'redline', 'redline', 'rule', 'rule', 'rule', 'rule', 'rule', 'rule', 'exemption', 'exemption', 'exemption', 'exemption', 'exemption', 'exemption', 'exemption', 'exemption', 'exemption', 'exemption', 'default']["bylaw_input"."$bylaw_0outcome"] AS "basis",
  ['violent_threat', 'terrorism', 'violent_extremism', 'child_sexual_exploitation', 'glorification_of_violence_repeated', 'glorification_of_violence', 'civic_integrity_repeated', 'private_information', 'intimate_media', 'self_harm', 'hateful_conduct', 'harassment', 'civic_integrity', 'violent_threat', 'terrorism', 'violent_extremism', 'child_sexual_exploitation', 'glorification_of_violence', 'glorification_of_violence_repeated', 'civic_integrity_repeated', 'violent_threat', 'hateful_conduct', 'harassment', 'glorification_of_violence', 'glorification_of_violence_repeated', 'civic_integrity', 'civic_integrity_repeated', CAST(NULL AS VARCHAR), 'violent_threat', 'terrorism', 'violent_extremism', 'child_sexual_exploitation', 'glorification_of_violence_repeated', 'glorification_of_violence', 'civic_integrity_repeated', 'private_information', 'intimate_media', 'self_harm', 'hateful_conduct', 'harassment', 'civic_integrity', 'violent_threat', 'terrorism', 'violent_extremism', 'child_sexual_exploitation', 'glorification_of_violence', 'glorification_of_violence_repeated', 'civic_integrity_repeated', 'violent_threat', 'hateful_conduct', 'harassment', 'glorification_of_violence', 'glorification_of_violence_repeated', 'civic_integrity', 'civic_integrity_repeated', CAST(NULL AS VARCHAR), 'violent_threat', 'terrorism', 'violent_extremism', 'child_sexual_exploitation', 'glorification_of_violence_repeated', 'glorification_of_violence', 'civic_integrity_repeated', 'promotes_terrorism', 'direct_threat', 'shares_private_information', 'shares_intimate_media', 'child_exploitation', 'promotes_self_harm', 'private_information', 'intimate_media', 'self_harm', 'hateful_conduct', 'harassment', 'civic_integrity', 'violent_threat', 'hateful_conduct', 'harassment', 'glorification_of_violence', 'glorification_of_violence_repeated', 'civic_integrity', 'civic_integrity_repeated', 'violent_threat', 'hateful_conduct', 'harassment', CAST(NULL AS VARCHAR)]["bylaw_input"."$bylaw_0outcome"] AS "clause",
  [CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), 'leaders_not_blocked', 'leaders_not_blocked', 'leaders_not_blocked', 'leaders_not_blocked', 'leaders_not_blocked', 'leaders_not_blocked', 'leaders_not_blocked', 'newsworthy', 'newsworthy', 'newsworthy', 'newsworthy', 'newsworthy', 'newsworthy', 'newsworthy', CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), 'leaders_not_blocked', 'leaders_not_blocked', 'leaders_not_blocked', 'leaders_not_blocked', 'leaders_not_blocked', 'leaders_not_blocked', 'leaders_not_blocked', 'public_interest_notice', 'public_interest_notice', 'public_interest_notice', 'public_interest_notice', 'public_interest_notice', 'public_interest_notice', 'public_interest_notice', CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), 'public_interest_notice', 'public_interest_notice', 'public_interest_notice', 'public_interest_notice', 'public_interest_notice', 'public_interest_notice', 'public_interest_notice', 'generally_not_a_violation', 'generally_not_a_violation', 'generally_not_a_violation', CAST(NULL AS VARCHAR)]["bylaw_input"."$bylaw_0outcome"] AS "exemption",
  ['2017-09-25', '2017-09-25', '2017-09-25', '2017-09-25', '2017-09-25', '2017-09-25', '2017-09-25', '2017-09-25', '2017-09-25', '2017-09-25', '2017-09-25', '2017-09-25', '2017-09-25', '2017-09-25', '2017-09-25', '2017-09-25', '2017-09-25', '2017-09-25', '2017-09-25', '2017-09-25', '2017-09-25', '2017-09-25', '2017-09-25', '2017-09-25', '2017-09-25', '2017-09-25', '2017-09-25', '2017-09-25', '2019-06-27', '2019-06-27', '2019-06-27', '2019-06-27', '2019-06-27', '2019-06-27', '2019-06-27', '2019-06-27', '2019-06-27', '2019-06-27', '2019-06-27', '2019-06-27', '2019-06-27', '2019-06-27', '2019-06-27', '2019-06-27', '2019-06-27', '2019-06-27', '2019-06-27', '2019-06-27', '2019-06-27', '2019-06-27', '2019-06-27', '2019-06-27', '2019-06-27', '2019-06-27', '2019-06-27', '2019-06-27', '2019-10-15', '2019-10-15', '2019-10-15', '2019-10-15', '2019-10-15', '2019-10-15', '2019-10-15', '2019-10-15', '2019-10-15', '2019-10-15', '2019-10-15', '2019-10-15', '2019-10-15', '2019-10-15', '2019-10-15', '2019-10-15', '2019-10-15', '2019-10-15', '2019-10-15', '2019-10-15', '2019-10-15', '2019-10-15', '2019-10-15', '2019-10-15', '2019-10-15', '2019-10-15', '2019-10-15', '2019-10-15', '2019-10-15', '2019-10-15']["bylaw_input"."$bylaw_0outcome"] AS "version",
  CASE WHEN "bylaw_input"."$bylaw_0outcome" IS NOT NULL THEN NULL ELSE CASE
    WHEN "bylaw_input"."date" IS NULL THEN CASE WHEN "bylaw_input"."$bylaw_1c"
    THEN NULL
    ELSE NULLIF(concat_ws('; ',
        CASE WHEN NOT ("bylaw_input"."date" IS NOT NULL) THEN 'date: missing value (NULL)' END,
        CASE WHEN NOT ("bylaw_input"."date" BETWEEN DATE '0001-01-01' AND DATE '9999-12-31') THEN 'date: expected a date (YYYY-MM-DD), got ' || CAST("bylaw_input"."date" AS VARCHAR) END,
        CASE WHEN NOT ("bylaw_input"."author" IS NOT NULL) THEN 'author: missing value (NULL)' END,
        CASE WHEN "bylaw_input"."author" IS NOT NULL AND NOT ("bylaw_input"."author"."handle" IS NOT NULL) THEN 'author.handle: missing value (NULL)' END,
        CASE WHEN "bylaw_input"."author" IS NOT NULL AND NOT ("bylaw_input"."author"."role" IS NOT NULL) THEN 'author.role: missing value (NULL)' END,
        CASE WHEN "bylaw_input"."author" IS NOT NULL AND NOT (("bylaw_input"."$bylaw_1" IS NOT NULL OR "bylaw_input"."author"."role" IS NULL)) THEN 'author.role: expected one of Role (ordinary, public_figure, world_leader, government_official, candidate, government_entity, military_entity, violent_extremist_group), got "' || "bylaw_input"."author"."role" || '"' END,
        CASE WHEN "bylaw_input"."author" IS NOT NULL AND NOT ("bylaw_input"."author"."verified" IS NOT NULL) THEN 'author.verified: missing value (NULL)' END,
        CASE WHEN "bylaw_input"."author" IS NOT NULL AND NOT ("bylaw_input"."author"."followers" IS NOT NULL) THEN 'author.followers: missing value (NULL)' END,
        CASE WHEN "bylaw_input"."author" IS NOT NULL AND NOT ("bylaw_input"."author"."followers" BETWEEN -9007199254740991 AND 9007199254740991) THEN 'author.followers: expected int, got ' || CAST("bylaw_input"."author"."followers" AS VARCHAR) END,
        CASE WHEN "bylaw_input"."author" IS NOT NULL AND NOT ("bylaw_input"."author"."followers" >= 0) THEN 'author.followers: ' || CAST("bylaw_input"."author"."followers" AS VARCHAR) || ' is below the minimum 0' END,
        CASE WHEN "bylaw_input"."author" IS NOT NULL AND NOT ("bylaw_input"."author"."strikes" IS NOT NULL) THEN 'author.strikes: missing value (NULL)' END,
        CASE WHEN "bylaw_input"."author" IS NOT NULL AND NOT ("bylaw_input"."author"."strikes" BETWEEN -9007199254740991 AND 9007199254740991) THEN 'author.strikes: expected int, got ' || CAST("bylaw_input"."author"."strikes" AS VARCHAR) END,
        CASE WHEN "bylaw_input"."author" IS NOT NULL AND NOT ("bylaw_input"."author"."strikes" >= 0) THEN 'author.strikes: ' || CAST("bylaw_input"."author"."strikes" AS VARCHAR) || ' is below the minimum 0' END,
        CASE WHEN NOT ("bylaw_input"."target" IS NOT NULL) THEN 'target: missing value (NULL)' END,
        CASE WHEN NOT (("bylaw_input"."$bylaw_2" IS NOT NULL OR "bylaw_input"."target" IS NULL)) THEN 'target: expected one of Target (none, individual, public_figure, group, protected_group, state), got "' || "bylaw_input"."target" || '"' END,
        CASE WHEN NOT ("bylaw_input"."categories" IS NOT NULL) THEN 'categories: missing value (NULL)' END,
        CASE WHEN NOT (bit_count("bylaw_input"."$bylaw_3") = len("bylaw_input"."categories")) THEN 'categories: expected a list of distinct members of Category (violent_threat, terrorism, violent_extremism, child_sexual_exploitation, private_information, intimate_media, self_harm, hateful_conduct, harassment, glorification_of_violence, civic_integrity)' END,
        CASE WHEN NOT ("bylaw_input"."topic" IS NOT NULL) THEN 'topic: missing value (NULL)' END,
        CASE WHEN NOT (("bylaw_input"."$bylaw_4" IS NOT NULL OR "bylaw_input"."topic" IS NULL)) THEN 'topic: expected one of Topic (none, political_issue, foreign_policy), got "' || "bylaw_input"."topic" || '"' END,
        CASE WHEN NOT ("bylaw_input"."public_interest" IS NOT NULL) THEN 'public_interest: missing value (NULL)' END,
        CASE WHEN NOT ("bylaw_input"."offline_harm_risk" IS NOT NULL) THEN 'offline_harm_risk: missing value (NULL)' END,
        CASE WHEN NOT (("bylaw_input"."$bylaw_5" IS NOT NULL OR "bylaw_input"."offline_harm_risk" IS NULL)) THEN 'offline_harm_risk: expected one of Risk (none, elevated, severe), got "' || "bylaw_input"."offline_harm_risk" || '"' END), '') END
    WHEN "bylaw_input"."date" < DATE '2017-09-25' THEN 'no version in force on ' || CAST("bylaw_input"."date" AS VARCHAR) || ': the first version takes effect on 2017-09-25'
    ELSE CASE WHEN "bylaw_input"."$bylaw_1c"
    THEN NULL
    ELSE NULLIF(concat_ws('; ',
        CASE WHEN NOT ("bylaw_input"."date" IS NOT NULL) THEN 'date: missing value (NULL)' END,
        CASE WHEN NOT ("bylaw_input"."date" BETWEEN DATE '0001-01-01' AND DATE '9999-12-31') THEN 'date: expected a date (YYYY-MM-DD), got ' || CAST("bylaw_input"."date" AS VARCHAR) END,
        CASE WHEN NOT ("bylaw_input"."author" IS NOT NULL) THEN 'author: missing value (NULL)' END,
        CASE WHEN "bylaw_input"."author" IS NOT NULL AND NOT ("bylaw_input"."author"."handle" IS NOT NULL) THEN 'author.handle: missing value (NULL)' END,
        CASE WHEN "bylaw_input"."author" IS NOT NULL AND NOT ("bylaw_input"."author"."role" IS NOT NULL) THEN 'author.role: missing value (NULL)' END,
        CASE WHEN "bylaw_input"."author" IS NOT NULL AND NOT (("bylaw_input"."$bylaw_1" IS NOT NULL OR "bylaw_input"."author"."role" IS NULL)) THEN 'author.role: expected one of Role (ordinary, public_figure, world_leader, government_official, candidate, government_entity, military_entity, violent_extremist_group), got "' || "bylaw_input"."author"."role" || '"' END,
        CASE WHEN "bylaw_input"."author" IS NOT NULL AND NOT ("bylaw_input"."author"."verified" IS NOT NULL) THEN 'author.verified: missing value (NULL)' END,
        CASE WHEN "bylaw_input"."author" IS NOT NULL AND NOT ("bylaw_input"."author"."followers" IS NOT NULL) THEN 'author.followers: missing value (NULL)' END,
        CASE WHEN "bylaw_input"."author" IS NOT NULL AND NOT ("bylaw_input"."author"."followers" BETWEEN -9007199254740991 AND 9007199254740991) THEN 'author.followers: expected int, got ' || CAST("bylaw_input"."author"."followers" AS VARCHAR) END,
        CASE WHEN "bylaw_input"."author" IS NOT NULL AND NOT ("bylaw_input"."author"."followers" >= 0) THEN 'author.followers: ' || CAST("bylaw_input"."author"."followers" AS VARCHAR) || ' is below the minimum 0' END,
        CASE WHEN "bylaw_input"."author" IS NOT NULL AND NOT ("bylaw_input"."author"."strikes" IS NOT NULL) THEN 'author.strikes: missing value (NULL)' END,
        CASE WHEN "bylaw_input"."author" IS NOT NULL AND NOT ("bylaw_input"."author"."strikes" BETWEEN -9007199254740991 AND 9007199254740991) THEN 'author.strikes: expected int, got ' || CAST("bylaw_input"."author"."strikes" AS VARCHAR) END,
        CASE WHEN "bylaw_input"."author" IS NOT NULL AND NOT ("bylaw_input"."author"."strikes" >= 0) THEN 'author.strikes: ' || CAST("bylaw_input"."author"."strikes" AS VARCHAR) || ' is below the minimum 0' END,
        CASE WHEN NOT ("bylaw_input"."target" IS NOT NULL) THEN 'target: missing value (NULL)' END,
        CASE WHEN NOT (("bylaw_input"."$bylaw_2" IS NOT NULL OR "bylaw_input"."target" IS NULL)) THEN 'target: expected one of Target (none, individual, public_figure, group, protected_group, state), got "' || "bylaw_input"."target" || '"' END,
        CASE WHEN NOT ("bylaw_input"."categories" IS NOT NULL) THEN 'categories: missing value (NULL)' END,
        CASE WHEN NOT (bit_count("bylaw_input"."$bylaw_3") = len("bylaw_input"."categories")) THEN 'categories: expected a list of distinct members of Category (violent_threat, terrorism, violent_extremism, child_sexual_exploitation, private_information, intimate_media, self_harm, hateful_conduct, harassment, glorification_of_violence, civic_integrity)' END,
        CASE WHEN NOT ("bylaw_input"."topic" IS NOT NULL) THEN 'topic: missing value (NULL)' END,
        CASE WHEN NOT (("bylaw_input"."$bylaw_4" IS NOT NULL OR "bylaw_input"."topic" IS NULL)) THEN 'topic: expected one of Topic (none, political_issue, foreign_policy), got "' || "bylaw_input"."topic" || '"' END,
        CASE WHEN NOT ("bylaw_input"."public_interest" IS NOT NULL) THEN 'public_interest: missing value (NULL)' END,
        CASE WHEN NOT ("bylaw_input"."offline_harm_risk" IS NOT NULL) THEN 'offline_harm_risk: missing value (NULL)' END,
        CASE WHEN NOT (("bylaw_input"."$bylaw_5" IS NOT NULL OR "bylaw_input"."offline_harm_risk" IS NULL)) THEN 'offline_harm_risk: expected one of Risk (none, elevated, severe), got "' || "bylaw_input"."offline_harm_risk" || '"' END), '') END
  END END AS "error"
FROM (
  SELECT
    "bylaw_input".*,
    CASE
      WHEN "bylaw_input"."date" >= DATE '2019-10-15' THEN CASE
        WHEN NOT "bylaw_input"."$bylaw_1c" THEN NULL
        WHEN ("bylaw_input"."$bylaw_3" & 2047) = 0 THEN 86
        WHEN "bylaw_input"."$bylaw_2c" AND NOT "bylaw_input"."$bylaw_3c" AND NOT "bylaw_input"."$bylaw_4c" THEN 57
        WHEN "bylaw_input"."$bylaw_5c" THEN 58
        WHEN "bylaw_input"."$bylaw_6c" THEN 59
        WHEN "bylaw_input"."$bylaw_7c" THEN 60
        WHEN "bylaw_input"."$bylaw_8c" AND NOT "bylaw_input"."$bylaw_4c" THEN 61
        WHEN "bylaw_input"."$bylaw_9c" AND NOT "bylaw_input"."$bylaw_4c" THEN 62
        WHEN "bylaw_input"."$bylaw_10c" AND NOT "bylaw_input"."$bylaw_4c" THEN 63
        WHEN "bylaw_input"."$bylaw_5c" THEN 64
        WHEN "bylaw_input"."$bylaw_11c" THEN 65
        WHEN "bylaw_input"."$bylaw_12c" THEN 66
        WHEN "bylaw_input"."$bylaw_13c" THEN 67
        WHEN "bylaw_input"."$bylaw_7c" THEN 68
        WHEN "bylaw_input"."$bylaw_14c" THEN 69
        WHEN "bylaw_input"."$bylaw_12c" THEN 70
        WHEN "bylaw_input"."$bylaw_13c" THEN 71
        WHEN "bylaw_input"."$bylaw_14c" THEN 72
        WHEN "bylaw_input"."$bylaw_15c" AND NOT "bylaw_input"."$bylaw_3c" AND NOT "bylaw_input"."$bylaw_4c" THEN 73
        WHEN "bylaw_input"."$bylaw_16c" AND NOT "bylaw_input"."$bylaw_3c" AND NOT "bylaw_input"."$bylaw_4c" THEN 74
        WHEN "bylaw_input"."$bylaw_17c" AND NOT "bylaw_input"."$bylaw_4c" THEN 75
        WHEN "bylaw_input"."$bylaw_2c" AND "bylaw_input"."$bylaw_4c" AND NOT "bylaw_input"."$bylaw_3c" THEN 76
        WHEN "bylaw_input"."$bylaw_15c" AND "bylaw_input"."$bylaw_4c" AND NOT "bylaw_input"."$bylaw_3c" THEN 77
        WHEN "bylaw_input"."$bylaw_16c" AND "bylaw_input"."$bylaw_4c" AND NOT "bylaw_input"."$bylaw_3c" THEN 78
        WHEN "bylaw_input"."$bylaw_9c" AND "bylaw_input"."$bylaw_4c" THEN 79
        WHEN "bylaw_input"."$bylaw_8c" AND "bylaw_input"."$bylaw_4c" THEN 80
        WHEN "bylaw_input"."$bylaw_17c" AND "bylaw_input"."$bylaw_4c" THEN 81
        WHEN "bylaw_input"."$bylaw_10c" AND "bylaw_input"."$bylaw_4c" THEN 82
        WHEN "bylaw_input"."$bylaw_2c" AND "bylaw_input"."$bylaw_3c" THEN 83
        WHEN "bylaw_input"."$bylaw_15c" AND "bylaw_input"."$bylaw_3c" THEN 84
        WHEN "bylaw_input"."$bylaw_16c" AND "bylaw_input"."$bylaw_3c" THEN 85
        ELSE 86
      END
      WHEN "bylaw_input"."date" >= DATE '2019-06-27' THEN CASE
        WHEN NOT "bylaw_input"."$bylaw_1c" THEN NULL
        WHEN ("bylaw_input"."$bylaw_3" & 2047) = 0 THEN 56
        WHEN "bylaw_input"."$bylaw_2c" AND NOT "bylaw_input"."$bylaw_4c" AND NOT "bylaw_input"."$bylaw_18c" THEN 29
        WHEN "bylaw_input"."$bylaw_5c" AND NOT "bylaw_input"."$bylaw_18c" THEN 30
        WHEN "bylaw_input"."$bylaw_6c" AND NOT "bylaw_input"."$bylaw_18c" THEN 31
        WHEN "bylaw_input"."$bylaw_7c" AND NOT "bylaw_input"."$bylaw_18c" THEN 32
        WHEN "bylaw_input"."$bylaw_8c" AND NOT "bylaw_input"."$bylaw_4c" AND NOT "bylaw_input"."$bylaw_18c" THEN 33
        WHEN "bylaw_input"."$bylaw_9c" AND NOT "bylaw_input"."$bylaw_4c" AND NOT "bylaw_input"."$bylaw_18c" THEN 34
        WHEN "bylaw_input"."$bylaw_10c" AND NOT "bylaw_input"."$bylaw_4c" AND NOT "bylaw_input"."$bylaw_18c" THEN 35
        WHEN "bylaw_input"."$bylaw_12c" THEN 36
        WHEN "bylaw_input"."$bylaw_13c" THEN 37
        WHEN "bylaw_input"."$bylaw_14c" THEN 38
        WHEN "bylaw_input"."$bylaw_15c" AND NOT "bylaw_input"."$bylaw_4c" THEN 39
        WHEN "bylaw_input"."$bylaw_16c" AND NOT "bylaw_input"."$bylaw_4c" THEN 40
        WHEN "bylaw_input"."$bylaw_17c" AND NOT "bylaw_input"."$bylaw_4c" THEN 41
        WHEN "bylaw_input"."$bylaw_2c" AND "bylaw_input"."$bylaw_18c" AND NOT "bylaw_input"."$bylaw_4c" THEN 42
        WHEN "bylaw_input"."$bylaw_5c" AND "bylaw_input"."$bylaw_18c" THEN 43
        WHEN "bylaw_input"."$bylaw_6c" AND "bylaw_input"."$bylaw_18c" THEN 44
        WHEN "bylaw_input"."$bylaw_7c" AND "bylaw_input"."$bylaw_18c" THEN 45
        WHEN "bylaw_input"."$bylaw_9c" AND "bylaw_input"."$bylaw_18c" AND NOT "bylaw_input"."$bylaw_4c" THEN 46
        WHEN "bylaw_input"."$bylaw_8c" AND "bylaw_input"."$bylaw_18c" AND NOT "bylaw_input"."$bylaw_4c" THEN 47
        WHEN "bylaw_input"."$bylaw_10c" AND "bylaw_input"."$bylaw_18c" AND NOT "bylaw_input"."$bylaw_4c" THEN 48
        WHEN "bylaw_input"."$bylaw_2c" AND "bylaw_input"."$bylaw_4c" THEN 49
        WHEN "bylaw_input"."$bylaw_15c" AND "bylaw_input"."$bylaw_4c" THEN 50
        WHEN "bylaw_input"."$bylaw_16c" AND "bylaw_input"."$bylaw_4c" THEN 51
        WHEN "bylaw_input"."$bylaw_9c" AND "bylaw_input"."$bylaw_4c" THEN 52
        WHEN "bylaw_input"."$bylaw_8c" AND "bylaw_input"."$bylaw_4c" THEN 53
        WHEN "bylaw_input"."$bylaw_17c" AND "bylaw_input"."$bylaw_4c" THEN 54
        WHEN "bylaw_input"."$bylaw_10c" AND "bylaw_input"."$bylaw_4c" THEN 55
        ELSE 56
      END
      WHEN "bylaw_input"."date" >= DATE '2017-09-25' THEN CASE
        WHEN NOT "bylaw_input"."$bylaw_1c" THEN NULL
        WHEN ("bylaw_input"."$bylaw_3" & 2047) = 0 THEN 28
        WHEN "bylaw_input"."$bylaw_2c" AND NOT "bylaw_input"."$bylaw_19c" AND NOT "bylaw_input"."$bylaw_18c" THEN 1
        WHEN "bylaw_input"."$bylaw_5c" AND NOT "bylaw_input"."$bylaw_18c" THEN 2
        WHEN "bylaw_input"."$bylaw_6c" AND NOT "bylaw_input"."$bylaw_18c" THEN 3
        WHEN "bylaw_input"."$bylaw_7c" AND NOT "bylaw_input"."$bylaw_18c" THEN 4
        WHEN "bylaw_input"."$bylaw_8c" AND NOT "bylaw_input"."$bylaw_19c" AND NOT "bylaw_input"."$bylaw_18c" THEN 5
        WHEN "bylaw_input"."$bylaw_9c" AND NOT "bylaw_input"."$bylaw_19c" AND NOT "bylaw_input"."$bylaw_18c" THEN 6
        WHEN "bylaw_input"."$bylaw_10c" AND NOT "bylaw_input"."$bylaw_19c" AND NOT "bylaw_input"."$bylaw_18c" THEN 7
        WHEN "bylaw_input"."$bylaw_12c" THEN 8
        WHEN "bylaw_input"."$bylaw_13c" THEN 9
        WHEN "bylaw_input"."$bylaw_14c" THEN 10
        WHEN "bylaw_input"."$bylaw_15c" AND NOT "bylaw_input"."$bylaw_19c" THEN 11
        WHEN "bylaw_input"."$bylaw_16c" AND NOT "bylaw_input"."$bylaw_19c" THEN 12
        WHEN "bylaw_input"."$bylaw_17c" AND NOT "bylaw_input"."$bylaw_19c" THEN 13
        WHEN "bylaw_input"."$bylaw_2c" AND "bylaw_input"."$bylaw_18c" AND NOT "bylaw_input"."$bylaw_19c" THEN 14
        WHEN "bylaw_input"."$bylaw_5c" AND "bylaw_input"."$bylaw_18c" THEN 15
        WHEN "bylaw_input"."$bylaw_6c" AND "bylaw_input"."$bylaw_18c" THEN 16
        WHEN "bylaw_input"."$bylaw_7c" AND "bylaw_input"."$bylaw_18c" THEN 17
        WHEN "bylaw_input"."$bylaw_9c" AND "bylaw_input"."$bylaw_18c" AND NOT "bylaw_input"."$bylaw_19c" THEN 18
        WHEN "bylaw_input"."$bylaw_8c" AND "bylaw_input"."$bylaw_18c" AND NOT "bylaw_input"."$bylaw_19c" THEN 19
        WHEN "bylaw_input"."$bylaw_10c" AND "bylaw_input"."$bylaw_18c" AND NOT "bylaw_input"."$bylaw_19c" THEN 20
        WHEN "bylaw_input"."$bylaw_2c" AND "bylaw_input"."$bylaw_19c" THEN 21
        WHEN "bylaw_input"."$bylaw_15c" AND "bylaw_input"."$bylaw_19c" THEN 22
        WHEN "bylaw_input"."$bylaw_16c" AND "bylaw_input"."$bylaw_19c" THEN 23
        WHEN "bylaw_input"."$bylaw_9c" AND "bylaw_input"."$bylaw_19c" THEN 24
        WHEN "bylaw_input"."$bylaw_8c" AND "bylaw_input"."$bylaw_19c" THEN 25
        WHEN "bylaw_input"."$bylaw_17c" AND "bylaw_input"."$bylaw_19c" THEN 26
        WHEN "bylaw_input"."$bylaw_10c" AND "bylaw_input"."$bylaw_19c" THEN 27
        ELSE 28
      END
    END AS "$bylaw_0outcome"
  FROM (
    SELECT
      "bylaw_input".*,
      ("bylaw_input"."date" IS NOT NULL
        AND "bylaw_input"."date" BETWEEN DATE '0001-01-01' AND DATE '9999-12-31'
        AND "bylaw_input"."author" IS NOT NULL
        AND "bylaw_input"."author"."handle" IS NOT NULL
        AND "bylaw_input"."$bylaw_1" IS NOT NULL
        AND "bylaw_input"."author"."verified" IS NOT NULL
        AND "bylaw_input"."author"."followers" IS NOT NULL
        AND "bylaw_input"."author"."followers" BETWEEN -9007199254740991 AND 9007199254740991
        AND "bylaw_input"."author"."followers" >= 0
        AND "bylaw_input"."author"."strikes" IS NOT NULL
        AND "bylaw_input"."author"."strikes" BETWEEN -9007199254740991 AND 9007199254740991
        AND "bylaw_input"."author"."strikes" >= 0
        AND "bylaw_input"."$bylaw_2" IS NOT NULL
        AND "bylaw_input"."categories" IS NOT NULL
        AND bit_count("bylaw_input"."$bylaw_3") = len("bylaw_input"."categories")
        AND "bylaw_input"."$bylaw_4" IS NOT NULL
        AND "bylaw_input"."public_interest" IS NOT NULL
        AND "bylaw_input"."$bylaw_5" IS NOT NULL) AS "$bylaw_1c",
      ((("bylaw_input"."$bylaw_3" & 1) <> 0) AND ("bylaw_input"."$bylaw_2" <> 0)) AS "$bylaw_2c",
      (("bylaw_input"."$bylaw_1" = 2) AND (("bylaw_input"."$bylaw_2" = 2) OR ("bylaw_input"."$bylaw_4" IN (1, 2)))) AS "$bylaw_3c",
      (((("bylaw_input"."$bylaw_1" IN (2, 3, 4)) AND "bylaw_input"."author"."verified" AND ("bylaw_input"."author"."followers" > 100000)) AND "bylaw_input"."public_interest") AND NOT (((("bylaw_input"."$bylaw_3" & 1) <> 0) AND ("bylaw_input"."$bylaw_2" = 1)) OR ("bylaw_input"."$bylaw_5" = 2))) AS "$bylaw_4c",
      (("bylaw_input"."$bylaw_3" & 2) <> 0) AS "$bylaw_5c",
      ((("bylaw_input"."$bylaw_3" & 4) <> 0) AND ("bylaw_input"."$bylaw_1" NOT IN (2, 3, 5, 6))) AS "$bylaw_6c",
      (("bylaw_input"."$bylaw_3" & 8) <> 0) AS "$bylaw_7c",
      ((("bylaw_input"."$bylaw_3" & 512) <> 0) AND ("bylaw_input"."author"."strikes" >= 1)) AS "$bylaw_8c",
      ((("bylaw_input"."$bylaw_3" & 512) <> 0) AND ("bylaw_input"."author"."strikes" = 0)) AS "$bylaw_9c",
      ((("bylaw_input"."$bylaw_3" & 1024) <> 0) AND ("bylaw_input"."author"."strikes" >= 1)) AS "$bylaw_10c",
      ((("bylaw_input"."$bylaw_3" & 1) <> 0) AND ("bylaw_input"."$bylaw_2" = 1)) AS "$bylaw_11c",
      (("bylaw_input"."$bylaw_3" & 16) <> 0) AS "$bylaw_12c",
      (("bylaw_input"."$bylaw_3" & 32) <> 0) AS "$bylaw_13c",
      (("bylaw_input"."$bylaw_3" & 64) <> 0) AS "$bylaw_14c",
      (("bylaw_input"."$bylaw_3" & 128) <> 0) AS "$bylaw_15c",
      (("bylaw_input"."$bylaw_3" & 256) <> 0) AS "$bylaw_16c",
      ((("bylaw_input"."$bylaw_3" & 1024) <> 0) AND ("bylaw_input"."author"."strikes" = 0)) AS "$bylaw_17c",
      ("bylaw_input"."$bylaw_1" = 2) AS "$bylaw_18c",
      ((("bylaw_input"."$bylaw_1" = 2) AND "bylaw_input"."public_interest") AND NOT ((("bylaw_input"."$bylaw_3" & 1) <> 0) AND ("bylaw_input"."$bylaw_2" = 1))) AS "$bylaw_19c"
    FROM (
      SELECT
        "bylaw_input".*,
        CASE "bylaw_input"."author"."role" WHEN 'ordinary' THEN 0 WHEN 'public_figure' THEN 1 WHEN 'world_leader' THEN 2 WHEN 'government_official' THEN 3 WHEN 'candidate' THEN 4 WHEN 'government_entity' THEN 5 WHEN 'military_entity' THEN 6 WHEN 'violent_extremist_group' THEN 7 END AS "$bylaw_1",
        CASE "bylaw_input"."target" WHEN 'none' THEN 0 WHEN 'individual' THEN 1 WHEN 'public_figure' THEN 2 WHEN 'group' THEN 3 WHEN 'protected_group' THEN 4 WHEN 'state' THEN 5 END AS "$bylaw_2",
        CASE WHEN len("bylaw_input"."categories") = 0 THEN 0 ELSE list_sum(list_transform("bylaw_input"."categories", lambda e: CASE e WHEN 'violent_threat' THEN 1 WHEN 'terrorism' THEN 2 WHEN 'violent_extremism' THEN 4 WHEN 'child_sexual_exploitation' THEN 8 WHEN 'private_information' THEN 16 WHEN 'intimate_media' THEN 32 WHEN 'self_harm' THEN 64 WHEN 'hateful_conduct' THEN 128 WHEN 'harassment' THEN 256 WHEN 'glorification_of_violence' THEN 512 WHEN 'civic_integrity' THEN 1024 ELSE 0 END)) END AS "$bylaw_3",
        CASE "bylaw_input"."topic" WHEN 'none' THEN 0 WHEN 'political_issue' THEN 1 WHEN 'foreign_policy' THEN 2 END AS "$bylaw_4",
        CASE "bylaw_input"."offline_harm_risk" WHEN 'none' THEN 0 WHEN 'elevated' THEN 1 WHEN 'severe' THEN 2 END AS "$bylaw_5"
      FROM "posts" AS "bylaw_input"
    ) AS "bylaw_input"
  ) AS "bylaw_input"
) AS "bylaw_input";
