// Types for the mutation tool's generator (the scripts stay plain JS to run without a build).
export interface Edit { start: number; end: number; text: string }
export interface Mutant {
  line: number;
  rule: string;
  operator: 'comparison' | 'boundary' | 'drop' | 'negate' | 'constant' | 'quantifier';
  category: 'logic' | 'message';
  description: string;
  edits: Edit[];
}
export function mutantsOf(source: string): Mutant[];
export function applyMutant(source: string, mutant: Mutant): string;
