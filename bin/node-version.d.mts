// Types for node-version.mjs (plain JavaScript so that an old Node can run it).
export declare const REQUIRED_NODE_MAJOR: number;
export declare const EXIT_FIX_FIRST: number;
export declare function nodeVersionProblem(version: string): string | null;
export declare function exitIfOldNode(): void;
