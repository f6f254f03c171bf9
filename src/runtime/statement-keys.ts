/**
 * The DSA Transparency Database's enumerations: keys (what a statement sends) and labels (for
 * people). Copied from `app/Models/Statement.php`, `app/Services/EuropeanCountriesService.php` and
 * `app/Services/EuropeanLanguagesService.php` of github.com/digital-services-act/transparency-database
 * at commit 69e80a0bc8eb3cbfbe8246e898194c3bdf490a4b (2026-06-24; the V2 schema, mandatory since
 * 2025-07-01). Update them together when the database changes its lists.
 *
 * The key types a platform writes in its deployment config and facts are spelled out (and
 * public: a compiled module exports them); each table is checked against its type.
 */

/**
 * `content_type`: the kinds of content.
 * @public
 */
export type ContentTypeKey =
  | 'CONTENT_TYPE_APP'
  | 'CONTENT_TYPE_AUDIO'
  | 'CONTENT_TYPE_IMAGE'
  | 'CONTENT_TYPE_PRODUCT'
  | 'CONTENT_TYPE_SYNTHETIC_MEDIA'
  | 'CONTENT_TYPE_TEXT'
  | 'CONTENT_TYPE_VIDEO'
  | 'CONTENT_TYPE_OTHER';
/**
 * `category`: what the content is about.
 * @public
 */
export type CategoryKey =
  | 'STATEMENT_CATEGORY_ANIMAL_WELFARE'
  | 'STATEMENT_CATEGORY_CONSUMER_INFORMATION'
  | 'STATEMENT_CATEGORY_CYBER_VIOLENCE'
  | 'STATEMENT_CATEGORY_CYBER_VIOLENCE_AGAINST_WOMEN'
  | 'STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS'
  | 'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH'
  | 'STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS'
  | 'STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS'
  | 'STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE'
  | 'STATEMENT_CATEGORY_OTHER_VIOLATION_TC'
  | 'STATEMENT_CATEGORY_PROTECTION_OF_MINORS'
  | 'STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY'
  | 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD'
  | 'STATEMENT_CATEGORY_SELF_HARM'
  | 'STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS'
  | 'STATEMENT_CATEGORY_VIOLENCE';
/**
 * `category_specification`: the keywords.
 * @public
 */
