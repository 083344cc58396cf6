/** Types of scripts/addin-manifest.js (CommonJS, shared with webpack.config.js). */
export declare const DEV_ORIGIN: string;
export declare const LOCAL_BASE: string;
export declare function addinBase(raw: string | undefined): string;
export declare function manifestVersion(version: string): string;
export declare function releaseManifest(devXml: string, base: string, version: string): string;
