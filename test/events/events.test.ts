import { describe, expect, it } from 'vitest';
import type { EventFinding } from '../../src/core/types.js';
import { ACTORS, PLACES, analyse, golden, makeDoc } from './helpers.js';

const eventLines = (text: string, published = '2017-04-08'): string[] => {
  const doc = analyse(makeDoc(text, published, PLACES, ACTORS));
  return doc.events.map((e: EventFinding) => {
    const t = e.trigger ? text.slice(e.trigger.start, e.trigger.end) : '';
    const f = [e.fatalities, e.civilianFatalities, e.childFatalities, e.womenFatalities ?? null, e.combatantFatalities ?? null].map((x) => x ?? '-').join('/');
    return `${e.ruleId} "${t}" ${e.type} | ${e.subType} | cameo=${e.cameo} cause=${e.cause} agent=${e.agent} target=${e.target} place=${e.place}@${e.geoPrecision} date=${e.date}@${e.timePrecision} dead=${f}`;
  });
};

describe('events analyser', () => {
  it('codes an air strike with agent, civilian target, place, relative date and split fatalities', () => {
    expect(eventLines('Russian warplanes struck Khan Sheikhoun on Saturday, killing at least 11 civilians including three children.')).toEqual([
      'events-air-strike "warplanes" Explosions/Remote violence | Air/drone strike | cameo=19 cause=air strike agent=russian-military target=civilians place=p:khan-sheikhoun@1 date=2017-04-08@1 dead=11/11/3/-/-',
    ]);
    expect(eventLines('Three children were among 19 civilians killed yesterday in an air strike by Russian jets on a village near Aleppo.')).toEqual([
      'events-air-strike "air strike" Explosions/Remote violence | Air/drone strike | cameo=19 cause=air strike agent=russian-military target=civilians place=p:aleppo@2 date=2017-04-07@1 dead=19/19/3/-/-',
    ]);
  });

  it('reads passive voice and "came under fire from"', () => {
    expect(eventLines('Syrian army positions came under fire from Nusra Front in Idlib province last night.')[0]).toContain('agent=hts target=syrian-arab-army place=p:idlib-province@3 date=2017-04-07@1');
    expect(eventLines('The town was shelled by government forces.')[0]).toContain('events-shelling "shelled" Explosions/Remote violence | Shelling/artillery/missile attack | cameo=19 cause=shelling agent=syrian-arab-army');
  });

  it('never guesses an agent the text does not name', () => {
    expect(eventLines('A car bomb exploded in Raqqa, killing 5 people and wounding 32.')).toEqual([
      'events-ied "car bomb" Explosions/Remote violence | Remote explosive/landmine/IED | cameo=18 cause=explosion agent=null target=civilians place=p:raqqa@1 date=2017-04-08@2 dead=5/5/-/-/-',
    ]);
  });

  it('resolves territory changes by who takes it, for every camp alike', () => {
    expect(eventLines('The Syrian army recaptured Douma.')[0]).toContain('Battles | Government regains territory');
    expect(eventLines('Free Syrian Army rebels seized Douma.')[0]).toContain('Battles | Non-state actor overtakes territory');
    expect(eventLines('ISIS overran Raqqa two weeks ago.')[0]).toContain('agent=isis target=null place=p:raqqa@1 date=2017-03-25@2');
  });

  it('splits combatant and civilian deaths and codes chemical attacks', () => {
    expect(eventLines('Six civilians and 16 ISIS fighters were killed in coalition air strikes on Raqqa.')[0]).toContain('agent=us-led-coalition target=civilians place=p:raqqa@1');
    expect(eventLines('Six civilians and 16 ISIS fighters were killed in coalition air strikes on Raqqa.')[0]).toContain('dead=22/6/-/-/16');
    expect(eventLines('A sarin attack on Khan Sheikhoun killed 86 people, 30 of them children.')[0]).toContain('events-chemical "sarin" Explosions/Remote violence | Chemical weapon | cameo=20 cause=chemical');
  });

  it('codes strategic developments and protests', () => {
    const lines = eventLines('Russia vetoed the resolution. Thousands protested in Douma and police fired on protesters. A ceasefire was agreed in Aleppo last spring. YPG fighters arrested 12 men.');
    expect(lines.map((l) => l.split(' | ').slice(0, 2).join(' | '))).toEqual([
      'events-veto "vetoed" Strategic developments | Other',
      'events-protest "protested" Protests | Excessive force against protesters',
      'events-ceasefire "ceasefire" Strategic developments | Agreement',
      'events-arrest "arrested" Strategic developments | Arrests',
    ]);
    expect(lines[2]).toContain('date=2016-04@3');
  });
});

describe('events evidence and epithets', () => {
  it('gives the sentence as evidence and the trigger span (golden lines)', () => {
    const text = 'Heavy fighting continued. A car bomb exploded in Raqqa on Friday.';
    const doc = analyse(makeDoc(text, '2017-04-08', PLACES, ACTORS));
    expect(golden(doc, doc.events)).toEqual(['0-25 events-clash "Heavy fighting continued."', '26-65 events-ied "A car bomb exploded in Raqqa on Friday."']);
    expect(golden(doc, doc.events.map((e) => e.trigger ?? e))).toEqual(['6-14 events-clash "fighting"', '28-36 events-ied "car bomb"']);
  });

  it('takes no agent from an epithet any camp can wear, but does from one that names a single actor', () => {
    const doc = makeDoc('Terrorists shelled Aleppo. The regime shelled Douma.', '2017-04-08', PLACES, [
      { id: 'armed-opposition', names: ['Terrorists'], affiliation: 'syrian_opposition' },
      { id: 'syrian-government', names: ['regime'], affiliation: 'syrian_government_and_allies' },
    ]);
    const t = doc.text;
    const [opp, gov] = doc.actors;
    opp?.labels.push({ start: 0, end: 10, label: 'terrorists', camp: 'pro_syrian_government' });
    gov?.labels.push({ start: t.indexOf('regime'), end: t.indexOf('regime') + 6, label: 'regime', camp: 'pro_opposition' });
    const events = analyse(doc).events;
    expect(events.map((e) => e.agent)).toEqual([null, 'syrian-government']);
  });
});

describe('roles in harder constructions', () => {
  it('reads possessives, "from" on territory and coordinated subjects', () => {
    expect(eventLines("Russian jets' airstrike on Nusra Front positions near Aleppo killed 12 fighters.")[0]).toContain(
      'agent=russian-military target=hts place=p:aleppo@2 date=2017-04-08@2 dead=12/-/-/-/12',
    );
    expect(eventLines('YPG and Free Syrian Army units liberated Raqqa from ISIS last year.')[0]).toContain(
      'Battles | Non-state actor overtakes territory | cameo=19 cause=null agent=ypg target=isis place=p:raqqa@1 date=2016@3',
    );
    expect(eventLines('ISIS executed 20 civilians, among them 4 women and 3 children, in Raqqa two weeks ago.')[0]).toContain(
      'events-execution "executed" Violence against civilians | Attack | cameo=18 cause=execution agent=isis target=civilians place=p:raqqa@1 date=2017-03-25@2 dead=20/20/3/4/-',
    );
  });
});
