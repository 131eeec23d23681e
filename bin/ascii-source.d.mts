// Types for ascii-source.mjs (plain JavaScript: bin/build-server.mjs runs it with Node alone).
export declare function asciiSource(code: string): string;