export type KeywordKey =
  | 'KEYWORD_ADULT_SEXUAL_MATERIAL'
  | 'KEYWORD_AGE_SPECIFIC_RESTRICTIONS'
  | 'KEYWORD_AGE_SPECIFIC_RESTRICTIONS_MINORS'
  | 'KEYWORD_ANIMAL_HARM'
  | 'KEYWORD_BIOMETRIC_DATA_BREACH'
  | 'KEYWORD_BULLYING_AGAINST_GIRLS'
  | 'KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL'
  | 'KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL_DEEPFAKE'
  | 'KEYWORD_CONTENT_PROMOTING_EATING_DISORDERS'
  | 'KEYWORD_COORDINATED_HARM'
  | 'KEYWORD_COPYRIGHT_INFRINGEMENT'
  | 'KEYWORD_CYBER_BULLYING_INTIMIDATION'
  | 'KEYWORD_CYBER_HARASSMENT'
  | 'KEYWORD_CYBER_HARASSMENT_AGAINST_WOMEN'
  | 'KEYWORD_CYBER_INCITEMENT'
  | 'KEYWORD_CYBER_STALKING'
  | 'KEYWORD_CYBER_STALKING_AGAINST_WOMEN'
  | 'KEYWORD_DATA_FALSIFICATION'
  | 'KEYWORD_DEFAMATION'
  | 'KEYWORD_DESIGN_INFRINGEMENT'
  | 'KEYWORD_DISCRIMINATION'
  | 'KEYWORD_FEMALE_GENDERED_DISINFORMATION'
  | 'KEYWORD_GEOGRAPHICAL_REQUIREMENTS'
  | 'KEYWORD_GEOGRAPHIC_INDICATIONS_INFRINGEMENT'
  | 'KEYWORD_GOODS_SERVICES_NOT_PERMITTED'
  | 'KEYWORD_GROOMING_SEXUAL_ENTICEMENT_MINORS'
  | 'KEYWORD_HATE_SPEECH'
  | 'KEYWORD_HIDDEN_ADVERTISEMENT'
  | 'KEYWORD_HUMAN_EXPLOITATION'
  | 'KEYWORD_HUMAN_TRAFFICKING'
  | 'KEYWORD_ILLEGAL_ORGANIZATIONS'
  | 'KEYWORD_IMPERSONATION_ACCOUNT_HIJACKING'
  | 'KEYWORD_INAUTHENTIC_ACCOUNTS'
  | 'KEYWORD_INAUTHENTIC_LISTINGS'
  | 'KEYWORD_INAUTHENTIC_USER_REVIEWS'
  | 'KEYWORD_INCITEMENT_AGAINST_WOMEN'
  | 'KEYWORD_INCITEMENT_VIOLENCE_HATRED'
  | 'KEYWORD_INSUFFICIENT_INFORMATION_ON_TRADERS'
  | 'KEYWORD_LANGUAGE_REQUIREMENTS'
  | 'KEYWORD_MISINFORMATION_DISINFORMATION'
  | 'KEYWORD_MISLEADING_INFO_CONSUMER_RIGHTS'
  | 'KEYWORD_MISLEADING_INFO_GOODS_SERVICES'
  | 'KEYWORD_MISSING_PROCESSING_GROUND'
  | 'KEYWORD_NONCOMPLIANCE_PRICING'
  | 'KEYWORD_NON_CONSENSUAL_IMAGE_SHARING'
  | 'KEYWORD_NON_CONSENSUAL_IMAGE_SHARING_AGAINST_WOMEN'
  | 'KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE'
  | 'KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE_AGAINST_WOMEN'
  | 'KEYWORD_NUDITY'
  | 'KEYWORD_OTHER'
  | 'KEYWORD_PATENT_INFRINGEMENT'
  | 'KEYWORD_PHISHING'
  | 'KEYWORD_PROHIBITED_PRODUCTS'
  | 'KEYWORD_PYRAMID_SCHEMES'
  | 'KEYWORD_RIGHT_TO_BE_FORGOTTEN'
  | 'KEYWORD_RISK_ENVIRONMENTAL_DAMAGE'
  | 'KEYWORD_RISK_PUBLIC_HEALTH'
  | 'KEYWORD_SELF_MUTILATION'
  | 'KEYWORD_STALKING'
  | 'KEYWORD_SUICIDE'
  | 'KEYWORD_TERRORIST_CONTENT'
  | 'KEYWORD_TRADEMARK_INFRINGEMENT'
  | 'KEYWORD_TRADE_SECRET_INFRINGEMENT'
  | 'KEYWORD_TRAFFICKING_WOMEN_GIRLS'
  | 'KEYWORD_UNLAWFUL_SALE_ANIMALS'
  | 'KEYWORD_UNSAFE_CHALLENGES'
  | 'KEYWORD_UNSAFE_PRODUCTS'
  | 'KEYWORD_VIOLATION_EU_LAW'
  | 'KEYWORD_VIOLATION_NATIONAL_LAW';
/**
 * `source_type`: how the case came up.
 * @public
 */
export type SourceTypeKey =
  | 'SOURCE_ARTICLE_16'
  | 'SOURCE_TRUSTED_FLAGGER'
  | 'SOURCE_TYPE_OTHER_NOTIFICATION'
  | 'SOURCE_VOLUNTARY';
/**
 * `automated_decision`.
 * @public
 */
export type AutomatedDecisionKey =
  | 'AUTOMATED_DECISION_FULLY'
  | 'AUTOMATED_DECISION_PARTIALLY'
  | 'AUTOMATED_DECISION_NOT_AUTOMATED';
/**
 * `account_type`.
 * @public
 */
export type AccountTypeKey = 'ACCOUNT_TYPE_BUSINESS' | 'ACCOUNT_TYPE_PRIVATE';
/**
 * `territorial_scope`: an EEA country code.
 * @public
 */
export type CountryCode =
  | 'AT'
  | 'BE'
  | 'BG'
  | 'CY'
  | 'CZ'
  | 'DE'
  | 'DK'
  | 'EE'
  | 'ES'
  | 'FI'
  | 'FR'
  | 'GR'
  | 'HR'
  | 'HU'
  | 'IE'
  | 'IS'
  | 'IT'
  | 'LI'
  | 'LT'
  | 'LU'
  | 'LV'
  | 'MT'
  | 'NL'
  | 'NO'
  | 'PL'
  | 'PT'
  | 'RO'
  | 'SE'
  | 'SI'
  | 'SK';

