// The HTML page's style sheet and its one script (inline: the page makes no request).
/** The page's style sheet, print included. */
export const CSS = `
:root{--fg:#1f2328;--muted:#57606a;--line:#d0d7de;--bg:#fff;--soft:#f6f8fa;--ok:#116329;--safe:#0550ae;--lossy:#7d4e00;--person:#a40e26;--incidental:#6639ba;--review:#57606a;--advice:#0a5f70}
*{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:15px;line-height:1.45;color:var(--fg);background:var(--bg)}
body{margin:0}
a{color:#0550ae}
code,pre,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono","Liberation Mono",monospace;font-size:.86em}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5em}
.skip:focus{left:.5em}
header.top{background:#24292f;color:#fff;padding:1.2rem 1.5rem}
header.top h1{margin:0;font-size:1.6rem}
header.top p{margin:.3rem 0 0;color:#e6edf3}
nav.toc{border-bottom:1px solid var(--line);background:var(--soft);padding:.4rem 1.5rem;position:sticky;top:0;z-index:2}
nav.toc ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.2rem 1.2rem}
main{max-width:1240px;margin:0 auto;padding:0 1.5rem 3rem}
h2{font-size:1.35rem;margin:2rem 0 .7rem;padding-bottom:.3rem;border-bottom:1px solid var(--line)}
h3{font-size:1.1rem;margin:1.4rem 0 .5rem}
h4{font-size:1rem;margin:1rem 0 .3rem}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(260px,1fr));gap:1rem}
.card{border:1px solid var(--line);border-radius:8px;padding:.9rem 1rem;background:#fff;overflow-wrap:anywhere}
.card h3{margin:0 0 .4rem;font-size:.95rem;color:var(--muted);font-weight:600}
.big{font-size:2rem;font-weight:700;margin:.1rem 0 .4rem}
.card ul{list-style:none;margin:0;padding:0}
.card li{display:flex;justify-content:space-between;gap:.5rem;padding:.12rem 0;border-bottom:1px dotted var(--line)}
.card li>span:last-child{white-space:nowrap}
.card li:last-child{border-bottom:0}
.muted{color:var(--muted)}
.badge{display:inline-block;border-radius:999px;padding:.05rem .55rem;font-size:.8rem;font-weight:600;color:#fff;white-space:nowrap;vertical-align:baseline}
.cx-high,.st-person,.fx-person{background:var(--person)}
.cx-medium,.st-lossy,.fx-lossy{background:var(--lossy)}
.cx-low,.st-ok{background:var(--ok)}
.st-safe,.fx-safe{background:var(--safe)}
.st-incidental{background:var(--incidental)}
.fx-review{background:var(--review)}
.fx-suggestion,.fx-advice{background:var(--advice)}
.big .badge{font-size:1.5rem;padding:.1rem .8rem}
.dot{display:inline-block;width:.8em;height:.8em;border-radius:2px;margin-right:.35em;vertical-align:-.05em}
table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem;font-size:.92rem}
th,td{border-bottom:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:var(--soft);font-weight:600}
td code{overflow-wrap:anywhere}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.scroll{overflow-x:auto}
figure{margin:1rem 0;border:1px solid var(--line);border-radius:8px;padding:.8rem 1rem}
figcaption{font-weight:600;margin-bottom:.4rem}
svg text{font:12px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;fill:#1f2328}
.legend{display:flex;flex-wrap:wrap;gap:.3rem 1rem;font-size:.88rem;margin:.4rem 0 0;padding:0;list-style:none}
article.rule,article.advice{border:1px solid var(--line);border-radius:8px;padding:.2rem 1rem .6rem;margin:1rem 0}
article.rule h3,article.advice h3{display:flex;flex-wrap:wrap;gap:.5rem;align-items:baseline}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:.5rem 0}
dl.facts dt{font-weight:600;color:var(--muted)}
dl.facts dd{margin:0}
.group{border-top:1px solid var(--line);padding:.3rem 0}
.group h4{font-weight:600}
ol.occ{margin:.2rem 0;padding-left:1.4rem}
ol.occ li{margin:.35rem 0}
pre{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:.4rem .6rem;margin:.3rem 0;white-space:pre-wrap;overflow-wrap:anywhere}
pre .ln{display:inline-block;min-width:3.2em;color:var(--muted);user-select:none}
pre mark{background:#fff1b3;color:inherit}
pre.diff del,pre.diff ins{display:block;text-decoration:none}
pre.diff del{background:#ffebe9;color:#82071e}
pre.diff ins{background:#dafbe1;color:#0f5323}
.fixtitle{font-size:.88rem;color:var(--muted);margin:.3rem 0 0}
details{margin:.3rem 0}
summary{cursor:pointer;color:#0550ae}
ul.locs{columns:2 26rem;margin:.3rem 0;padding-left:1.2rem;font-size:.88rem}
.tools{display:flex;flex-wrap:wrap;gap:.6rem 1.2rem;align-items:center;background:var(--soft);border:1px solid var(--line);border-radius:8px;padding:.5rem .8rem;margin:.6rem 0}
.tools label{font-size:.9rem}
.tools input[type=search]{font:inherit;padding:.2rem .4rem;min-width:16rem}
.tools button{font:inherit;padding:.15rem .6rem}
.hidden{display:none!important}
.explain{margin:.3rem 0}
footer{max-width:1240px;margin:0 auto;padding:1rem 1.5rem 2rem;color:var(--muted);font-size:.88rem;border-top:1px solid var(--line)}
@media print{
  nav.toc,.tools,.skip{display:none}
  header.top{background:#fff;color:#000;border-bottom:2px solid #000;padding:0 0 .5rem}
  header.top p{color:#000}
  main{max-width:none;padding:0}
  article.rule,article.advice,figure,.card,tr,pre{break-inside:avoid}
  h2,h3{break-after:avoid}
  a{color:inherit;text-decoration:none}
  .badge,pre.diff del,pre.diff ins,pre mark{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  body{font-size:11px}
}
`;

