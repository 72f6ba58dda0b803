// Why a paste was refused. Its own module so the content script's message schemas can name the reasons
// without bundling the redaction engine (and its phone-number metadata) into every page.
export const guardBlockReasons = ['personal-data', 'files', 'too-large', 'cancelled', 'error'] as const;
export type GuardBlockReason = (typeof guardBlockReasons)[number];