/** `decision_visibility` (an array). */
export const DECISION_VISIBILITY = {
  DECISION_VISIBILITY_CONTENT_REMOVED: 'Removal of content',
  DECISION_VISIBILITY_CONTENT_DISABLED: 'Disabling access to content',
  DECISION_VISIBILITY_CONTENT_DEMOTED: 'Demotion of content',
  DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED: 'Age restricted content',
  DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED: 'Restricting interaction with content',
  DECISION_VISIBILITY_CONTENT_LABELLED: 'Labelled content',
  DECISION_VISIBILITY_OTHER: 'Other restriction (please specify)',
} as const;

/** `decision_monetary` (one value). */
export const DECISION_MONETARY = {
  DECISION_MONETARY_SUSPENSION: 'Suspension of monetary payments',
  DECISION_MONETARY_TERMINATION: 'Termination of monetary payments',
  DECISION_MONETARY_OTHER: 'Other restriction (please specify)',
} as const;

/** `decision_provision` (one value). */
export const DECISION_PROVISION = {
  DECISION_PROVISION_PARTIAL_SUSPENSION: 'Partial suspension of the provision of the service',
  DECISION_PROVISION_TOTAL_SUSPENSION: 'Total suspension of the provision of the service',
  DECISION_PROVISION_PARTIAL_TERMINATION: 'Partial termination of the provision of the service',
  DECISION_PROVISION_TOTAL_TERMINATION: 'Total termination of the provision of the service',
} as const;

/** `decision_account` (one value). */
export const DECISION_ACCOUNT = {
  DECISION_ACCOUNT_SUSPENDED: 'Suspension of the account',
  DECISION_ACCOUNT_TERMINATED: 'Termination of the account',
} as const;

/** `account_type`. */
export const ACCOUNT_TYPE = {
  ACCOUNT_TYPE_BUSINESS: 'Business',
  ACCOUNT_TYPE_PRIVATE: 'Private',
} as const satisfies Readonly<Record<AccountTypeKey, string>>;

/** `decision_ground`. */
export const DECISION_GROUND = {
  DECISION_GROUND_ILLEGAL_CONTENT: 'Illegal Content',
  DECISION_GROUND_INCOMPATIBLE_CONTENT: 'Content incompatible with terms and conditions',
} as const;

/** `content_type` (an array). */
export const CONTENT_TYPE = {
  CONTENT_TYPE_APP: 'App',
  CONTENT_TYPE_AUDIO: 'Audio',
  CONTENT_TYPE_IMAGE: 'Image',
  CONTENT_TYPE_PRODUCT: 'Product',
  CONTENT_TYPE_SYNTHETIC_MEDIA: 'Synthetic Media',
  CONTENT_TYPE_TEXT: 'Text',
  CONTENT_TYPE_VIDEO: 'Video',
  CONTENT_TYPE_OTHER: 'Other',
} as const satisfies Readonly<Record<ContentTypeKey, string>>;

/** `category` / `category_addition` (16 keys, V2 schema). */
export const STATEMENT_CATEGORY = {
  STATEMENT_CATEGORY_ANIMAL_WELFARE: 'Animal welfare',
  STATEMENT_CATEGORY_CONSUMER_INFORMATION: 'Consumer information infringements',
  STATEMENT_CATEGORY_CYBER_VIOLENCE: 'Cyber violence',
  STATEMENT_CATEGORY_CYBER_VIOLENCE_AGAINST_WOMEN: 'Cyber violence against women',
  STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS: 'Data protection and privacy violations',
  STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH: 'Illegal or harmful speech',
  STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS: 'Intellectual property infringements',
  STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS: 'Negative effects on civic discourse or elections',
  STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE: 'Type of alleged illegal content not specified by the notifier',
  STATEMENT_CATEGORY_OTHER_VIOLATION_TC: 'Other violation of provider’s terms and conditions',
  STATEMENT_CATEGORY_PROTECTION_OF_MINORS: 'Protection of minors',
  STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY: 'Risk for public security',
  STATEMENT_CATEGORY_SCAMS_AND_FRAUD: 'Scams and/or fraud',
  STATEMENT_CATEGORY_SELF_HARM: 'Self-harm',
  STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS: 'Unsafe, non-compliant or prohibited products',
  STATEMENT_CATEGORY_VIOLENCE: 'Violence',
} as const satisfies Readonly<Record<CategoryKey, string>>;

