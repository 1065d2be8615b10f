import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normaliseText } from '../../src/core/text.js';
import { splitThread } from '../../src/ingest/threads.js';
import { checkSegments, segmentLines } from './helpers.js';

const fixture = (name: string): string =>
  normaliseText(readFileSync(new URL(`../fixtures/ingest/${name}`, import.meta.url), 'utf8'));

function golden(name: string): string[] {
  const text = fixture(name);
  const segments = splitThread(text);
  checkSegments({ text, segments });
  return segmentLines(text, segments);
}

describe('thread layouts in plain text', () => {
  it('numbered comments with indented bullet replies at depth 2 and 3', () => {
    expect(golden('thread-numbered.txt')).toEqual([
      'body d0 - "Shelling reported near Idlib market"',
      'comment d1 Omar K. @2020-03-03T16:15 "1. Omar K. says:"',
      'reply d2 Rana @2020-03-03T17:02 "• Rana says:"',
      'reply d3 Omar K. @2020-03-03T17:30 "• Omar K. says:"',
      'comment d1 Vasily Petrov @2020-03-04T09:00 "2. Vasily Petrov says:"',
      'reply d2 Rana @2020-03-04T09:40 "• Rana says:"',
    ]);
  });

  it('comments closed by Reply markers, indented reply at depth 2, heading left out', () => {
    const text = fixture('thread-replies.txt');
    const segs = splitThread(text);
    expect(segmentLines(text, segs)).toEqual([
      'body d0 - "Aleppo water station back online"',
      'comment d1 Leila Haddad @2020-01-12T10:03 "Leila Haddad"',
      'comment d1 Tom Becker @2020-01-12T11:40 "Tom Becker"',
      'reply d2 Leila Haddad @2020-01-12T12:15 "Leila Haddad"',
      'comment d1 Ivan @2020-01-13T08:00 "Ivan"',
    ]);
    expect(text.slice(segs[0].start, segs[0].end)).not.toContain('4 Comments');
  });

  it('phpBB bylines with "X wrote:" and ">" quotes cut out of their posts', () => {
    expect(golden('thread-phpbb.txt')).toEqual([
      'body d0 - "Re: Who controls the Hmeimim road?"',
      'post d1 abu_hamza @2020-01-06T20:14 "Post by abu_hamza » Mon Jan 06, 2020 8:14 pm"',
      'post d1 Sergei_K @2020-01-06T21:02 "Post by Sergei_K » Mon Jan 06, 2020 9:02 pm"',
      'quote d2 abu_hamza "abu_hamza wrote:"',
      'post d1 Sergei_K @2020-01-06T21:02 "Source? Every channel says something different."',
      'post d1 Mira @2020-01-07T07:45 "Post by Mira » Tue Jan 07, 2020 7:45 am"',
      'quote d2 - "> Source? Every channel says something different."',
      'post d1 Mira @2020-01-07T07:45 "Two local pages confirm it, with photos from the morning."',
    ]);
  });

  it('repeated rank lines glued above posts, user names above them, "said:" quote up to "Click to expand"', () => {
    expect(golden('thread-ranks.txt')).toEqual([
      'body d0 - "Turkish drones over Afrin - page 3"',
      'post d1 desert_fox "desert_fox"',
      'post d1 Katya_M "Katya_M"',
      'quote d2 Katya_M "Katya_M said:"',
      'post d1 Katya_M "Keep it civil, please."',
      'post d1 desert_fox "desert_fox"',
    ]);
  });

  it('isolated author lines, an author without text, an unsigned comment after two blank lines', () => {
    expect(golden('thread-disqus.txt')).toEqual([
      'body d0 - "MARCH 2021"',
      'comment d1 Марина Соколова "Марина Соколова"',
      'comment d1 Ahmed Saleh "Ahmed Saleh"',
      'comment d1 Jane Roe "Jane Roe"',
      'comment d1 Peter Smith "Peter Smith"',
      'comment d1 - "Nobody answered the question about fuel."',
    ]);
  });

  it('"Name says:" headers over date lines, indented reply', () => {
    expect(golden('thread-says.txt')).toEqual([
      'body d0 - "Water cuts in Hasakah enter second week"',
      'comment d1 Nadia R. @2020-08-20T09:12 "Nadia R. says:"',
      'comment d1 Mark Evans @2020-08-20T11:40 "Mark Evans says:"',
      'reply d2 Nadia R. @2020-08-20T12:05 "Nadia R. says:"',
    ]);
  });

  it('social-media chrome ("Like · Reply · 3h") closing each comment', () => {
    expect(golden('thread-social.txt')).toEqual([
      'body d0 - "Turkish army shells villages near Tal Rifaat, monitor says"',
      'comment d1 Sami Haddad "Sami Haddad"',
      'comment d1 Julia Brandt "Julia Brandt"',
      'reply d2 Sami Haddad "Sami Haddad"',
      'comment d1 reader_99 "reader_99"',
    ]);
  });

  it('posts between separator rules, opened by a post number and a "Rank | user | Posts" line', () => {
    const text = normaliseText([
      'Thread: Water in Hasakah', 'Started by river_k', '', '-'.repeat(30), '#1', 'Member | river_k | Posts: 12', 'Posted 2 May 2020',
      '', 'Pumping stopped again at Allouk.', '', '-'.repeat(30), '#2', 'Senior Member | Dana M | Posts: 1,204', '',
      'river_k wrote:', '> Pumping stopped again', '', 'Third time this month.', '',
    ].join('\n'));
    const lines = segmentLines(text, splitThread(text));
    expect(lines).toEqual([
      'body d0 - "Thread: Water in Hasakah"',
      'post d1 river_k @2020-05-02 "#1"',
      'post d1 Dana M "#2"',
      'quote d2 river_k "river_k wrote:"',
      'post d1 Dana M "Third time this month."',
    ]);
  });

  it('an article with a short list and a byline stays one body segment', () => {
    const text = normaliseText(
      'Ceasefire holds in the south\n\nBy Anna Meyer\n\nThe truce held overnight, monitors said.\n\nDaraa\n\nQuneitra\n\nSweida\n\nNo violations were reported in the three provinces.\n',
    );
    expect(segmentLines(text, splitThread(text))).toEqual(['body d0 - "Ceasefire holds in the south"']);
  });
});
