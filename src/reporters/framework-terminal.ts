/**
 * The frameworks in the terminal summary: with --framework, its requirement table first; without,
 * one line per framework after the rest (score and requirement counts), kept short.
 */
import { formatScore } from './html-template/report-view.js';
import type { FrameworksPosture } from '../model/framework-posture.js';
import type { ScanInfo } from '../model/results.js';
import { COVERAGE_LABELS, REQUIREMENT_STATUS_LABELS, STATUS_NOTE, countsLine, focusedFramework, requirementWhy } from './framework-view.js';

type WithFrameworks = { scan: Pick<ScanInfo, 'selection'>; frameworks?: FrameworksPosture };

/** `summary` (the capability table and failures) with the frameworks put where they belong. */
export function withFrameworks(summary: string, results: WithFrameworks): string {
  const frameworks = results.frameworks;
  if (!frameworks || Object.keys(frameworks).length === 0) return summary;
  const focus = focusedFramework(results);
  if (focus) return `${requirementTable(...focus)}\n${summary}`;
  return `${summary}\n${overview(frameworks)}`;
}

function requirementTable(id: string, posture: FrameworksPosture[string]): string {
  const header = ['Requirement', 'Status', 'Coverage', 'Title', 'Why'];
  const rows = posture.requirements.map((r) => [r.id, REQUIREMENT_STATUS_LABELS[r.status], COVERAGE_LABELS[r.coverage], r.title, short(requirementWhy(r))]);
  return [
    `${posture.name} (${id}, ${posture.version}) — score ${formatScore(posture.score)}: ${countsLine(posture)}`,
    '',
    ...table(header, rows, []),
    '',
    ...wrap(STATUS_NOTE),
    '',
  ].join('\n');
}

function overview(frameworks: FrameworksPosture): string {
  const entries = Object.entries(frameworks);
  const withExcluded = entries.some(([, p]) => p.requirementCounts.excluded > 0);
  const header = ['Framework', 'Score', 'Pass', 'Fail', 'Not evaluated', 'Manual', 'Not covered', ...(withExcluded ? ['Excluded'] : [])];
  const rows = entries.map(([id, p]) => {
    const c = p.requirementCounts;
    return [id, formatScore(p.score), String(c.pass), String(c.fail), String(c.not_evaluated), String(c.manual), String(c.not_covered), ...(withExcluded ? [String(c.excluded)] : [])];
  });
  return [...table(header, rows, header.map((_, i) => i > 0)), '', 'Requirements per framework (--framework <id> puts one\'s table first; results.json `frameworks` has every requirement).', ''].join('\n');
}

/** A terminal line stays readable: the full text is in results.json and the other reports. */
function short(text: string, max = 100): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** Words to lines of at most `width` characters (a terminal does not wrap at word boundaries). */
function wrap(text: string, width = 100): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** Columns padded to their widths; `right[i]` right-aligns column i; the last column is not padded. */
function table(header: string[], rows: string[][], right: boolean[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 && !right[i] ? cell : right[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)];
}