/** Progressive enhancement only: a filter, fix-kind toggles, fold/unfold all, and print unfolding. */
export const SCRIPT = `(function(){
'use strict';
var rules=document.getElementById('rules');
if(rules){
  var bar=document.createElement('div');bar.className='tools';bar.setAttribute('role','search');
  bar.innerHTML='<label>Filter findings <input type="search" id="flt" placeholder="rule, message, file or object"></label>'+
    ['safe','lossy','person','review'].map(function(k){return '<label><input type="checkbox" checked data-fx="'+k+'"> '+document.querySelector('.legend [data-fx="'+k+'"]').textContent+'</label>';}).join('')+
    '<button type="button" id="unfold">Unfold all</button><button type="button" id="fold">Fold all</button>';
  rules.insertBefore(bar,rules.querySelector('article'));
  var apply=function(){
    var q=document.getElementById('flt').value.toLowerCase();
    var off={};bar.querySelectorAll('[data-fx]').forEach(function(c){if(!c.checked)off[c.getAttribute('data-fx')]=1;});
    rules.querySelectorAll('article.rule').forEach(function(a){
      var any=false;
      a.querySelectorAll('.group').forEach(function(g){
        var show=!off[g.getAttribute('data-fx')]&&(q===''||g.textContent.toLowerCase().indexOf(q)>=0||a.getAttribute('data-rule').indexOf(q)>=0);
        g.classList.toggle('hidden',!show);if(show)any=true;
      });
      a.classList.toggle('hidden',!any);
    });
  };
  bar.addEventListener('input',apply);bar.addEventListener('change',apply);
  var all=function(open){document.querySelectorAll('details').forEach(function(d){d.open=open;});};
  document.getElementById('unfold').addEventListener('click',function(){all(true);});
  document.getElementById('fold').addEventListener('click',function(){all(false);});
}
var closed=[];
window.addEventListener('beforeprint',function(){closed=[];document.querySelectorAll('details:not([open])').forEach(function(d){closed.push(d);d.open=true;});});
window.addEventListener('afterprint',function(){closed.forEach(function(d){d.open=false;});closed=[];});
})();`;
