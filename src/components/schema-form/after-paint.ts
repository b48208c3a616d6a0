/**
 * Runs `run` once the next frame has been painted — a frame, then a task — or after `fallbackMs`
 * when no frame comes (a page in a background tab). Returns a function that cancels it.
 * The form uses it for the work it keeps off its first render (validity, the UI schema's shape).
 */
export function afterPaint(run: () => void, fallbackMs: number): () => void {
  let done = false;
  const fire = () => {
    if (done) return;
    done = true;
    run();
  };
  let timer = setTimeout(fire, fallbackMs);
  requestAnimationFrame(() => {
    clearTimeout(timer);
    if (!done) timer = setTimeout(fire, 0);
  });
  return () => {
    done = true;
    clearTimeout(timer);
  };
}
