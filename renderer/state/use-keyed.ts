// A value made again only when its key changes (a memo whose dependency is a description of its
// inputs, not their identity): column definitions are keyed on what they show, so a commit that
// gives the settings or custom fields new objects without changing them keeps the same columns
// (new column definitions make AG Grid rebuild every column).
import { useState } from 'react';

export function useKeyed<T>(key: string, make: () => T): T {
  const [held, setHeld] = useState(() => ({ key, value: make() }));
  if (held.key === key) return held.value;
  // Adjusting state while rendering, as React advises for values derived from props.
  const next = { key, value: make() };
  setHeld(next);
  return next.value;
}
