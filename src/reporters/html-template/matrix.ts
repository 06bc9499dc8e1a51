/**
 * The capability × component matrix: nine rows, three cells each (input, model, output), every
 * cell coloured by its score band and showing its counts. A plain table, so it reads without
 * JavaScript; with it, a click on a cell filters the findings table (client-script.ts).
 */
import { CAPABILITIES, CAPABILITY_TITLES, COMPONENTS } from '../../model/control.js';
import type { ScoreCell, Scores } from '../../model/scores.js';
import { BAND_LEGEND, scoreBand } from './chart.js';
import { escapeHtml } from './escape.js';
import { formatScore } from './report-view.js';

export function renderMatrix(scores: Scores): string {
  const head = `<tr><th scope="col">Capability</th>${COMPONENTS.map((c) => `<th scope="col">${c}</th>`).join('')}</tr>`;
  const rows = CAPABILITIES.map((capability) => {
    const cells = COMPONENTS.map((component) => matrixCell(capability, component, scores.capabilities[capability].components[component]));
    return `<tr><th scope="row">${escapeHtml(CAPABILITY_TITLES[capability])}</th>${cells.join('')}</tr>`;
  });
  return [
    '<table class="matrix">',
    '<caption>Score per capability and AI component (passed · failed · not evaluated)</caption>',
    `<thead>${head}</thead>`,
    `<tbody>${rows.join('\n')}</tbody>`,
    '</table>',
    renderLegend(),
  ].join('\n');
}

function matrixCell(capability: string, component: string, cell: ScoreCell): string {
  const value = formatScore(cell.score);
  const band = scoreBand(cell.score);
  const empty = cell.passed + cell.failed + cell.notEvaluated === 0;
  return (
    `<td class="cell band-${band}${empty ? ' cell-empty' : ''}" data-capability="${capability}" data-component="${component}" data-score="${value}">` +
    `<span class="cell-score">${value}</span>` +
    // The glyphs are for the eye; a screen reader gets the words instead.
    `<span class="cell-counts" aria-hidden="true" title="passed · failed · not evaluated">${cell.passed} ✓ ${cell.failed} ✗ ${cell.notEvaluated} ?</span>` +
    `<span class="sr-only">${cell.passed} passed, ${cell.failed} failed, ${cell.notEvaluated} not evaluated</span>` +
    '</td>'
  );
}

export function renderLegend(): string {
  const items = BAND_LEGEND.map(([band, label]) => `<li><span class="swatch band-${band}" aria-hidden="true"></span>${escapeHtml(label)}</li>`);
  return `<ul class="legend" aria-label="Colour legend">${items.join('')}</ul>`;
}
