// Development stand-ins for the `places` and `actors` analysers, used by eval/events.ts (and the unit tests)
// while the real who-and-where analysers are not registered yet (so the events rules can be
// measured in the meantime). They know the Syrian governorates, their main towns and the main
// armed actors by a few names; the real analysers replace them as soon as they exist.
import type { ActorFinding, PlaceFinding } from '../../src/core/types.js';
import { escapeRegExp } from '../../src/core/text.js';
import type { Analyser } from '../../src/analyse/analyser.js';

const GOVERNORATES: Record<string, string[]> = {
  Aleppo: ['Aleppo', 'Halab', 'al-Bab', 'Manbij', 'Azaz', 'Jarablus', 'Afrin', 'Kobani', 'Kobane', 'Tal Rifaat', 'Khanasser', 'Sheikh Maqsoud', 'Bustan al-Qasr', 'Salah al-Din', 'Nubl', 'Zahraa', 'Dabiq', 'Anadan', 'Hraytan', 'Deir Hafer', 'Maskanah', 'Atarib'],
  Idlib: ['Idlib', 'Idleb', 'Khan Sheikhoun', 'Khan Shaykhun', 'Maarat al-Numan', 'Maaret al-Numan', 'Saraqeb', 'Jisr al-Shughur', 'Ariha', 'Binnish', 'Sarmada', 'Kafranbel', 'Abu Duhur', 'Harem', 'Salqin', 'Dana'],
  Damascus: ['Damascus', 'Ghouta', 'Eastern Ghouta', 'Douma', 'Duma', 'Daraya', 'Darayya', 'Yarmouk', 'Harasta', 'Jobar', 'Zamalka', 'Madaya', 'Zabadani', 'Qudsaya', 'Moadamiyeh', 'Arbeen', 'Saqba', 'Hamouriyeh', 'Kafr Batna', 'Ain Tarma', 'Barzeh', 'Qaboun', 'Wadi Barada', 'Rif Dimashq', 'Rural Damascus', 'Damascus countryside', 'Eastern Qalamoun', 'Qalamoun', 'Jaramana', 'Sayeda Zeinab', 'Mleiha', 'Beit Sahem', 'Babbila', 'Tadamon', 'Hajar al-Aswad', 'Kiswah', 'Dumayr'],
  Homs: ['Homs', 'Palmyra', 'Tadmur', 'Qusayr', 'Talbiseh', 'Rastan', 'Houla', 'Tal Kalakh', 'Al-Waer', 'Waer', 'Qaryatayn', 'Sukhnah', 'Tiyas', 'T4'],
  Hama: ['Hama', 'Morek', 'Kafr Zita', 'Salamiyah', 'Latamneh', 'Mhardeh', 'Suran', 'Halfaya', 'Qalaat al-Madiq', 'Kafr Nabudah'],
  'Deir ez-Zor': ['Deir ez-Zor', 'Deir Ezzor', 'Deir Ez-Zor', 'Deir al-Zor', 'Deir Ez Zor', 'Deir el-Zour', 'Deir Ezzor', 'Mayadin', 'Mayadeen', 'Albu Kamal', 'Abu Kamal', 'Bukamal', 'Hajin', 'Deir Zor'],
  Raqqa: ['Raqqa', 'Raqa', 'Rakka', 'Tabqa', 'Tal Abyad', 'Ain Issa'],
  Hasakah: ['Hasakeh', 'Hasaka', 'Hasakah', 'Qamishli', 'Qamishlo', 'Ras al-Ain', 'Shaddadi', 'Hassakeh'],
  Latakia: ['Latakia', 'Lattakia', 'Jableh', 'Qardaha', 'Kessab', 'Salma', 'Rabia'],
  Daraa: ['Daraa', 'Deraa', 'Dara', 'Busra', 'Bosra', 'Nawa', 'Sheikh Maskin', 'Inkhil'],
  Quneitra: ['Quneitra', 'Qunaitra'],
  Tartus: ['Tartus', 'Tartous', 'Baniyas'],
  'As-Suwayda': ['Sweida', 'Suwayda', 'Sweida'],
};

