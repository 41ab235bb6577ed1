// The page shell of the report: inline CSS, the one inline script, and a Content-Security-Policy that lets only
// that script run (by its hash) and forbids every network fetch. Escaping is the real defence against markup in
// document text; the policy is a second one.
import { createHash } from 'node:crypto';
import { esc, jsonForScript } from './escape.js';

const CSS = `
:root{--amount:#2563eb;--percentage:#16a34a;--count:#ea580c;--project:#9333ea;--bad:#dc2626}
*{box-sizing:border-box}
body{font:14px/1.5 system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:0;color:#1f2937;background:#f8fafc}
header.top{background:#1e293b;color:#f8fafc;padding:10px 20px;position:sticky;top:0;z-index:5;display:flex;gap:18px;align-items:center;flex-wrap:wrap}
header.top h1{font-size:17px;margin:0}
header.top a{color:#bfdbfe}
header.top label{font-size:13px;white-space:nowrap}
main{padding:12px 20px 80px;max-width:1280px}
h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #cbd5e1}
h3{font-size:15px;margin:6px 0}
table{border-collapse:collapse;background:#fff;font-size:13px}
th,td{border:1px solid #e2e8f0;padding:3px 7px;text-align:left;vertical-align:top}
th{background:#f1f5f9}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.totals span{margin-right:14px}
.chip{display:inline-block;padding:0 6px;border-radius:8px;font-size:12px;color:#fff}
.chip.amount{background:var(--amount)}.chip.percentage{background:var(--percentage)}.chip.count{background:var(--count)}.chip.project{background:var(--project)}
section.doc{background:#fff;border:1px solid #e2e8f0;border-radius:6px;padding:10px 16px;margin:18px 0}
section.doc a.up{float:right;font-size:12px}
section.doc .meta{color:#475569;font-size:12px}
.warn{color:#92400e}
td.warn{white-space:nowrap}
.note{background:#fef3c7;border:1px solid #f59e0b;padding:6px 10px;border-radius:4px}
.text{white-space:pre-wrap;word-break:break-word;font-size:15px;line-height:1.9;border-top:1px solid #e2e8f0;margin-top:8px;padding-top:8px}
.r{cursor:pointer;border-radius:2px}
.r-amount{background:#dbeafe;box-shadow:inset 0 -2px 0 var(--amount)}
.r-percentage{background:#dcfce7;box-shadow:inset 0 -2px 0 var(--percentage)}
.r-count{background:#ffedd5;box-shadow:inset 0 -2px 0 var(--count)}
.r-project{background:#f3e8ff;border-bottom:3px double var(--project);padding-bottom:1px}
.r.sel,.r:focus-visible{outline:2px solid #111827;outline-offset:1px}
.garbled{background:repeating-linear-gradient(45deg,#fee2e2,#fee2e2 3px,#fff 3px,#fff 6px);text-decoration:underline wavy var(--bad)}
body.hide-amount .r-amount,body.hide-percentage .r-percentage,body.hide-count .r-count,body.hide-project .r-project{background:none;box-shadow:none;border:0}
ul.recs{padding-left:18px}
#details{position:fixed;right:16px;top:58px;width:420px;max-height:calc(100vh - 74px);overflow:auto;background:#fff;border:1px solid #94a3b8;border-radius:8px;box-shadow:0 8px 24px rgba(0,0,0,.18);padding:10px 12px;z-index:10}
@media (min-width:1000px){body.panel-open main{padding-right:450px}}
#details table{width:100%}
#details th{width:92px}
#details button.close{float:right;border:0;background:none;font-size:18px;cursor:pointer}
#details .link{color:#1d4ed8;cursor:pointer;text-decoration:underline}
nav.pages a,nav.pages b{margin-right:6px}
svg.chart{background:#fff;border:1px solid #e2e8f0;max-width:100%;height:auto}
svg .grid{stroke:#e2e8f0}svg .zero{stroke:#64748b}svg .row{stroke:#f1f5f9}
svg .tick{font-size:11px;fill:#64748b}svg .label{font-size:12px;fill:#1f2937}
svg .dot{fill:var(--amount);fill-opacity:.75;stroke:#1e3a8a;stroke-width:.5;cursor:pointer}
svg .dot.foreign{fill:#fff;stroke:var(--amount);stroke-width:1.5}
svg .bar.up{fill:#bbf7d0}svg .bar.down{fill:#fecaca}
.empty{color:#64748b}
`;

