/**
 * What jsdom lacks and Fluent UI v9 uses: ResizeObserver (overflow, MessageBar reflow), matchMedia
 * (reduced-motion checks), scrollIntoView. Inert stand-ins: the tests assert text and roles, not layout.
 * Import this module first in a jsdom test file.
 */
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

if (typeof window !== 'undefined') {
  const w = window as unknown as Record<string, unknown>;
  w.ResizeObserver ??= ResizeObserverStub;
  w.matchMedia ??= (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    addListener: () => undefined,
    removeListener: () => undefined,
    dispatchEvent: () => false,
  });
  Element.prototype.scrollIntoView ??= function scrollIntoView() {};
}

export {};
