import { describe, expect, it } from 'vitest';
import { countWords } from '../../../server/content/markdown-text.js';
import { renderDocument, renderPrompt } from '../../../server/content/render-markdown.js';
import { slugify } from '../../../server/content/slugs.js';

const opts = { packId: 'demo-pack', documentFile: 'document.md' };
const render = (md: string) => renderDocument(md, opts).html;

describe('sanitizing', () => {
  it('drops <script> elements and their content', () => {
    const html = render('Before\n\n<script>alert("x")</script>\n\nAfter <script src="http://evil/x.js"></script>');
    expect(html).not.toMatch(/script/i);
    expect(html).not.toContain('alert');
    expect(html).toContain('<p>Before</p>');
    expect(html).toContain('After');
  });

  it('drops event handlers such as onerror and onclick', () => {
    const html = render('<img src="diagram.svg" onerror="alert(1)">\n\n<p onclick="steal()">hello</p>');
    expect(html).not.toMatch(/onerror|onclick|alert|steal/);
    expect(html).toContain('<img alt="" src="/api/packs/demo-pack/assets/diagram.svg" />');
    expect(html).toContain('<p>hello</p>');
  });

  it('removes javascript: links, in Markdown, in raw HTML and with encoded characters', () => {
    const html = render('[one](javascript:alert(1)) <a href="javascript:alert(2)">two</a> <a href="jav&#x61;script:alert(3)">three</a> <a href=" JAVASCRIPT:alert(4)">four</a>');
    expect(html).not.toMatch(/javascript/i);
    expect(html).toContain('<a>one</a>');
    expect(html).toContain('<a>two</a>');
    expect(html).toContain('<a>three</a>');
    expect(html).toContain('<a>four</a>');
  });

  it('keeps http(s) links (with rel) and #anchors, drops other kinds of link', () => {
    const html = render('[doc](https://systemd.io/) [top](#about-this-guide) [mail](mailto:a@b.c) [file](other.html) [data](data:text/html,hi)');
    expect(html).toContain('<a href="https://systemd.io/" rel="noopener noreferrer">doc</a>');
    expect(html).toContain('<a href="#about-this-guide">top</a>');
    expect(html).toContain('<a>mail</a>');
    expect(html).toContain('<a>file</a>');
    expect(html).toContain('<a>data</a>');
  });

  it('removes raw iframes, objects, forms, styles and style attributes', () => {
    const html = render('<iframe src="http://evil/"></iframe>\n\n<object data="x"></object><form action="/x"><input name="a"></form>\n\n<style>body{display:none}</style>\n\n<p style="color:red">red</p>');
    expect(html).not.toMatch(/iframe|object|form|input|style|display/i);
    expect(html).toContain('<p>red</p>');
  });

  it('keeps the allowed structure: headings, lists, tables, code, blockquotes, emphasis', () => {
    const html = render('## Title\n\n- *a*\n- **b**\n\n| x | y |\n|---|--:|\n| `1` | 2 |\n\n> **Note:** careful\n\n```ini\n[Timer]\nOnCalendar=daily\n```\n');
    expect(html).toContain('<h2 id="title">Title</h2>');
    expect(html).toContain('<li><em>a</em></li>');
    expect(html).toContain('<li><strong>b</strong></li>');
    expect(html).toContain('<th align="right">y</th>');
    expect(html).toContain('<td><code>1</code></td>');
    expect(html).toContain('<blockquote>\n<p><strong>Note:</strong> careful</p>\n</blockquote>');
    expect(html).toContain('<pre><code class="language-ini">[Timer]\nOnCalendar=daily\n</code></pre>');
  });
});

describe('images', () => {
  it('rewrites image sources to the pack asset route, relative to the document folder', () => {
    const r = renderDocument('![The diagram](img/my%20diagram.svg "Units")', { packId: 'demo-pack', documentFile: 'docs/guide.md' });
    expect(r.html).toContain('<img alt="The diagram" src="/api/packs/demo-pack/assets/docs/img/my%20diagram.svg" title="Units" />');
    expect(r.images).toEqual([{ src: 'img/my%20diagram.svg', line: 1 }]);
  });

  it('drops images that leave the pack, come from the internet or are not images', () => {
    const html = render('![a](../secret.png) ![b](https://example.com/x.png) ![c](/etc/x.png) ![d](notes.txt) ![e](data:image/png;base64,AAAA) ![ok](ok.png)');
    expect(html.match(/<img/g)).toHaveLength(1);
    expect(html).toContain('src="/api/packs/demo-pack/assets/ok.png"');
    expect(html).not.toMatch(/secret|example\.com|etc|notes|data:/);
  });

  it('prompts never contain images', () => {
    const html = renderPrompt('Look: ![x](diagram.svg) <img src="a.png"> and **answer**.');
    expect(html).toBe('<p>Look:   and <strong>answer</strong>.</p>\n');
  });
});

describe('headings, table of contents and word count', () => {
  const md = [
    '# Guide title', // 1
    '', // 2
    '## Überblick & Ziele', // 3
    '', // 4
    'One two three.', // 5
    '', // 6
    '### Examples', // 7
    '', // 8
    '```sh', // 9
    'systemctl list-timers --all', // 10
    '```', // 11
    '', // 12
    '## Examples', // 13
    '', // 14
    '### Examples', // 15
    '', // 16
    '| Col A | Col B |', // 17
    '|---|---|', // 18
    '| `daily` | every day |', // 19
    '', // 20
    '> **Note:** four five', // 21
    '', // 22
    '#### Deep heading', // 23
  ].join('\n');

  it('gives h2/h3 stable, ascii, deduplicated ids and a TOC', () => {
    const r = renderDocument(md, opts);
    expect(r.toc).toEqual([
      { id: 'uberblick-ziele', text: 'Überblick & Ziele', depth: 2 },
      { id: 'examples', text: 'Examples', depth: 3 },
      { id: 'examples-2', text: 'Examples', depth: 2 },
      { id: 'examples-3', text: 'Examples', depth: 3 },
    ]);
    expect(r.headings.map((h) => h.line)).toEqual([3, 7, 13, 15]);
    expect(r.html).toContain('<h3 id="examples-3">Examples</h3>');
    expect(r.html).toContain('<h1>Guide title</h1>');
    expect(r.html).toContain('<h4>Deep heading</h4>');
  });

  it('counts the words of prose, not of code blocks', () => {
    // Guide title (2) Überblick & Ziele (2; "&" is not a word) One two three (3) Examples (1)
    // Examples (1) Examples (1) Col A Col B (4) daily every day (3) Note four five (3) Deep heading (2)
    expect(renderDocument(md, opts).words).toBe(22);
    expect(countWords('  OnCalendar=*-*-* 02:15:00 -- \n ')).toBe(2);
  });

  it('slugify', () => {
    expect(slugify('  Écrire l\'unité « service » ')).toBe('ecrire-l-unite-service');
    expect(slugify('`OnCalendar=` expressions')).toBe('oncalendar-expressions');
    expect(slugify('!!!')).toBe('section');
  });
});