// The only script: selection and the details panel. It reads the records from a JSON block and writes them with
// textContent, never as markup.
const CLIENT = `(function(){
var el=document.getElementById('bm-records');var R=el?JSON.parse(el.textContent):{};
var panel=document.getElementById('details'),body=document.getElementById('details-body');
var ORDER=['type','text','value','min','max','unit','currency','qualifier','direction','basis','subject','noun','category','name','location','status'];
function cssq(id){return '[data-record-id="'+CSS.escape(id)+'"],[data-cont="'+CSS.escape(id)+'"]';}
function fmt(v){return v===null||v===undefined?'—':String(v);}
function row(tb,k,v){var tr=document.createElement('tr');tr.setAttribute('data-field',k);var th=document.createElement('th');th.textContent=k;var td=document.createElement('td');if(v&&v.nodeType)td.appendChild(v);else td.textContent=fmt(v);tr.appendChild(th);tr.appendChild(td);tb.appendChild(tr);}
function link(id,label){var a=document.createElement('span');a.className='link';a.textContent=label;a.addEventListener('click',function(){select(id,true);});return a;}
function links(list){var f=document.createDocumentFragment();list.forEach(function(x,i){if(i)f.appendChild(document.createTextNode('; '));f.appendChild(R[x.id]?link(x.id,x.label):document.createTextNode(x.label));});return f;}
function select(id,scroll){var r=R[id];if(!r)return;
document.querySelectorAll('.r.sel').forEach(function(e){e.classList.remove('sel');});
var els=document.querySelectorAll(cssq(id));els.forEach(function(e){e.classList.add('sel');});
while(body.firstChild)body.removeChild(body.firstChild);
var tb=document.createElement('tbody');
ORDER.forEach(function(k){if(k in r&&!((k==='min'||k==='max')&&r[k]===null))row(tb,k,r[k]);});
if(r.value_text)row(tb,'reads',r.value_text);
if(r.type==='amount'||r.type==='percentage')row(tb,'linked project',r.projects&&r.projects.length?links(r.projects):null);
if(r.type==='project')row(tb,'linked amounts',r.amounts&&r.amounts.length?links(r.amounts):null);
row(tb,'span',r.start+'–'+r.end);row(tb,'context',r.context);row(tb,'document',r.path);row(tb,'id',r.id);
var t=document.createElement('table');t.appendChild(tb);body.appendChild(t);panel.hidden=false;panel.setAttribute('data-id',id);
document.body.classList.add('panel-open');
var t0=els[0];if(t0){var rc=t0.getBoundingClientRect();if(scroll||rc.top<60||rc.bottom>window.innerHeight)t0.scrollIntoView({block:'center'});}}
document.addEventListener('click',function(e){var t=e.target.closest&&e.target.closest('[data-record-id],[data-cont]');if(!t)return;
select(t.getAttribute('data-record-id')||t.getAttribute('data-cont'),false);});
document.addEventListener('keydown',function(e){if(e.key!=='Enter'&&e.key!==' ')return;var t=e.target;if(!t.getAttribute||!t.getAttribute('data-record-id'))return;e.preventDefault();select(t.getAttribute('data-record-id'),false);});
document.getElementById('details-close').addEventListener('click',function(){panel.hidden=true;document.body.classList.remove('panel-open');document.querySelectorAll('.r.sel').forEach(function(e){e.classList.remove('sel');});});
document.querySelectorAll('input[data-toggle]').forEach(function(c){c.addEventListener('change',function(){document.body.classList.toggle('hide-'+c.getAttribute('data-toggle'),!c.checked);});});
function fromHash(){var m=/^#r=(.+)$/.exec(location.hash);if(!m)return;try{select(decodeURIComponent(m[1]),true);}catch(e){}}
window.addEventListener('hashchange',fromHash);fromHash();
})();`;

const SCRIPT_HASH = createHash('sha256').update(CLIENT).digest('base64');
const CSP = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${SCRIPT_HASH}'; img-src data:; form-action 'none'; base-uri 'none'`;

export const TYPES = ['amount', 'percentage', 'count', 'project'] as const;

export interface PageOptions {
  title: string;
  /** links shown in the top bar, already escaped HTML */
  nav: string;
  body: string;
  /** the records the page shows, by id */
  records: Record<string, unknown>;
}

export function page(o: PageOptions): string {
  const toggles = TYPES.map((t) => `<label><input type="checkbox" checked data-toggle="${t}"> <span class="chip ${t}">${t}</span></label>`).join(' ');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="bulletin-miner report">
<title>${esc(o.title)}</title>
<style>${CSS}</style></head>
<body>
<header class="top"><h1>${esc(o.title)}</h1>${o.nav}<span>${toggles}</span></header>
<main>
${o.body}
</main>
<aside id="details" hidden><button class="close" id="details-close" type="button" aria-label="close">×</button><h3>Record</h3><div id="details-body"></div></aside>
<script type="application/json" id="bm-records">${jsonForScript(o.records)}</script>
<script>${CLIENT}</script>
</body></html>
`;
}
