import type { Deck } from "../../deck/deck-model.js";
import { dataUri } from "./blocks/image.js";
import { SLIDE_HEIGHT, SLIDE_WIDTH } from "../../deck/geometry.js";
import { LINE_HEIGHT } from "../text-fit.js";
import { mix } from "../color.js";

/**
 * The page's one style sheet. Slides are laid out in points of the 960 × 540 pt slide (the PDF's
 * page), every length a multiple of --pt: on screen --pt is a 960th of the slide's width (a
 * container query unit, so slides scale with the window and no script is needed); in print a
 * slide is exactly the PDF's page and --pt one point.
 */
const SLIDE_WIDTH_PT = SLIDE_WIDTH * 72;

/**
 * The corner logo of every content slide is a background of one rule, so that its bytes are in
 * the page once, not once per slide.
 */
function cornerLogo(deck: Deck): string {
  if (!deck.logo || deck.theme.logo.placement !== "every-slide") return "";
  return `\n.corner-logo{background:url(${dataUri(deck.logo)}) right center/contain no-repeat}`;
}

/** `fontStack`: the CSS font-family of all text (font-face.ts fontStack()). */
export function styles(deck: Deck, fontStack: string): string {
  const theme = deck.theme;
  const c = theme.colors;
  const variables = Object.entries(c)
    .map(([name, value]) => `--${name}:#${value}`)
    .join(";");
  return (
    `
:root{${variables};--grid:#${mix(c.muted, "FFFFFF", 0.75)};--pt:calc(100cqw/${SLIDE_WIDTH_PT})}
*{box-sizing:border-box}
html{background:#${mix(c.muted, "FFFFFF", 0.85)};color:var(--text);font-family:${fontStack};line-height:${LINE_HEIGHT};font-kerning:none;font-variant-ligatures:none;-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0}
main{display:flex;flex-direction:column;align-items:center;gap:24px;padding:24px 16px}
.deck-title,.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.slide{overflow-wrap:anywhere;position:relative;width:min(100%,1280px);aspect-ratio:${SLIDE_WIDTH}/${SLIDE_HEIGHT};container-type:inline-size;overflow:hidden;background:var(--background);box-shadow:0 1px 4px rgba(0,0,0,.25)}
.slide>*{position:absolute;margin:0}
.slide h1,.slide h2,.slide h3,.slide p{margin:0}
.fill{background:var(--primary)}
.stack{display:flex;flex-direction:column;justify-content:flex-start;white-space:pre-line}
.stack.middle{justify-content:center}
.stack.bottom{justify-content:flex-end}
.bold{font-weight:700}
.title{color:var(--primary);font-weight:700}
.muted{color:var(--muted)}
.tone-good{color:var(--good)}.tone-warn{color:var(--warn)}.tone-bad{color:var(--bad)}.tone-accent{color:var(--accent)}.tone-muted{color:var(--muted)}
.logo{object-fit:contain}
.footer{display:flex;align-items:center;gap:calc(var(--pt)*14.4);border-top:calc(var(--pt)*.75) solid var(--surface);color:var(--muted)}
.footer span{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.footer .classification{font-weight:700;color:var(--bad);text-align:right}
.footer .page{text-align:right}
.callout{background:var(--surface);border-left:calc(var(--pt)*5.76) solid var(--primary)}
.heading{color:var(--primary);font-weight:700}
.bullets ul{list-style:none;margin:0;padding:0}
.bullets li{white-space:pre-line;position:relative;padding-left:1.2em;margin-bottom:.45em}
.bullets li:last-child{margin-bottom:0}
.bullets li::before{content:"";position:absolute;left:.25em;top:.4em;width:.4em;height:.4em;border-radius:50%;background:currentColor}
.bullets li.level-1{padding-left:2.6em}
.bullets li.level-1::before{left:1.69em;top:.44em;width:.32em;height:.32em;background:none;border:1px solid currentColor}
.kpis{display:flex;gap:calc(var(--pt)*14.4);list-style:none;padding:0}
.kpi{flex:1 1 0;min-width:0;display:flex;flex-direction:column;justify-content:flex-start;gap:calc(var(--pt)*3);background:var(--surface);border-left:calc(var(--pt)*5.04) solid var(--primary);padding:calc(var(--pt)*7.2) calc(var(--pt)*8.64) calc(var(--pt)*5.76) calc(var(--pt)*9.36)}
.kpi>span{display:block;overflow-wrap:anywhere}
.kpi .value{font-weight:700;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;color:var(--primary)}
.kpi .label{font-weight:700}
.kpi .detail{color:var(--muted)}
table{border-collapse:collapse;table-layout:fixed}
th,td{padding:calc(var(--pt)*2.88) calc(var(--pt)*5.76);vertical-align:middle;overflow-wrap:anywhere;border-bottom:calc(var(--pt)*.75) solid var(--surface)}
thead th{background:var(--primary);color:var(--background);font-weight:700;border-bottom:0}
tbody th{font-weight:inherit}
tbody tr:nth-child(even){background:var(--surface)}
.a-left{text-align:left}.a-right{text-align:right}.a-center{text-align:center}
.more{color:var(--muted)}
figure.chart svg{display:block;width:100%;height:100%;overflow:visible;font-family:${fontStack}}
.notes{width:min(100%,1280px);background:var(--background);border-left:4px solid var(--accent);padding:8px 16px;font-size:14px}
.notes summary{cursor:pointer;font-weight:700;color:var(--primary)}
.notes p{margin:.4em 0}
@page{size:${SLIDE_WIDTH}in ${SLIDE_HEIGHT}in;margin:0}
@media print{html{background:none}main{display:block;padding:0}.slide{width:${SLIDE_WIDTH}in;box-shadow:none;break-after:page;break-inside:avoid}.notes{display:none}}
`.trim() + cornerLogo(deck)
  );
}
