/**
 * Rendering Fluent UI components in jsdom without their CSS. testing-library's role queries call
 * getComputedStyle on every element they consider, and jsdom's getComputedStyle walks every rule in
 * the page: with the thousands of atomic rules Fluent inserts, one query takes seconds. The tests
 * assert roles, names and text, never looks, so only the few rules that hide content are inserted
 * (a Tab, for one, keeps a hidden bold copy of its label that must not count in its name).
 */
import { RendererProvider, createDOMRenderer } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';

const HIDES = /display:\s*none|visibility:\s*hidden/;
const renderer = createDOMRenderer(document, { unstable_filterCSSRule: (css) => HIDES.test(css) });

export function renderWithoutCss(ui: ReactElement) {
  return render(
    <RendererProvider renderer={renderer} targetDocument={document}>
      {ui}
    </RendererProvider>,
  );
}
