// UCDP GED event CSV (id, year, type_of_violence, conflict_name, dyad_name, side_a, side_b,
// where_prec, where_coordinates, adm_1, latitude, longitude, country, date_prec, date_start,
// date_end, deaths_a, deaths_b, deaths_civilians, deaths_unknown, best, high, low, ...) to the
// shared reference-event shape. Types map to ACLED's: state-based and non-state violence are
// battles, one-sided violence is violence against civilians.
import type { ReferenceEvent } from '../store/types.js';
import { field, numberField, parseReferenceDate, type Row } from './fields.js';

const TYPES: Record<string, string> = { '1': 'Battles', '2': 'Battles', '3': 'Violence against civilians' };
const SUBTYPES: Record<string, string> = { '1': 'state-based conflict', '2': 'non-state conflict', '3': 'one-sided violence' };

export function ucdpEvent(row: Row): ReferenceEvent | string {
  const id = field(row, 'id', 'relid', 'event_id');
  if (!id) return 'no id';
  const from = parseReferenceDate(field(row, 'date_start'));
  if (!from) return `event ${id}: unreadable date_start "${field(row, 'date_start') ?? ''}"`;
  const to = parseReferenceDate(field(row, 'date_end')) ?? from;
  const lat = numberField(row, 'latitude');
  const lon = numberField(row, 'longitude');
  if (lat === null || lon === null || Math.abs(lat) > 90 || Math.abs(lon) > 180) return `event ${id}: no usable latitude/longitude`;
  const violence = field(row, 'type_of_violence') ?? '';
  const datePrec = numberField(row, 'date_prec');
  return {
    dataset: 'ucdp', id, dateFrom: from, dateTo: to < from ? from : to,
    // UCDP date_prec 1 is the exact day, 2-3 a few days or a week, 4-5 a month or more
    timePrecision: datePrec === null ? null : datePrec <= 1 ? 1 : datePrec <= 3 ? 2 : 3,
    lat, lon,
    // where_prec 1-2 is a town or near one, 3+ a district, province or larger
    geoPrecision: ((p) => (p === null ? null : p <= 1 ? 1 : p <= 2 ? 2 : 3))(numberField(row, 'where_prec')),
    country: field(row, 'country'), admin1: field(row, 'adm_1'), location: field(row, 'where_coordinates', 'where_description'),
    type: TYPES[violence] ?? null, subType: SUBTYPES[violence] ?? null,
    actor1: field(row, 'side_a'), actor2: field(row, 'side_b'), fatalities: numberField(row, 'best', 'best_est'),
    notes: field(row, 'conflict_name', 'dyad_name'),
  };
}
