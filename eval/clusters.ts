// `npm run eval -- clusters` / `npx tsx eval/clusters.ts`: pairwise precision and recall of
// cross-document event clustering on the FA-KES development articles. Gold: two articles from
// different outlets whose crowd-coded date and location agree describe one event; a different
// date or place means different events. Prediction: the two articles' lead events
// (leadMention: the first mention stated to the day and town; --any: any of their events)
// share a cluster. Scores are also given per odd/even unit_id half and per article (rows that
// repeat one unit_id for several coded locations merged into one article), with the stated-day
// matching (no news days, src/cluster/news-day.ts) for comparison, and with the false pairs split
// by whether an article's crowd date is more than 3 days off its own dateline (the crowd coded
// something the text does not say: no rule can get those right). The crowd fields
// are never shown to the pipeline. With --fallback the mentions are built from the crowd fields
// instead, which only checks the metric code and is NOT a result. Skips when ../shared is absent.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { clusterMentions, leadMention } from '../src/cluster/cluster.js';
import { installedContext, NO_CONTEXT } from '../src/cluster/compatible.js';
import { coveredDays, isoDay } from '../src/cluster/days.js';
import { mentionsOf, reportDayOf, type EventMention } from '../src/cluster/mentions.js';
import type { AnalysedDocument } from '../src/core/types.js';
import { Pipeline } from '../src/analyse/pipeline.js';
import { buildDocument } from '../src/ingest/document.js';

interface Row { unit_id: string; article_title: string; article_content: string; source: string; date: string; location: string }

export interface PairScores { tp: number; fp: number; fn: number; pairs: number; precision: number; recall: number; f1: number }

