// Types for server-tuning.mjs (plain JavaScript: the launcher imports it before any build).
export declare const serverNodeFlags: string[];
export declare const serverEnvironment: Record<string, string>;
export declare function applyServerTuning(): void;
