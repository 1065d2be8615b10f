// Small SVG charts drawn with createElementNS (no chart library needed for bars): horizontal
// count bars, and a stacked monthly histogram with a pointer brush for the timeline.
import { colour, fmt, h, s } from './dom.js';

export interface Bar { key: string; label: string; count: number; href?: string }

/** Horizontal bars, one row per item; labels are text nodes. */
export function bars(items: Bar[], options: { colourBy?: (b: Bar) => string } = {}): HTMLElement {
  const max = Math.max(1, ...items.map((b) => b.count));
  const list = h('ol', { class: 'bars' });
  for (const b of items) {
    const w = Math.max(1, Math.round((b.count / max) * 140));
    const svg = s('svg', { width: 140, height: 12, class: 'bar', 'aria-hidden': 'true' }, s('rect', { width: w, height: 12, fill: options.colourBy?.(b) ?? '#4a6fa5' }));
    const name = b.href ? h('a', { href: b.href, 'data-link': true }, b.label) : h('span', {}, b.label);
    list.append(h('li', {}, name, svg as unknown as Node, h('span', { class: 'n' }, fmt(b.count))));
  }
  if (!items.length) list.append(h('li', { class: 'empty' }, 'none yet'));
  return list;
}

export interface MonthCount { month: string; key: string; count: number }

function monthsBetween(a: string, b: string): string[] {
  const out: string[] = [];
  let [y, m] = a.split('-').map(Number) as [number, number];
  const [y2, m2] = b.split('-').map(Number) as [number, number];
  while ((y < y2 || (y === y2 && m <= m2)) && out.length < 1200) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) { m = 1; y++; }
  }
  return out;
}

/**
 * Stacked bars per month, coloured by `key`. With onBrush, dragging across the chart selects a
 * month range (a click clears it).
 */
export function monthly(rows: MonthCount[], options: { width?: number; height?: number; onBrush?: (from: string | null, to: string | null) => void } = {}): SVGElement {
  const width = options.width ?? 860;
  const height = options.height ?? 180;
  const pad = { l: 36, b: 22, t: 8 };
  const sorted = rows.filter((r) => /^\d{4}-\d{2}$/.test(r.month)).sort((a, b) => a.month.localeCompare(b.month));
  const svg = s('svg', { width, height, class: 'monthly', role: 'img', 'aria-label': 'events per month' });
  if (!sorted.length) { svg.append(s('text', { x: 10, y: 20 }, 'no dated events')); return svg; }
  const months = monthsBetween(sorted[0]!.month, sorted[sorted.length - 1]!.month);
  const stacks = new Map<string, { key: string; count: number }[]>();
  for (const r of sorted) (stacks.get(r.month) ?? stacks.set(r.month, []).get(r.month)!).push(r);
  const totals = months.map((m) => (stacks.get(m) ?? []).reduce((a, b) => a + b.count, 0));
  const max = Math.max(1, ...totals);
  const bw = (width - pad.l) / months.length;
  const y = (v: number): number => ((height - pad.b - pad.t) * v) / max;
  svg.append(s('text', { x: 2, y: pad.t + 10, class: 'axis' }, fmt(max)));
  months.forEach((m, i) => {
    let base = height - pad.b;
    for (const part of (stacks.get(m) ?? []).sort((a, b) => a.key.localeCompare(b.key))) {
      const hgt = y(part.count);
      base -= hgt;
      svg.append(s('rect', { x: pad.l + i * bw + 0.5, y: base, width: Math.max(1, bw - 1), height: hgt, fill: colour(part.key), 'data-month': m },
        s('title', {}, `${m} ${part.key}: ${part.count}`)));
    }
    const yearTicks = months.length > 12;
    if ((yearTicks && m.endsWith('-01')) || (!yearTicks && (i === 0 || i === months.length - 1))) {
      svg.append(s('text', { x: pad.l + i * bw, y: height - 6, class: 'axis' }, m));
    }
  });
  if (options.onBrush) addBrush(svg, months, pad.l, bw, height - pad.b, options.onBrush);
  return svg;
}

function addBrush(svg: SVGElement, months: string[], left: number, bw: number, bottom: number, onBrush: (from: string | null, to: string | null) => void): void {
  const band = s('rect', { class: 'brush', x: 0, y: 0, width: 0, height: bottom, visibility: 'hidden' });
  svg.append(band);
  const index = (e: PointerEvent): number => {
    const box = svg.getBoundingClientRect();
    return Math.max(0, Math.min(months.length - 1, Math.floor((e.clientX - box.left - left) / bw)));
  };
  let start: number | null = null;
  let moved = false;
  const draw = (a: number, b: number): void => {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    band.setAttribute('x', String(left + lo * bw));
    band.setAttribute('width', String((hi - lo + 1) * bw));
    band.setAttribute('visibility', 'visible');
  };
  svg.addEventListener('pointerdown', (e) => { start = index(e); moved = false; svg.setPointerCapture(e.pointerId); draw(start, start); });
  svg.addEventListener('pointermove', (e) => { if (start !== null) { moved = true; draw(start, index(e)); } });
  svg.addEventListener('pointerup', (e) => {
    if (start === null) return;
    const end = index(e);
    const [lo, hi] = start <= end ? [start, end] : [end, start];
    start = null;
    if (!moved && lo === hi && band.getAttribute('data-selected') === months[lo]) {
      band.setAttribute('visibility', 'hidden');
      band.removeAttribute('data-selected');
      onBrush(null, null);
      return;
    }
    band.setAttribute('data-selected', months[lo]!);
    onBrush(months[lo]!, months[hi]!);
  });
}
