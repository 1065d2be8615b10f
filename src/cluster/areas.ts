// Region equivalence for event clustering: groups of first-level regions that reporting treats
// as one area (a capital and its countryside: Damascus and Rif Dimashq, Kyiv and Kyiv Oblast).
// The groups are pack data (`regions.yaml`); a region in no group is its own area. Hand-written:
// a lookup table from a YAML list, nothing a library would add to.
import { listPacks, loadPack, type Pack } from '../packs/loader.js';
import { readSection, registerSection } from '../packs/sections.js';

interface RegionsSection {
  groups: { id: string; regions: string[] }[];
}

export const regionsSection = registerSection({
  file: 'regions',
  required: false,
  schema: {
    type: 'object',
    required: ['groups'],
    additionalProperties: false,
    properties: {
      groups: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id', 'regions'],
          additionalProperties: false,
          properties: {
            id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' },
            regions: { type: 'array', minItems: 2, items: { type: 'string', minLength: 1 } },
          },
        },
      },
    },
  },
  check: (pack) => {
    const places = pack.section('places') as { regions?: { region?: unknown }[] } | undefined;
    const known = new Set((places?.regions ?? []).map((r) => r.region).filter((r): r is string => typeof r === 'string'));
    const seen = new Set<string>();
    const problems: string[] = [];
    for (const g of readSection<RegionsSection>(pack, regionsSection)?.groups ?? []) {
      for (const r of g.regions) {
        if (known.size && !known.has(r)) problems.push(`group ${g.id}: "${r}" is not a region in places.yaml`);
        if (seen.has(r)) problems.push(`group ${g.id}: "${r}" is in more than one group`);
        seen.add(r);
      }
    }
    return problems;
  },
});

/** region -> area key; a region absent from the map is its own area */
export type AreaMap = ReadonlyMap<string, string>;

export const NO_AREAS: AreaMap = new Map();

/** The area groups of one pack. */
export function packAreas(pack: Pack): AreaMap {
  return pack.memo('cluster:areas', () => {
    const out = new Map<string, string>();
    for (const g of readSection<RegionsSection>(pack, regionsSection)?.groups ?? []) for (const r of g.regions) out.set(r, `area:${g.id}`);
    return out;
  });
}

/**
 * The groups of every installed pack, merged: stored documents do not record their pack, and
 * packs name disjoint regions. A pack that fails to load contributes nothing.
 */
export function allAreas(): AreaMap {
  const out = new Map<string, string>();
  for (const name of listPacks()) {
    try {
      for (const [r, a] of packAreas(loadPack(name))) out.set(r, a);
    } catch {
      // a broken pack is reported by the pack check; clustering goes on without its groups
    }
  }
  return out;
}

/** The area a region belongs to (itself when ungrouped), or null. */
export function areaOf(areas: AreaMap, region: string | null): string | null {
  return region === null ? null : areas.get(region) ?? region;
}
