CREATE OR REPLACE VIEW `posts_decisions` AS
SELECT
  `bylaw_input`.*,
  `bylaw_decision`.`action` AS `action`,
  `bylaw_decision`.`basis` AS `basis`,
  `bylaw_decision`.`clause` AS `clause`,
  `bylaw_decision`.`exemption` AS `exemption`,
  `bylaw_decision`.`version` AS `version`,
  CASE WHEN `bylaw_decision`.`outcome` IS NOT NULL THEN NULL ELSE CASE
    WHEN `bylaw_input`.`date` IS NULL THEN CASE WHEN (`bylaw_input`.`date` IS NOT NULL
        AND `bylaw_input`.`date` BETWEEN DATE '0001-01-01' AND DATE '9999-12-31'
        AND `bylaw_input`.`author` IS NOT NULL
        AND `bylaw_input`.`author`.`handle` IS NOT NULL
        AND `bylaw_input`.`author`.`role` IS NOT NULL
        AND `bylaw_input`.`author`.`role` IN ('ordinary', 'public_figure', 'world_leader', 'government_official', 'candidate', 'government_entity', 'military_entity', 'violent_extremist_group')
        AND `bylaw_input`.`author`.`verified` IS NOT NULL
        AND `bylaw_input`.`author`.`followers` IS NOT NULL
        AND `bylaw_input`.`author`.`followers` BETWEEN -9007199254740991 AND 9007199254740991
        AND `bylaw_input`.`author`.`followers` >= 0
        AND `bylaw_input`.`author`.`strikes` IS NOT NULL
        AND `bylaw_input`.`author`.`strikes` BETWEEN -9007199254740991 AND 9007199254740991
        AND `bylaw_input`.`author`.`strikes` >= 0
        AND `bylaw_input`.`target` IS NOT NULL
        AND `bylaw_input`.`target` IN ('none', 'individual', 'public_figure', 'group', 'protected_group', 'state')
        AND `bylaw_input`.`categories` IS NOT NULL
        AND (size(array_except(`bylaw_input`.`categories`, array('violent_threat', 'terrorism', 'violent_extremism', 'child_sexual_exploitation', 'private_information', 'intimate_media', 'self_harm', 'hateful_conduct', 'harassment', 'glorification_of_violence', 'civic_integrity'))) = 0 AND size(array_distinct(`bylaw_input`.`categories`)) = size(`bylaw_input`.`categories`))
        AND `bylaw_input`.`topic` IS NOT NULL
        AND `bylaw_input`.`topic` IN ('none', 'political_issue', 'foreign_policy')
        AND `bylaw_input`.`public_interest` IS NOT NULL
        AND `bylaw_input`.`offline_harm_risk` IS NOT NULL
        AND `bylaw_input`.`offline_harm_risk` IN ('none', 'elevated', 'severe'))
    THEN NULL
    ELSE NULLIF(concat_ws('; ',
        CASE WHEN NOT (`bylaw_input`.`date` IS NOT NULL) THEN 'date: missing value (NULL)' END,
        CASE WHEN NOT (`bylaw_input`.`date` BETWEEN DATE '0001-01-01' AND DATE '9999-12-31') THEN 'date: expected a date (YYYY-MM-DD), got ' || CAST(`bylaw_input`.`date` AS STRING) END,
        CASE WHEN NOT (`bylaw_input`.`author` IS NOT NULL) THEN 'author: missing value (NULL)' END,
        CASE WHEN `bylaw_input`.`author` IS NOT NULL AND NOT (`bylaw_input`.`author`.`handle` IS NOT NULL) THEN 'author.handle: missing value (NULL)' END,
        CASE WHEN `bylaw_input`.`author` IS NOT NULL AND NOT (`bylaw_input`.`author`.`role` IS NOT NULL) THEN 'author.role: missing value (NULL)' END,
        CASE WHEN `bylaw_input`.`author` IS NOT NULL AND NOT (`bylaw_input`.`author`.`role` IN ('ordinary', 'public_figure', 'world_leader', 'government_official', 'candidate', 'government_entity', 'military_entity', 'violent_extremist_group')) THEN 'author.role: expected one of Role (ordinary, public_figure, world_leader, government_official, candidate, government_entity, military_entity, violent_extremist_group), got "' || `bylaw_input`.`author`.`role` || '"' END,
        CASE WHEN `bylaw_input`.`author` IS NOT NULL AND NOT (`bylaw_input`.`author`.`verified` IS NOT NULL) THEN 'author.verified: missing value (NULL)' END,
        CASE WHEN `bylaw_input`.`author` IS NOT NULL AND NOT (`bylaw_input`.`author`.`followers` IS NOT NULL) THEN 'author.followers: missing value (NULL)' END,
        CASE WHEN `bylaw_input`.`author` IS NOT NULL AND NOT (`bylaw_input`.`author`.`followers` BETWEEN -9007199254740991 AND 9007199254740991) THEN 'author.followers: expected int, got ' || CAST(`bylaw_input`.`author`.`followers` AS STRING) END,
        CASE WHEN `bylaw_input`.`author` IS NOT NULL AND NOT (`bylaw_input`.`author`.`followers` >= 0) THEN 'author.followers: ' || CAST(`bylaw_input`.`author`.`followers` AS STRING) || ' is below the minimum 0' END,
        CASE WHEN `bylaw_input`.`author` IS NOT NULL AND NOT (`bylaw_input`.`author`.`strikes` IS NOT NULL) THEN 'author.strikes: missing value (NULL)' END,
        CASE WHEN `bylaw_input`.`author` IS NOT NULL AND NOT (`bylaw_input`.`author`.`strikes` BETWEEN -9007199254740991 AND 9007199254740991) THEN 'author.strikes: expected int, got ' || CAST(`bylaw_input`.`author`.`strikes` AS STRING) END,
        CASE WHEN `bylaw_input`.`author` IS NOT NULL AND NOT (`bylaw_input`.`author`.`strikes` >= 0) THEN 'author.strikes: ' || CAST(`bylaw_input`.`author`.`strikes` AS STRING) || ' is below the minimum 0' END,
        CASE WHEN NOT (`bylaw_input`.`target` IS NOT NULL) THEN 'target: missing value (NULL)' END,
        CASE WHEN NOT (`bylaw_input`.`target` IN ('none', 'individual', 'public_figure', 'group', 'protected_group', 'state')) THEN 'target: expected one of Target (none, individual, public_figure, group, protected_group, state), got "' || `bylaw_input`.`target` || '"' END,
        CASE WHEN NOT (`bylaw_input`.`categories` IS NOT NULL) THEN 'categories: missing value (NULL)' END,
        CASE WHEN NOT ((size(array_except(`bylaw_input`.`categories`, array('violent_threat', 'terrorism', 'violent_extremism', 'child_sexual_exploitation', 'private_information', 'intimate_media', 'self_harm', 'hateful_conduct', 'harassment', 'glorification_of_violence', 'civic_integrity'))) = 0 AND size(array_distinct(`bylaw_input`.`categories`)) = size(`bylaw_input`.`categories`))) THEN 'categories: expected a list of distinct members of Category (violent_threat, terrorism, violent_extremism, child_sexual_exploitation, private_information, intimate_media, self_harm, hateful_conduct, harassment, glorification_of_violence, civic_integrity)' END,
        CASE WHEN NOT (`bylaw_input`.`topic` IS NOT NULL) THEN 'topic: missing value (NULL)' END,
        CASE WHEN NOT (`bylaw_input`.`topic` IN ('none', 'political_issue', 'foreign_policy')) THEN 'topic: expected one of Topic (none, political_issue, foreign_policy), got "' || `bylaw_input`.`topic` || '"' END,
        CASE WHEN NOT (`bylaw_input`.`public_interest` IS NOT NULL) THEN 'public_interest: missing value (NULL)' END,
        CASE WHEN NOT (`bylaw_input`.`offline_harm_risk` IS NOT NULL) THEN 'offline_harm_risk: missing value (NULL)' END,
        CASE WHEN NOT (`bylaw_input`.`offline_harm_risk` IN ('none', 'elevated', 'severe')) THEN 'offline_harm_risk: expected one of Risk (none, elevated, severe), got "' || `bylaw_input`.`offline_harm_risk` || '"' END), '') END
    WHEN `bylaw_input`.`date` < DATE '2017-09-25' THEN 'no version in force on ' || CAST(`bylaw_input`.`date` AS STRING) || ': the first version takes effect on 2017-09-25'
    ELSE CASE WHEN (`bylaw_input`.`date` IS NOT NULL
        AND `bylaw_input`.`date` BETWEEN DATE '0001-01-01' AND DATE '9999-12-31'
        AND `bylaw_input`.`author` IS NOT NULL
        AND `bylaw_input`.`author`.`handle` IS NOT NULL
        AND `bylaw_input`.`author`.`role` IS NOT NULL
        AND `bylaw_input`.`author`.`role` IN ('ordinary', 'public_figure', 'world_leader', 'government_official', 'candidate', 'government_entity', 'military_entity', 'violent_extremist_group')
        AND `bylaw_input`.`author`.`verified` IS NOT NULL
        AND `bylaw_input`.`author`.`followers` IS NOT NULL
        AND `bylaw_input`.`author`.`followers` BETWEEN -9007199254740991 AND 9007199254740991
        AND `bylaw_input`.`author`.`followers` >= 0
        AND `bylaw_input`.`author`.`strikes` IS NOT NULL
        AND `bylaw_input`.`author`.`strikes` BETWEEN -9007199254740991 AND 9007199254740991
        AND `bylaw_input`.`author`.`strikes` >= 0
        AND `bylaw_input`.`target` IS NOT NULL
        AND `bylaw_input`.`target` IN ('none', 'individual', 'public_figure', 'group', 'protected_group', 'state')
        AND `bylaw_input`.`categories` IS NOT NULL
        AND (size(array_except(`bylaw_input`.`categories`, array('violent_threat', 'terrorism', 'violent_extremism', 'child_sexual_exploitation', 'private_information', 'intimate_media', 'self_harm', 'hateful_conduct', 'harassment', 'glorification_of_violence', 'civic_integrity'))) = 0 AND size(array_distinct(`bylaw_input`.`categories`)) = size(`bylaw_input`.`categories`))
        AND `bylaw_input`.`topic` IS NOT NULL
        AND `bylaw_input`.`topic` IN ('none', 'political_issue', 'foreign_policy')
        AND `bylaw_input`.`public_interest` IS NOT NULL
        AND `bylaw_input`.`offline_harm_risk` IS NOT NULL
        AND `bylaw_input`.`offline_harm_risk` IN ('none', 'elevated', 'severe'))
    THEN NULL
    ELSE NULLIF(concat_ws('; ',
        CASE WHEN NOT (`bylaw_input`.`date` IS NOT NULL) THEN 'date: missing value (NULL)' END,
        CASE WHEN NOT (`bylaw_input`.`date` BETWEEN DATE '0001-01-01' AND DATE '9999-12-31') THEN 'date: expected a date (YYYY-MM-DD), got ' || CAST(`bylaw_input`.`date` AS STRING) END,
        CASE WHEN NOT (`bylaw_input`.`author` IS NOT NULL) THEN 'author: missing value (NULL)' END,
        CASE WHEN `bylaw_input`.`author` IS NOT NULL AND NOT (`bylaw_input`.`author`.`handle` IS NOT NULL) THEN 'author.handle: missing value (NULL)' END,
        CASE WHEN `bylaw_input`.`author` IS NOT NULL AND NOT (`bylaw_input`.`author`.`role` IS NOT NULL) THEN 'author.role: missing value (NULL)' END,
        CASE WHEN `bylaw_input`.`author` IS NOT NULL AND NOT (`bylaw_input`.`author`.`role` IN ('ordinary', 'public_figure', 'world_leader', 'government_official', 'candidate', 'government_entity', 'military_entity', 'violent_extremist_group')) THEN 'author.role: expected one of Role (ordinary, public_figure, world_leader, government_official, candidate, government_entity, military_entity, violent_extremist_group), got "' || `bylaw_input`.`author`.`role` || '"' END,
        CASE WHEN `bylaw_input`.`author` IS NOT NULL AND NOT (`bylaw_input`.`author`.`verified` IS NOT NULL) THEN 'author.verified: missing value (NULL)' END,
        CASE WHEN `bylaw_input`.`author` IS NOT NULL AND NOT (`bylaw_input`.`author`.`followers` IS NOT NULL) THEN 'author.followers: missing value (NULL)' END,
        CASE WHEN `bylaw_input`.`author` IS NOT NULL AND NOT (`bylaw_input`.`author`.`followers` BETWEEN -9007199254740991 AND 9007199254740991) THEN 'author.followers: expected int, got ' || CAST(`bylaw_input`.`author`.`followers` AS STRING) END,
        CASE WHEN `bylaw_input`.`author` IS NOT NULL AND NOT (`bylaw_input`.`author`.`followers` >= 0) THEN 'author.followers: ' || CAST(`bylaw_input`.`author`.`followers` AS STRING) || ' is below the minimum 0' END,
        CASE WHEN `bylaw_input`.`author` IS NOT NULL AND NOT (`bylaw_input`.`author`.`strikes` IS NOT NULL) THEN 'author.strikes: missing value (NULL)' END,
        CASE WHEN `bylaw_input`.`author` IS NOT NULL AND NOT (`bylaw_input`.`author`.`strikes` BETWEEN -9007199254740991 AND 9007199254740991) THEN 'author.strikes: expected int, got ' || CAST(`bylaw_input`.`author`.`strikes` AS STRING) END,
        CASE WHEN `bylaw_input`.`author` IS NOT NULL AND NOT (`bylaw_input`.`author`.`strikes` >= 0) THEN 'author.strikes: ' || CAST(`bylaw_input`.`author`.`strikes` AS STRING) || ' is below the minimum 0' END,
        CASE WHEN NOT (`bylaw_input`.`target` IS NOT NULL) THEN 'target: missing value (NULL)' END,
        CASE WHEN NOT (`bylaw_input`.`target` IN ('none', 'individual', 'public_figure', 'group', 'protected_group', 'state')) THEN 'target: expected one of Target (none, individual, public_figure, group, protected_group, state), got "' || `bylaw_input`.`target` || '"' END,
        CASE WHEN NOT (`bylaw_input`.`categories` IS NOT NULL) THEN 'categories: missing value (NULL)' END,
        CASE WHEN NOT ((size(array_except(`bylaw_input`.`categories`, array('violent_threat', 'terrorism', 'violent_extremism', 'child_sexual_exploitation', 'private_information', 'intimate_media', 'self_harm', 'hateful_conduct', 'harassment', 'glorification_of_violence', 'civic_integrity'))) = 0 AND size(array_distinct(`bylaw_input`.`categories`)) = size(`bylaw_input`.`categories`))) THEN 'categories: expected a list of distinct members of Category (violent_threat, terrorism, violent_extremism, child_sexual_exploitation, private_information, intimate_media, self_harm, hateful_conduct, harassment, glorification_of_violence, civic_integrity)' END,
        CASE WHEN NOT (`bylaw_input`.`topic` IS NOT NULL) THEN 'topic: missing value (NULL)' END,
        CASE WHEN NOT (`bylaw_input`.`topic` IN ('none', 'political_issue', 'foreign_policy')) THEN 'topic: expected one of Topic (none, political_issue, foreign_policy), got "' || `bylaw_input`.`topic` || '"' END,
        CASE WHEN NOT (`bylaw_input`.`public_interest` IS NOT NULL) THEN 'public_interest: missing value (NULL)' END,
        CASE WHEN NOT (`bylaw_input`.`offline_harm_risk` IS NOT NULL) THEN 'offline_harm_risk: missing value (NULL)' END,
        CASE WHEN NOT (`bylaw_input`.`offline_harm_risk` IN ('none', 'elevated', 'severe')) THEN 'offline_harm_risk: expected one of Risk (none, elevated, severe), got "' || `bylaw_input`.`offline_harm_risk` || '"' END), '') END
  END END AS `error`
