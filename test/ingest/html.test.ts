import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractHtml, MAX_DEPTH } from '../../src/ingest/html.js';
import { checkSegments, segmentLines } from './helpers.js';

const wordpress = readFileSync(new URL('../fixtures/ingest/article-wordpress.html', import.meta.url), 'utf8');

describe('HTML pages', () => {
  it('keeps the article, its metadata and the nested comment thread', () => {
    const page = extractHtml(wordpress);
    expect(page.title).toBe('Residents return to Manbij market');
    expect(page.siteName).toBe('Example Monitor');
    expect(page.date).toBe('2019-12-21T10:30:00+03:00');
    checkSegments(page);
    expect(segmentLines(page.text, page.segments)).toEqual([
      'body d0 - "Shops in the old market of Manbij reopened on Saturday after three weeks of closures, traders said. "We lost everything in the fire," one trader told reporters & local media."',
      'comment d1 Hassan Ali @2019-12-21T12:00 "Hassan Ali"',
      'reply d2 Maria Lopez @2019-12-21T13:15 "Maria Lopez"',
      'reply d3 Hassan Ali "Hassan Ali"',
      'comment d1 Олег "Олег"',
    ]);
    const reply = page.segments[2];
    expect(page.text.slice(reply.start, reply.end)).toBe('Maria Lopez\nIs the road to Aleppo open yet?');
    // scripts, styles, iframes, navigation and the reply form are dropped
    for (const gone of ['tracking', 'color: red', 'ads.example', 'Post Comment', 'Reply', 'Home']) expect(page.text).not.toContain(gone);
  });

  it('reads classless nested <ul>/<li> comment lists inside a comments container', () => {
    const html = `<html><head><title>Aid convoy delayed</title>
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","datePublished":"2020-02-03T08:00:00Z"}]}</script></head>
      <body><div class="story"><p>The aid convoy bound for Idlib was held at the border crossing for a second day, the UN office said on Monday, citing security concerns along the route.</p>
      <p>Some 30 trucks carrying food and medicine are waiting near Bab al-Hawa, according to the office.</p></div>
      <section id="comments"><ul>
        <li><span class="user">reader_1</span><p>Thirty trucks is nothing for four million people.</p>
          <ul><li><span class="user">reader_2</span><p>It is one convoy of many.</p>
            <ul><li><span class="user">reader_1</span><p>Still too few.</p></li></ul></li></ul></li>
        <li><span class="user">Samir</span><p>Who is blocking it?</p></li>
      </ul></section></body></html>`;
    const page = extractHtml(html);
    expect(page.date).toBe('2020-02-03T08:00:00Z');
    expect(page.title).toBe('Aid convoy delayed');
    checkSegments(page);
    expect(segmentLines(page.text, page.segments).slice(1)).toEqual([
      'comment d1 reader_1 "reader_1"',
      'reply d2 reader_2 "reader_2"',
      'reply d3 reader_1 "reader_1"',
      'comment d1 Samir "Samir"',
    ]);
  });

  it('takes sibling <div class="post"> elements of a forum page as posts, with <time datetime>', () => {
    const post = (user: string, when: string, body: string): string =>
      `<div class="post"><div class="postauthor">${user}</div><time datetime="${when}">${when}</time><div class="postbody"><p>${body}</p></div></div>`;
    const html = `<html><body><h1>Thread: checkpoints near Tal Abyad</h1><div class="posts">
      ${post('Kurd_Watcher', '2019-10-12T09:00', 'The M4 road is cut near Tal Tamr.')}
      ${post('anon77', '2019-10-12T09:30', 'Source please.')}
      ${post('Kurd_Watcher', '2019-10-12T10:05', 'Local reporters on the ground, two of them.')}
      </div></body></html>`;
    const page = extractHtml(html);
    checkSegments(page);
    expect(segmentLines(page.text, page.segments).filter((l) => l.startsWith('post'))).toEqual([
      'post d1 Kurd_Watcher @2019-10-12T09:00 "Kurd_Watcher"',
      'post d1 anon77 @2019-10-12T09:30 "anon77"',
      'post d1 Kurd_Watcher @2019-10-12T10:05 "Kurd_Watcher"',
    ]);
  });

  it('cuts a post\'s own <blockquote> out as a quote segment with the quoted author', () => {
    const html = `<html><body><div class="messages">
      <div class="message"><span class="username">Lina</span><div class="message-body"><p>The bridge at Raqqa is closed again.</p></div></div>
      <div class="message"><span class="username">Tarek</span><div class="message-body">
        <blockquote><cite>Lina said:</cite><p>The bridge at Raqqa is closed again.</p></blockquote>
        <p>Closed since Tuesday, according to the council.</p></div></div>
      </div></body></html>`;
    const page = extractHtml(html);
    checkSegments(page);
    expect(segmentLines(page.text, page.segments).slice(-4)).toEqual([
      'post d1 Lina "Lina"',
      'post d1 Tarek "Tarek"',
      'quote d2 Lina "Lina said:"',
      'post d1 Tarek "Closed since Tuesday, according to the council."',
    ]);
  });

  it('survives 10,000-deep nesting by flattening, with a warning', () => {
    const html = `<html><head><title>Deep</title></head><body>${'<div>'.repeat(10_000)}<p>Deep text &amp; more</p>${'</div>'.repeat(10_000)}</body></html>`;
    const page = extractHtml(html);
    expect(page.text).toBe('Deep text & more');
    expect(page.title).toBe('Deep');
    expect(page.warning).toContain(`limit ${MAX_DEPTH}`);
  });

  it('falls back to the body text of a short page and decodes entities', () => {
    const page = extractHtml('<p>Caf&eacute; &#x41;&#66; &lt;tag&gt; &nbsp;end</p><script>x()</script><style>p{}</style>');
    expect(page.text).toBe('Café AB <tag> end');
    expect(page.segments).toEqual([{ start: 0, end: page.text.length, kind: 'body', author: null, depth: 0 }]);
  });
});
