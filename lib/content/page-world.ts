// Firefox runs content scripts behind Xray vision: page objects are seen through wrappers, and data a
// content script writes into a DataTransfer through one is kept from the page (the page reads the
// type with an empty value). Writing through the unwrapped object makes it the page's own data. Other
// browsers have no such wrappers (no XPCNativeWrapper), so there the object is used as it is.
declare const XPCNativeWrapper: { unwrap<T>(object: T): T } | undefined;

/** The object as the page sees it: write data the page must read through this. */
export function pageView<T extends object>(object: T): T {
  return typeof XPCNativeWrapper === 'undefined' ? object : XPCNativeWrapper.unwrap(object);
}
