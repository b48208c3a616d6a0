// Focus handed back after asynchronous work (a send, a form loading, a list laying out) must never
// take it from where the user has moved meanwhile: a fast keyboard user already on the next
// control would otherwise land back on this one and press Enter on the wrong thing.

/** The focused element, looking inside open shadow roots. */
export function deepActiveElement(): Element | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/**
 * Whether the user has put focus on something else since `before` (read with
 * `deepActiveElement()` when the work started): another element still on the page. Focus that
 * fell to `<body>` because the focused element went away (a closed form) is not a move.
 */
export function focusMovedFrom(before: Element | null): boolean {
  const now = deepActiveElement();
  return !!now && now !== before && now.isConnected && now !== document.body && now !== document.documentElement;
}