/** `category_specification` (69 accepted keys, sorted; `KEYWORD_DANGEROUS_TOYS` is not accepted). */
export const KEYWORD = {
  KEYWORD_ADULT_SEXUAL_MATERIAL: 'Adult sexual material',
  KEYWORD_AGE_SPECIFIC_RESTRICTIONS: 'Age-specific restrictions',
  KEYWORD_AGE_SPECIFIC_RESTRICTIONS_MINORS: 'Age-specific restrictions concerning minors',
  KEYWORD_ANIMAL_HARM: 'Animal harm',
  KEYWORD_BIOMETRIC_DATA_BREACH: 'Biometric data breach',
  KEYWORD_BULLYING_AGAINST_GIRLS: 'Cyber bullying and intimidation against girls',
  KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL: 'Child sexual abuse material',
  KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL_DEEPFAKE: 'Child sexual abuse material containing deepfake or similar technology',
  KEYWORD_CONTENT_PROMOTING_EATING_DISORDERS: 'Content promoting eating disorders',
  KEYWORD_COORDINATED_HARM: 'Coordinated harm',
  KEYWORD_COPYRIGHT_INFRINGEMENT: 'Copyright infringements',
  KEYWORD_CYBER_BULLYING_INTIMIDATION: 'Cyber bullying and intimidation',
  KEYWORD_CYBER_HARASSMENT: 'Cyber harassment',
  KEYWORD_CYBER_HARASSMENT_AGAINST_WOMEN: 'Cyber harassment against women',
  KEYWORD_CYBER_INCITEMENT: 'Cyber incitement to hatred or violence',
  KEYWORD_CYBER_STALKING: 'Cyber stalking',
  KEYWORD_CYBER_STALKING_AGAINST_WOMEN: 'Cyber stalking against women',
  KEYWORD_DATA_FALSIFICATION: 'Data falsification',
  KEYWORD_DEFAMATION: 'Defamation',
  KEYWORD_DESIGN_INFRINGEMENT: 'Design infringements',
  KEYWORD_DISCRIMINATION: 'Discrimination',
  KEYWORD_FEMALE_GENDERED_DISINFORMATION: 'Gendered disinformation',
  KEYWORD_GEOGRAPHICAL_REQUIREMENTS: 'Geographical requirements',
  KEYWORD_GEOGRAPHIC_INDICATIONS_INFRINGEMENT: 'Geographic indications infringements',
  KEYWORD_GOODS_SERVICES_NOT_PERMITTED: 'Goods/services not permitted to be offered on the platform',
  KEYWORD_GROOMING_SEXUAL_ENTICEMENT_MINORS: 'Grooming/sexual enticement of minors',
  KEYWORD_HATE_SPEECH: 'Illegal incitement to violence and hatred based on protected characteristics (hate speech)',
  KEYWORD_HIDDEN_ADVERTISEMENT: 'Hidden advertisement or commercial communication, including by influencers',
  KEYWORD_HUMAN_EXPLOITATION: 'Human exploitation',
  KEYWORD_HUMAN_TRAFFICKING: 'Human trafficking',
  KEYWORD_ILLEGAL_ORGANIZATIONS: 'Illegal organizations',
  KEYWORD_IMPERSONATION_ACCOUNT_HIJACKING: 'Impersonation or account hijacking',
  KEYWORD_INAUTHENTIC_ACCOUNTS: 'Inauthentic accounts',
  KEYWORD_INAUTHENTIC_LISTINGS: 'Inauthentic listings',
  KEYWORD_INAUTHENTIC_USER_REVIEWS: 'Inauthentic user reviews',
  KEYWORD_INCITEMENT_AGAINST_WOMEN: 'Illegal incitement to violence and hatred against women',
  KEYWORD_INCITEMENT_VIOLENCE_HATRED: 'General calls or incitement to violence and/or hatred',
  KEYWORD_INSUFFICIENT_INFORMATION_ON_TRADERS: 'Insufficient information on traders',
  KEYWORD_LANGUAGE_REQUIREMENTS: 'Language requirements',
  KEYWORD_MISINFORMATION_DISINFORMATION: 'Misinformation, disinformation, foreign information manipulation and interference',
  KEYWORD_MISLEADING_INFO_CONSUMER_RIGHTS: "Misleading information about the consumer's rights",
  KEYWORD_MISLEADING_INFO_GOODS_SERVICES: 'Misleading information about the characteristics of the goods and services',
  KEYWORD_MISSING_PROCESSING_GROUND: 'Missing processing ground for data',
  KEYWORD_NONCOMPLIANCE_PRICING: 'Non-compliance with pricing regulations',
  KEYWORD_NON_CONSENSUAL_IMAGE_SHARING: 'Non-consensual (intimate) material sharing, including (image-based) sexual abuse (excluding content depicting minors)',
  KEYWORD_NON_CONSENSUAL_IMAGE_SHARING_AGAINST_WOMEN: 'Non-consensual (intimate) material sharing against women, including (image-based) sexual abuse against women (excluding content depicting minors)',
  KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE: "Non-consensual sharing of material containing deepfake or similar technology using a third party's features (excluding content depicting minors)",
  KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE_AGAINST_WOMEN: "Non-consensual sharing of material containing deepfake or similar technology using a third party's features against women (excluding content depicting minors)",
  KEYWORD_NUDITY: 'Nudity',
  KEYWORD_OTHER: 'Not captured by any other keyword',
  KEYWORD_PATENT_INFRINGEMENT: 'Patent infringements',
  KEYWORD_PHISHING: 'Phishing',
  KEYWORD_PROHIBITED_PRODUCTS: 'Prohibited or restricted products',
  KEYWORD_PYRAMID_SCHEMES: 'Pyramid schemes',
  KEYWORD_RIGHT_TO_BE_FORGOTTEN: 'Right to be forgotten',
  KEYWORD_RISK_ENVIRONMENTAL_DAMAGE: 'Risk for environmental damage',
  KEYWORD_RISK_PUBLIC_HEALTH: 'Risk for public health',
  KEYWORD_SELF_MUTILATION: 'Self-mutilation',
  KEYWORD_STALKING: 'Stalking',
  KEYWORD_SUICIDE: 'Suicide',
  KEYWORD_TERRORIST_CONTENT: 'Terrorist content',
  KEYWORD_TRADEMARK_INFRINGEMENT: 'Trademark infringements',
  KEYWORD_TRADE_SECRET_INFRINGEMENT: 'Trade secret infringements',
  KEYWORD_TRAFFICKING_WOMEN_GIRLS: 'Trafficking in women and girls',
  KEYWORD_UNLAWFUL_SALE_ANIMALS: 'Unlawful sale of animals',
  KEYWORD_UNSAFE_CHALLENGES: 'Unsafe challenges',
  KEYWORD_UNSAFE_PRODUCTS: 'Unsafe or non-compliant products',
  KEYWORD_VIOLATION_EU_LAW: 'Violation of EU law relevant to civic discourse or elections',
  KEYWORD_VIOLATION_NATIONAL_LAW: 'Violation of national law relevant to civic discourse or elections',
} as const satisfies Readonly<Record<KeywordKey, string>>;

