/// <reference types="office-js" />
/**
 * Entry point of the task pane. office.js comes from Microsoft's CDN by a script tag: inside Office the
 * pane waits for Office.onReady before touching the workbook; in a plain browser (or when the CDN could
 * not be reached) `Office` may be missing altogether, and the pane still renders, saying to open it
 * from Excel.
 */
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createHostService } from './host';
import { ThemeKind, currentThemeKind, watchThemeKind } from './theme';

async function officeReady(): Promise<void> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return;
  try {
    await Office.onReady();
  } catch (err) {
    // Rendering anyway beats a blank pane: without a host the pane shows how to open it from Excel.
    console.error('Piano Offerta: Office.onReady non riuscito', err);
  }
}

async function start(): Promise<void> {
  await officeReady();
  const container = document.getElementById('root');
  if (!container) throw new Error('Piano Offerta: manca l\'elemento #root nella pagina del riquadro');
  const root = createRoot(container);
  const service = createHostService();
  const render = (theme: ThemeKind) => root.render(<App service={service} theme={theme} />);
  render(currentThemeKind());
  watchThemeKind(render);
}

void start();
