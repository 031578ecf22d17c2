// Keyboard focus helpers shared by the grid and the modal dialogs.

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"]), summary';

/** The elements Tab reaches inside `root`, in document order (shown and not inert). */
export function tabbables(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.tabIndex >= 0 && !el.closest('[inert]') && el.getClientRects().length > 0);
}

/**
 * Moves focus to the first control after `container` (or the last one before it, backwards), as
 * Tab would from outside it; wraps around the page like the browser. False when there is none.
 */
export function focusBeyond(container: HTMLElement, backwards: boolean): boolean {
  const all = tabbables(document).filter((el) => !container.contains(el));
  const after = (el: HTMLElement) => !!(container.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
  const target = backwards ? ([...all].reverse().find((el) => !after(el)) ?? all[all.length - 1]) : (all.find(after) ?? all[0]);
  if (!target) return false;
  target.focus();
  return true;
}
