//! The ISO 3166-1 country list: codes and the English short names the API receives.

/// Every ISO 3166-1 country, in alphabetical order of name: a line each, with the two-letter
/// code, the three-letter code, the English short name and any aliases after `|`.
///
/// One string rather than a table of records: 249 records of string pointers cost more of the
/// browser bundle than the names themselves.
pub(super) const COUNTRY_LINES: &str = "\
AF AFG Afghanistan
AX ALA Åland Islands|Aland Islands
AL ALB Albania
DZ DZA Algeria
AS ASM American Samoa
AD AND Andorra
AO AGO Angola
AI AIA Anguilla
AQ ATA Antarctica
AG ATG Antigua and Barbuda|Antigua & Barbuda
AR ARG Argentina
AM ARM Armenia
AW ABW Aruba
AU AUS Australia
AT AUT Austria
AZ AZE Azerbaijan
BS BHS Bahamas|The Bahamas
BH BHR Bahrain
BD BGD Bangladesh
BB BRB Barbados
BY BLR Belarus
BE BEL Belgium
BZ BLZ Belize
BJ BEN Benin
BM BMU Bermuda
BT BTN Bhutan
BO BOL Bolivia|Bolivia, Plurinational State of
BA BIH Bosnia and Herzegovina|Bosnia & Herzegovina|Bosnia
BW BWA Botswana
BV BVT Bouvet Island
BR BRA Brazil
IO IOT British Indian Ocean Territory
VG VGB British Virgin Islands|Virgin Islands, British
BN BRN Brunei|Brunei Darussalam
BG BGR Bulgaria
BF BFA Burkina Faso
BI BDI Burundi
KH KHM Cambodia
CM CMR Cameroon
CA CAN Canada
CV CPV Cape Verde|Cabo Verde
BQ BES Caribbean Netherlands|Bonaire, Sint Eustatius and Saba|Bonaire
KY CYM Cayman Islands
CF CAF Central African Republic
TD TCD Chad
CL CHL Chile
CN CHN China
CX CXR Christmas Island
CC CCK Cocos (Keeling) Islands|Cocos Islands
CO COL Colombia
KM COM Comoros
CK COK Cook Islands
CR CRI Costa Rica
CI CIV Côte d'Ivoire|Ivory Coast|Côte d’Ivoire|Cote d'Ivoire
HR HRV Croatia
CU CUB Cuba
CW CUW Curaçao|Curacao
CY CYP Cyprus
CZ CZE Czechia|Czech Republic
CD COD Democratic Republic of the Congo|DR Congo|Congo-Kinshasa|DRC|Congo - Kinshasa|Congo, The Democratic Republic of the|Congo, Democratic Republic of the
DK DNK Denmark
DJ DJI Djibouti
DM DMA Dominica
DO DOM Dominican Republic
EC ECU Ecuador
EG EGY Egypt
SV SLV El Salvador
GQ GNQ Equatorial Guinea
ER ERI Eritrea
EE EST Estonia
SZ SWZ Eswatini|Swaziland
ET ETH Ethiopia
FK FLK Falkland Islands|Falkland Islands (Malvinas)
FO FRO Faroe Islands|Faeroe Islands
FJ FJI Fiji
FI FIN Finland
FR FRA France
GF GUF French Guiana
PF PYF French Polynesia
TF ATF French Southern Territories
GA GAB Gabon
GM GMB Gambia|The Gambia
GE GEO Georgia
DE DEU Germany
GH GHA Ghana
GI GIB Gibraltar
GR GRC Greece
GL GRL Greenland
GD GRD Grenada
GP GLP Guadeloupe
GU GUM Guam
GT GTM Guatemala
GG GGY Guernsey
GN GIN Guinea
GW GNB Guinea-Bissau
GY GUY Guyana
HT HTI Haiti
HM HMD Heard Island and McDonald Islands|Heard & McDonald Islands
HN HND Honduras
HK HKG Hong Kong|Hong Kong SAR China
HU HUN Hungary
IS ISL Iceland
IN IND India
ID IDN Indonesia
IR IRN Iran|Iran, Islamic Republic of
IQ IRQ Iraq
IE IRL Ireland|Republic of Ireland
IM IMN Isle of Man
IL ISR Israel
IT ITA Italy
JM JAM Jamaica
JP JPN Japan
JE JEY Jersey
JO JOR Jordan
KZ KAZ Kazakhstan
KE KEN Kenya
KI KIR Kiribati
KW KWT Kuwait
KG KGZ Kyrgyzstan
LA LAO Laos|Lao People's Democratic Republic|Lao PDR
LV LVA Latvia
LB LBN Lebanon
LS LSO Lesotho
LR LBR Liberia
LY LBY Libya
LI LIE Liechtenstein
LT LTU Lithuania
LU LUX Luxembourg
MO MAC Macao|Macau|Macao SAR China
MG MDG Madagascar
MW MWI Malawi
MY MYS Malaysia
MV MDV Maldives
ML MLI Mali
MT MLT Malta
MH MHL Marshall Islands
MQ MTQ Martinique
MR MRT Mauritania
MU MUS Mauritius
YT MYT Mayotte
MX MEX Mexico
FM FSM Micronesia|Micronesia, Federated States of|Federated States of Micronesia
MD MDA Moldova|Moldova, Republic of|Republic of Moldova
MC MCO Monaco
MN MNG Mongolia
ME MNE Montenegro
MS MSR Montserrat
MA MAR Morocco
MZ MOZ Mozambique
MM MMR Myanmar|Burma|Myanmar (Burma)
NA NAM Namibia
NR NRU Nauru
NP NPL Nepal
NL NLD Netherlands|Holland|The Netherlands|Netherlands, Kingdom of the
NC NCL New Caledonia
NZ NZL New Zealand
NI NIC Nicaragua
NE NER Niger
NG NGA Nigeria
NU NIU Niue
NF NFK Norfolk Island
KP PRK North Korea|Korea, Democratic People's Republic of|DPRK|Democratic People's Republic of Korea
MK MKD North Macedonia|Macedonia|Republic of North Macedonia
MP MNP Northern Mariana Islands
NO NOR Norway
OM OMN Oman
PK PAK Pakistan
PW PLW Palau
PS PSE Palestine|State of Palestine|Palestine, State of|Palestinian Territories
PA PAN Panama
PG PNG Papua New Guinea
PY PRY Paraguay
PE PER Peru
PH PHL Philippines
PN PCN Pitcairn Islands|Pitcairn
PL POL Poland
PT PRT Portugal
PR PRI Puerto Rico
QA QAT Qatar
CG COG Republic of the Congo|Congo|Congo-Brazzaville|Congo - Brazzaville
RE REU Réunion|Reunion
RO ROU Romania
RU RUS Russia|Russian Federation
RW RWA Rwanda
BL BLM Saint Barthélemy|Saint Barthelemy|St. Barthélemy|St. Barts
SH SHN Saint Helena|Saint Helena, Ascension and Tristan da Cunha|St. Helena
KN KNA Saint Kitts and Nevis|St. Kitts and Nevis|St. Kitts & Nevis
LC LCA Saint Lucia|St. Lucia
MF MAF Saint Martin|Saint Martin (French part)|St. Martin
PM SPM Saint Pierre and Miquelon|St. Pierre & Miquelon
VC VCT Saint Vincent and the Grenadines|St. Vincent and the Grenadines|St. Vincent & Grenadines
WS WSM Samoa
SM SMR San Marino
ST STP São Tomé and Príncipe|Sao Tome and Principe|São Tomé & Príncipe
SA SAU Saudi Arabia
SN SEN Senegal
RS SRB Serbia
SC SYC Seychelles
SL SLE Sierra Leone
SG SGP Singapore
SX SXM Sint Maarten|Sint Maarten (Dutch part)
SK SVK Slovakia
SI SVN Slovenia
SB SLB Solomon Islands
SO SOM Somalia
ZA ZAF South Africa
GS SGS South Georgia and the South Sandwich Islands|South Georgia & South Sandwich Islands
KR KOR South Korea|Korea, Republic of|Republic of Korea|Korea
SS SSD South Sudan
ES ESP Spain
LK LKA Sri Lanka
SD SDN Sudan
SR SUR Suriname
SJ SJM Svalbard and Jan Mayen|Svalbard & Jan Mayen
SE SWE Sweden
CH CHE Switzerland
SY SYR Syria|Syrian Arab Republic
TW TWN Taiwan|Taiwan, Province of China
TJ TJK Tajikistan
TZ TZA Tanzania|Tanzania, United Republic of|United Republic of Tanzania
TH THA Thailand
TL TLS Timor-Leste|East Timor
TG TGO Togo
TK TKL Tokelau
TO TON Tonga
TT TTO Trinidad and Tobago|Trinidad & Tobago
TN TUN Tunisia
TR TUR Türkiye|Turkey|Turkiye
TM TKM Turkmenistan
TC TCA Turks and Caicos Islands|Turks & Caicos Islands
TV TUV Tuvalu
VI VIR U.S. Virgin Islands|Virgin Islands, U.S.|United States Virgin Islands
UG UGA Uganda
UA UKR Ukraine
AE ARE United Arab Emirates|UAE
GB GBR United Kingdom|Great Britain|UK|Britain|England|Scotland|Wales|Northern Ireland|United Kingdom of Great Britain and Northern Ireland
US USA United States|United States of America|America
UM UMI United States Minor Outlying Islands|U.S. Outlying Islands
UY URY Uruguay
UZ UZB Uzbekistan
VU VUT Vanuatu
VA VAT Vatican City|Holy See|Vatican|Holy See (Vatican City State)
VE VEN Venezuela|Venezuela, Bolivarian Republic of
VN VNM Vietnam|Viet Nam
WF WLF Wallis and Futuna|Wallis & Futuna
EH ESH Western Sahara
YE YEM Yemen
ZM ZMB Zambia
ZW ZWE Zimbabwe";
