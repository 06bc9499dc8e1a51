/**
 * The nine capability scores as a hand-written horizontal SVG bar chart: static markup, so it
 * renders without JavaScript, and labelled for screen readers (each bar is an image with its own
 * label; the chart has a title and a description that reads every value).
 */
import { CAPABILITIES, CAPABILITY_TITLES, type Capability } from '../../model/control.js';
import type { CapabilityScore, Scores } from '../../model/scores.js';
import { escapeHtml } from './escape.js';
import { formatScore } from './report-view.js';

/** Colour bands, shared with the matrix so one legend explains both. */
export type ScoreBand = 'none' | 'low' | 'mid' | 'high' | 'top';

export function scoreBand(score: number | null): ScoreBand {
  if (score === null) return 'none';
  if (score < 50) return 'low';
  if (score < 75) return 'mid';
  if (score < 90) return 'high';
  return 'top';
}

export const BAND_LEGEND: Array<[band: ScoreBand, label: string]> = [
  ['low', 'below 50'],
  ['mid', '50–74.9'],
  ['high', '75–89.9'],
  ['top', '90 and above'],
  ['none', 'n/a — nothing evaluated'],
];

const LABEL_WIDTH = 250;
const BAR_WIDTH = 400;
const VALUE_WIDTH = 110;
const ROW_HEIGHT = 30;
const BAR_HEIGHT = 18;
const TOP = 24;

export function renderScoreChart(scores: Scores): string {
  const width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH;
  const height = TOP + CAPABILITIES.length * ROW_HEIGHT + 8;
  const description = CAPABILITIES.map((id) => `${CAPABILITY_TITLES[id]} ${formatScore(scores.capabilities[id].score)}`).join('; ');
  const ticks = [0, 25, 50, 75, 100].map((t) => {
    const x = LABEL_WIDTH + (BAR_WIDTH * t) / 100;
    return `<line class="tick" x1="${x}" x2="${x}" y1="${TOP - 6}" y2="${height - 8}"/><text class="tick-label" x="${x}" y="${TOP - 10}" text-anchor="middle">${t}</text>`;
  });
  const bars = CAPABILITIES.map((id, i) => bar(id, scores.capabilities[id], TOP + i * ROW_HEIGHT));
  return [
    `<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="group" aria-labelledby="chart-title chart-desc" xmlns="http://www.w3.org/2000/svg">`,
    '<title id="chart-title">Score per CAF-AI capability, 0 to 100</title>',
    `<desc id="chart-desc">${escapeHtml(description)}</desc>`,
    '<g aria-hidden="true">',
    ...ticks,
    '</g>',
    ...bars,
    '</svg>',
  ].join('\n');
}

function bar(id: Capability, cell: CapabilityScore, y: number): string {
  const title = CAPABILITY_TITLES[id];
  const score = cell.score;
  const value = formatScore(score);
  const counts = `${cell.passed} passed, ${cell.failed} failed, ${cell.notEvaluated} not evaluated`;
  const label = score === null ? `${title}: n/a, nothing evaluated (${counts})` : `${title}: ${value} out of 100 (${counts})`;
  const middle = y + ROW_HEIGHT / 2;
  const barY = middle - BAR_HEIGHT / 2;
  // A null score draws an empty, dashed track: a zero-length bar would read as a score of 0.
  const fill =
    score === null
      ? `<rect class="track track-none" x="${LABEL_WIDTH}" y="${barY}" width="${BAR_WIDTH}" height="${BAR_HEIGHT}" rx="3"/>` +
        `<text class="na-note" x="${LABEL_WIDTH + 8}" y="${middle}" dominant-baseline="central">nothing evaluated</text>`
      : `<rect class="track" x="${LABEL_WIDTH}" y="${barY}" width="${BAR_WIDTH}" height="${BAR_HEIGHT}" rx="3"/>` +
        `<rect class="fill band-${scoreBand(score)}" x="${LABEL_WIDTH}" y="${barY}" width="${((BAR_WIDTH * score) / 100).toFixed(1)}" height="${BAR_HEIGHT}" rx="3"/>`;
  return [
    `<g class="bar" data-capability="${id}" data-score="${value}" role="img" aria-label="${escapeHtml(label)}">`,
    `<title>${escapeHtml(label)}</title>`,
    `<text class="bar-label" x="${LABEL_WIDTH - 10}" y="${middle}" text-anchor="end" dominant-baseline="central">${escapeHtml(title)}</text>`,
    fill,
    `<text class="bar-value" x="${LABEL_WIDTH + BAR_WIDTH + 10}" y="${middle}" dominant-baseline="central">${score === null ? 'n/a' : value}</text>`,
    '</g>',
  ].join('');
}
