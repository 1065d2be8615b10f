// Definitions of the 14 SemEval-2020 Task 11 propaganda techniques, shown with every technique
// finding (CLI and web). Wording follows the task's annotation guidelines (Da San Martino et
// al., 2019/2020), shortened for display. Pack-independent data.
import type { Technique } from '../../../core/types.js';

export interface TechniqueDefinition {
  technique: Technique;
  title: string;
  definition: string;
}

const DEFINITIONS: Record<Technique, Omit<TechniqueDefinition, 'technique'>> = {
  Loaded_Language: { title: 'Loaded language', definition: 'Words or phrases with strong emotional implications (positive or negative) used to influence the audience.' },
  'Name_Calling,Labeling': { title: 'Name calling, labelling', definition: 'Labelling the object of the message as something the audience fears, hates or finds undesirable, or loves and praises.' },
  Repetition: { title: 'Repetition', definition: 'Repeating the same message over and over so that the audience eventually accepts it.' },
  'Exaggeration,Minimisation': { title: 'Exaggeration, minimisation', definition: 'Representing something as better or worse than it really is, or downplaying it: making it seem less important than it is.' },
  Doubt: { title: 'Doubt', definition: 'Questioning the credibility of someone or something.' },
  'Appeal_to_fear-prejudice': { title: 'Appeal to fear or prejudice', definition: 'Building support for an idea by instilling anxiety or panic about an alternative, possibly based on preconceived judgements.' },
  'Flag-Waving': { title: 'Flag-waving', definition: 'Playing on strong national feeling (or feeling for a group: race, gender, political preference) to justify or promote an action or idea.' },
  Causal_Oversimplification: { title: 'Causal oversimplification', definition: 'Assuming a single cause or reason when there are multiple causes behind an issue.' },
  Slogans: { title: 'Slogans', definition: 'A brief and striking phrase that may include labelling and stereotyping; slogans tend to act as emotional appeals.' },
  Appeal_to_Authority: { title: 'Appeal to authority', definition: 'Stating that a claim is true simply because a valid authority or expert on the issue said it was true.' },
  'Black-and-White_Fallacy': { title: 'Black-and-white fallacy', definition: 'Presenting two alternative options as the only possibilities when in fact more exist; the extreme case tells the audience exactly what to do.' },
  'Thought-terminating_Cliches': { title: 'Thought-terminating cliché', definition: 'Words or phrases that discourage critical thought and meaningful discussion about a topic; short, generic sentences that offer seemingly simple answers.' },
  'Whataboutism,Straw_Men,Red_Herring': { title: 'Whataboutism, straw man, red herring', definition: "Discrediting an opponent's position by charging them with hypocrisy without disproving their argument; refuting a distorted version of it; or diverting attention to an irrelevant issue." },
  'Bandwagon,Reductio_ad_hitlerum': { title: 'Bandwagon, reductio ad Hitlerum', definition: 'Persuading the audience to join a course of action because "everyone else is taking the same action"; or discrediting an idea by suggesting it is popular with groups the audience hates (Nazis, fascists).' },
};

export const TECHNIQUES = Object.keys(DEFINITIONS) as Technique[];

export function techniqueDefinition(t: Technique | string): TechniqueDefinition | null {
  const d = DEFINITIONS[t as Technique];
  return d ? { technique: t as Technique, ...d } : null;
}

/** What each stance rule means, for explanations next to stance evidence. */
export const STANCE_RULES: Record<string, string> = {
  'stance-label': 'The text uses a label from one camp\'s vocabulary (labels.yaml).',
  'stance-label-distanced': 'The text puts a label at a distance (scare quotes, "so-called"), which signals the opposite camp.',
  'stance-praise': 'Praise next to an actor mention: support for the camp that actor belongs to.',
  'stance-condemn': 'Condemnation next to an actor mention: support for the camp opposed to that actor.',
  'stance-source': 'The text relies on a source associated with a camp (attributes a statement to it).',
};
