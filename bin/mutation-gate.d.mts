// Types for mutation-gate.mjs (plain JavaScript, run by `npm run test:mutation` after Stryker).
export interface EquivalentRow {
  file: string;
  within: string | null;
  code: string;
  becomes: string[];
  why: string;
  docLine: number;
}
export interface MutationModule {
  name: string;
  target: number;
  files: string[];
}
interface Position {
  line: number;
  column: number;
}
export interface ReportMutant {
  mutatorName?: string;
  replacement?: string;
  status: string;
  location: { start: Position; end: Position };
}
export interface MutationReport {
  files: Record<string, { source: string; mutants: ReportMutant[] }>;
}
export interface ModuleScore {
  name: string;
  target: number;
  files: number;
  filesInReport: number;
  detected: number;
  undetected: number;
  equivalent: number;
  tested: number;
  raw: number | null;
  score: number | null;
  passes: boolean;
  survivors: { file: string; line: number; status: string; code: string; replacement: string }[];
}
export declare function codeSpans(cell: string): string[];
export declare function parseEquivalents(markdown: string): EquivalentRow[];
export declare function enclosingFunction(sourceLines: readonly string[], line: number): string | null;
export declare function mutatedCode(sourceLines: readonly string[], location: { start: Position; end: Position }): string;
export declare function moduleScores(
  report: MutationReport,
  modules: readonly MutationModule[],
  equivalents: readonly EquivalentRow[],
): { modules: ModuleScore[]; stale: EquivalentRow[]; killedOnly: EquivalentRow[] };
export declare function gateReport(result: ReturnType<typeof moduleScores>): { lines: string[]; passes: boolean };
