// How components get localised text: the page passes browser.i18n (or, in tests, a messages.json reader).
export type Translate = (key: string, substitutions?: string[]) => string;
