// ACLED's standard export (31 columns: data_id, iso, event_id_cnty, event_id_no_cnty,
// event_date, year, time_precision, event_type, sub_event_type, actor1, assoc_actor_1, inter1,
// actor2, assoc_actor_2, inter2, interaction, region, country, admin1, admin2, admin3, location,
// latitude, longitude, geo_precision, source, source_scale, notes, fatalities, timestamp, iso3)
// to the shared reference-event shape. Newer exports add disorder_type and civilian_targeting;
// older ones lack data_id: we read by name, so any of them works.
import type { ReferenceEvent } from '../store/types.js';
import { field, numberField, parseReferenceDate, type Row } from './fields.js';

/** The event, or the reason the row cannot be used. */
export function acledEvent(row: Row): ReferenceEvent | string {
  const id = field(row, 'event_id_cnty', 'data_id', 'event_id_no_cnty', 'event_id');
  if (!id) return 'no event_id_cnty or data_id';
  const date = parseReferenceDate(field(row, 'event_date', 'date'));
  if (!date) return `event ${id}: unreadable event_date "${field(row, 'event_date') ?? ''}"`;
  const lat = numberField(row, 'latitude', 'lat');
  const lon = numberField(row, 'longitude', 'lon', 'long');
  if (lat === null || lon === null || Math.abs(lat) > 90 || Math.abs(lon) > 180) return `event ${id}: no usable latitude/longitude`;
  const time = numberField(row, 'time_precision');
  // time precision 2 is "within a week", 3 "within a month": the event may lie either side
  return {
    dataset: 'acled', id, dateFrom: date, dateTo: date, timePrecision: time, lat, lon,
    geoPrecision: numberField(row, 'geo_precision'), country: field(row, 'country'), admin1: field(row, 'admin1'),
    location: field(row, 'location'), type: field(row, 'event_type'), subType: field(row, 'sub_event_type'),
    actor1: field(row, 'actor1'), actor2: field(row, 'actor2'), fatalities: numberField(row, 'fatalities'), notes: field(row, 'notes'),
  };
}
