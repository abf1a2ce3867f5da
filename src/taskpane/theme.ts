/// <reference types="office-js" />
/**
 * Light or dark, following Office's theme (the pane should look like the Excel around it). Outside
 * Office (a plain browser) the system preference decides.
 */

export type ThemeKind = 'light' | 'dark';

/** Relative luminance (WCAG) of "#RRGGBB" or "#RGB"; null when the text is not such a colour. */
export function luminance(hex: string): number | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const digits = m[1]!.length === 3 ? [...m[1]!].map((d) => d + d).join('') : m[1]!;
  const channel = (i: number) => {
    const c = parseInt(digits.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/** Dark when the background is darker than mid-grey (Office's "Grigio scuro" and "Nero" themes). */
export function themeKindOfBackground(hex: string): ThemeKind | null {
  const l = luminance(hex);
  if (l === null) return null;
  return l < 0.2 ? 'dark' : 'light';
}

/** Office's theme, or null outside Office or where the host does not expose it. */
export function officeThemeKind(): ThemeKind | null {
  try {
    if (typeof Office === 'undefined') return null;
    const bg = Office.context?.officeTheme?.bodyBackgroundColor;
    return typeof bg === 'string' ? themeKindOfBackground(bg) : null;
  } catch {
    // Some hosts throw on officeTheme instead of leaving it undefined.
    return null;
  }
}

function systemThemeKind(): ThemeKind {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return 'light';
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function currentThemeKind(): ThemeKind {
  return officeThemeKind() ?? systemThemeKind();
}

/** How often the Office theme is re-read: Excel has no theme-changed event for add-ins. */
const OFFICE_THEME_POLL_MS = 3000;

/**
 * Calls onChange when the theme changes; returns the function that stops watching. Excel raises no
 * event when the user switches Office theme (OfficeThemeChanged is Outlook/PowerPoint only), so inside
 * Office the theme is re-read every few seconds — a property read, cheap.
 */
export function watchThemeKind(onChange: (kind: ThemeKind) => void): () => void {
  let last = currentThemeKind();
  const update = () => {
    const now = currentThemeKind();
    if (now !== last) {
      last = now;
      onChange(now);
    }
  };
  if (officeThemeKind() !== null) {
    const timer = window.setInterval(update, OFFICE_THEME_POLL_MS);
    return () => window.clearInterval(timer);
  }
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return () => undefined;
  const query = window.matchMedia('(prefers-color-scheme: dark)');
  query.addEventListener('change', update);
  return () => query.removeEventListener('change', update);
}