/** Pairwise P/R/F1 over article pairs from different outlets; an article may carry several gold codings. */
export function pairwise(items: { outlet: string; gold: string | ReadonlySet<string>; predicted: Set<string> }[]): PairScores {
  const golds = (g: string | ReadonlySet<string>): ReadonlySet<string> => (typeof g === 'string' ? new Set([g]) : g);
  let tp = 0; let fp = 0; let fn = 0; let pairs = 0;
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i]!; const b = items[j]!;
      if (a.outlet === b.outlet) continue;
      pairs++;
      const gb = golds(b.gold);
      const gold = [...golds(a.gold)].some((g) => gb.has(g));
      let pred = false;
      for (const c of a.predicted) if (b.predicted.has(c)) { pred = true; break; }
      if (gold && pred) tp++;
      else if (pred) fp++;
      else if (gold) fn++;
    }
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return { tp, fp, fn, pairs, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** FA-KES dates are M/D/YY. */
export function crowdDate(s: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{2,4})$/.exec(s.trim());
  if (!m) return null;
  const y = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  return `${y}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
}

/** The metric check: one mention per article from the crowd's own fields (NOT a result). */
function fallbackMention(docId: string, row: Row): EventMention {
  return {
    documentId: docId, index: 0, start: 0, end: 0, type: 'Explosions/Remote violence', subType: null, agent: null, target: null,
    placeId: row.location, placeName: row.location, lat: null, lon: null, region: row.location, geoPrecision: 3, timePrecision: 1,
    days: coveredDays(crowdDate(row.date)), fatalities: null, outlet: row.source, camp: null, published: null, inferred: false,
  };
}

const fmt = (s: PairScores): string =>
  `P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn}; ${s.pairs} cross-outlet pairs)`;

export function main(args: string[] = []): number {
  if (args.includes('--help')) {
    console.log('usage: tsx eval/clusters.ts [--fallback] [--misses]\nPairwise P/R/F1 of event clustering on FA-KES development articles.');
    return 0;
  }
  const file = resolve(import.meta.dirname, '..', '..', 'shared', 'data', 'fakes', 'fakes-dev.csv');
  if (!existsSync(file)) {
    console.log('eval clusters: ../shared/data/fakes/fakes-dev.csv not found; skipped.');
    return 0;
  }
  const rows = parse(readFileSync(file, 'utf8'), { columns: true, bom: true, relax_quotes: true, skip_empty_lines: true }) as Row[];
  const fallback = args.includes('--fallback');
  const pipeline = fallback ? null : new Pipeline();
  const t0 = performance.now();
  const articles: { row: Row; doc: AnalysedDocument | null; id: string }[] = [];
  rows.forEach((row, i) => {
    const built = buildDocument({ source: `fakes-dev.csv#row=${i + 1}`, text: row.article_content, title: row.article_title, outlet: row.source, externalId: row.unit_id });
    if (typeof built === 'string') return;
    articles.push({ row, id: built.id, doc: pipeline ? pipeline.analyse(built).doc : null });
  });
  const analyseMs = performance.now() - t0;
  const mentions = articles.flatMap((a) => (a.doc ? mentionsOf(a.doc) : [fallbackMention(a.id, a.row)]));
  const t1 = performance.now();
  const ctx = args.includes('--no-pack') ? NO_CONTEXT : installedContext();
  const clusters = clusterMentions(mentions, ctx);
  const clusterMs = performance.now() - t1;
  const idsOf = (cs: typeof clusters): Map<string, string> => {
    const out = new Map<string, string>();
    for (const c of cs) for (const m of c.members) out.set(`${m.documentId}#${m.index}`, c.id);
    return out;
  };
  const clusterOf = idsOf(clusters);

  const items = (mode: 'main' | 'any', ids = clusterOf) => articles.map((a) => {
    const own = mentions.filter((m) => m.documentId === a.id && m.days && (m.lat !== null || m.region));
    const lead = leadMention(own);
    const chosen = mode === 'any' ? own : lead ? [lead] : [];
    return { outlet: a.row.source, gold: `${crowdDate(a.row.date)}|${a.row.location}`, predicted: new Set(chosen.map((m) => ids.get(`${m.documentId}#${m.index}`)!)) };
  });
  const withEvents = articles.filter((a) => mentions.some((m) => m.documentId === a.id && m.days && (m.lat !== null || m.region))).length;
  console.log(`FA-KES dev: ${articles.length} articles, ${mentions.length} event mentions (${withEvents} articles with a dated, placed event), ${clusters.length} clusters`);
  if (fallback) console.log('FALLBACK: mentions built from the crowd fields themselves; this checks the metric code and is NOT a result.');
  else console.log(`analysed in ${(analyseMs / 1000).toFixed(1)} s; clustered in ${clusterMs.toFixed(0)} ms`);
  if (!fallback) {
    const outlets = (c: (typeof clusters)[number]): number => new Set(c.members.map((m) => m.outlet)).size;
    const camps = (c: (typeof clusters)[number]): number => new Set(c.members.map((m) => m.camp).filter((x) => x && x !== 'unclear')).size;
    console.log(`dossiers: ${clusters.filter((c) => outlets(c) >= 2).length} events told by 2+ outlets, ${clusters.filter((c) => outlets(c) >= 2 && camps(c) >= 2).length} of them by 2+ camps`);
  }
  const lead = items('main');
  const parity = (unit: string): string => (Number(unit) % 2 ? 'odd' : 'even');
  console.log(`lead event  ${fmt(pairwise(lead))}`);
  for (const half of ['odd', 'even']) console.log(`  ${half.padEnd(4)}      ${fmt(pairwise(lead.filter((_, i) => parity(articles[i]!.row.unit_id) === half)))}`);
  console.log(`any event   ${fmt(pairwise(items('any')))}`);
  // FA-KES repeats some articles (same unit_id) once per coded location: one article, several codings
  const byUnit = new Map<string, { outlet: string; gold: Set<string>; predicted: Set<string> }>();
  lead.forEach((it, i) => {
    const unit = articles[i]!.row.unit_id;
    const seen = byUnit.get(unit);
    if (seen) seen.gold.add(it.gold);
    else byUnit.set(unit, { outlet: it.outlet, gold: new Set([it.gold]), predicted: it.predicted });
  });
  console.log(`lead, per article (${byUnit.size} unit_ids; repeated rows merged, any coding counts) ${fmt(pairwise([...byUnit.values()]))}`);
  if (!fallback) {
    // the same mentions matched by the days they state, without news days
    const stated = mentions.map((m) => ({ ...m, news: undefined }));
    console.log(`stated days  ${fmt(pairwise(items('main', idsOf(clusterMentions(stated, ctx)))))}`);
    const off = articles.map((a) => {
      const dateline = a.doc ? reportDayOf(a.doc) : null;
      const crowd = coveredDays(crowdDate(a.row.date));
      return dateline !== null && crowd !== null && Math.abs(dateline - crowd[0]) > 3;
    });
    let fpOff = 0; let fnOff = 0;
    for (let i = 0; i < lead.length; i++) {
      for (let j = i + 1; j < lead.length; j++) {
        const a = lead[i]!; const b = lead[j]!;
        if (a.outlet === b.outlet || !(off[i] || off[j])) continue;
        const pred = [...a.predicted].some((c) => b.predicted.has(c));
        if (pred && a.gold !== b.gold) fpOff++;
        else if (!pred && a.gold === b.gold) fnOff++;
      }
    }
    console.log(`crowd date > 3 days off the article's dateline: ${off.filter(Boolean).length} articles; in ${fpOff} of the lead fp and ${fnOff} of the fn`);
    console.log(`  diagnostic, lead over the other articles only (not a result) ${fmt(pairwise(lead.filter((_, i) => !off[i])))}`);
  }
  if (args.includes('--misses')) {
    for (let i = 0; i < lead.length; i++) {
      for (let j = i + 1; j < lead.length; j++) {
        const a = lead[i]!; const b = lead[j]!;
        if (a.outlet === b.outlet) continue;
        const gold = a.gold === b.gold;
        const pred = [...a.predicted].some((c) => b.predicted.has(c));
        if (gold === pred) continue;
        const show = (k: number): string => {
          const art = articles[k]!;
          const m = leadMention(mentions.filter((x) => x.documentId === art.id && x.days && (x.lat !== null || x.region)));
          const ev = m ? `${m.days ? isoDay(m.days[0]) : '?'}${m.news ? ` news ${isoDay(m.news.days[0])}` : ''} t${m.timePrecision} g${m.geoPrecision}${m.inferred ? ' inf' : ''} ${m.region ?? '-'}/${m.placeName ?? '-'} [${m.type}; ${m.agent ?? '-'}>${m.target ?? '-'}; k${m.fatalities ?? '-'}] "${art.doc?.text.slice(m.start, Math.min(m.end, m.start + 120)) ?? ''}"` : '(none)';
          return `#${art.row.unit_id} ${art.row.source} gold ${art.row.date}|${art.row.location} pub ${art.doc?.published ?? '-'} :: ${ev}`;
        };
        console.log(`${gold ? 'MISS' : 'FALSE'}\n  ${show(i)}\n  ${show(j)}`);
      }
    }
  }
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) process.exitCode = main(process.argv.slice(2));