FROM `posts` AS `bylaw_input`
LEFT JOIN (
  VALUES
    (1, 'suspend', 'rule', 'violent_threat', CAST(NULL AS STRING), '2017-09-25'),
    (2, 'suspend', 'rule', 'terrorism', CAST(NULL AS STRING), '2017-09-25'),
    (3, 'suspend', 'rule', 'violent_extremism', CAST(NULL AS STRING), '2017-09-25'),
    (4, 'suspend', 'rule', 'child_sexual_exploitation', CAST(NULL AS STRING), '2017-09-25'),
    (5, 'suspend', 'rule', 'glorification_of_violence_repeated', CAST(NULL AS STRING), '2017-09-25'),
    (6, 'lock', 'rule', 'glorification_of_violence', CAST(NULL AS STRING), '2017-09-25'),
    (7, 'lock', 'rule', 'civic_integrity_repeated', CAST(NULL AS STRING), '2017-09-25'),
    (8, 'remove', 'rule', 'private_information', CAST(NULL AS STRING), '2017-09-25'),
    (9, 'remove', 'rule', 'intimate_media', CAST(NULL AS STRING), '2017-09-25'),
    (10, 'remove', 'rule', 'self_harm', CAST(NULL AS STRING), '2017-09-25'),
    (11, 'remove', 'rule', 'hateful_conduct', CAST(NULL AS STRING), '2017-09-25'),
    (12, 'remove', 'rule', 'harassment', CAST(NULL AS STRING), '2017-09-25'),
    (13, 'remove', 'rule', 'civic_integrity', CAST(NULL AS STRING), '2017-09-25'),
    (14, 'remove', 'exemption', 'violent_threat', 'leaders_not_blocked', '2017-09-25'),
    (15, 'remove', 'exemption', 'terrorism', 'leaders_not_blocked', '2017-09-25'),
    (16, 'remove', 'exemption', 'violent_extremism', 'leaders_not_blocked', '2017-09-25'),
    (17, 'remove', 'exemption', 'child_sexual_exploitation', 'leaders_not_blocked', '2017-09-25'),
    (18, 'remove', 'exemption', 'glorification_of_violence', 'leaders_not_blocked', '2017-09-25'),
    (19, 'remove', 'exemption', 'glorification_of_violence_repeated', 'leaders_not_blocked', '2017-09-25'),
    (20, 'remove', 'exemption', 'civic_integrity_repeated', 'leaders_not_blocked', '2017-09-25'),
    (21, 'allow', 'exemption', 'violent_threat', 'newsworthy', '2017-09-25'),
    (22, 'allow', 'exemption', 'hateful_conduct', 'newsworthy', '2017-09-25'),
    (23, 'allow', 'exemption', 'harassment', 'newsworthy', '2017-09-25'),
    (24, 'allow', 'exemption', 'glorification_of_violence', 'newsworthy', '2017-09-25'),
    (25, 'allow', 'exemption', 'glorification_of_violence_repeated', 'newsworthy', '2017-09-25'),
    (26, 'allow', 'exemption', 'civic_integrity', 'newsworthy', '2017-09-25'),
    (27, 'allow', 'exemption', 'civic_integrity_repeated', 'newsworthy', '2017-09-25'),
    (28, 'allow', 'default', CAST(NULL AS STRING), CAST(NULL AS STRING), '2017-09-25'),
    (29, 'suspend', 'rule', 'violent_threat', CAST(NULL AS STRING), '2019-06-27'),
    (30, 'suspend', 'rule', 'terrorism', CAST(NULL AS STRING), '2019-06-27'),
    (31, 'suspend', 'rule', 'violent_extremism', CAST(NULL AS STRING), '2019-06-27'),
    (32, 'suspend', 'rule', 'child_sexual_exploitation', CAST(NULL AS STRING), '2019-06-27'),
    (33, 'suspend', 'rule', 'glorification_of_violence_repeated', CAST(NULL AS STRING), '2019-06-27'),
    (34, 'lock', 'rule', 'glorification_of_violence', CAST(NULL AS STRING), '2019-06-27'),
    (35, 'lock', 'rule', 'civic_integrity_repeated', CAST(NULL AS STRING), '2019-06-27'),
    (36, 'remove', 'rule', 'private_information', CAST(NULL AS STRING), '2019-06-27'),
    (37, 'remove', 'rule', 'intimate_media', CAST(NULL AS STRING), '2019-06-27'),
    (38, 'remove', 'rule', 'self_harm', CAST(NULL AS STRING), '2019-06-27'),
    (39, 'remove', 'rule', 'hateful_conduct', CAST(NULL AS STRING), '2019-06-27'),
    (40, 'remove', 'rule', 'harassment', CAST(NULL AS STRING), '2019-06-27'),
    (41, 'remove', 'rule', 'civic_integrity', CAST(NULL AS STRING), '2019-06-27'),
    (42, 'remove', 'exemption', 'violent_threat', 'leaders_not_blocked', '2019-06-27'),
    (43, 'remove', 'exemption', 'terrorism', 'leaders_not_blocked', '2019-06-27'),
    (44, 'remove', 'exemption', 'violent_extremism', 'leaders_not_blocked', '2019-06-27'),
    (45, 'remove', 'exemption', 'child_sexual_exploitation', 'leaders_not_blocked', '2019-06-27'),
    (46, 'remove', 'exemption', 'glorification_of_violence', 'leaders_not_blocked', '2019-06-27'),
    (47, 'remove', 'exemption', 'glorification_of_violence_repeated', 'leaders_not_blocked', '2019-06-27'),
    (48, 'remove', 'exemption', 'civic_integrity_repeated', 'leaders_not_blocked', '2019-06-27'),
    (49, 'notice', 'exemption', 'violent_threat', 'public_interest_notice', '2019-06-27'),
    (50, 'notice', 'exemption', 'hateful_conduct', 'public_interest_notice', '2019-06-27'),
    (51, 'notice', 'exemption', 'harassment', 'public_interest_notice', '2019-06-27'),
    (52, 'notice', 'exemption', 'glorification_of_violence', 'public_interest_notice', '2019-06-27'),
    (53, 'notice', 'exemption', 'glorification_of_violence_repeated', 'public_interest_notice', '2019-06-27'),
    (54, 'notice', 'exemption', 'civic_integrity', 'public_interest_notice', '2019-06-27'),
    (55, 'notice', 'exemption', 'civic_integrity_repeated', 'public_interest_notice', '2019-06-27'),
    (56, 'allow', 'default', CAST(NULL AS STRING), CAST(NULL AS STRING), '2019-06-27'),
    (57, 'suspend', 'rule', 'violent_threat', CAST(NULL AS STRING), '2019-10-15'),
    (58, 'suspend', 'rule', 'terrorism', CAST(NULL AS STRING), '2019-10-15'),
    (59, 'suspend', 'rule', 'violent_extremism', CAST(NULL AS STRING), '2019-10-15'),
    (60, 'suspend', 'rule', 'child_sexual_exploitation', CAST(NULL AS STRING), '2019-10-15'),
    (61, 'suspend', 'rule', 'glorification_of_violence_repeated', CAST(NULL AS STRING), '2019-10-15'),
    (62, 'lock', 'rule', 'glorification_of_violence', CAST(NULL AS STRING), '2019-10-15'),
    (63, 'lock', 'rule', 'civic_integrity_repeated', CAST(NULL AS STRING), '2019-10-15'),
    (64, 'remove', 'redline', 'promotes_terrorism', CAST(NULL AS STRING), '2019-10-15'),
    (65, 'remove', 'redline', 'direct_threat', CAST(NULL AS STRING), '2019-10-15'),
    (66, 'remove', 'redline', 'shares_private_information', CAST(NULL AS STRING), '2019-10-15'),
    (67, 'remove', 'redline', 'shares_intimate_media', CAST(NULL AS STRING), '2019-10-15'),
    (68, 'remove', 'redline', 'child_exploitation', CAST(NULL AS STRING), '2019-10-15'),
    (69, 'remove', 'redline', 'promotes_self_harm', CAST(NULL AS STRING), '2019-10-15'),
    (70, 'remove', 'rule', 'private_information', CAST(NULL AS STRING), '2019-10-15'),
    (71, 'remove', 'rule', 'intimate_media', CAST(NULL AS STRING), '2019-10-15'),
    (72, 'remove', 'rule', 'self_harm', CAST(NULL AS STRING), '2019-10-15'),
    (73, 'remove', 'rule', 'hateful_conduct', CAST(NULL AS STRING), '2019-10-15'),
    (74, 'remove', 'rule', 'harassment', CAST(NULL AS STRING), '2019-10-15'),
    (75, 'remove', 'rule', 'civic_integrity', CAST(NULL AS STRING), '2019-10-15'),
    (76, 'notice', 'exemption', 'violent_threat', 'public_interest_notice', '2019-10-15'),
    (77, 'notice', 'exemption', 'hateful_conduct', 'public_interest_notice', '2019-10-15'),
    (78, 'notice', 'exemption', 'harassment', 'public_interest_notice', '2019-10-15'),
    (79, 'notice', 'exemption', 'glorification_of_violence', 'public_interest_notice', '2019-10-15'),
    (80, 'notice', 'exemption', 'glorification_of_violence_repeated', 'public_interest_notice', '2019-10-15'),
    (81, 'notice', 'exemption', 'civic_integrity', 'public_interest_notice', '2019-10-15'),
    (82, 'notice', 'exemption', 'civic_integrity_repeated', 'public_interest_notice', '2019-10-15'),
    (83, 'allow', 'exemption', 'violent_threat', 'generally_not_a_violation', '2019-10-15'),
    (84, 'allow', 'exemption', 'hateful_conduct', 'generally_not_a_violation', '2019-10-15'),
    (85, 'allow', 'exemption', 'harassment', 'generally_not_a_violation', '2019-10-15'),
    (86, 'allow', 'default', CAST(NULL AS STRING), CAST(NULL AS STRING), '2019-10-15')
) AS `bylaw_decision` (`outcome`, `action`, `basis`, `clause`, `exemption`, `version`)
  ON `bylaw_decision`.`outcome` = CASE
    WHEN `bylaw_input`.`date` >= DATE '2019-10-15' THEN CASE
      WHEN NOT (`bylaw_input`.`date` IS NOT NULL
          AND `bylaw_input`.`date` BETWEEN DATE '0001-01-01' AND DATE '9999-12-31'
          AND `bylaw_input`.`author` IS NOT NULL
          AND `bylaw_input`.`author`.`handle` IS NOT NULL
          AND `bylaw_input`.`author`.`role` IS NOT NULL
          AND `bylaw_input`.`author`.`role` IN ('ordinary', 'public_figure', 'world_leader', 'government_official', 'candidate', 'government_entity', 'military_entity', 'violent_extremist_group')
          AND `bylaw_input`.`author`.`verified` IS NOT NULL
          AND `bylaw_input`.`author`.`followers` IS NOT NULL
          AND `bylaw_input`.`author`.`followers` BETWEEN -9007199254740991 AND 9007199254740991
          AND `bylaw_input`.`author`.`followers` >= 0
          AND `bylaw_input`.`author`.`strikes` IS NOT NULL
          AND `bylaw_input`.`author`.`strikes` BETWEEN -9007199254740991 AND 9007199254740991
          AND `bylaw_input`.`author`.`strikes` >= 0
          AND `bylaw_input`.`target` IS NOT NULL
          AND `bylaw_input`.`target` IN ('none', 'individual', 'public_figure', 'group', 'protected_group', 'state')
          AND `bylaw_input`.`categories` IS NOT NULL
          AND (size(array_except(`bylaw_input`.`categories`, array('violent_threat', 'terrorism', 'violent_extremism', 'child_sexual_exploitation', 'private_information', 'intimate_media', 'self_harm', 'hateful_conduct', 'harassment', 'glorification_of_violence', 'civic_integrity'))) = 0 AND size(array_distinct(`bylaw_input`.`categories`)) = size(`bylaw_input`.`categories`))
          AND `bylaw_input`.`topic` IS NOT NULL
          AND `bylaw_input`.`topic` IN ('none', 'political_issue', 'foreign_policy')
          AND `bylaw_input`.`public_interest` IS NOT NULL
          AND `bylaw_input`.`offline_harm_risk` IS NOT NULL
          AND `bylaw_input`.`offline_harm_risk` IN ('none', 'elevated', 'severe')) THEN NULL
      WHEN (array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` <> 'none')) AND NOT ((`bylaw_input`.`author`.`role` = 'world_leader') AND ((`bylaw_input`.`target` = 'public_figure') OR (`bylaw_input`.`topic` IN ('political_issue', 'foreign_policy')))) AND NOT ((((`bylaw_input`.`author`.`role` IN ('world_leader', 'government_official', 'candidate')) AND `bylaw_input`.`author`.`verified` AND (`bylaw_input`.`author`.`followers` > 100000)) AND `bylaw_input`.`public_interest`) AND NOT ((array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual')) OR (`bylaw_input`.`offline_harm_risk` = 'severe'))) THEN 57
      WHEN array_contains(`bylaw_input`.`categories`, 'terrorism') THEN 58
      WHEN (array_contains(`bylaw_input`.`categories`, 'violent_extremism') AND (`bylaw_input`.`author`.`role` NOT IN ('world_leader', 'government_official', 'government_entity', 'military_entity'))) THEN 59
      WHEN array_contains(`bylaw_input`.`categories`, 'child_sexual_exploitation') THEN 60
      WHEN (array_contains(`bylaw_input`.`categories`, 'glorification_of_violence') AND (`bylaw_input`.`author`.`strikes` >= 1)) AND NOT ((((`bylaw_input`.`author`.`role` IN ('world_leader', 'government_official', 'candidate')) AND `bylaw_input`.`author`.`verified` AND (`bylaw_input`.`author`.`followers` > 100000)) AND `bylaw_input`.`public_interest`) AND NOT ((array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual')) OR (`bylaw_input`.`offline_harm_risk` = 'severe'))) THEN 61
      WHEN (array_contains(`bylaw_input`.`categories`, 'glorification_of_violence') AND (`bylaw_input`.`author`.`strikes` = 0)) AND NOT ((((`bylaw_input`.`author`.`role` IN ('world_leader', 'government_official', 'candidate')) AND `bylaw_input`.`author`.`verified` AND (`bylaw_input`.`author`.`followers` > 100000)) AND `bylaw_input`.`public_interest`) AND NOT ((array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual')) OR (`bylaw_input`.`offline_harm_risk` = 'severe'))) THEN 62
      WHEN (array_contains(`bylaw_input`.`categories`, 'civic_integrity') AND (`bylaw_input`.`author`.`strikes` >= 1)) AND NOT ((((`bylaw_input`.`author`.`role` IN ('world_leader', 'government_official', 'candidate')) AND `bylaw_input`.`author`.`verified` AND (`bylaw_input`.`author`.`followers` > 100000)) AND `bylaw_input`.`public_interest`) AND NOT ((array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual')) OR (`bylaw_input`.`offline_harm_risk` = 'severe'))) THEN 63
      WHEN array_contains(`bylaw_input`.`categories`, 'terrorism') THEN 64
      WHEN (array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual')) THEN 65
      WHEN array_contains(`bylaw_input`.`categories`, 'private_information') THEN 66
      WHEN array_contains(`bylaw_input`.`categories`, 'intimate_media') THEN 67
      WHEN array_contains(`bylaw_input`.`categories`, 'child_sexual_exploitation') THEN 68
      WHEN array_contains(`bylaw_input`.`categories`, 'self_harm') THEN 69
      WHEN array_contains(`bylaw_input`.`categories`, 'private_information') THEN 70
      WHEN array_contains(`bylaw_input`.`categories`, 'intimate_media') THEN 71
      WHEN array_contains(`bylaw_input`.`categories`, 'self_harm') THEN 72
      WHEN array_contains(`bylaw_input`.`categories`, 'hateful_conduct') AND NOT ((`bylaw_input`.`author`.`role` = 'world_leader') AND ((`bylaw_input`.`target` = 'public_figure') OR (`bylaw_input`.`topic` IN ('political_issue', 'foreign_policy')))) AND NOT ((((`bylaw_input`.`author`.`role` IN ('world_leader', 'government_official', 'candidate')) AND `bylaw_input`.`author`.`verified` AND (`bylaw_input`.`author`.`followers` > 100000)) AND `bylaw_input`.`public_interest`) AND NOT ((array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual')) OR (`bylaw_input`.`offline_harm_risk` = 'severe'))) THEN 73
      WHEN array_contains(`bylaw_input`.`categories`, 'harassment') AND NOT ((`bylaw_input`.`author`.`role` = 'world_leader') AND ((`bylaw_input`.`target` = 'public_figure') OR (`bylaw_input`.`topic` IN ('political_issue', 'foreign_policy')))) AND NOT ((((`bylaw_input`.`author`.`role` IN ('world_leader', 'government_official', 'candidate')) AND `bylaw_input`.`author`.`verified` AND (`bylaw_input`.`author`.`followers` > 100000)) AND `bylaw_input`.`public_interest`) AND NOT ((array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual')) OR (`bylaw_input`.`offline_harm_risk` = 'severe'))) THEN 74
      WHEN (array_contains(`bylaw_input`.`categories`, 'civic_integrity') AND (`bylaw_input`.`author`.`strikes` = 0)) AND NOT ((((`bylaw_input`.`author`.`role` IN ('world_leader', 'government_official', 'candidate')) AND `bylaw_input`.`author`.`verified` AND (`bylaw_input`.`author`.`followers` > 100000)) AND `bylaw_input`.`public_interest`) AND NOT ((array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual')) OR (`bylaw_input`.`offline_harm_risk` = 'severe'))) THEN 75
      WHEN (array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` <> 'none')) AND ((((`bylaw_input`.`author`.`role` IN ('world_leader', 'government_official', 'candidate')) AND `bylaw_input`.`author`.`verified` AND (`bylaw_input`.`author`.`followers` > 100000)) AND `bylaw_input`.`public_interest`) AND NOT ((array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual')) OR (`bylaw_input`.`offline_harm_risk` = 'severe'))) AND NOT ((`bylaw_input`.`author`.`role` = 'world_leader') AND ((`bylaw_input`.`target` = 'public_figure') OR (`bylaw_input`.`topic` IN ('political_issue', 'foreign_policy')))) THEN 76
      WHEN array_contains(`bylaw_input`.`categories`, 'hateful_conduct') AND ((((`bylaw_input`.`author`.`role` IN ('world_leader', 'government_official', 'candidate')) AND `bylaw_input`.`author`.`verified` AND (`bylaw_input`.`author`.`followers` > 100000)) AND `bylaw_input`.`public_interest`) AND NOT ((array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual')) OR (`bylaw_input`.`offline_harm_risk` = 'severe'))) AND NOT ((`bylaw_input`.`author`.`role` = 'world_leader') AND ((`bylaw_input`.`target` = 'public_figure') OR (`bylaw_input`.`topic` IN ('political_issue', 'foreign_policy')))) THEN 77
      WHEN array_contains(`bylaw_input`.`categories`, 'harassment') AND ((((`bylaw_input`.`author`.`role` IN ('world_leader', 'government_official', 'candidate')) AND `bylaw_input`.`author`.`verified` AND (`bylaw_input`.`author`.`followers` > 100000)) AND `bylaw_input`.`public_interest`) AND NOT ((array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual')) OR (`bylaw_input`.`offline_harm_risk` = 'severe'))) AND NOT ((`bylaw_input`.`author`.`role` = 'world_leader') AND ((`bylaw_input`.`target` = 'public_figure') OR (`bylaw_input`.`topic` IN ('political_issue', 'foreign_policy')))) THEN 78
      WHEN (array_contains(`bylaw_input`.`categories`, 'glorification_of_violence') AND (`bylaw_input`.`author`.`strikes` = 0)) AND ((((`bylaw_input`.`author`.`role` IN ('world_leader', 'government_official', 'candidate')) AND `bylaw_input`.`author`.`verified` AND (`bylaw_input`.`author`.`followers` > 100000)) AND `bylaw_input`.`public_interest`) AND NOT ((array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual')) OR (`bylaw_input`.`offline_harm_risk` = 'severe'))) THEN 79
      WHEN (array_contains(`bylaw_input`.`categories`, 'glorification_of_violence') AND (`bylaw_input`.`author`.`strikes` >= 1)) AND ((((`bylaw_input`.`author`.`role` IN ('world_leader', 'government_official', 'candidate')) AND `bylaw_input`.`author`.`verified` AND (`bylaw_input`.`author`.`followers` > 100000)) AND `bylaw_input`.`public_interest`) AND NOT ((array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual')) OR (`bylaw_input`.`offline_harm_risk` = 'severe'))) THEN 80
      WHEN (array_contains(`bylaw_input`.`categories`, 'civic_integrity') AND (`bylaw_input`.`author`.`strikes` = 0)) AND ((((`bylaw_input`.`author`.`role` IN ('world_leader', 'government_official', 'candidate')) AND `bylaw_input`.`author`.`verified` AND (`bylaw_input`.`author`.`followers` > 100000)) AND `bylaw_input`.`public_interest`) AND NOT ((array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual')) OR (`bylaw_input`.`offline_harm_risk` = 'severe'))) THEN 81
      WHEN (array_contains(`bylaw_input`.`categories`, 'civic_integrity') AND (`bylaw_input`.`author`.`strikes` >= 1)) AND ((((`bylaw_input`.`author`.`role` IN ('world_leader', 'government_official', 'candidate')) AND `bylaw_input`.`author`.`verified` AND (`bylaw_input`.`author`.`followers` > 100000)) AND `bylaw_input`.`public_interest`) AND NOT ((array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual')) OR (`bylaw_input`.`offline_harm_risk` = 'severe'))) THEN 82
      WHEN (array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` <> 'none')) AND ((`bylaw_input`.`author`.`role` = 'world_leader') AND ((`bylaw_input`.`target` = 'public_figure') OR (`bylaw_input`.`topic` IN ('political_issue', 'foreign_policy')))) THEN 83
      WHEN array_contains(`bylaw_input`.`categories`, 'hateful_conduct') AND ((`bylaw_input`.`author`.`role` = 'world_leader') AND ((`bylaw_input`.`target` = 'public_figure') OR (`bylaw_input`.`topic` IN ('political_issue', 'foreign_policy')))) THEN 84
      WHEN array_contains(`bylaw_input`.`categories`, 'harassment') AND ((`bylaw_input`.`author`.`role` = 'world_leader') AND ((`bylaw_input`.`target` = 'public_figure') OR (`bylaw_input`.`topic` IN ('political_issue', 'foreign_policy')))) THEN 85
      ELSE 86
    END
    WHEN `bylaw_input`.`date` >= DATE '2019-06-27' THEN CASE
      WHEN NOT (`bylaw_input`.`date` IS NOT NULL
          AND `bylaw_input`.`date` BETWEEN DATE '0001-01-01' AND DATE '9999-12-31'
          AND `bylaw_input`.`author` IS NOT NULL
          AND `bylaw_input`.`author`.`handle` IS NOT NULL
          AND `bylaw_input`.`author`.`role` IS NOT NULL
          AND `bylaw_input`.`author`.`role` IN ('ordinary', 'public_figure', 'world_leader', 'government_official', 'candidate', 'government_entity', 'military_entity', 'violent_extremist_group')
          AND `bylaw_input`.`author`.`verified` IS NOT NULL
          AND `bylaw_input`.`author`.`followers` IS NOT NULL
          AND `bylaw_input`.`author`.`followers` BETWEEN -9007199254740991 AND 9007199254740991
          AND `bylaw_input`.`author`.`followers` >= 0
          AND `bylaw_input`.`author`.`strikes` IS NOT NULL
          AND `bylaw_input`.`author`.`strikes` BETWEEN -9007199254740991 AND 9007199254740991
          AND `bylaw_input`.`author`.`strikes` >= 0
          AND `bylaw_input`.`target` IS NOT NULL
          AND `bylaw_input`.`target` IN ('none', 'individual', 'public_figure', 'group', 'protected_group', 'state')
          AND `bylaw_input`.`categories` IS NOT NULL
          AND (size(array_except(`bylaw_input`.`categories`, array('violent_threat', 'terrorism', 'violent_extremism', 'child_sexual_exploitation', 'private_information', 'intimate_media', 'self_harm', 'hateful_conduct', 'harassment', 'glorification_of_violence', 'civic_integrity'))) = 0 AND size(array_distinct(`bylaw_input`.`categories`)) = size(`bylaw_input`.`categories`))
          AND `bylaw_input`.`topic` IS NOT NULL
          AND `bylaw_input`.`topic` IN ('none', 'political_issue', 'foreign_policy')
          AND `bylaw_input`.`public_interest` IS NOT NULL
          AND `bylaw_input`.`offline_harm_risk` IS NOT NULL
          AND `bylaw_input`.`offline_harm_risk` IN ('none', 'elevated', 'severe')) THEN NULL
      WHEN (array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` <> 'none')) AND NOT ((((`bylaw_input`.`author`.`role` IN ('world_leader', 'government_official', 'candidate')) AND `bylaw_input`.`author`.`verified` AND (`bylaw_input`.`author`.`followers` > 100000)) AND `bylaw_input`.`public_interest`) AND NOT ((array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual')) OR (`bylaw_input`.`offline_harm_risk` = 'severe'))) AND NOT (`bylaw_input`.`author`.`role` = 'world_leader') THEN 29
      WHEN array_contains(`bylaw_input`.`categories`, 'terrorism') AND NOT (`bylaw_input`.`author`.`role` = 'world_leader') THEN 30
      WHEN (array_contains(`bylaw_input`.`categories`, 'violent_extremism') AND (`bylaw_input`.`author`.`role` NOT IN ('world_leader', 'government_official', 'government_entity', 'military_entity'))) AND NOT (`bylaw_input`.`author`.`role` = 'world_leader') THEN 31
      WHEN array_contains(`bylaw_input`.`categories`, 'child_sexual_exploitation') AND NOT (`bylaw_input`.`author`.`role` = 'world_leader') THEN 32
      WHEN (array_contains(`bylaw_input`.`categories`, 'glorification_of_violence') AND (`bylaw_input`.`author`.`strikes` >= 1)) AND NOT ((((`bylaw_input`.`author`.`role` IN ('world_leader', 'government_official', 'candidate')) AND `bylaw_input`.`author`.`verified` AND (`bylaw_input`.`author`.`followers` > 100000)) AND `bylaw_input`.`public_interest`) AND NOT ((array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual')) OR (`bylaw_input`.`offline_harm_risk` = 'severe'))) AND NOT (`bylaw_input`.`author`.`role` = 'world_leader') THEN 33
      WHEN (array_contains(`bylaw_input`.`categories`, 'glorification_of_violence') AND (`bylaw_input`.`author`.`strikes` = 0)) AND NOT ((((`bylaw_input`.`author`.`role` IN ('world_leader', 'government_official', 'candidate')) AND `bylaw_input`.`author`.`verified` AND (`bylaw_input`.`author`.`followers` > 100000)) AND `bylaw_input`.`public_interest`) AND NOT ((array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual')) OR (`bylaw_input`.`offline_harm_risk` = 'severe'))) AND NOT (`bylaw_input`.`author`.`role` = 'world_leader') THEN 34
      WHEN (array_contains(`bylaw_input`.`categories`, 'civic_integrity') AND (`bylaw_input`.`author`.`strikes` >= 1)) AND NOT ((((`bylaw_input`.`author`.`role` IN ('world_leader', 'government_official', 'candidate')) AND `bylaw_input`.`author`.`verified` AND (`bylaw_input`.`author`.`followers` > 100000)) AND `bylaw_input`.`public_interest`) AND NOT ((array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual')) OR (`bylaw_input`.`offline_harm_risk` = 'severe'))) AND NOT (`bylaw_input`.`author`.`role` = 'world_leader') THEN 35
      WHEN array_contains(`bylaw_input`.`categories`, 'private_information') THEN 36
      WHEN array_contains(`bylaw_input`.`categories`, 'intimate_media') THEN 37
      WHEN array_contains(`bylaw_input`.`categories`, 'self_harm') THEN 38
      WHEN array_contains(`bylaw_input`.`categories`, 'hateful_conduct') AND NOT ((((`bylaw_input`.`author`.`role` IN ('world_leader', 'government_official', 'candidate')) AND `bylaw_input`.`author`.`verified` AND (`bylaw_input`.`author`.`followers` > 100000)) AND `bylaw_input`.`public_interest`) AND NOT ((array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual')) OR (`bylaw_input`.`offline_harm_risk` = 'severe'))) THEN 39
      WHEN array_contains(`bylaw_input`.`categories`, 'harassment') AND NOT ((((`bylaw_input`.`author`.`role` IN ('world_leader', 'government_official', 'candidate')) AND `bylaw_input`.`author`.`verified` AND (`bylaw_input`.`author`.`followers` > 100000)) AND `bylaw_input`.`public_interest`) AND NOT ((array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual')) OR (`bylaw_input`.`offline_harm_risk` = 'severe'))) THEN 40
      WHEN (array_contains(`bylaw_input`.`categories`, 'civic_integrity') AND (`bylaw_input`.`author`.`strikes` = 0)) AND NOT ((((`bylaw_input`.`author`.`role` IN ('world_leader', 'government_official', 'candidate')) AND `bylaw_input`.`author`.`verified` AND (`bylaw_input`.`author`.`followers` > 100000)) AND `bylaw_input`.`public_interest`) AND NOT ((array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual')) OR (`bylaw_input`.`offline_harm_risk` = 'severe'))) THEN 41
      WHEN (array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` <> 'none')) AND (`bylaw_input`.`author`.`role` = 'world_leader') AND NOT ((((`bylaw_input`.`author`.`role` IN ('world_leader', 'government_official', 'candidate')) AND `bylaw_input`.`author`.`verified` AND (`bylaw_input`.`author`.`followers` > 100000)) AND `bylaw_input`.`public_interest`) AND NOT ((array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual')) OR (`bylaw_input`.`offline_harm_risk` = 'severe'))) THEN 42
      WHEN array_contains(`bylaw_input`.`categories`, 'terrorism') AND (`bylaw_input`.`author`.`role` = 'world_leader') THEN 43
      WHEN (array_contains(`bylaw_input`.`categories`, 'violent_extremism') AND (`bylaw_input`.`author`.`role` NOT IN ('world_leader', 'government_official', 'government_entity', 'military_entity'))) AND (`bylaw_input`.`author`.`role` = 'world_leader') THEN 44
      WHEN array_contains(`bylaw_input`.`categories`, 'child_sexual_exploitation') AND (`bylaw_input`.`author`.`role` = 'world_leader') THEN 45
      WHEN (array_contains(`bylaw_input`.`categories`, 'glorification_of_violence') AND (`bylaw_input`.`author`.`strikes` = 0)) AND (`bylaw_input`.`author`.`role` = 'world_leader') AND NOT ((((`bylaw_input`.`author`.`role` IN ('world_leader', 'government_official', 'candidate')) AND `bylaw_input`.`author`.`verified` AND (`bylaw_input`.`author`.`followers` > 100000)) AND `bylaw_input`.`public_interest`) AND NOT ((array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual')) OR (`bylaw_input`.`offline_harm_risk` = 'severe'))) THEN 46
      WHEN (array_contains(`bylaw_input`.`categories`, 'glorification_of_violence') AND (`bylaw_input`.`author`.`strikes` >= 1)) AND (`bylaw_input`.`author`.`role` = 'world_leader') AND NOT ((((`bylaw_input`.`author`.`role` IN ('world_leader', 'government_official', 'candidate')) AND `bylaw_input`.`author`.`verified` AND (`bylaw_input`.`author`.`followers` > 100000)) AND `bylaw_input`.`public_interest`) AND NOT ((array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual')) OR (`bylaw_input`.`offline_harm_risk` = 'severe'))) THEN 47
      WHEN (array_contains(`bylaw_input`.`categories`, 'civic_integrity') AND (`bylaw_input`.`author`.`strikes` >= 1)) AND (`bylaw_input`.`author`.`role` = 'world_leader') AND NOT ((((`bylaw_input`.`author`.`role` IN ('world_leader', 'government_official', 'candidate')) AND `bylaw_input`.`author`.`verified` AND (`bylaw_input`.`author`.`followers` > 100000)) AND `bylaw_input`.`public_interest`) AND NOT ((array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual')) OR (`bylaw_input`.`offline_harm_risk` = 'severe'))) THEN 48
      WHEN (array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` <> 'none')) AND ((((`bylaw_input`.`author`.`role` IN ('world_leader', 'government_official', 'candidate')) AND `bylaw_input`.`author`.`verified` AND (`bylaw_input`.`author`.`followers` > 100000)) AND `bylaw_input`.`public_interest`) AND NOT ((array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual')) OR (`bylaw_input`.`offline_harm_risk` = 'severe'))) THEN 49
      WHEN array_contains(`bylaw_input`.`categories`, 'hateful_conduct') AND ((((`bylaw_input`.`author`.`role` IN ('world_leader', 'government_official', 'candidate')) AND `bylaw_input`.`author`.`verified` AND (`bylaw_input`.`author`.`followers` > 100000)) AND `bylaw_input`.`public_interest`) AND NOT ((array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual')) OR (`bylaw_input`.`offline_harm_risk` = 'severe'))) THEN 50
      WHEN array_contains(`bylaw_input`.`categories`, 'harassment') AND ((((`bylaw_input`.`author`.`role` IN ('world_leader', 'government_official', 'candidate')) AND `bylaw_input`.`author`.`verified` AND (`bylaw_input`.`author`.`followers` > 100000)) AND `bylaw_input`.`public_interest`) AND NOT ((array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual')) OR (`bylaw_input`.`offline_harm_risk` = 'severe'))) THEN 51
      WHEN (array_contains(`bylaw_input`.`categories`, 'glorification_of_violence') AND (`bylaw_input`.`author`.`strikes` = 0)) AND ((((`bylaw_input`.`author`.`role` IN ('world_leader', 'government_official', 'candidate')) AND `bylaw_input`.`author`.`verified` AND (`bylaw_input`.`author`.`followers` > 100000)) AND `bylaw_input`.`public_interest`) AND NOT ((array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual')) OR (`bylaw_input`.`offline_harm_risk` = 'severe'))) THEN 52
      WHEN (array_contains(`bylaw_input`.`categories`, 'glorification_of_violence') AND (`bylaw_input`.`author`.`strikes` >= 1)) AND ((((`bylaw_input`.`author`.`role` IN ('world_leader', 'government_official', 'candidate')) AND `bylaw_input`.`author`.`verified` AND (`bylaw_input`.`author`.`followers` > 100000)) AND `bylaw_input`.`public_interest`) AND NOT ((array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual')) OR (`bylaw_input`.`offline_harm_risk` = 'severe'))) THEN 53
      WHEN (array_contains(`bylaw_input`.`categories`, 'civic_integrity') AND (`bylaw_input`.`author`.`strikes` = 0)) AND ((((`bylaw_input`.`author`.`role` IN ('world_leader', 'government_official', 'candidate')) AND `bylaw_input`.`author`.`verified` AND (`bylaw_input`.`author`.`followers` > 100000)) AND `bylaw_input`.`public_interest`) AND NOT ((array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual')) OR (`bylaw_input`.`offline_harm_risk` = 'severe'))) THEN 54
      WHEN (array_contains(`bylaw_input`.`categories`, 'civic_integrity') AND (`bylaw_input`.`author`.`strikes` >= 1)) AND ((((`bylaw_input`.`author`.`role` IN ('world_leader', 'government_official', 'candidate')) AND `bylaw_input`.`author`.`verified` AND (`bylaw_input`.`author`.`followers` > 100000)) AND `bylaw_input`.`public_interest`) AND NOT ((array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual')) OR (`bylaw_input`.`offline_harm_risk` = 'severe'))) THEN 55
      ELSE 56
    END
    WHEN `bylaw_input`.`date` >= DATE '2017-09-25' THEN CASE
      WHEN NOT (`bylaw_input`.`date` IS NOT NULL
          AND `bylaw_input`.`date` BETWEEN DATE '0001-01-01' AND DATE '9999-12-31'
          AND `bylaw_input`.`author` IS NOT NULL
          AND `bylaw_input`.`author`.`handle` IS NOT NULL
          AND `bylaw_input`.`author`.`role` IS NOT NULL
          AND `bylaw_input`.`author`.`role` IN ('ordinary', 'public_figure', 'world_leader', 'government_official', 'candidate', 'government_entity', 'military_entity', 'violent_extremist_group')
          AND `bylaw_input`.`author`.`verified` IS NOT NULL
          AND `bylaw_input`.`author`.`followers` IS NOT NULL
          AND `bylaw_input`.`author`.`followers` BETWEEN -9007199254740991 AND 9007199254740991
          AND `bylaw_input`.`author`.`followers` >= 0
          AND `bylaw_input`.`author`.`strikes` IS NOT NULL
          AND `bylaw_input`.`author`.`strikes` BETWEEN -9007199254740991 AND 9007199254740991
          AND `bylaw_input`.`author`.`strikes` >= 0
          AND `bylaw_input`.`target` IS NOT NULL
          AND `bylaw_input`.`target` IN ('none', 'individual', 'public_figure', 'group', 'protected_group', 'state')
          AND `bylaw_input`.`categories` IS NOT NULL
          AND (size(array_except(`bylaw_input`.`categories`, array('violent_threat', 'terrorism', 'violent_extremism', 'child_sexual_exploitation', 'private_information', 'intimate_media', 'self_harm', 'hateful_conduct', 'harassment', 'glorification_of_violence', 'civic_integrity'))) = 0 AND size(array_distinct(`bylaw_input`.`categories`)) = size(`bylaw_input`.`categories`))
          AND `bylaw_input`.`topic` IS NOT NULL
          AND `bylaw_input`.`topic` IN ('none', 'political_issue', 'foreign_policy')
          AND `bylaw_input`.`public_interest` IS NOT NULL
          AND `bylaw_input`.`offline_harm_risk` IS NOT NULL
          AND `bylaw_input`.`offline_harm_risk` IN ('none', 'elevated', 'severe')) THEN NULL
      WHEN (array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` <> 'none')) AND NOT (((`bylaw_input`.`author`.`role` = 'world_leader') AND `bylaw_input`.`public_interest`) AND NOT (array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual'))) AND NOT (`bylaw_input`.`author`.`role` = 'world_leader') THEN 1
      WHEN array_contains(`bylaw_input`.`categories`, 'terrorism') AND NOT (`bylaw_input`.`author`.`role` = 'world_leader') THEN 2
      WHEN (array_contains(`bylaw_input`.`categories`, 'violent_extremism') AND (`bylaw_input`.`author`.`role` NOT IN ('world_leader', 'government_official', 'government_entity', 'military_entity'))) AND NOT (`bylaw_input`.`author`.`role` = 'world_leader') THEN 3
      WHEN array_contains(`bylaw_input`.`categories`, 'child_sexual_exploitation') AND NOT (`bylaw_input`.`author`.`role` = 'world_leader') THEN 4
      WHEN (array_contains(`bylaw_input`.`categories`, 'glorification_of_violence') AND (`bylaw_input`.`author`.`strikes` >= 1)) AND NOT (((`bylaw_input`.`author`.`role` = 'world_leader') AND `bylaw_input`.`public_interest`) AND NOT (array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual'))) AND NOT (`bylaw_input`.`author`.`role` = 'world_leader') THEN 5
      WHEN (array_contains(`bylaw_input`.`categories`, 'glorification_of_violence') AND (`bylaw_input`.`author`.`strikes` = 0)) AND NOT (((`bylaw_input`.`author`.`role` = 'world_leader') AND `bylaw_input`.`public_interest`) AND NOT (array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual'))) AND NOT (`bylaw_input`.`author`.`role` = 'world_leader') THEN 6
      WHEN (array_contains(`bylaw_input`.`categories`, 'civic_integrity') AND (`bylaw_input`.`author`.`strikes` >= 1)) AND NOT (((`bylaw_input`.`author`.`role` = 'world_leader') AND `bylaw_input`.`public_interest`) AND NOT (array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual'))) AND NOT (`bylaw_input`.`author`.`role` = 'world_leader') THEN 7
      WHEN array_contains(`bylaw_input`.`categories`, 'private_information') THEN 8
      WHEN array_contains(`bylaw_input`.`categories`, 'intimate_media') THEN 9
      WHEN array_contains(`bylaw_input`.`categories`, 'self_harm') THEN 10
      WHEN array_contains(`bylaw_input`.`categories`, 'hateful_conduct') AND NOT (((`bylaw_input`.`author`.`role` = 'world_leader') AND `bylaw_input`.`public_interest`) AND NOT (array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual'))) THEN 11
      WHEN array_contains(`bylaw_input`.`categories`, 'harassment') AND NOT (((`bylaw_input`.`author`.`role` = 'world_leader') AND `bylaw_input`.`public_interest`) AND NOT (array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual'))) THEN 12
      WHEN (array_contains(`bylaw_input`.`categories`, 'civic_integrity') AND (`bylaw_input`.`author`.`strikes` = 0)) AND NOT (((`bylaw_input`.`author`.`role` = 'world_leader') AND `bylaw_input`.`public_interest`) AND NOT (array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual'))) THEN 13
      WHEN (array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` <> 'none')) AND (`bylaw_input`.`author`.`role` = 'world_leader') AND NOT (((`bylaw_input`.`author`.`role` = 'world_leader') AND `bylaw_input`.`public_interest`) AND NOT (array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual'))) THEN 14
      WHEN array_contains(`bylaw_input`.`categories`, 'terrorism') AND (`bylaw_input`.`author`.`role` = 'world_leader') THEN 15
      WHEN (array_contains(`bylaw_input`.`categories`, 'violent_extremism') AND (`bylaw_input`.`author`.`role` NOT IN ('world_leader', 'government_official', 'government_entity', 'military_entity'))) AND (`bylaw_input`.`author`.`role` = 'world_leader') THEN 16
      WHEN array_contains(`bylaw_input`.`categories`, 'child_sexual_exploitation') AND (`bylaw_input`.`author`.`role` = 'world_leader') THEN 17
      WHEN (array_contains(`bylaw_input`.`categories`, 'glorification_of_violence') AND (`bylaw_input`.`author`.`strikes` = 0)) AND (`bylaw_input`.`author`.`role` = 'world_leader') AND NOT (((`bylaw_input`.`author`.`role` = 'world_leader') AND `bylaw_input`.`public_interest`) AND NOT (array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual'))) THEN 18
      WHEN (array_contains(`bylaw_input`.`categories`, 'glorification_of_violence') AND (`bylaw_input`.`author`.`strikes` >= 1)) AND (`bylaw_input`.`author`.`role` = 'world_leader') AND NOT (((`bylaw_input`.`author`.`role` = 'world_leader') AND `bylaw_input`.`public_interest`) AND NOT (array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual'))) THEN 19
      WHEN (array_contains(`bylaw_input`.`categories`, 'civic_integrity') AND (`bylaw_input`.`author`.`strikes` >= 1)) AND (`bylaw_input`.`author`.`role` = 'world_leader') AND NOT (((`bylaw_input`.`author`.`role` = 'world_leader') AND `bylaw_input`.`public_interest`) AND NOT (array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual'))) THEN 20
      WHEN (array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` <> 'none')) AND (((`bylaw_input`.`author`.`role` = 'world_leader') AND `bylaw_input`.`public_interest`) AND NOT (array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual'))) THEN 21
      WHEN array_contains(`bylaw_input`.`categories`, 'hateful_conduct') AND (((`bylaw_input`.`author`.`role` = 'world_leader') AND `bylaw_input`.`public_interest`) AND NOT (array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual'))) THEN 22
      WHEN array_contains(`bylaw_input`.`categories`, 'harassment') AND (((`bylaw_input`.`author`.`role` = 'world_leader') AND `bylaw_input`.`public_interest`) AND NOT (array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual'))) THEN 23
      WHEN (array_contains(`bylaw_input`.`categories`, 'glorification_of_violence') AND (`bylaw_input`.`author`.`strikes` = 0)) AND (((`bylaw_input`.`author`.`role` = 'world_leader') AND `bylaw_input`.`public_interest`) AND NOT (array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual'))) THEN 24
      WHEN (array_contains(`bylaw_input`.`categories`, 'glorification_of_violence') AND (`bylaw_input`.`author`.`strikes` >= 1)) AND (((`bylaw_input`.`author`.`role` = 'world_leader') AND `bylaw_input`.`public_interest`) AND NOT (array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual'))) THEN 25
      WHEN (array_contains(`bylaw_input`.`categories`, 'civic_integrity') AND (`bylaw_input`.`author`.`strikes` = 0)) AND (((`bylaw_input`.`author`.`role` = 'world_leader') AND `bylaw_input`.`public_interest`) AND NOT (array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual'))) THEN 26
      WHEN (array_contains(`bylaw_input`.`categories`, 'civic_integrity') AND (`bylaw_input`.`author`.`strikes` >= 1)) AND (((`bylaw_input`.`author`.`role` = 'world_leader') AND `bylaw_input`.`public_interest`) AND NOT (array_contains(`bylaw_input`.`categories`, 'violent_threat') AND (`bylaw_input`.`target` = 'individual'))) THEN 27
      ELSE 28
    END
  END;