/** `source_type`. */
export const SOURCE_TYPE = {
  SOURCE_ARTICLE_16: 'Notice submitted in accordance with Article 16 DSA',
  SOURCE_TRUSTED_FLAGGER: 'Notice submitted by a trusted flagger',
  SOURCE_TYPE_OTHER_NOTIFICATION: 'Other type of notification',
  SOURCE_VOLUNTARY: 'Own voluntary initiative',
} as const satisfies Readonly<Record<SourceTypeKey, string>>;

/** `automated_decision` (`automated_detection` takes the literal `Yes` / `No`). */
export const AUTOMATED_DECISION = {
  AUTOMATED_DECISION_FULLY: 'Fully automated',
  AUTOMATED_DECISION_PARTIALLY: 'Partially automated',
  AUTOMATED_DECISION_NOT_AUTOMATED: 'Not Automated',
} as const satisfies Readonly<Record<AutomatedDecisionKey, string>>;

/** `territorial_scope` (`EuropeanCountriesService::EUROPEAN_COUNTRY_CODES`): the 30 EEA codes; Greece is `GR`. */
export const EEA_COUNTRIES = ['AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IS', 'IT', 'LI', 'LT', 'LU', 'LV', 'MT', 'NL', 'NO', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK'] as const satisfies readonly CountryCode[];

/** `content_language` (`EuropeanLanguagesService::ALL_LANGUAGES`): 184 uppercase ISO 639-1 codes. */
export const LANGUAGES = (
  'AA AB AE AF AK AM AN AR AS AV AY AZ BA BE BG BH BI BM BN BO BR BS CA CE CH CO CR CS CU CV ' +
  'CY DA DE DV DZ EE EL EN EO ES ET EU FA FF FI FJ FO FR FY GA GD GL GN GU GV HA HE HI HO HR ' +
  'HT HU HY HZ IA ID IE IG II IK IO IS IT IU JA JV KA KG KI KJ KK KL KM KN KO KR KS KU KV KW ' +
  'KY LA LB LG LI LN LO LT LU LV MG MH MI MK ML MN MR MS MT MY NA NB ND NE NG NL NN NO NR NV ' +
  'NY OC OJ OM OR OS PA PI PL PS PT QU RM RN RO RU RW SA SC SD SE SG SI SK SL SM SN SO SQ SR ' +
  'SS ST SU SV SW TA TE TG TH TI TK TL TN TO TR TS TT TW TY UG UK UR UZ VE VI VO WA WO XH YI ' +
  'YO ZA ZH ZU '
).trim().split(' ');

/** The EU member states: the EEA list without Iceland, Liechtenstein and Norway. */
export const EU_COUNTRIES: readonly CountryCode[] = EEA_COUNTRIES.filter((code) => code !== 'IS' && code !== 'LI' && code !== 'NO');

/** English country names, for the notice a person reads. */
export const COUNTRY_NAMES: Readonly<Record<CountryCode, string>> = {
  AT: 'Austria', BE: 'Belgium', BG: 'Bulgaria', CY: 'Cyprus', CZ: 'Czechia', DE: 'Germany', DK: 'Denmark',
  EE: 'Estonia', ES: 'Spain', FI: 'Finland', FR: 'France', GR: 'Greece', HR: 'Croatia', HU: 'Hungary',
  IE: 'Ireland', IS: 'Iceland', IT: 'Italy', LI: 'Liechtenstein', LT: 'Lithuania', LU: 'Luxembourg',
  LV: 'Latvia', MT: 'Malta', NL: 'the Netherlands', NO: 'Norway', PL: 'Poland', PT: 'Portugal',
  RO: 'Romania', SE: 'Sweden', SI: 'Slovenia', SK: 'Slovakia',
};

export type VisibilityKey = keyof typeof DECISION_VISIBILITY;
export type MonetaryKey = keyof typeof DECISION_MONETARY;
export type ProvisionKey = keyof typeof DECISION_PROVISION;
export type AccountKey = keyof typeof DECISION_ACCOUNT;
export type GroundKey = keyof typeof DECISION_GROUND;

/** `automated_detection` and `incompatible_content_illegal` take these literal strings. */
export const YES_NO = ['Yes', 'No'] as const;

/** Keys of an enumeration table, in table order. */
export const keysOf = <T extends object>(table: T): (keyof T & string)[] => Object.keys(table) as (keyof T & string)[];

/** The database's limits, in characters (code points, as PHP's `mb_strlen` counts). */
export const LIMITS = { text: 500, explanation: 2000, facts: 5000, puid: 500 } as const;

/** The dates the database takes (`after_or_equal` / `before_or_equal`). */
export const DATE_RANGE = { contentFrom: '2000-01-01', applicationFrom: '2020-01-01', until: '2038-01-01' } as const;

/** Each decision field's end date. */
export const END_DATE_FIELDS = {
  decision_visibility: 'end_date_visibility_restriction',
  decision_monetary: 'end_date_monetary_restriction',
  decision_provision: 'end_date_service_restriction',
  decision_account: 'end_date_account_restriction',
} as const;
