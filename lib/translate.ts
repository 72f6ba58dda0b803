// How every context gets localised text: browser.i18n.getMessage in the extension, a messages.json
// reader in tests. One type for components, pages, the input guard and its notices.
export type Translate = (key: string, substitutions?: string[]) => string;
