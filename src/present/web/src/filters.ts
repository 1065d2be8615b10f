// A filter bar whose state lives in the address (so every view is linkable and back works).
import { h, label, navigate, select } from './dom.js';

export const EVENT_TYPES = ['Battles', 'Explosions/Remote violence', 'Violence against civilians', 'Protests', 'Riots', 'Strategic developments'];
export const CAMPS = ['pro_syrian_government', 'pro_opposition', 'neutral', 'mixed', 'unclear'];

export type Field =
  | { name: string; label: string; kind: 'text' | 'date'; placeholder?: string }
  | { name: string; label: string; kind: 'select'; options: [string, string][]; required?: boolean };

export function filterBar(path: string, fields: Field[], query: URLSearchParams): HTMLFormElement {
  const form = h('form', { class: 'filters', method: 'get', action: path });
  for (const f of fields) {
    const value = query.get(f.name) ?? '';
    const control = f.kind === 'select'
      ? select(f.name, f.required ? f.options : [['', 'any'], ...f.options], value)
      : h('input', { name: f.name, type: 'text', value, placeholder: f.placeholder ?? (f.kind === 'date' ? 'YYYY-MM-DD' : ''), size: f.kind === 'date' ? 10 : 18 });
    form.append(label(f.label, control));
  }
  form.append(h('button', { type: 'submit' }, 'Apply'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const u = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (typeof v === 'string' && v.trim()) u.set(k, v.trim());
    navigate(`${path}${u.size ? `?${u}` : ''}`);
  });
  for (const sel of form.querySelectorAll('select')) sel.addEventListener('change', () => form.requestSubmit());
  return form;
}

export const opts = (xs: string[]): [string, string][] => xs.map((x) => [x, x]);

export function pick(query: URLSearchParams, names: string[]): Record<string, string | undefined> {
  return Object.fromEntries(names.map((n) => [n, query.get(n) || undefined]));
}
