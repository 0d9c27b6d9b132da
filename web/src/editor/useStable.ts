import { useRef } from 'react';

/** Keeps the previous reference while the value is structurally equal (findings rarely change). */
export function useStable<T>(value: T): T {
  const ref = useRef<{ key: string; value: T }>(undefined);
  const key = JSON.stringify(value);
  if (!ref.current || ref.current.key !== key) ref.current = { key, value };
  return ref.current.value;
}
