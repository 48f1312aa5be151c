/**
 * The one stylesheet of the public site. System fonts only (no web fonts to download); colours
 * chosen for WCAG AA contrast on white (text #1a1a1a 17:1, links #0b4f8a 8.6:1, muted #4a4a4a
 * 8.9:1); a visible focus ring on everything focusable; one column on a 360 px phone; clean print.
 */
export const SITE_CSS = `:root{color-scheme:light;--ink:#1a1a1a;--muted:#4a4a4a;--line:#c4c9d0;--soft:#f3f5f8;--accent:#0b4f8a;--accent-ink:#fff;--note:#fff4d6;--warn:#8a5a00;--cut:#fde2e2;--add:#d9f2e1;--focus:#b34700}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:1rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:var(--ink);background:#fff}
a{color:var(--accent);text-underline-offset:.15em}
a:hover{text-decoration-thickness:2px}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:var(--accent);color:var(--accent-ink);padding:.5rem 1rem;z-index:10}
.skip:focus{left:.5rem}
.top{background:var(--accent);color:var(--accent-ink)}
.top .wrap{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;align-items:center;padding-top:.6rem;padding-bottom:.6rem}
.top a{color:var(--accent-ink);text-decoration:none;font-weight:600}
.top a:hover,.top a:focus-visible{text-decoration:underline}
.top :focus-visible{outline-color:#ffd27a}
.brand{font-size:1.1rem;margin-right:auto}
.wrap{max-width:70rem;margin:0 auto;padding:0 1rem}
main{padding-bottom:3rem}
h1{font-size:1.6rem;line-height:1.3;margin:1rem 0 .75rem}
h2{font-size:1.3rem;line-height:1.35;margin:2rem 0 .75rem;padding-bottom:.25rem;border-bottom:2px solid var(--line)}
h3{font-size:1.1rem;margin:1.5rem 0 .5rem}
p,ul,ol{margin:.5rem 0 1rem}
li{margin:.25rem 0}
.muted,.code{color:var(--muted)}
.code{margin:1rem 0 0}
.crumbs{font-size:.95rem;margin:.75rem 0 0;color:var(--muted)}
.banner,.note{background:var(--note);border-left:4px solid #c98a00;padding:.6rem .9rem;margin:1rem 0}
.summary{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:.75rem;margin:1rem 0;padding:0}
.summary div{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:.6rem .8rem}
.summary dt{font-weight:600;font-size:.9rem;color:var(--muted)}
.summary dd{margin:.2rem 0 0}
.toc{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:.5rem 1rem;margin:1rem 0}
.toc ol{margin:.25rem 0;padding-left:1.25rem;columns:2 16rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.95rem}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid var(--line);padding:.45rem .55rem;text-align:left;vertical-align:top}
th{background:var(--soft)}
td.num,th.num{text-align:right}
table:not(.stack){display:block;overflow-x:auto;max-width:100%}
table:not(.stack) td:first-child{min-width:8rem}
table:not(.stack) td:first-child+td:not(.num){min-width:14rem}
tr.current td{background:#eef6ff}
.tag{display:inline-block;font-size:.85rem;border:1px solid var(--line);border-radius:999px;padding:0 .5rem;margin:0 .25rem .25rem 0;background:#fff}
.tag.cond{border-color:#c98a00;background:var(--note)}
del{background:var(--cut);text-decoration:line-through;text-decoration-thickness:2px}
ins{background:var(--add);text-decoration:underline}
.legend del,.legend ins{padding:0 .25rem}
form.tool,.tool{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:1rem;margin:1rem 0}
.tool>h2:first-child,.tool>h3:first-child{margin-top:0}
label{display:block;font-weight:600;margin:.5rem 0 .2rem}
.hint{display:block;font-weight:400;color:var(--muted);font-size:.9rem}
input,select,textarea,button{font:inherit;color:inherit}
input,select,textarea{width:100%;max-width:32rem;padding:.45rem .5rem;border:1px solid #6b7280;border-radius:4px;background:#fff}
input[type=checkbox],input[type=radio]{width:auto;margin-right:.4rem}
fieldset{border:1px solid var(--line);border-radius:6px;margin:.75rem 0;padding:.5rem .9rem}
legend{font-weight:600;padding:0 .25rem}
.row{display:flex;flex-wrap:wrap;gap:.5rem 1rem}
.row>div{flex:1 1 12rem}
button{background:var(--accent);color:var(--accent-ink);border:0;border-radius:4px;padding:.55rem 1.1rem;margin-top:.75rem;font-weight:600;cursor:pointer}
button.secondary{background:#fff;color:var(--accent);border:1px solid var(--accent)}
[aria-invalid=true]{border-color:#b3261e;border-width:2px}
.error{color:#b3261e;font-weight:600;margin:.2rem 0 0}
.ok{color:#1e6b3a;font-weight:600}
.result{border-left:4px solid var(--accent);background:#fff;padding:.6rem .9rem;margin:1rem 0}
.due{font-size:1.25rem;font-weight:700}
.search{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end}
.search>div{flex:1 1 18rem}
.search input[type=search]{max-width:none;font-size:1.1rem;padding:.6rem .7rem}
.filters{display:grid;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr));gap:.25rem 1rem}
.filters select{max-width:none}
.results{list-style:none;padding:0}
.results li{border-bottom:1px solid var(--line);padding:.6rem 0}
.results a{font-weight:600;font-size:1.05rem}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));gap:.75rem;list-style:none;padding:0}
.cards li{border:1px solid var(--line);border-radius:6px;padding:.6rem .8rem;margin:0}
figure{margin:1rem 0;overflow-x:auto}
svg{max-width:100%;height:auto}
pre{background:var(--soft);border:1px solid var(--line);padding:.75rem;overflow-x:auto;font-size:.85rem;line-height:1.4}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.92em}
footer{border-top:1px solid var(--line);color:var(--muted);font-size:.9rem;padding:1rem 0 2rem}
.visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:40rem){h1{font-size:1.35rem}table{display:block;overflow-x:auto}.toc ol{columns:1}
table.stack,table.stack tbody,table.stack tr,table.stack td{display:block;width:100%}
table.stack thead{position:absolute;left:-9999px}
table.stack caption{display:block}
table.stack tr{border:1px solid var(--line);border-radius:6px;margin:0 0 .75rem}
table.stack td{border:0;border-top:1px solid var(--line)}
table.stack td:first-child{border-top:0;background:var(--soft);font-weight:600}
table.stack td:not(:first-child)::before{content:attr(data-label);display:block;font-size:.85rem;font-weight:600;color:var(--muted)}}
@media print{.top,.skip,.toc,.tool,form,noscript,footer nav{display:none!important}body{font-size:11pt}a{color:inherit;text-decoration:none}table{font-size:10pt}tr,li,.summary div{break-inside:avoid}h2,h3{break-after:avoid}.summary div{border-color:#999}}
`;
