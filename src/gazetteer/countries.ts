// Countries for the gazetteer: names in English, Russian and Arabic from ICU (Intl.DisplayNames,
// bundled with Node, so no data file is needed for names), centroids from the generated
// country-centroids.json (see scripts/country-centroids.ts), and the short forms news text uses
// that ICU lacks (US, U.S., Britain, ...).
import centroids from './country-centroids.json' with { type: 'json' };

const CENTROIDS = centroids as Record<string, number[]>;

// polygon centroids pulled away by overseas territories or sheer size
const OVERRIDES: Record<string, [number, number]> = { FR: [46.6, 2.4], US: [39.8, -98.6], NL: [52.2, 5.3], NO: [61.0, 9.0], RU: [61.5, 96.0] };

const EXTRA_ALIASES: Record<string, string[]> = {
  US: ['US', 'U.S.', 'U.S', 'USA', 'U.S.A.', 'United States of America', 'America', 'США', 'Америка', 'Соединенные Штаты'],
  GB: ['UK', 'U.K.', 'Britain', 'Great Britain', 'England', 'Великобритания', 'Британия'],
  RU: ['Russian Federation', 'РФ', 'Российская Федерация'],
  SY: ['Syrian Arab Republic', 'Syria', 'سوريا', 'سورية'],
  TR: ['Turkey', 'Türkiye', 'Turkiye', 'Турция'],
  IR: ['Iran', 'Islamic Republic of Iran', 'Persia'],
  KR: ['South Korea'],
  KP: ['North Korea'],
  AE: ['UAE', 'United Arab Emirates', 'Emirates'],
  SA: ['Saudi Arabia', 'Kingdom of Saudi Arabia', 'KSA', 'Saudi'],
  PS: ['Palestine', 'Palestinian territories', 'occupied Palestine'],
  CZ: ['Czech Republic', 'Czechia'],
  CD: ['DR Congo', 'Democratic Republic of the Congo'],
  NL: ['Holland', 'the Netherlands'],
  UA: ['Ukraine', 'Украина'],
  MK: ['Macedonia', 'North Macedonia'],
};

export interface CountryRecord {
  code: string;
  name: string;
  lat: number;
  lon: number;
  names: string[];
}

function displayNames(locale: string): Intl.DisplayNames {
  return new Intl.DisplayNames(locale, { type: 'region', fallback: 'none' });
}

/** Every country with a centroid, with its spellings. Built once per process. */
let cached: CountryRecord[] | null = null;
export function countries(): CountryRecord[] {
  if (cached) return cached;
  const en = displayNames('en');
  const ru = displayNames('ru');
  const ar = displayNames('ar');
  cached = Object.entries(CENTROIDS).map(([code, centroid]) => {
    const [lat, lon] = OVERRIDES[code] ?? (centroid as [number, number]);
    const name = en.of(code) ?? code;
    const names = new Set<string>([name, ...(EXTRA_ALIASES[code] ?? [])]);
    for (const dn of [ru, ar]) {
      const n = dn.of(code);
      if (n) names.add(n);
    }
    // "Türkiye" is ICU's English name now; news text says Turkey
    const display = code === 'TR' ? 'Turkey' : name;
    return { code, name: display, lat, lon, names: [...names].filter((n) => n.length > 1) };
  });
  return cached;
}
