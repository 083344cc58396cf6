/** Types of scripts/cli-bundle.js (CommonJS, run by bin/chiso.js before any TypeScript tooling). */
export declare const BUNDLE: string;
export declare const INPUTS: string;
export declare function cliBundle(): string;
export declare function isStale(): boolean;
export declare function runCli(): void;
