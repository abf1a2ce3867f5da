/// <reference types="office-js" />
/**
 * Which AddinService the pane talks to. Inside Excel it is the Office.js implementation (src/office/),
 * loaded on first use so that the pane's first paint does not wait for it; elsewhere (a plain browser)
 * there is none yet and the pane says to open it from Excel. The standalone file mode will plug in here.
 */
import { AddinService, UserFacingError } from './service';

/** True in Excel (desktop, web, Mac) once Office.onReady has resolved. */
export function isInExcel(): boolean {
  try {
    return typeof Office !== 'undefined' && Office.context?.host === Office.HostType.Excel;
  } catch {
    return false;
  }
}

/** Excel for Mac and iPad: their web views do not let an add-in save files. */
function macOrIpad(): boolean {
  try {
    return Office.context.platform === Office.PlatformType.Mac || Office.context.platform === Office.PlatformType.iOS;
  } catch {
    return false;
  }
}

export function createHostService(): AddinService | null {
  if (!isInExcel()) return null;
  let service: Promise<AddinService> | null = null;
  const load = (): Promise<AddinService> => {
    service ??= import('../office/service').then(
      (m) => m.createOfficeService(),
      (err: unknown) => {
        // Forget the failure so that the next click tries again (a dropped connection, say).
        service = null;
        console.error('Piano Offerta: caricamento del servizio Office non riuscito', err);
        throw new UserFacingError(
          'Piano Offerta non è stato caricato completamente.',
          'Controllare la connessione, poi chiudere e riaprire il riquadro di Piano Offerta.',
        );
      },
    );
    return service;
  };
  return {
    inspect: async () => (await load()).inspect(),
    isCurrent: async (fingerprint, options) => (await load()).isCurrent(fingerprint, options),
    createStandardSheets: async (options) => (await load()).createStandardSheets(options),
    checkAndApply: async (onProgress, signal, options) => (await load()).checkAndApply(onProgress, signal, options),
    removeResults: async () => (await load()).removeResults(),
    selectCell: async (sheet, cell) => (await load()).selectCell(sheet, cell),
    planDocument: async (options) => (await load()).planDocument(options),
    // Known without loading the service: the button says so before anything is asked of Excel.
    canDownload: !macOrIpad(),
  };
}
