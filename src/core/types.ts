// The shapes every layer shares. They mirror ../shared/contracts/analysis.schema.json:
// a field listed there is never renamed here; extra fields are allowed (the schema permits them).

/** ISO 8601 at the precision known: YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM. */
export type PartialDate = string | null;

/** 0-based UTF-16 offsets into the document text, end exclusive. */
export interface Span {
  start: number;
  end: number;
  /** stable kebab-case id of the rule or model that produced the span */
  ruleId?: string;
}

export type SegmentKind = 'body' | 'post' | 'comment' | 'reply' | 'quote';

export interface Segment extends Span {
  kind: SegmentKind;
  author: string | null;
  /** 0 main text, 1 comment or post, 2+ nested reply */
  depth: number;
  published?: PartialDate;
  /** camp of this segment (stance analyser), same vocabulary as Stance.camp */
  stance?: string | null;
}

export interface LanguageShare {
  /** ISO 639-1 */
  lang: string;
  share: number;
}

/** What ingest hands to the analysers: normalised text (NFC, \n line ends) and metadata. */
export interface IngestedDocument {
  /** stable: derived from the normalised content */
  id: string;
  /** file path, URL, or `file.csv#row=12` */
  source: string;
  externalId: string | null;
  outlet: string | null;
  title: string | null;
  published: PartialDate;
  languages: LanguageShare[];
  text: string;
  segments: Segment[];
  /** format-specific extras kept for evaluation and display (e.g. FA-KES crowd columns) */
  meta?: Record<string, string>;
}

export type PlaceKind = 'country' | 'region' | 'city' | 'town' | 'site';

export interface PlaceFinding {
  /** e.g. geonames:170063, or pack:syria/place/hmeimim-air-base for curated sites */
  id: string;
  name: string;
  /** ISO 3166-1 alpha-2 */
  country: string | null;
  kind: PlaceKind;
  lat: number | null;
  lon: number | null;
  /** first-level region (governorate, province, oblast) the place lies in, when known */
  region?: string | null;
  population?: number | null;
  mentions: Span[];
}

export interface ActorLabel extends Span {
  label: string;
  /** camp the label belongs to, e.g. pro_syrian_government */
  camp: string | null;
}

export interface ActorFinding {
  id: string;
  name: string;
  /** Syria pack: syrian_government_and_allies | syrian_opposition | jihadist | kurdish | us_and_allies | turkey | international_body | media | other */
  affiliation: string;
  mentions: Span[];
  labels: ActorLabel[];
}

export interface PersonFinding {
  id: string;
  name: string;
  role: string | null;
  /** actor id the person belongs to, when the registry knows it */
  actor?: string | null;
  mentions: Span[];
}

export interface SourceCitedFinding {
  name: string;
  /** outlet | agency | ngo | ministry | government | person | international_body | social_media | other */
  kind: string | null;
  id?: string | null;
  country?: string | null;
  /** for registered outlets: state | state_funded | private | party | militant | ngo | unknown */
  ownership?: string | null;
  mentions: Span[];
}

export interface ClaimFinding extends Span {
  value: number;
  approx: boolean;
  counted: string;
  attributedTo: string | null;
  hedged: boolean;
  /** the span of the number itself, inside [start, end) */
  number?: Span;
  /** the hedge or approximation words found, e.g. ["reportedly", "at least"] */
  hedges?: string[];
}

export type EventType =
  | 'Battles'
  | 'Explosions/Remote violence'
  | 'Violence against civilians'
  | 'Protests'
  | 'Riots'
  | 'Strategic developments';

export interface EventFinding extends Span {
  type: EventType;
  subType: string | null;
  cause: string | null;
  /** actor id */
  agent: string | null;
  /** actor id, or "civilians" */
  target: string | null;
  /** place id */
  place: string | null;
  date: PartialDate;
  fatalities: number | null;
  civilianFatalities: number | null;
  childFatalities: number | null;
  womenFatalities?: number | null;
  combatantFatalities?: number | null;
  /** ACLED geo_precision: 1 town, 2 near a town or part of a region, 3 region */
  geoPrecision?: 1 | 2 | 3 | null;
  /** ACLED time_precision: 1 day, 2 week or near a date, 3 month or vaguer */
  timePrecision?: 1 | 2 | 3 | null;
  /** CAMEO root code, two digits */
  cameo?: string | null;
  /** the trigger word or phrase */
  trigger?: Span;
  clusterId?: string | null;
  /** the event the document is about (one per document, set by the events analyser) */
  main?: boolean;
}

export interface Stance {
  /** Syria pack: pro_syrian_government | pro_opposition | neutral | mixed | unclear */
  camp: string;
  confidence?: number;
  evidence: Span[];
  /** per-camp scores behind the decision, for explanations */
  scores?: Record<string, number>;
}

export type Technique =
  | 'Loaded_Language'
  | 'Name_Calling,Labeling'
  | 'Repetition'
  | 'Exaggeration,Minimisation'
  | 'Doubt'
  | 'Appeal_to_fear-prejudice'
  | 'Flag-Waving'
  | 'Causal_Oversimplification'
  | 'Slogans'
  | 'Appeal_to_Authority'
  | 'Black-and-White_Fallacy'
  | 'Thought-terminating_Cliches'
  | 'Whataboutism,Straw_Men,Red_Herring'
  | 'Bandwagon,Reductio_ad_hitlerum';

export interface TechniqueFinding extends Span {
  technique: Technique;
  confidence?: number;
}

/** A loaded label the text chooses ("liberation", "regime", "so-called"), actor-bound or not. */
export interface LabelFinding extends Span {
  label: string;
  camp: string | null;
  /** what the label names: an actor id, or an event/concept key from the lexicon */
  refersTo?: string | null;
  scareQuoted?: boolean;
}

export interface Findings {
  places: PlaceFinding[];
  actors: ActorFinding[];
  persons: PersonFinding[];
  sourcesCited: SourceCitedFinding[];
  claims: ClaimFinding[];
  events: EventFinding[];
  stance: Stance;
  techniques: TechniqueFinding[];
  /** every loaded label in the text (actor labels are also copied onto actors[].labels) */
  labels: LabelFinding[];
}

/** One analysed document, exactly the object `export --format jsonl` writes. */
export interface AnalysedDocument extends IngestedDocument, Findings {}

export function emptyFindings(): Findings {
  return {
    places: [],
    actors: [],
    persons: [],
    sourcesCited: [],
    claims: [],
    events: [],
    stance: { camp: 'unclear', confidence: 0, evidence: [] },
    techniques: [],
    labels: [],
  };
}
