// Role: the one typing timer: show "typing…" only when the handler is still busy after a delay.

/**
 * Calls `show` once after `delayMs` unless the returned cancel function runs first; `delayMs` 0 or less disables
 * it. A failed `show` goes to `onError` (a typing indicator is never worth more than a debug line).
 */
export function typingAfter(
  delayMs: number,
  show: () => Promise<unknown>,
  onError: (error: unknown) => void,
): () => void {
  if (delayMs <= 0) return () => {};
  const timer = setTimeout(() => {
    show().catch(onError);
  }, delayMs);
  timer.unref();
  return () => clearTimeout(timer);
}
