// Drives Debian's Chromium over the same queries on our search page and on Pagefind's, a fresh
// browser context per query, and prints bytes until the first results, latency and found@5.
// Usage (from search/bench/run.sh): node bench.mjs KB_SITE PAGEFIND_SITE [--titles N]
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const puppeteer = require('puppeteer-core');

const [kbRoot, pfRoot, ...rest] = process.argv.slice(2);
const titleCount = rest[0] === '--titles' ? Number(rest[1]) : 40;

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.wasm': 'application/wasm', '.xml': 'application/xml' };

function serve(root) {
  const server = http.createServer((req, res) => {
    let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = path.join(root, p);
    if (!file.startsWith(root)) { res.writeHead(403); return res.end(); }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) { res.writeHead(404); return res.end(); }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(fs.readFileSync(file));
  });
  return new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// The Pagefind page: our search page, its script replaced by Pagefind's API (search/bench/pagefind-page.js).
const ourPage = fs.readFileSync(path.join(pfRoot, 'search', 'index.html'), 'utf8');
fs.copyFileSync(new URL('./pagefind-page.js', import.meta.url), path.join(pfRoot, 'search', 'pagefind-page.js'));
fs.writeFileSync(path.join(pfRoot, 'search', 'index.html'),
  ourPage.replace(/<script src="[^"]*search\.[0-9a-f]+\.js" defer><\/script>/, '<script src="pagefind-page.js" defer></script>'));

// Queries: natural ones, then record titles exactly and with one typo (a letter dropped from the
// middle of the longest word), each expecting its record's page in the top five.
const NATURAL = ['marriage age', 'child marriage punishment', 'corporal punishment in schools', 'juvenile justice',
  'child labour brick kilns', 'birth registration', 'child protection commission', 'sexual abuse of children',
  'domestic workers', 'child helpline', 'trafficking', 'begging', 'minimum age of criminal responsibility',
  'free and compulsory education', 'child pornography', 'police guidance children', 'kidnapping',
  'child protection unit', 'death sentence juvenile', 'sindh child protection authority'];
const docs = JSON.parse(fs.readFileSync(path.join(kbRoot, 'search', 'index.json'), 'utf8')).docs;
const records = docs.filter(d => ['statute', 'topic', 'institution'].includes(d.kind) && !d.url.includes('#'))
  .sort((a, b) => a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const step = Math.max(1, Math.floor(records.length / titleCount));
const titles = records.filter((_, i) => i % step === 0).slice(0, titleCount);
function typo(title) {
  const words = title.split(' ');
  let k = 0;
  words.forEach((w, i) => { if (w.replace(/\W/g, '').length > words[k].replace(/\W/g, '').length) k = i; });
  const w = words[k], mid = Math.floor(w.length / 2);
  words[k] = w.slice(0, mid) + w.slice(mid + 1);
  return words.join(' ');
}
const norm = u => { const p = new URL(u, 'http://x/').pathname.replace(/index\.html$/, ''); return p.endsWith('/') ? p : p + '/'; };

const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const servers = { kb: await serve(path.resolve(kbRoot)), pf: await serve(path.resolve(pfRoot)) };
const base = s => `http://127.0.0.1:${servers[s].address().port}/search/?q=`;

async function run(engine, query) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const bodies = [];
  page.on('response', r => { if (r.status() === 200) bodies.push(r.buffer().catch(() => Buffer.alloc(0))); });
  await page.goto(base(engine) + encodeURIComponent(query));
  const done = engine === 'kb'
    ? await page.waitForFunction(() => {
        const s = document.getElementById('search-status').textContent;
        if (!/ results? /.test(s)) return null;
        return { at: performance.now(), urls: Array.from(document.querySelectorAll('#results a.hit')).slice(0, 5).map(a => a.href) };
      }, { polling: 'raf', timeout: 30000 }).then(h => h.jsonValue())
    : await page.waitForFunction(() => window.benchDone || null, { polling: 'raf', timeout: 30000 }).then(h => h.jsonValue());
  const received = await Promise.all(bodies.splice(0));
  // Each response as a host would send it: gzipped, unless that does not make it smaller (Pagefind's files are compressed already).
  const bytes = received.reduce((n, b) => n + Math.min(b.length, zlib.gzipSync(b, { level: 6 }).length), 0);
  await context.close();
  return { ms: done.at, bytes, urls: done.urls.map(norm) };
}

const median = xs => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const result = { kb: { bytes: [], ms: [], exact: 0, typo: 0 }, pf: { bytes: [], ms: [], exact: 0, typo: 0 } };
const queries = [...NATURAL.map(q => ({ q })), ...titles.map(d => ({ q: d.title, want: norm('/' + d.url), kind: 'exact' })),
  ...titles.map(d => ({ q: typo(d.title), want: norm('/' + d.url), kind: 'typo' }))];
for (const { q, want, kind } of queries) {
  for (const engine of ['kb', 'pf']) {
    const r = await run(engine, q);
    result[engine].bytes.push(r.bytes);
    result[engine].ms.push(r.ms);
    if (want && r.urls.includes(want)) result[engine][kind]++;
  }
}
await browser.close();
Object.values(servers).forEach(s => s.close());

const row = (label, a, b, unit, ratio = true) => `| ${label} | ${a}${unit} | ${b}${unit} | ${ratio ? (a / b).toFixed(2) : ''} |`;
const kb = result.kb, pf = result.pf;
console.log(`${queries.length} queries (${NATURAL.length} natural, ${titles.length} titles exact and with one typo), Debian's Chromium, fresh context each`);
console.log('| | ours | Pagefind | ours / Pagefind |\n|---|---:|---:|---:|');
console.log(row('bytes until the first results (gzip), median', (median(kb.bytes) / 1024).toFixed(1), (median(pf.bytes) / 1024).toFixed(1), ' KB'));
console.log(row('open `/search/?q=…` → 5 results shown, median', Math.round(median(kb.ms)), Math.round(median(pf.ms)), ' ms'));
console.log(row('exact title found@5', Math.round(100 * kb.exact / titles.length), Math.round(100 * pf.exact / titles.length), ' %', false));
console.log(row('one-typo title found@5', Math.round(100 * kb.typo / titles.length), Math.round(100 * pf.typo / titles.length), ' %', false));
