/** The development base URL every address in manifest.xml starts with. */
export declare const DEV_BASE_URL: 'https://localhost:3000';
/** Checks and normalises a production base URL (https, no query/fragment/credentials, no trailing slash). */
export declare function normaliseBaseUrl(raw: string): string;
/** The manifest with every https://localhost:3000 replaced by the production base URL. */
export declare function toProductionManifest(xml: string, baseUrl: string): string;