const ACTORS: [string, string, string[]][] = [
  ['syrian-army', 'syrian_government_and_allies', ['Syrian army', 'Syrian troops', 'regime', 'government forces', 'pro-government forces', 'regime forces', 'Syrian government', 'Syrian regime', 'Syrian aircraft', 'Syrian warplanes', 'Syrian forces', 'Assad forces', 'Assad regime', 'army', 'troops', 'SAA', 'Syrian Arab Army', 'Hezbollah', 'Syrian government forces', 'government warplanes', 'government helicopters', 'regime warplanes', 'regime helicopters']],
  ['russia', 'syrian_government_and_allies', ['Russian warplanes', 'Russian air strikes', 'Russia', 'Russian', 'Russian forces', 'Russian jets', 'Russian aircraft']],
  ['isis', 'jihadist', ['Islamic State', 'IS', 'ISIS', 'ISIL', 'Daesh', 'jihadists']],
  ['nusra', 'jihadist', ['Nusra Front', 'al-Nusra', 'Nusra', 'Fateh al-Sham', 'Fatah al-Sham', 'Hayat Tahrir al-Sham', 'HTS', 'Jabhat al-Nusra']],
  ['opposition', 'syrian_opposition', ['rebels', 'rebel', 'opposition', 'Free Syrian Army', 'FSA', 'Jaish al-Islam', 'Ahrar al-Sham', 'militants', 'armed groups', 'terrorists', 'terrorist groups', 'gunmen', 'insurgents']],
  ['coalition', 'us_and_allies', ['US-led coalition', 'U.S.-led coalition', 'coalition', 'U.S.', 'US', 'American', 'United States', 'international coalition']],
  ['kurds', 'kurdish', ['YPG', 'SDF', 'Syrian Democratic Forces', 'Kurdish', 'Kurds', 'PYD']],
  ['turkey', 'turkey', ['Turkey', 'Turkish army', 'Turkish forces', 'Turkish']],
];

function matcher(names: string[]): RegExp {
  const alt = [...names].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alt})(?![\\p{L}\\p{N}])`, 'gu');
}

const placeRes = Object.entries(GOVERNORATES).map(([gov, names]) => ({ gov, re: matcher(names) }));
const actorRes = ACTORS.map(([id, aff, names]) => ({ id, aff, re: matcher(names) }));

export const stubPlaces: Analyser = {
  id: 'places',
  description: 'eval stand-in: Syrian governorates and main towns',
  run({ doc }) {
    const byName = new Map<string, PlaceFinding>();
    for (const { gov, re } of placeRes) {
      re.lastIndex = 0;
      for (let m = re.exec(doc.text); m; m = re.exec(doc.text)) {
        const name = m[0];
        const kind = name === gov || GOVERNORATES[gov]?.[0] === name ? 'city' : 'town';
        let p = byName.get(name);
        if (!p) {
          p = { id: `stub:${name.toLowerCase()}`, name, country: 'SY', kind, lat: null, lon: null, region: gov, mentions: [] };
          byName.set(name, p);
          doc.places.push(p);
        }
        p.mentions.push({ start: m.index, end: m.index + name.length, ruleId: 'stub-place' });
      }
    }
  },
};

export const stubActors: Analyser = {
  id: 'actors',
  description: 'eval stand-in: main armed actors',
  run({ doc }) {
    const taken: [number, number][] = [];
    for (const { id, aff, re } of actorRes) {
      const a: ActorFinding = { id, name: id, affiliation: aff, mentions: [], labels: [] };
      re.lastIndex = 0;
      for (let m = re.exec(doc.text); m; m = re.exec(doc.text)) {
        const s = m.index;
        const e = s + m[0].length;
        if (taken.some(([x, y]) => s < y && e > x)) continue;
        taken.push([s, e]);
        a.mentions.push({ start: s, end: e, ruleId: 'stub-actor' });
      }
      if (a.mentions.length) doc.actors.push(a);
    }
  },
};
